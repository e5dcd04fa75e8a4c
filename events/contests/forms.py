"""Forms of contests: the contest, a team's entry with its eligibility answers and files,
a judge's score sheet, the track judges."""

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import IdMultipleChoiceField, PortalForm, PortalModelForm

from .models import Contest, Entry
from .services import ContestError, check_attachment

DATETIME_WIDGET = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class ContestForm(PortalModelForm):
    class Meta:
        model = Contest
        fields = [
            "title",
            "summary",
            "groups",
            "deadline",
            "timeline",
            "prizes",
            "rules",
            "judges_per_entry",
            "entries_per_judge",
            "blind",
            "is_public",
        ]
        widgets = {"deadline": DATETIME_WIDGET, "groups": forms.TextInput()}

    def clean_judges_per_entry(self):
        value = self.cleaned_data["judges_per_entry"]
        if not 1 <= value <= 15:
            raise forms.ValidationError(_("Between 1 and 15 judges per entry."))
        return value


class NewContestForm(ContestForm):
    office = forms.ModelChoiceField(queryset=None, label=_("office"))
    tracks = forms.CharField(
        label=_("tracks"), widget=forms.Textarea, help_text=_("One track per line")
    )
    criteria = forms.CharField(
        label=_("scoring criteria"),
        widget=forms.Textarea,
        help_text=_("One per line: name and weight, e.g. “技术创新性 30”"),
    )

    class Meta(ContestForm.Meta):
        fields = ["office", *ContestForm.Meta.fields]

    def __init__(self, *args, offices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["office"].queryset = offices

    def clean_tracks(self):
        names = [line.strip() for line in self.cleaned_data["tracks"].splitlines() if line.strip()]
        if not names or len(set(names)) != len(names) or any(len(n) > 100 for n in names):
            raise forms.ValidationError(_("Name one or more different tracks."))
        return names

    def clean_criteria(self):
        rows = []
        for line in self.cleaned_data["criteria"].splitlines():
            if not line.strip():
                continue
            name, _sep, weight = line.strip().rpartition(" ")
            if not name.strip() or not weight.isdigit() or not 1 <= int(weight) <= 100:
                raise forms.ValidationError(
                    _("Write each criterion as a name and a weight from 1 to 100.")
                )
            rows.append((name.strip()[:100], int(weight), 10))
        if not rows:
            raise forms.ValidationError(_("Name at least one criterion."))
        return rows


class EntryForm(PortalModelForm):
    business_plan = forms.FileField(label=_("business plan (PDF)"), required=False)
    slides = forms.FileField(label=_("slides (PDF, PPTX)"), required=False)
    video_url = forms.URLField(label=_("video link"), required=False, assume_scheme="https")

    class Meta:
        model = Entry
        fields = [
            "track",
            "group",
            "team_name",
            "organisation",
            "members",
            "project_title",
            "summary",
            "stage",
            "region",
            "video_url",
        ]

    def __init__(self, *args, contest: Contest, **kwargs):
        super().__init__(*args, **kwargs)
        self.contest = contest
        self.fields["track"].queryset = contest.tracks.all()
        self.fields["track"].empty_label = None
        groups = contest.group_list
        if groups:
            self.fields["group"] = forms.ChoiceField(
                label=_("group"), choices=[(g, g) for g in groups]
            )
        else:
            del self.fields["group"]
        self.questions = list(contest.questions.all())
        answers = self.instance.answers if self.instance.pk else {}
        for question in self.questions:
            self.fields[f"q{question.pk}"] = forms.CharField(
                label=question.text,
                max_length=500,
                required=False,
                initial=answers.get(str(question.pk), ""),
            )

    def _clean_file(self, kind: str):
        upload = self.cleaned_data.get(kind)
        if upload:
            try:
                check_attachment(upload, kind)
            except ContestError as error:
                raise forms.ValidationError(str(error)) from None
        return upload

    def clean_business_plan(self):
        return self._clean_file("business_plan")

    def clean_slides(self):
        return self._clean_file("slides")

    def entry_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields if name in self.fields}
        data["answers"] = {str(q.pk): self.cleaned_data[f"q{q.pk}"] for q in self.questions}
        return data

    def entry_files(self) -> dict:
        return {
            k: self.cleaned_data[k] for k in ("business_plan", "slides") if self.cleaned_data[k]
        }


class ScoreForm(PortalForm):
    """One number per criterion and a comment; the ranges are the criteria's."""

    comment = forms.CharField(label=_("comment"), widget=forms.Textarea, required=False)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        comment = self.fields.pop("comment")
        for criterion in self.criteria:
            self.fields[f"c{criterion.pk}"] = forms.DecimalField(
                label=f"{criterion.name} ({criterion.weight}%)",
                min_value=0,
                max_value=criterion.max_score,
                decimal_places=1,
                widget=forms.NumberInput(
                    attrs={"step": "0.5", "inputmode": "decimal", "max": criterion.max_score}
                ),
            )
        self.fields["comment"] = comment

    def marks(self) -> dict[str, float]:
        return {str(c.pk): float(self.cleaned_data[f"c{c.pk}"]) for c in self.criteria}


class TrackJudgesForm(PortalForm):
    def __init__(self, *args, tracks, judges, **kwargs):
        super().__init__(*args, **kwargs)
        self.tracks = list(tracks)
        for track in self.tracks:
            self.fields[f"t{track.pk}"] = IdMultipleChoiceField(
                label=track.name,
                queryset=judges,
                required=False,
                widget=forms.CheckboxSelectMultiple,
                initial=[j.pk for j in track.judges.all()],
            )


class LandingForm(PortalForm):
    """Where a winning project lands and with what intended investment."""

    province = forms.CharField(label=_("province"), max_length=40)
    city = forms.CharField(label=_("city"), max_length=40, required=False)
    county = forms.CharField(label=_("county / district"), max_length=40, required=False)
    landed_on = forms.DateField(
        label=_("landed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    intended_investment = forms.IntegerField(
        label=_("intended investment (yuan)"), min_value=0, required=False
    )
