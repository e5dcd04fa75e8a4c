from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "projects"
    verbose_name = _("Boards and claims")

    def ready(self):
        from django.db.models.signals import post_save, pre_save

        from mentors.models import Mentee, Mentor
        from mentors.regions import link_on_save
        from mentors.rules import register_contact_grant
        from mentors.signals import people_imported

        from . import signals
        from .firms.rules import accepted_firm_match_grant
        from .models import Challenge, Landing, Project
        from .rules import accepted_claim_grant

        register_contact_grant(accepted_claim_grant)
        register_contact_grant(accepted_firm_match_grant)
        post_save.connect(signals.mentor_saved, sender=Mentor, dispatch_uid="suggest-mentor")
        post_save.connect(signals.mentee_saved, sender=Mentee, dispatch_uid="suggest-mentee")
        people_imported.connect(signals.people_imported, dispatch_uid="suggest-imported")
        for model in (Challenge, Project, Landing):
            pre_save.connect(link_on_save, sender=model, dispatch_uid=f"region-{model.__name__}")
