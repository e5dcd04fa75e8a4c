"""The audit trail: entries written by services, the admins' list, an object's history."""

from datetime import date

import pytest
from django.db import connection
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from talentbridge.models import AuditEntry
from talentbridge.services import field_changes, log_action, register_user, snapshot
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_log_action_records_actor_object_changes_and_address(rf):
    from talentbridge.audit_context import AuditContextMiddleware

    actor = UserFactory(name="王敏")
    target = UserFactory(name="陈思恩", phone="1")

    def view(request):
        before = snapshot(target, ["name", "phone"])
        target.name, target.phone = "陈思恩院士", "1"
        log_action(
            target,
            "accounts.user.edit",
            actor=actor,
            changes=field_changes(before, target, ["name", "phone"]),
        )
        return None

    AuditContextMiddleware(view)(rf.get("/", REMOTE_ADDR="198.51.100.4"))
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.object_repr) == (
        actor,
        "accounts.user.edit",
        "陈思恩院士",
    )
    assert entry.object_id == str(target.pk)
    assert entry.changes == {"name": ["陈思恩", "陈思恩院士"]}
    assert entry.address == "198.51.100.4"


def test_outside_a_request_the_address_is_empty():
    user = register_user(
        email="a@example.cn", name="林晓", password="Relay-7-green", roles=["mentee"]
    )
    entry = AuditEntry.objects.get(action="accounts.signup")
    assert entry.actor == user and entry.address is None
    assert entry.changes == {"roles": ["is_mentee"]}


def test_changes_keep_dates_and_lists_as_text():
    class Row:
        pk = 1
        day = date(2026, 12, 17)
        tags = ["海洋", "AI"]

    before = {"day": date(2026, 11, 15), "tags": ["海洋"]}
    assert field_changes(before, Row(), ["day", "tags"]) == {
        "day": ["2026-11-15", "2026-12-17"],
        "tags": [["海洋"], ["海洋", "AI"]],
    }


def test_audit_trail_page_is_for_admins_only(client_for, admin_user, organizer):
    assert client_for(organizer).get(reverse("audit_trail")).status_code == 404
    assert client_for(admin_user).get(reverse("audit_trail")).status_code == 200


def test_audit_trail_filters_by_action_and_text(client_for, admin_user):
    someone = UserFactory(name="林晓")
    log_action(someone, "accounts.user.edit", actor=admin_user)
    log_action(admin_user, "events.registration.approve", actor=admin_user)
    client = client_for(admin_user)
    page = client.get(reverse("audit_trail"), {"action": "events."}).context["page"]
    assert [e.action for e in page] == ["events.registration.approve"]
    page = client.get(reverse("audit_trail"), {"q": "林晓"}).context["page"]
    assert [e.object_repr for e in page] == ["林晓"]


def test_audit_trail_bad_filters_give_errors_not_500(client_for, admin_user):
    client = client_for(admin_user)
    for params in ({"since": "0001-01-01"}, {"object_type": "99999999999999999999"}):
        response = client.get(reverse("audit_trail"), params)
        assert response.status_code == 200
        assert response.context["form"].errors
    # A NUL never reaches the form: the query string is refused with a readable page.
    assert client.get(reverse("audit_trail"), {"q": "\x00"}).status_code == 400


def test_audit_trail_runs_constant_queries(client_for, admin_user, django_assert_num_queries):
    client = client_for(admin_user)
    log_action(admin_user, "accounts.user.edit", actor=admin_user)
    client.get(reverse("audit_trail"))
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("audit_trail"))
    for n in range(19):
        log_action(UserFactory(), "accounts.user.edit", actor=admin_user, changes={"n": [n, n + 1]})
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(reverse("audit_trail"))


def test_object_history_tag_lists_that_object_only(admin_user):
    other = UserFactory()
    log_action(admin_user, "accounts.user.edit", actor=admin_user, changes={"name": ["甲", "乙"]})
    log_action(other, "accounts.user.edit", actor=admin_user)
    html = Template("{% load audit %}{% audit_history obj %}").render(Context({"obj": admin_user}))
    assert html.count("<tr>") == 2  # the header row and one entry
    assert "甲 → 乙" in html
