"""Hostile values in every query parameter and form of the hometown pages, as the office's
manager and a liaison: no answer may be a server error."""

from datetime import timedelta

import pytest
from django.test import Client

from mentors.hometown.services import add_to_roster, appoint_adviser, log_contact
from projects.firms.services import compute_matchmaking
from tests.hostile import Report, attack, crawl

pytestmark = pytest.mark.django_db


@pytest.mark.slow
@pytest.mark.parametrize("role", ["manager", "liaison"])
def test_no_hostile_value_causes_a_server_error(role, county_office, manager, liaison, native):
    entry = add_to_roster(county_office, native, actor=manager, liaison=liaison)
    log_contact(
        entry, contacted_on=native.created_at.date(), channel="phone", note="问候", actor=liaison
    )
    today = native.created_at.date()
    appoint_adviser(
        county_office,
        native,
        term_start=today,
        term_end=today + timedelta(days=730),
        actor=manager,
    )
    compute_matchmaking(county_office, actor=manager)
    client = Client(raise_request_exception=False)
    client.force_login(manager if role == "manager" else liaison)
    starts = [
        f"/people/hometown/offices/{county_office.pk}/roster/",
        f"/people/hometown/offices/{county_office.pk}/roster/add/?q=金乡",
        f"/people/hometown/offices/{county_office.pk}/advisers/",
        f"/boards/firms/offices/{county_office.pk}/",
        f"/people/hometown/roster/{entry.pk}/",
    ]
    pages, forms = crawl(client, starts, max_pages=40)
    report = Report()
    attack(client, pages, forms, report, done=set())
    assert report.errors == []
    assert report.requests > 50
