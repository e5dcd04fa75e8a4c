"""The filter form of the dashboards and exports: period, region and field, read from GET
parameters and turned into a :class:`Scope` (and back, for logs and background jobs)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain
from talentbridge.forms import PortalForm

from ..models import Event
from .scope import Scope


class ScopeForm(PortalForm):
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    province = forms.CharField(
        label=_("Province"),
        required=False,
        max_length=40,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. 福建省")}),
    )
    field = forms.ModelChoiceField(
        label=_("Field"),
        required=False,
        queryset=IndustryChain.objects.order_by("order", "slug"),
        to_field_name="slug",
        empty_label=_("All fields"),
    )

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The period ends before it starts."))
        return cleaned

    def scope(self, event: Event | None = None) -> Scope:
        """The scope the valid form describes (an invalid form filters nothing)."""
        if not self.is_valid():
            return Scope(event=event)
        data = self.cleaned_data
        return Scope(
            event=event,
            since=data["since"],
            until=data["until"],
            province=data["province"].strip(),
            field=data["field"],
        )


def scope_params(scope: Scope) -> dict[str, str]:
    """The scope's filters as GET parameters (only those that are set)."""
    params = {
        "since": scope.since.isoformat() if scope.since else "",
        "until": scope.until.isoformat() if scope.until else "",
        "province": scope.province,
        "field": scope.field.slug if scope.field else "",
    }
    return {key: value for key, value in params.items() if value}


def scope_from_params(params: dict, event: Event | None = None) -> Scope:
    """The scope stored as parameters by :func:`scope_params`."""
    return ScopeForm(params).scope(event)
