"""The demo boards: the seed report's figures, every claim status, idempotent."""

import pytest

from mentors import demo as people_demo
from projects import demo as boards_demo
from projects.models import Challenge, Claim, Landing, Project
from talentbridge import demo as accounts_demo

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


def test_seed_demo_boards_twice_gives_the_reports_figures():
    for _ in range(2):
        accounts = accounts_demo.seed()
        people = people_demo.seed(accounts)
        boards = boards_demo.seed(accounts, people)
    assert Project.objects.count() == 53
    assert Challenge.objects.count() == 28
    host = people["office"]
    assert Project.objects.filter(office=host).count() == 53
    assert Challenge.objects.filter(office=host).count() == 28
    assert len(boards["projects"]) == 53
    assert Challenge.objects.values("poster_organization").distinct().count() == 28
    titles = set(Project.objects.values_list("title", flat=True))
    assert {row[0] for row in boards_demo.NAMED_PROJECTS} <= titles
    assert "闸泵站健康状态分析和故障智能诊断技术研发" in titles
    assert set(Claim.objects.values_list("status", flat=True)) == set(Claim.Status.values)
    assert Landing.objects.count() == 3
    assert sorted(Landing.objects.exclude(town="").values_list("town", "village")) == [
        ("宦溪镇", "降虎村"),
        ("寿山乡", "寿山村"),
    ]
    # The demo expert and the demo enterprise are the parties of the first named project.
    claim = Claim.objects.get(project__title="闸泵站健康状态分析和故障智能诊断技术研发")
    assert (claim.project.owner, claim.claimant, claim.status) == (
        accounts["mentor"],
        accounts["enterprise"],
        "accepted",
    )
