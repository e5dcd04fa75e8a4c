"""The boards: search, filters, sorting, bad parameters, the on-site board, query counts."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from projects.models import Challenge
from projects.services.postings import build_search_text
from tests.factories import ChallengeFactory, IndustryChainFactory, ProjectFactory
from tests.projects.views.pages import (
    board_titles,
    count_queries,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=9999",
        "?min_amount=lots",
        "?field=nope&status=bogus&sort=zzz&deadline=x",
        "?q=" + "泵" * 500,
    ],
)
def test_board_ignores_bad_parameters(query, challenge):
    response = Client().get(reverse("projects:board", args=["challenges"]) + query)
    assert response.status_code == 200


# --- Search and filters ---------------------------------------------------------------------


def test_board_search_chinese_and_english(enterprise_user, company):
    field = IndustryChainFactory(slug="water", name_zh="水利", name_en="Water resources")
    pump = ChallengeFactory(title="闸泵站故障诊断", summary="Pump station FAULTS")
    ChallengeFactory(title="跨境电商物流", summary="Logistics")
    pump.fields.add(field)
    pump.search_text = build_search_text(pump)
    pump.save()
    for other in Challenge.objects.exclude(pk=pump.pk):
        other.search_text = build_search_text(other)
        other.save()
    assert board_titles("?q=泵站") == ["闸泵站故障诊断"]
    assert board_titles("?q=pump+faults") == ["闸泵站故障诊断"]
    assert board_titles("?q=WATER") == ["闸泵站故障诊断"]
    assert board_titles("?field=water") == ["闸泵站故障诊断"]


def test_board_filters_and_sorts(enterprise_user):
    today = timezone.localdate()
    ChallengeFactory(
        title="A soon",
        deadline=today + timedelta(days=3),
        reward_min=None,
        reward_max=100_000,
        province="福建省",
    )
    ChallengeFactory(
        title="B later",
        deadline=today + timedelta(days=20),
        reward_max=2_000_000,
        province="山东省",
    )
    ChallengeFactory(title="C closed", status="closed", reward_max=None)
    assert board_titles("?deadline=7") == ["A soon"]
    assert board_titles("?province=山东") == ["B later"]
    assert board_titles("?min_amount=50") == ["B later"]
    assert board_titles("?sort=reward") == ["B later", "A soon"]
    assert board_titles("?sort=deadline") == ["A soon", "B later"]
    assert board_titles("?status=closed") == ["C closed"]


def test_board_htmx_returns_results_partial(challenge):
    response = Client().get(
        reverse("projects:board", args=["challenges"]) + "?q=x",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="board-results",
    )
    assert next(t.name for t in response.templates) == "projects/_board_results.html"


def test_onsite_cycles_through_chosen_postings(challenge, project):
    ids = f"c{challenge.pk},p{project.pk}"
    first = Client().get(reverse("projects:onsite") + f"?ids={ids}")
    assert first.context["posting"] == challenge
    assert "<svg" in first.content.decode()
    second = Client().get(reverse("projects:onsite") + f"?ids={ids}&i=1", HTTP_HX_REQUEST="true")
    assert second.context["posting"] == project
    assert "every 8s" in second.content.decode()
    wrapped = Client().get(reverse("projects:onsite") + f"?ids={ids}&i=2", HTTP_HX_REQUEST="true")
    assert wrapped.context["posting"] == challenge


# --- Query counts -----------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["challenges", "projects"])
def test_board_query_count_is_constant(kind, client_for, mentor_user):
    factory = ChallengeFactory if kind == "challenges" else ProjectFactory
    fields = IndustryChainFactory.create_batch(3)
    factory().fields.set(fields)
    client = client_for(mentor_user)
    path = reverse("projects:board", args=[kind])
    one = count_queries(client, path)
    for _ in range(19):
        factory().fields.set(fields)
    assert count_queries(client, path) == one


@pytest.mark.parametrize("ids", ["c²", "c99999999999999999999", "c-1,p", "x1,c", "c1e3", "c٣", ","])
def test_onsite_ignores_ids_that_do_not_parse(ids, challenge):
    response = Client().get(reverse("projects:onsite"), {"ids": ids, "i": "99999999999999999999"})
    assert response.status_code == 200
    # Nothing valid was chosen: the board shows every published posting.
    assert response.context["posting"] == challenge


def test_onsite_refuses_a_nul_in_its_ids_with_a_readable_page(challenge):
    response = Client().get(reverse("projects:onsite"), {"ids": "c\x00"})
    assert response.status_code == 400


def test_onsite_keeps_the_valid_ids_among_bad_ones(challenge, project):
    response = Client().get(reverse("projects:onsite"), {"ids": f"c²,p{project.pk},cabc"})
    assert response.context["posting"] == project
    assert response.context["count"] == 1
