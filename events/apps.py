from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from talentbridge.notifications import register_notification_source

        from .tickets import ticket_extras

        register_notification_source("events.ticket", ticket_extras)
