"""A follow-up (跟踪回访) on a landing."""

from django import forms
from django.utils.translation import gettext_lazy as _

from projects.models import FollowUp
from talentbridge.forms import PortalModelForm


class FollowUpForm(PortalModelForm):
    """Operating status, actual investment, revenue band, jobs, talents and notes."""

    class Meta:
        model = FollowUp
        fields = [
            "checked_on",
            "status",
            "actual_investment",
            "revenue_band",
            "jobs_created",
            "talents_brought",
            "notes",
        ]
        widgets = {
            "checked_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {
            "checked_on": _("Checked on"),
            "status": _("Operating status"),
            "actual_investment": _("Actual investment (yuan)"),
            "revenue_band": _("Revenue band"),
            "jobs_created": _("Jobs created"),
            "talents_brought": _("Talents brought in"),
            "notes": _("Notes"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("jobs_created", "talents_brought"):
            self.fields[name].required = False

    def clean_jobs_created(self) -> int:
        return self.cleaned_data.get("jobs_created") or 0

    def clean_talents_brought(self) -> int:
        return self.cleaned_data.get("talents_brought") or 0
