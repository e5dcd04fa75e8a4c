"""One parsing path for untrusted ids, integers and dates, and the limits of every form."""

import pytest
from django import forms

from talentbridge.forms import TEXT_LIMIT, PortalForm
from talentbridge.models import User
from talentbridge.parsing import parse_id, parse_ids, parse_int

HOSTILE = [
    "",
    " ",
    "abc",
    "-1",
    "0",
    "²",
    "١٢",
    "1e400",
    "inf",
    "99999999999999999999",
    "\x00",
    "1 OR 1=1",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_parse_id_refuses_what_no_row_can_have(value):
    assert parse_id(value) is None


def test_parse_id_and_ids_accept_plain_ids():
    assert parse_id("42") == 42
    assert parse_id(9_223_372_036_854_775_807) == 9_223_372_036_854_775_807
    assert parse_ids(["3", "c²", "3", "7", "99999999999999999999"]) == [3, 7]


@pytest.mark.parametrize(
    ("value", "expected"),
    [("12", 12), ("12.0", 12), (" 3 ", 3), ("inf", None), ("1e400", None), ("9" * 400, None)],
)
def test_parse_int(value, expected):
    assert parse_int(value, minimum=0, maximum=1000) == expected


class SampleForm(PortalForm):
    text = forms.CharField(required=False)
    short = forms.CharField(required=False, max_length=5)
    number = forms.IntegerField(required=False)
    day = forms.DateField(required=False)
    people = forms.ModelMultipleChoiceField(queryset=User.objects.all(), required=False)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("text", "长" * (TEXT_LIMIT + 1)),
        ("short", "太长了的文字"),
        ("number", "99999999999999999999"),
        ("day", "0001-01-01"),
        ("day", "9999-12-31"),
        ("people", ["99999999999999999999"]),
        ("people", ["-3"]),
    ],
)
def test_portal_forms_refuse_hostile_values_with_field_errors(field, value):
    form = SampleForm({field: value})
    assert not form.is_valid()
    assert list(form.errors) == [field]


def test_length_message_is_readable_in_chinese():
    from django.utils import translation

    with translation.override("zh-hans"):
        form = SampleForm({"short": "太长了的文字"})
        form.is_valid()
        message = form.errors["short"][0]
    assert "确保该变量" not in message
