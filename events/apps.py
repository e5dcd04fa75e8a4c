from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from mentors.rules import register_contact_grant
        from talentbridge.notifications import register_notification_source

        from .meetings.rules import sees_contacts_of_meeting_partner
        from .rules import sees_contacts_of_registrant
        from .tickets import ticket_extras

        register_notification_source("events.ticket", ticket_extras)
        register_contact_grant(sees_contacts_of_registrant)
        register_contact_grant(sees_contacts_of_meeting_partner)
