from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorsConfig(AppConfig):
    name = "mentors"
    verbose_name = _("People and organisations")

    def ready(self):
        from django.db.models.signals import pre_save

        from .hometown.rules import roster_liaison_grant
        from .models import Mentee, Mentor, Organization
        from .regions import link_imported, link_on_save
        from .rules import register_contact_grant
        from .signals import people_imported

        register_contact_grant(roster_liaison_grant)
        for model in (Mentor, Mentee, Organization):
            pre_save.connect(link_on_save, sender=model, dispatch_uid=f"region-{model.__name__}")
        people_imported.connect(link_imported, dispatch_uid="region-imported")
