"""Forms of the account pages, and the limits every form of the portal applies."""

from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.contrib.contenttypes.models import ContentType
from django.core import validators
from django.utils.translation import gettext_lazy as _

from .models import SELF_SERVICE_ROLES, Office, OfficeRole, User
from .parsing import MAX_INT, MAX_YEAR, MIN_YEAR, is_sane_date, parse_id


class SignupForm(BaseUserCreationForm):
    roles = forms.MultipleChoiceField(
        label=_("I take part as"),
        choices=[(role.value, role.label) for role in SELF_SERVICE_ROLES],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one role.")},
    )

    class Meta:
        model = User
        fields = ["name", "email"]

    def clean_email(self):
        email = self.cleaned_data["email"].lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(
                _("An account with this e-mail address already exists."), code="duplicate"
            )
        return email


class LoginForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("E-mail address"), widget=forms.EmailInput(attrs={"autofocus": True})
    )
    error_messages = {
        "invalid_login": _("The e-mail address or the password is wrong."),
        "inactive": _("This account is inactive."),
    }


TEXT_LIMIT = 20_000


def _year_in_range(value):
    if not is_sane_date(value):
        raise forms.ValidationError(
            _("Enter a date between the years %(min)d and %(max)d.")
            % {"min": MIN_YEAR, "max": MAX_YEAR},
            code="year_range",
        )


class IdMultipleChoiceField(forms.ModelMultipleChoiceField):
    """A multiple choice of rows that refuses ids the database cannot hold, not with a 500."""

    def _check_values(self, value):
        key = self.to_field_name or "pk"
        if key == "pk":
            for item in value:
                if parse_id(item) is None:
                    raise forms.ValidationError(
                        self.error_messages["invalid_pk_value"],
                        code="invalid_pk_value",
                        params={"pk": str(item)[:40]},
                    )
        return super()._check_values(value)


class PortalFormMixin:
    """Limits every form of the portal applies to untrusted input, in one place.

    Text is capped (``TEXT_LIMIT`` where the field sets no limit) with a readable message,
    integers stay within what the database stores, dates within 1900–2100, and multiple
    choices of rows refuse ids beyond 64 bits.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            _harden(field)


class PortalForm(PortalFormMixin, forms.Form):
    pass


class PortalModelForm(PortalFormMixin, forms.ModelForm):
    pass


def _length_message():
    return _("Keep this to %(limit_value)d characters or fewer (it has %(show_value)d).")


def _harden(field: forms.Field) -> None:
    if type(field) is forms.ModelMultipleChoiceField:
        field.__class__ = IdMultipleChoiceField
    if isinstance(field, forms.CharField) and not isinstance(
        field, forms.URLField | forms.EmailField
    ):
        if field.max_length is None:
            field.max_length = TEXT_LIMIT
            field.widget.attrs.setdefault("maxlength", str(TEXT_LIMIT))
        field.validators = [
            v for v in field.validators if not isinstance(v, validators.MaxLengthValidator)
        ]
        field.validators.append(
            validators.MaxLengthValidator(field.max_length, message=_length_message())
        )
    if isinstance(field, forms.IntegerField) and not isinstance(field, forms.FloatField):
        if field.max_value is None:
            field.validators.append(validators.MaxValueValidator(MAX_INT))
        if field.min_value is None:
            field.validators.append(validators.MinValueValidator(-MAX_INT))
    if isinstance(field, forms.DateField | forms.DateTimeField | forms.SplitDateTimeField):
        field.validators.append(_year_in_range)


class AuditFilterForm(PortalForm):
    q = forms.CharField(
        label=_("Object or person"), required=False, max_length=100, widget=forms.SearchInput
    )
    action = forms.CharField(
        label=_("Action"), required=False, max_length=80, widget=forms.SearchInput
    )
    object_type = forms.ModelChoiceField(
        label=_("Object type"),
        required=False,
        queryset=ContentType.objects.filter(
            app_label__in=["talentbridge", "mentors", "projects", "events"]
        ).order_by("app_label", "model"),
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class OfficeForm(PortalModelForm):
    owner_email = forms.EmailField(
        label=_("Owner's e-mail address"),
        help_text=_("An existing account becomes owner at once; anyone else is invited."),
    )

    class Meta:
        model = Office
        fields = ["name", "kind", "region", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if Office.objects.filter(name__iexact=name).exists():
            raise forms.ValidationError(
                _("An office with this name already exists."), code="duplicate"
            )
        return name


class InviteMemberForm(PortalForm):
    email = forms.EmailField(label=_("E-mail address"))
    role = forms.ChoiceField(label=_("Role"), choices=OfficeRole.choices)

    def __init__(self, *args, grantable: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].initial = OfficeRole.STAFF
        self.fields["role"].choices = [
            (value, label) for value, label in OfficeRole.choices if value in grantable
        ]


class AcceptInvitationForm(PortalForm):
    name = forms.CharField(label=_("Your name"), max_length=100)
    password1 = forms.CharField(label=_("Password"), widget=forms.PasswordInput, max_length=128)
    password2 = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput, max_length=128
    )

    def __init__(self, *args, email: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords differ."))
        elif first:
            try:
                password_validation.validate_password(
                    first, User(email=self.email, name=data.get("name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
