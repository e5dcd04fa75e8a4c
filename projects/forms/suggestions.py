"""A user's verdict on a suggestion."""

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalForm

CHOOSE = _("Choose relevant or not relevant.")


class FeedbackForm(PortalForm):
    """ "Relevant" or "not relevant"; anything else is refused with one clear message."""

    relevant = forms.ChoiceField(
        choices=[("yes", _("Relevant")), ("no", _("Not relevant"))],
        error_messages={"required": CHOOSE, "invalid_choice": CHOOSE},
    )
