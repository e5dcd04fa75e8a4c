"""Studios (名医工作室, expert workstations) and their training sessions."""

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import PortalModelForm

from ..models import Mentor, Studio, TrainingSession


class StudioForm(PortalModelForm):
    """A new studio: the expert is one the office holds."""

    class Meta:
        model = Studio
        fields = [
            "name",
            "kind",
            "mentor",
            "host_name",
            "province",
            "city",
            "county",
            "field",
            "opened_on",
        ]
        widgets = {"opened_on": forms.DateInput(attrs={"type": "date"})}
        labels = {"name": _("Studio name")}

    def __init__(self, *args, office, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentor"].queryset = Mentor.objects.filter(holdings__office=office).distinct()


class TrainingSessionForm(PortalModelForm):
    class Meta:
        model = TrainingSession
        fields = ["title", "held_on", "trainees", "backbone_trained"]
        widgets = {"held_on": forms.DateInput(attrs={"type": "date"})}

    def clean(self):
        cleaned = super().clean()
        trainees, backbone = cleaned.get("trainees"), cleaned.get("backbone_trained")
        if trainees is not None and backbone is not None and backbone > trainees:
            self.add_error("backbone_trained", _("No more backbone staff than trainees, please."))
        return cleaned
