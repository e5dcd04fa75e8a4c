"""The demo seed: the Fuzhou summit's people at real size, idempotent."""

from collections import Counter

import pytest

from mentors import demo
from mentors.demo import offices
from mentors.models import Mentee, Mentor, Organization, Pairing, ProfileInvitation
from mentors.queries import claim_status_counts, people_held_by
from talentbridge import demo as accounts_demo
from talentbridge.models import Office

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


def test_seed_puts_everyone_under_the_host_office_with_a_mix_of_invitations():
    accounts = accounts_demo.seed()
    demo.seed(accounts)
    people = demo.seed(accounts)

    office = Office.objects.get(name="福建省引进人才服务中心")
    assert people["office"] == office
    assert office.memberships.filter(user=accounts["organizer"], role="owner").exists()
    held = people_held_by(office)
    assert held.mentors.count() == Mentor.objects.count() == 40
    assert held.mentees.count() == Mentee.objects.count()
    assert held.organizations.count() == Organization.objects.count()
    assert claim_status_counts(office) == {
        "joined": len(offices.JOINED),
        "opened": len(offices.OPENED),
        "invited": len(offices.INVITED),
        "expired": len(offices.EXPIRED),
        "not_invited": 40
        - len(offices.JOINED + offices.OPENED + offices.INVITED)
        - len(offices.EXPIRED),
        "bounced": 0,
    }
    assert claim_status_counts(office)["not_invited"] > 0
    joined = Mentor.objects.get(name="陈思恩")
    assert joined.user.email == joined.email
    assert ProfileInvitation.objects.count() == 40 - claim_status_counts(office)["not_invited"]
