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


class OutcomeForm(PortalForm):
    """The filters of the outcomes report: office (among those the user may see), whole
    years, a region as written (province, city or county) and a field."""

    office = forms.TypedChoiceField(label=_("Office"), required=False, coerce=int, empty_value=None)
    since = forms.IntegerField(label=_("From year"), required=False, min_value=1900, max_value=2100)
    until = forms.IntegerField(label=_("To year"), required=False, min_value=1900, max_value=2100)
    region = forms.CharField(
        label=_("Region"),
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

    def __init__(self, *args, offices, everyone: bool, **kwargs):
        super().__init__(*args, **kwargs)
        first = _("All offices") if everyone else _("All my offices")
        self.fields["office"].choices = [("", first)] + [(o.pk, o.name) for o in offices]

    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(_("The period ends before it starts."))
        return cleaned
