"""The board's filters, read from the query string."""

from django import forms
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from mentors.models import IndustryChain
from projects.models import PUBLIC_STATUSES, Challenge
from talentbridge.forms import PortalForm

BOARD_STATUSES = [(status.value, status.label) for status in PUBLIC_STATUSES]


class BoardFilterForm(PortalForm):
    """The board's GET parameters; invalid values are ignored rather than reported."""

    SORTS = {
        "new": ("-published_at", "-id"),
        "deadline": (F("deadline").asc(nulls_last=True), "-id"),
        "reward": (F("reward_max").desc(nulls_last=True), "-id"),
        "investment": (F("intended_investment").desc(nulls_last=True), "-id"),
    }

    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    field = forms.ModelChoiceField(
        label=_("Field"),
        queryset=IndustryChain.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All fields"),
    )
    province = forms.CharField(label=_("Region"), required=False, max_length=40)
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Open and in progress")), *BOARD_STATUSES],
        required=False,
    )
    deadline = forms.ChoiceField(
        label=_("Deadline"),
        required=False,
        choices=[
            ("", _("Any deadline")),
            ("7", _("Within 7 days")),
            ("30", _("Within 30 days")),
            ("open", _("Not passed")),
        ],
    )
    min_amount = forms.IntegerField(
        label=_("At least (10,000 yuan)"), required=False, min_value=0, max_value=10**8
    )
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("new", _("Newest")),
            ("deadline", _("Deadline soonest")),
            ("reward", _("Highest reward")),
            ("investment", _("Highest investment")),
        ],
    )

    def __init__(self, data=None, *, kind: str = Challenge.kind, **kwargs):
        super().__init__(data, **kwargs)
        self.kind = kind
        # Reward applies to demands, investment to projects.
        drop = "investment" if kind == Challenge.kind else "reward"
        self.fields["sort"].choices = [c for c in self.fields["sort"].choices if c[0] != drop]
        if kind != Challenge.kind:
            self.fields["min_amount"].label = _("Investment at least (10,000 yuan)")
        else:
            self.fields["min_amount"].label = _("Reward at least (10,000 yuan)")
