"""A claim's proposal and the poster's decision on it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalForm

from .uploads import AttachmentsField


class ClaimForm(PortalForm):
    """A proposal (揭榜): how, when, with whom, with what result."""

    approach = forms.CharField(
        label=_("Approach"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=5000,
        help_text=_("How you would solve the problem or take the project forward."),
    )
    timeline = forms.CharField(
        label=_("Timeline"),
        max_length=300,
        help_text=_("For example: prototype in 3 months, pilot line in 12 months."),
    )
    team = forms.CharField(
        label=_("Team"), widget=forms.Textarea(attrs={"rows": 3}), required=False, max_length=3000
    )
    expected_result = forms.CharField(
        label=_("Expected result"), widget=forms.Textarea(attrs={"rows": 3}), max_length=3000
    )
    organization_name = forms.CharField(
        label=_("On behalf of (organisation)"), required=False, max_length=200
    )
    attachments = AttachmentsField(label=_("Attachments"))


class DecisionForm(PortalForm):
    """The poster's optional message with an accept or a decline."""

    message = forms.CharField(
        label=_("Message to the claimant"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
