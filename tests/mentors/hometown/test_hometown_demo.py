"""The 金乡县 demo: 60 natives on the roster with contacts, 60 appointment certificates,
local firms with a matchmaking list; idempotent."""

import pytest

from mentors import demo
from mentors.demo import hometown
from mentors.hometown.models import Appointment, ContactLog, RosterEntry
from mentors.queries import MentorFilters, mentor_directory
from projects.firms import demo as firms_demo
from projects.firms.models import FirmMatch
from talentbridge import demo as accounts_demo
from talentbridge.models import Certificate, Office

pytestmark = pytest.mark.django_db


def test_seed_builds_the_programme_once():
    people = demo.seed(accounts_demo.seed())
    accounts = hometown.seed(people)
    firms_demo.seed(accounts)
    counts = [
        RosterEntry.objects.count(),
        ContactLog.objects.count(),
        Appointment.objects.count(),
        Certificate.objects.filter(kind="appointment", issued_at__isnull=False).count(),
        FirmMatch.objects.count(),
    ]
    firms_demo.seed(hometown.seed(people))
    assert counts[:4] == [60, 90, 60, 60]
    assert counts[4] > 0
    assert [
        RosterEntry.objects.count(),
        ContactLog.objects.count(),
        Appointment.objects.count(),
        Certificate.objects.filter(kind="appointment", issued_at__isnull=False).count(),
        FirmMatch.objects.count(),
    ] == counts
    office = Office.objects.get(name=hometown.OFFICE)
    assert office.memberships.filter(user=accounts["liaison"], role="liaison").exists()
    assert mentor_directory(MentorFilters(hometown="金乡")).count() == 60
    towns = {m.region.name for m in mentor_directory(MentorFilters(hometown="鸡黍镇"))}
    assert towns == {"鸡黍镇"}
