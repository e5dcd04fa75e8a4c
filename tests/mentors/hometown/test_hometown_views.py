"""The roster and register pages: who sees them, forms, constant query counts, the batch PDF."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentors.hometown.models import Appointment, RosterEntry
from mentors.hometown.services import add_to_roster, appoint_adviser
from talentbridge.models import OfficeRole
from tests.factories import MentorFactory, OfficeFactory, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(county_office, manager, liaison, native):
    return add_to_roster(county_office, native, actor=manager, liaison=liaison)


def test_manager_and_liaison_see_the_roster_others_get_404(
    client, county_office, manager, liaison, entry
):
    url = reverse("mentors:hometown:roster", args=[county_office.pk])
    stranger = member_of(OfficeFactory(name="别的办公室"), OfficeRole.MANAGER)
    for user, status in ((manager, 200), (liaison, 200), (stranger, 404), (UserFactory(), 404)):
        client.force_login(user)
        assert client.get(url).status_code == status
        assert client.get(reverse("mentors:hometown:entry", args=[entry.pk])).status_code == status


def test_roster_runs_constant_queries(
    client, county_office, manager, django_assert_max_num_queries
):
    client.force_login(manager)
    url = reverse("mentors:hometown:roster", args=[county_office.pk])
    add_to_roster(county_office, MentorFactory(current_city="北京"), actor=manager)
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for _ in range(19):
        add_to_roster(county_office, MentorFactory(current_city="上海"), actor=manager)
    with CaptureQueriesContext(connection) as twenty:
        assert client.get(url, {"works_in": "上海"}).status_code == 200
    assert len(twenty) <= len(one) + 1  # + resolving the place


def test_add_search_and_log_contact(client, county_office, liaison, other_native):
    client.force_login(liaison)
    add_url = reverse("mentors:hometown:roster_add", args=[county_office.pk])
    assert "王立新" in client.get(add_url, {"q": "金乡"}).content.decode()
    response = client.post(add_url, {"mentor": other_native.pk})
    entry = RosterEntry.objects.get(mentor=other_native)
    assert response.url == reverse("mentors:hometown:entry", args=[entry.pk])
    assert client.post(add_url, {"mentor": "99999999999999999999"}).status_code == 404
    contact_url = reverse("mentors:hometown:contact_add", args=[entry.pk])
    bad = client.post(contact_url, {"contacted_on": "2026-04-01", "channel": "phone", "note": ""})
    assert bad.status_code == 400
    client.post(
        contact_url,
        {
            "contacted_on": "2026-04-01",
            "channel": "visit",
            "note": "上门拜访",
            "next_contact_on": "2026-05-01",
        },
    )
    entry.refresh_from_db()
    assert str(entry.next_contact_on) == "2026-05-01"


def test_liaison_cannot_appoint(client, entry, liaison, manager):
    client.force_login(liaison)
    today = timezone.localdate()
    data = {"title": "高质量发展顾问", "term_start": today, "term_end": today + timedelta(days=900)}
    url = reverse("mentors:hometown:appoint", args=[entry.pk])
    assert client.post(url, data).status_code == 404
    client.force_login(manager)
    assert client.post(url, data).status_code == 302
    assert Appointment.objects.filter(mentor=entry.mentor).count() == 1


def test_register_prints_the_batch(client, county_office, manager, liaison, native, other_native):
    today = timezone.localdate()
    for mentor in (native, other_native):
        appoint_adviser(
            county_office,
            mentor,
            term_start=today,
            term_end=today + timedelta(days=900),
            actor=manager,
        )
    client.force_login(manager)
    register = client.get(reverse("mentors:hometown:register", args=[county_office.pk]))
    assert register.status_code == 200 and "王立新" in register.content.decode()
    pdf = client.get(reverse("mentors:hometown:register_print", args=[county_office.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    client.force_login(liaison)
    assert (
        client.get(reverse("mentors:hometown:register_print", args=[county_office.pk])).status_code
        == 404
    )
