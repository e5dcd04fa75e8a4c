"""The demo seed: the Fuzhou summit's people at real size, idempotent."""

from collections import Counter

import pytest

from mentors import demo
from mentors.models import Mentee, Mentor, Organization, Pairing
from talentbridge import demo as accounts_demo

pytestmark = pytest.mark.django_db


def test_seed_creates_the_summit_people_once():
    accounts = accounts_demo.seed()
    first = demo.seed(accounts)
    second = demo.seed(accounts)

    assert Mentor.objects.count() == 40
    assert len(second["enterprises"]) == 28
    assert Mentee.objects.count() == len(demo.MENTEES)
    assert Pairing.objects.count() == len(demo.PAIRINGS)
    assert [m.pk for m in first["mentors"]] == [m.pk for m in second["mentors"]]
    top_honours = Counter(m.honours.order_by("level").first().slug for m in Mentor.objects.all())
    assert top_honours == {
        "academician": 6,
        "university-leader": 1,
        "national-programme": 5,
        "provincial-overseas": 6,
        "leading-talent": 22,
    }
    assert set(Pairing.objects.values_list("status", flat=True)) == set(Pairing.Status.values)
    assert Mentor.objects.filter(county="金乡县").count() >= 6
    assert Mentor.objects.exclude(country="中国").count() == 6


def test_seed_links_the_demo_accounts_to_profiles():
    accounts = accounts_demo.seed()
    demo.seed(accounts)

    assert accounts["mentor"].mentor_profile.name == "左明健"
    assert accounts["mentee"].mentee_profile.name == "陈晓青"
    enterprise = Organization.objects.get(name="四创科技有限公司")
    assert list(enterprise.members.all()) == [accounts["enterprise"]]
    waiting = Pairing.objects.filter(
        mentor__user=accounts["mentor"],
        status=Pairing.Status.PROPOSED,
        proposed_by=accounts["mentee"],
    )
    assert waiting.count() == 1
