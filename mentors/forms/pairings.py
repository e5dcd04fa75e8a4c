"""Proposing a mentor–mentee pairing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalForm

from ..models import Mentee, Mentor


class ProposePairingForm(PortalForm):
    """A proposal: which expert and which mentee, and a note for the other side."""

    mentor = forms.ModelChoiceField(
        Mentor.objects.all(), label=_("Expert"), widget=forms.HiddenInput
    )
    mentee = forms.ModelChoiceField(Mentee.objects.order_by("name", "id"), label=_("Mentee"))
    note = forms.CharField(label=_("Note"), required=False, max_length=1000, widget=forms.Textarea)
