from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentBridgeConfig(AppConfig):
    name = "talentbridge"
    verbose_name = _("Accounts and notifications")
