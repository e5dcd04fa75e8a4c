"""The experts an office holds, invitations to claim a profile, and claiming one."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from talentbridge.forms import AcceptInvitationForm, PortalForm
from talentbridge.models import User

from ..models import ClaimStatus


class HeldExpertsFilterForm(PortalForm):
    """The search box and status filter of an office's experts."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Every status")), *ClaimStatus.choices],
    )

    def filters(self) -> dict:
        """The valid filters; an invalid value is dropped."""
        self.is_valid()
        return {key: value for key, value in self.cleaned_data.items() if value}


class InviteExpertsForm(PortalForm):
    """E-mail the links, or print them on a sheet, for the chosen experts or every expert of
    the office who has not joined."""

    EMAIL, SHEET = "email", "sheet"
    SELECTED, NOT_JOINED = "selected", "not_joined"

    action = forms.ChoiceField(
        choices=[(EMAIL, _("Send by e-mail")), (SHEET, _("Printable sheet and text"))]
    )
    scope = forms.ChoiceField(
        choices=[(SELECTED, _("The selected experts")), (NOT_JOINED, _("Everyone not joined"))]
    )
    mentors = forms.ModelMultipleChoiceField(queryset=None, required=False)

    def __init__(self, *args, experts, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentors"].queryset = experts

    def clean(self):
        data = super().clean()
        if data.get("scope") == self.SELECTED and not data.get("mentors"):
            raise ValidationError(_("Select at least one expert."), code="none")
        return data


class ClaimProfileForm(AcceptInvitationForm):
    """Set a password for the new account; give an address when the office had none."""

    email = forms.EmailField(label=_("E-mail address"))

    def __init__(self, *args, email: str, name: str, **kwargs):
        super().__init__(*args, email=email, **kwargs)
        self.profile_name = name
        del self.fields["name"]
        if email:
            del self.fields["email"]
        self.order_fields(["email"])

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _("This address already has an account: log in, then open the link again."),
                code="exists",
            )
        self.email = email
        return email

    def clean(self):
        # The password must not resemble the expert's name, which the profile already holds.
        self.cleaned_data["name"] = self.profile_name
        return super().clean()
