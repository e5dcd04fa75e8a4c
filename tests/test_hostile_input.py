"""Hostile values in every query parameter and form field of every page, as every role: no
answer may be a server error. See ``tests/hostile.py`` for how pages and forms are found."""

import pytest
from django.core.management import call_command
from django.test import Client

from talentbridge import demo as accounts_demo
from talentbridge.models import User
from tests.hostile import Report, attack, crawl

pytestmark = pytest.mark.django_db(transaction=True)

ROLES = ["visitor", "mentor", "mentee", "enterprise", "organizer", "admin"]
STARTS = ["/", "/boards/", "/people/", "/events/", "/notifications/", "/audit/"]
# Forms already attacked one field at a time, by signature, across the roles of this run.
FIELD_BY_FIELD_DONE: set = set()


@pytest.fixture
def demo(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.mark.slow
@pytest.mark.parametrize("role", ROLES)
def test_no_hostile_value_causes_a_server_error(demo, role):
    client = Client(raise_request_exception=False)
    if role != "visitor":
        client.force_login(User.objects.get(email=accounts_demo.DEMO_ACCOUNTS[role][0]))
    pages, forms = crawl(client, STARTS)
    report = Report()
    attack(client, pages, forms, report, done=FIELD_BY_FIELD_DONE)
    assert len(pages) > 10
    assert report.requests > 100
    assert report.errors == []
