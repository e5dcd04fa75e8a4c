"""Where a posting landed (落地) and with what investment."""

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalForm


class LandingForm(PortalForm):
    """The place down to the village, the date and the amounts of a landing."""

    province = forms.CharField(label=_("Province"), max_length=40)
    city = forms.CharField(label=_("City"), max_length=40, required=False)
    county = forms.CharField(label=_("County / district"), max_length=40, required=False)
    town = forms.CharField(label=_("Town / sub-district"), max_length=40, required=False)
    village = forms.CharField(label=_("Village / community"), max_length=40, required=False)
    landed_on = forms.DateField(
        label=_("Landing date"),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    intended_investment = forms.IntegerField(
        label=_("Intended investment (yuan)"), min_value=0, required=False
    )
    signed_investment = forms.IntegerField(
        label=_("Signed investment (yuan)"), min_value=0, required=False
    )
