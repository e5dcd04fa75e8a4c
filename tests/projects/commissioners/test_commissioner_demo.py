"""The commissioners' demo: the seed reports' figures, a realistic mix, idempotent, fast."""

import time
from datetime import date, datetime

import pytest
from django.db.models import F
from django.utils import timezone

from mentors import demo as people_demo
from projects.commissioners import demo as commissioners_demo
from projects.commissioners.dashboard import office_figures
from projects.commissioners.models import DemandDraft, Dispatch, ServiceRecord, WhistleRequest
from projects.models import Claim, Status
from talentbridge import demo as accounts_demo
from talentbridge.models import Membership, OfficeRole

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture
def seeded():
    accounts = accounts_demo.seed()
    people = people_demo.seed(accounts)
    started = time.monotonic()
    first = commissioners_demo.seed(accounts, people)
    elapsed = time.monotonic() - started
    again = commissioners_demo.seed(accounts, people)
    return first, again, elapsed


def test_the_demo_has_the_reports_figures(seeded):
    demo, again, _elapsed = seeded
    office = demo["office"]
    assert office.name == "青岛市科技局"
    assert Membership.objects.filter(office=office, role=OfficeRole.COMMISSIONER).count() == 30
    assert {
        m.user.mentor_profile.affiliation.kind
        for m in office.memberships.filter(role=OfficeRole.COMMISSIONER)
    } == {"university", "institute"}
    assert Dispatch.objects.filter(office=office).values("organization").distinct().count() == 100
    records = ServiceRecord.objects.filter(office=office)
    assert records.count() == 568
    assert records.filter(served_on__gte=date(2026, 11, 27)).count() == 0
    assert records.filter(served_on__lt=date(2025, 11, 27)).count() == 0
    assert not records.filter(served_on__lt=F("dispatch__starts_on")).exists()
    assert not records.filter(dispatch__ends_on__lt=F("served_on")).exists()
    assert set(records.values_list("status", flat=True)) == {"submitted", "confirmed", "disputed"}
    assert WhistleRequest.objects.filter(office=office).count() == 40
    assert DemandDraft.objects.filter(record__office=office).count() == 25
    assert (again["records"], again["whistles"]) == (demo["records"], demo["whistles"])


def test_the_whistles_mix_on_time_and_late(seeded):
    office = seeded[0]["office"]
    whistles = list(WhistleRequest.objects.filter(office=office))
    late = sum(w.acknowledged_late for w in whistles)
    on_time = sum(w.acknowledged_at is not None and not w.acknowledged_late for w in whistles)
    assert late >= 3 and on_time >= 25
    assert sum(w.closed_late for w in whistles) >= 3
    assert {w.status for w in whistles} == {"open", "acknowledged", "closed"}
    end = timezone.make_aware(datetime(2026, 11, 27, 9))
    figures = office_figures(office, since=None, until=end.date(), now=end)
    assert (figures.acknowledged.done, figures.acknowledged.due) == (29, 36)
    assert (figures.closed.done, figures.closed.due) == (24, 29)
    assert figures.whistles == {"raised": 40, "open": 12, "overdue": 2}
    assert figures.median_response_hours is not None


def test_needs_were_distilled_claimed_and_solved(seeded):
    office = seeded[0]["office"]
    drafts = DemandDraft.objects.filter(record__office=office)
    assert drafts.filter(status="draft").count() == 3
    assert drafts.filter(status="declined").count() == 2
    submitted = drafts.filter(status="submitted")
    assert submitted.count() == 20
    assert all(d.challenge.poster_organization == d.record.organization for d in submitted)
    assert submitted.filter(challenge__claims__status=Claim.Status.ACCEPTED).count() == 9
    assert submitted.filter(challenge__status=Status.SOLVED).count() == 4
    figures = office_figures(office, since=None, until=date(2026, 11, 27))
    assert figures.pipeline == {
        "distilled": 25,
        "submitted": 20,
        "published": 17,
        "claimed": 9,
        "solved": 4,
    }


def test_the_demo_accounts_can_work(seeded):
    accounts = seeded[0]["accounts"]
    assert set(accounts) == {"office manager", "commissioner", "firm"}
    commissioner, firm = accounts["commissioner"], accounts["firm"]
    assert Dispatch.objects.filter(
        commissioner=commissioner, organization__members=firm, status="active"
    ).exists()
    assert firm.check_password(accounts_demo.DEMO_PASSWORD)
    assert commissioner.check_password(accounts_demo.DEMO_PASSWORD)


def test_seeding_is_fast(seeded):
    assert seeded[2] < 30
