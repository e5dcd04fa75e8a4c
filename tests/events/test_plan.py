"""The organizer's pairing plan: optimum against greedy, decisions, acceptance, permissions."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from events import demo as events_demo
from events import plan
from events.models import Event, EventPosting, PlanConstraint
from mentors.models import Pairing
from projects.models import MatchSuggestion
from talentbridge.models import Notification
from tests.factories import (
    AttendeeCategoryFactory,
    ChallengeFactory,
    IndustryChainFactory,
    MenteeFactory,
    MentorFactory,
    PairingFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(event):
    """Two registered experts and two demands of the event, two mentees of the event."""
    category = AttendeeCategoryFactory(event=event)
    a = MentorFactory(name="左明健", research_fields="闸泵站故障智能诊断 机器学习", capacity=3)
    b = MentorFactory(name="陈思恩", research_fields="多元信息水域监管系统", capacity=3)
    for mentor in (a, b):
        RegistrationFactory(category=category, user=mentor.user)
    x = ChallengeFactory(title="泵站设备故障预警算法优化", summary="泵站故障诊断，机器学习。")
    y = ChallengeFactory(title="城市供水管网漏损智能监测", summary="水域监管与管网监测。")
    for challenge in (x, y):
        EventPosting.objects.create(event=event, challenge=challenge)
    m = MenteeFactory(name="林晨曦")
    n = MenteeFactory(name="郑雅文")
    for mentee in (m, n):
        RegistrationFactory(category=category, user=mentee.user)
    return {"a": a, "b": b, "x": x, "y": y, "m": m, "n": n}


@pytest.fixture
def crossed(people, monkeypatch):
    """Scores where best-first goes wrong: A is best everywhere, B only fits X."""
    a, b = str(people["a"].pk), str(people["b"].pk)
    table = {"x": {a: 0.9, b: 0.7}, "y": {a: 0.8, b: 0.1}, "m": {a: 0.9, b: 0.7}}
    table["n"] = {a: 0.8, b: 0.1}
    # Demands and mentees are different tables: their ids may coincide.
    by_target = {(type(people[key]), people[key].pk): key for key in table}

    def fake(mentors, targets, of):
        return {
            (str(m.pk), str(t.pk)): table[by_target[(type(t), t.pk)]][str(m.pk)]
            for m in mentors
            for t in targets
        }

    monkeypatch.setattr(plan, "score_matrix", fake)
    return people


def pairs(result) -> set[tuple[str, str]]:
    return {(row.mentor.name, str(row.target)) for row in result.rows}


def test_plan_beats_greedy_when_capacity_binds(event, crossed):
    result = plan.build_plan(event, of=plan.CHALLENGES, per_mentor=1)
    assert pairs(result) == {
        ("左明健", "城市供水管网漏损智能监测"),
        ("陈思恩", "泵站设备故障预警算法优化"),
    }
    assert result.total == pytest.approx(1.5)
    assert result.greedy_total == pytest.approx(1.0)
    assert result.gain_percent == pytest.approx(50.0)
    assert all(row.differs for row in result.rows)


def test_more_places_per_expert_let_the_best_take_both(event, crossed):
    result = plan.build_plan(event, of=plan.CHALLENGES, per_mentor=2)
    assert result.total == pytest.approx(1.7)
    assert result.gain == pytest.approx(0.0)


def test_locked_pair_is_always_planned(event, crossed, organizer):
    people = crossed
    plan.decide_pair(event, people["a"], people["x"], kind="locked", actor=organizer)
    result = plan.build_plan(event, of=plan.CHALLENGES, per_mentor=1)
    assert pairs(result) == {
        ("左明健", "泵站设备故障预警算法优化"),
        ("陈思恩", "城市供水管网漏损智能监测"),
    }
    assert [row.locked for row in result.rows] == [True, False]


def test_ruled_out_pair_is_never_planned(event, crossed, organizer):
    people = crossed
    plan.decide_pair(event, people["b"], people["x"], kind="ruled_out", actor=organizer)
    result = plan.build_plan(event, of=plan.CHALLENGES, per_mentor=1)
    assert pairs(result) == {
        ("左明健", "泵站设备故障预警算法优化"),
        ("陈思恩", "城市供水管网漏损智能监测"),
    }
    assert [d.mentor for d in result.ruled_out] == [people["b"]]


def test_releasing_a_decision_deletes_it(event, crossed, organizer):
    people = crossed
    plan.decide_pair(event, people["b"], people["x"], kind="ruled_out", actor=organizer)
    plan.decide_pair(event, people["b"], people["x"], kind="", actor=organizer)
    assert PlanConstraint.objects.count() == 0


def test_locks_beyond_an_experts_places_are_left_out_with_a_message(event, crossed, organizer):
    people = crossed
    plan.decide_pair(event, people["a"], people["x"], kind="locked", actor=organizer)
    plan.decide_pair(event, people["a"], people["y"], kind="locked", actor=organizer)
    result = plan.build_plan(event, of=plan.CHALLENGES, per_mentor=1)
    assert result.error
    assert result.total == pytest.approx(1.5)


def test_mentees_with_an_open_pairing_are_not_planned(event, crossed):
    people = crossed
    PairingFactory(mentee=people["n"], mentor=MentorFactory(), status=Pairing.Status.PROPOSED)
    result = plan.build_plan(event, of=plan.MENTEES, per_mentor=1)
    assert [t.name for t in result.targets] == ["林晨曦"]
    assert pairs(result) == {("左明健", "林晨曦")}


def test_experts_promised_to_capacity_take_no_mentee(event, crossed):
    people = crossed
    people["a"].capacity = 1
    people["a"].save()
    PairingFactory(mentor=people["a"], status=Pairing.Status.ACCEPTED)
    result = plan.build_plan(event, of=plan.MENTEES, per_mentor=2)
    assert pairs(result) == {("陈思恩", "林晨曦"), ("陈思恩", "郑雅文")}


def test_accepting_a_mentee_plan_proposes_the_pairings(event, crossed, organizer):
    proposed, refused = plan.accept_plan(event, actor=organizer, of=plan.MENTEES, per_mentor=1)
    assert (proposed, refused) == (2, [])
    assert set(
        Pairing.objects.filter(status=Pairing.Status.PROPOSED).values_list(
            "mentor__name", "mentee__name"
        )
    ) == {("左明健", "郑雅文"), ("陈思恩", "林晨曦")}
    # Once proposed, the mentees leave the pool: accepting again proposes nothing more.
    assert plan.accept_plan(event, actor=organizer, of=plan.MENTEES, per_mentor=1) == (0, [])


def test_accepting_a_demand_plan_invites_the_experts_once(
    event, crossed, organizer, django_capture_on_commit_callbacks
):
    people = crossed
    with django_capture_on_commit_callbacks(execute=True):
        plan.accept_plan(event, actor=organizer, of=plan.CHALLENGES, per_mentor=1)
        plan.accept_plan(event, actor=organizer, of=plan.CHALLENGES, per_mentor=1)
    assert Notification.objects.filter(user=people["a"].user).count() == 1
    assert Notification.objects.filter(user=people["b"].user).count() == 1
    assert Pairing.objects.count() == 0  # organisations posted the demands


def test_engine_scores_the_matching_expert_higher(event, people):
    water = IndustryChainFactory(slug="water_conservancy", name_zh="水利", name_en="Water")
    people["a"].fields.set([water])
    scores = plan.score_matrix([people["a"], people["b"]], [people["x"]], plan.CHALLENGES)
    assert (
        scores[(str(people["a"].pk), str(people["x"].pk))]
        > scores[(str(people["b"].pk), str(people["x"].pk))]
    )


def test_bad_settings_fall_back_to_defaults():
    assert plan.parse_per_mentor("many") == 1
    assert plan.parse_per_mentor("99") == plan.MAX_PER_MENTOR
    assert plan.parse_target("everyone") == plan.CHALLENGES


# --- pages ------------------------------------------------------------------------------------


def test_plan_page_shows_the_gain_over_greedy(event, crossed, organizer, client_for):
    url = reverse("events:plan", args=[event.pk]) + "?of=challenges&per_mentor=1"
    html = client_for(organizer).get(url).content.decode()
    assert "+50.0%" in html
    assert "1.50" in html and "1.00" in html


def test_decision_by_htmx_returns_the_re_solved_plan(event, crossed, organizer, client_for):
    people = crossed
    response = client_for(organizer).post(
        reverse("events:plan_decide", args=[event.pk]),
        {
            "of": "challenges",
            "per_mentor": 1,
            "mentor": people["a"].pk,
            "target": people["x"].pk,
            "decision": "locked",
        },
        HTTP_HX_REQUEST="true",
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert html.startswith('\n<div id="plan"') or '<div id="plan"' in html[:200]
    assert "<html" not in html
    assert PlanConstraint.objects.get().kind == PlanConstraint.Kind.LOCKED


def test_decision_with_an_unknown_kind_is_refused(event, crossed, organizer, client_for):
    people = crossed
    response = client_for(organizer).post(
        reverse("events:plan_decide", args=[event.pk]),
        {"mentor": people["a"].pk, "target": people["x"].pk, "decision": "maybe"},
    )
    assert response.status_code == 302
    assert PlanConstraint.objects.count() == 0


def test_decision_on_a_missing_person_is_404(event, crossed, organizer, client_for):
    response = client_for(organizer).post(
        reverse("events:plan_decide", args=[event.pk]),
        {"mentor": "x", "target": crossed["x"].pk, "decision": "locked"},
    )
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("name", "method", "expected"),
    [
        ("plan", "get", {"anonymous": 302, "mentor": 404, "other": 404, "organizer": 200}),
        ("plan_decide", "post", {"anonymous": 302, "mentor": 404, "other": 404, "organizer": 302}),
        ("plan_accept", "post", {"anonymous": 302, "mentor": 404, "other": 404, "organizer": 302}),
    ],
)
@pytest.mark.parametrize("role", ["anonymous", "mentor", "other", "organizer"])
def test_permission_matrix(event, crossed, organizer, name, method, expected, role):
    users = {
        "mentor": crossed["a"].user,
        "other": UserFactory(is_organizer=True),
        "organizer": organizer,
    }
    client = Client()
    if role != "anonymous":
        client.force_login(users[role])
    data = {"mentor": crossed["a"].pk, "target": crossed["x"].pk, "decision": ""}
    response = getattr(client, method)(reverse(f"events:{name}", args=[event.pk]), data)
    assert response.status_code == expected[role]


@pytest.mark.slow
def test_demo_summit_plan_beats_greedy_and_reseeding_keeps_the_suggestions():
    call_command("seed_demo", stdout=io.StringIO())
    lists = MatchSuggestion.objects.count()
    summit = Event.objects.get(title=events_demo.TITLE)
    demo_plan = plan.build_plan(summit, of=plan.CHALLENGES, per_mentor=1)
    assert lists > 500
    assert demo_plan.gain_percent > 1
    call_command("seed_demo", stdout=io.StringIO())
    assert MatchSuggestion.objects.count() == lists
    assert plan.build_plan(summit, of=plan.CHALLENGES, per_mentor=1).total == pytest.approx(
        demo_plan.total
    )
