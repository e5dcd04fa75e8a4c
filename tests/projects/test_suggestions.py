"""Match suggestions: engine input from rows, atomic replacement, tasks, triggers, panels."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from mentors.models import Pairing
from mentors.services import save_mentee, save_mentor
from projects import suggestions
from projects.models import (
    MatchSuggestion,
    RecomputeChunk,
    RecomputeRun,
    Status,
    SuggestionFeedback,
)
from projects.services import publish_posting
from projects.tasks import task_full_recompute, task_recompute_chunk, task_recompute_posting
from talentbridge.models import Notification
from tests.conftest import wait_for
from tests.factories import (
    ChallengeFactory,
    IndustryChainFactory,
    MenteeFactory,
    MentorFactory,
    PairingFactory,
    ProjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def water(db):
    return IndustryChainFactory(
        slug="water_conservancy", name_zh="水利", name_en="Water conservancy"
    )


@pytest.fixture
def experts(water):
    """A pump-station expert (Chinese), an overseas sensor expert (English), a physician."""
    pump = MentorFactory(
        name="左明健",
        research_fields="闸泵站健康状态分析与故障智能诊断",
        bio="长期从事泵站故障诊断与机器学习研究。",
        province="福建省",
        city="福州市",
        county="晋安区",
        languages="zh en",
    )
    pump.fields.set([water])
    sensor = MentorFactory(
        name="Dr. Alice Chen",
        research_fields="sensor networks for water pipelines",
        bio="Leak detection with acoustic sensors and machine learning.",
        languages="en",
    )
    doctor = MentorFactory(
        name="吴振华", research_fields="心血管外科", bio="心血管外科临床与研究。"
    )
    return pump, sensor, doctor


def demand(water, **kwargs):
    challenge = ChallengeFactory(
        title="泵站设备故障预警算法优化",
        summary="泵站设备故障频发，需要机器学习故障诊断方案，并部署 sensor 监测。",
        **kwargs,
    )
    challenge.fields.set([water])
    return challenge


def names(rows) -> list[str]:
    return [row.mentor.name for row in rows]


# --- engine input ---------------------------------------------------------------------------


def test_mentor_expert_capacity_left_counts_occupying_pairings(experts):
    pump = experts[0]
    pump.capacity = 3
    PairingFactory(mentor=pump, status=Pairing.Status.ACCEPTED)
    PairingFactory(mentor=pump, status=Pairing.Status.ACTIVE)
    PairingFactory(mentor=pump, status=Pairing.Status.CONCLUDED)
    expert = suggestions.mentor_expert(pump, occupied=2, project_titles=["智慧水务产业化"])
    assert expert.capacity == 1
    assert expert.hometown == "福建省福州市晋安区"
    assert expert.tags == ["水利", "Water conservancy"]
    assert expert.languages == ["zh", "en"]
    assert "智慧水务产业化" in expert.texts


def test_unavailable_mentor_has_no_capacity(experts):
    pump = experts[0]
    pump.available = False
    assert suggestions.mentor_expert(pump, occupied=0).capacity == 0


def test_confidential_details_stay_out_of_the_query(water):
    challenge = demand(water, details="秘密工艺参数", confidential=True)
    assert "秘密工艺参数" not in suggestions.posting_item(challenge).text
    challenge.confidential = False
    assert "秘密工艺参数" in suggestions.posting_item(challenge).text


# --- ranking and storing ----------------------------------------------------------------------


def test_recompute_target_ranks_the_matching_experts_first(experts, water):
    challenge = demand(water)
    written = suggestions.recompute_target("challenges", challenge.pk)
    rows = list(suggestions.suggestions_for_posting(challenge))
    assert written == len(rows) == 2
    assert names(rows) == ["左明健", "Dr. Alice Chen"]
    assert [row.rank for row in rows] == [1, 2]
    assert rows[0].engine_version == suggestions.ENGINE_VERSION
    assert any(reason.startswith("terms:") for reason in rows[0].reasons)


def test_recompute_target_twice_writes_the_same_list(experts, water):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    first = list(suggestions.target_rows("challenges", challenge.pk).values_list("mentor", "rank"))
    suggestions.recompute_target("challenges", challenge.pk)
    again = list(suggestions.target_rows("challenges", challenge.pk).values_list("mentor", "rank"))
    assert first == again
    assert MatchSuggestion.objects.count() == 2


def test_replace_suggestions_keeps_the_old_list_when_writing_fails(experts, water, monkeypatch):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(MatchSuggestion.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        suggestions.recompute_target("challenges", challenge.pk)
    assert names(suggestions.suggestions_for_posting(challenge)) == ["左明健", "Dr. Alice Chen"]


def test_poster_is_never_suggested_for_their_own_demand(experts, water):
    pump = experts[0]
    challenge = demand(water, owner=pump.user)
    suggestions.recompute_target("challenges", challenge.pk)
    assert names(suggestions.suggestions_for_posting(challenge)) == ["Dr. Alice Chen"]


def test_closed_posting_loses_its_list(experts, water):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    challenge.status = Status.CLOSED
    challenge.save()
    assert suggestions.recompute_target("challenges", challenge.pk) == 0
    assert MatchSuggestion.objects.count() == 0


def test_project_suggests_founders(water):
    founder = MenteeFactory(name="林晨曦", needs="泵站故障诊断技术的产业化与合作")
    founder.fields.set([water])
    MenteeFactory(name="周静", needs="农产品直播带货")
    project = ProjectFactory(title="闸泵站故障智能诊断产业化", summary="泵站故障诊断成果转化")
    project.fields.set([water])
    suggestions.recompute_target("projects", project.pk)
    rows = list(suggestions.suggestions_for_posting(project))
    assert [row.mentee.name for row in rows] == ["林晨曦"]


def test_mentors_for_you_skip_experts_already_paired(experts, water):
    mentee = MenteeFactory(name="四创科技研发团队", needs="闸泵站故障智能诊断技术研发")
    mentee.fields.set([water])
    PairingFactory(mentor=experts[0], mentee=mentee, status=Pairing.Status.PROPOSED)
    suggestions.recompute_target("mentees", mentee.pk)
    mine = suggestions.suggestions_for_mentee(mentee)
    assert [row.mentor.name for row in mine["mentors"]] == ["Dr. Alice Chen"]


def test_challenges_for_you_sort_by_score_across_demands(experts, water):
    strong = demand(water)
    weak = ChallengeFactory(
        title="泵站园林绿化与消防改造",
        summary="泵站厂区园林绿化、消防、供配电和道路改造，另需一个 sensor 监测点。",
    )
    weak.fields.set([water])
    for challenge in (strong, weak):
        suggestions.recompute_target("challenges", challenge.pk)
    listed = suggestions.suggestions_for_mentor(experts[1])["challenges"]
    assert [row.challenge for row in listed] == [strong, weak]
    assert listed[0].score > listed[1].score


# --- engine cache -----------------------------------------------------------------------------


def test_engine_is_reused_until_the_mentor_table_changes(experts):
    first = suggestions.candidate_engine("mentors")
    assert suggestions.candidate_engine("mentors") is first
    MentorFactory(name="新专家", research_fields="海洋观测")
    assert suggestions.candidate_engine("mentors") is not first


def test_engine_refits_when_a_profiles_fields_change(experts):
    first = suggestions.candidate_engine("mentors")
    experts[2].fields.set([IndustryChainFactory(slug="medical_care", name_zh="医疗卫生")])
    assert suggestions.candidate_engine("mentors") is not first


def test_engine_refits_when_a_place_is_taken(experts):
    first = suggestions.candidate_engine("mentors")
    PairingFactory(mentor=experts[0], status=Pairing.Status.ACCEPTED)
    assert suggestions.candidate_engine("mentors") is not first


# --- triggers ---------------------------------------------------------------------------------


def test_publishing_a_demand_computes_its_suggestions_on_commit(
    experts, water, organizer, django_capture_on_commit_callbacks
):
    challenge = demand(water, status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_posting(challenge, actor=organizer)
    assert MatchSuggestion.objects.count() == 0  # nothing before the commit
    for callback in callbacks:
        callback()
    assert names(suggestions.suggestions_for_posting(challenge)) == ["左明健", "Dr. Alice Chen"]


def test_profile_change_refreshes_the_lists_it_enters(
    experts, water, django_capture_on_commit_callbacks
):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    newcomer = MentorFactory(name="柯东杰", research_fields="心血管外科")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        newcomer.research_fields = "泵站故障诊断与机器学习"
        newcomer.bio = "转向泵站设备故障诊断研究。"
        save_mentor(newcomer, actor=None, fields=[water])
    assert len(callbacks) == 1  # several saves of one profile, one refresh
    assert "柯东杰" in names(suggestions.suggestions_for_posting(challenge))


def test_mentee_profile_change_refreshes_their_mentors(
    experts, water, django_capture_on_commit_callbacks
):
    mentee = MenteeFactory(name="郑雅文", needs="心血管外科")
    suggestions.recompute_target("mentees", mentee.pk)
    assert suggestions.suggestions_for_mentee(mentee)["mentors"][0].mentor.name == "吴振华"
    mentee.needs = "泵站传感器数据治理与故障诊断"
    with django_capture_on_commit_callbacks(execute=True):
        save_mentee(mentee, actor=None, fields=[water])
    mine = suggestions.suggestions_for_mentee(mentee)["mentors"]
    assert mine[0].mentor.name == "左明健"


def test_candidate_refresh_is_skipped_after_a_newer_full_run(experts, water):
    challenge = demand(water)
    run = RecomputeRun.objects.create()
    for kind, ids in suggestions.plan_full_recompute(run):
        suggestions.recompute_chunk(run.pk, kind, ids)
    assert suggestions.recompute_candidate("mentors", experts[2].pk) == 0
    assert MatchSuggestion.objects.filter(challenge=challenge).count() == 2


# --- full recompute ---------------------------------------------------------------------------


def test_full_recompute_in_chunks_counts_every_list_once(
    experts, water, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(suggestions, "CHUNK_SIZE", 1)
    first, second = demand(water), ChallengeFactory(title="供水管网 sensor 漏损监测")
    run = RecomputeRun.objects.create()
    with django_capture_on_commit_callbacks(execute=True):
        dispatched = task_full_recompute.apply(kwargs={"run_id": run.pk}).get()
    run.refresh_from_db()
    assert dispatched == run.total == 2  # two demands, no project, no mentee
    assert run.done == 2
    assert run.status == RecomputeRun.Status.DONE
    assert MatchSuggestion.objects.filter(challenge__in=[first, second]).count() == 4
    # A chunk delivered again (a worker died after the work) changes nothing more.
    assert (
        task_recompute_chunk.apply(
            kwargs={"run_id": run.pk, "kind": "challenges", "ids": [first.pk]}
        ).get()
        == 0
    )
    run.refresh_from_db()
    assert run.done == 2


def test_replanning_a_half_done_run_dispatches_only_the_rest(experts, water, monkeypatch):
    monkeypatch.setattr(suggestions, "CHUNK_SIZE", 1)
    first, second = demand(water), ChallengeFactory(title="供水管网 sensor 漏损监测")
    run = RecomputeRun.objects.create()
    pending = suggestions.plan_full_recompute(run)
    assert pending == [("challenges", [first.pk]), ("challenges", [second.pk])]
    suggestions.recompute_chunk(run.pk, "challenges", [first.pk])
    assert suggestions.plan_full_recompute(run) == [("challenges", [second.pk])]
    assert RecomputeChunk.objects.filter(run=run).count() == 2


def test_full_recompute_drops_lists_of_closed_postings(
    experts, water, django_capture_on_commit_callbacks
):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    challenge.status = Status.WITHDRAWN
    challenge.save()
    with django_capture_on_commit_callbacks(execute=True):
        task_full_recompute.apply(kwargs={})
    assert MatchSuggestion.objects.count() == 0
    assert RecomputeRun.objects.get().status == RecomputeRun.Status.DONE


def test_recompute_posting_task_of_a_deleted_posting_does_nothing(experts):
    assert task_recompute_posting.apply(kwargs={"kind": "challenges", "posting_id": 999}).get() == 0


# --- reasons, invitations, feedback -----------------------------------------------------------


def test_reasons_are_shown_in_the_users_language(water):
    reasons = ["terms:泵站,sensor", "concepts:machine_learning", "tags:水利", "language:zh,en"]
    with translation.override("en"):
        assert suggestions.explain_reasons(reasons) == [
            ("Shared terms", "泵站, sensor"),
            ("Shared topics", "machine learning"),
            ("Shared fields", "Water conservancy"),
            ("Speaks", "Chinese, English"),
        ]
    with translation.override("zh-hans"):
        assert suggestions.explain_reasons(reasons) == [
            ("共同关键词", "泵站、sensor"),
            ("共同主题", "机器学习"),
            ("共同领域", "水利"),
            ("会说", "中文、英语"),
        ]


def test_invitation_to_claim_is_sent_once(experts, water, django_capture_on_commit_callbacks):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    row = suggestions.suggestions_for_posting(challenge).first()
    with django_capture_on_commit_callbacks(execute=True):
        suggestions.invite_to_claim(row, actor=challenge.owner)
        suggestions.invite_to_claim(row, actor=challenge.owner)
    assert Notification.objects.filter(user=experts[0].user).count() == 1
    assert suggestions.invited_ids([row]) == {row.pk}


def test_invitation_needs_an_account(experts, water):
    challenge = demand(water)
    experts[0].user = None
    experts[0].save()
    suggestions.recompute_target("challenges", challenge.pk)
    row = suggestions.suggestions_for_posting(challenge).first()
    with pytest.raises(suggestions.SuggestionError):
        suggestions.invite_to_claim(row, actor=challenge.owner)


def test_feedback_is_stored_per_pair_and_survives_a_recompute(experts, water):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    row = suggestions.suggestions_for_posting(challenge).first()
    suggestions.record_feedback(row, actor=challenge.owner, relevant=False)
    suggestions.record_feedback(row, actor=challenge.owner, relevant=True)
    suggestions.recompute_target("challenges", challenge.pk)
    fresh = suggestions.suggestions_for_posting(challenge).first()
    assert SuggestionFeedback.objects.get().relevant is True
    assert suggestions.feedback_of(challenge.owner, [fresh]) == {fresh.pk: True}


# --- pages ------------------------------------------------------------------------------------


def test_panel_shows_suggestions_with_reasons_to_the_poster(experts, water, client_for):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    url = reverse("projects:suggestions", args=["challenges", challenge.pk])
    response = client_for(challenge.owner).get(url, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert html.count('class="card suggestion"') == 2
    assert "共同关键词" in html


def test_panel_runs_a_constant_number_of_queries(
    water, organizer, client_for, django_assert_num_queries
):
    challenge = demand(water)
    client = client_for(organizer)
    url = reverse("projects:suggestions", args=["challenges", challenge.pk])

    def fill(count):
        MatchSuggestion.objects.all().delete()
        for rank in range(1, count + 1):
            MatchSuggestion.objects.create(
                challenge=challenge,
                mentor=MentorFactory(),
                rank=rank,
                score=1 / rank,
                reasons=["terms:泵站", "tags:水利"],
                engine_version="test",
            )

    fill(1)
    client.get(url)  # warm the session and the translation catalogs
    with django_assert_num_queries(9) as one:
        client.get(url)
    fill(20)
    with django_assert_num_queries(len(one.captured_queries)):
        client.get(url)


def test_invite_button_notifies_and_shows_invited(
    experts, water, client_for, django_capture_on_commit_callbacks
):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    row = suggestions.suggestions_for_posting(challenge).first()
    url = reverse("projects:suggestion_invite", args=[row.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(challenge.owner).post(url, HTTP_HX_REQUEST="true")
    assert "已邀请" in response.content.decode()
    assert Notification.objects.filter(user=experts[0].user).count() == 1


def test_feedback_with_no_choice_shows_an_error(experts, water, client_for):
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    row = suggestions.suggestions_for_posting(challenge).first()
    url = reverse("projects:suggestion_feedback", args=[row.pk])
    response = client_for(challenge.owner).post(url, {"relevant": "maybe"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "请选择" in response.content.decode()
    assert SuggestionFeedback.objects.count() == 0


def test_recompute_button_starts_a_run_and_progress_redirects_when_done(
    experts, water, organizer, client_for, django_capture_on_commit_callbacks
):
    demand(water)
    client = client_for(organizer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("projects:recompute"))
    run = RecomputeRun.objects.get()
    assert response.status_code == 302
    assert run.status == RecomputeRun.Status.DONE  # in-process tasks finish at once
    progress = client.get(
        reverse("projects:recompute_progress", args=[run.pk]), HTTP_HX_REQUEST="true"
    )
    assert progress["HX-Redirect"] == f"{reverse('projects:recompute')}?run={run.pk}"


# --- permissions ------------------------------------------------------------------------------


@pytest.fixture
def world(experts, water, organizer):
    """A demand with its list computed, and the people who may or may not see it."""
    challenge = demand(water)
    suggestions.recompute_target("challenges", challenge.pk)
    row = suggestions.suggestions_for_posting(challenge).first()
    return {
        "organizer": organizer,
        "poster": challenge.owner,
        "suggested": experts[0].user,
        "stranger": UserFactory(is_mentor=True),
        "challenge": challenge,
        "row": row,
        "run": RecomputeRun.objects.create(),
    }


GET, POST = "get", "post"
# url name, args from the world, method, POST data, expected status per role
MATRIX = [
    ("suggestions", lambda w: ["challenges", w["challenge"].pk], GET, {},
     {"anonymous": 404, "stranger": 404, "suggested": 404, "poster": 200, "organizer": 200}),
    ("suggestion_invite", lambda w: [w["row"].pk], POST, {},
     {"anonymous": 302, "stranger": 404, "suggested": 404, "poster": 302, "organizer": 302}),
    ("suggestion_feedback", lambda w: [w["row"].pk], POST, {"relevant": "yes"},
     {"anonymous": 302, "stranger": 404, "suggested": 302, "poster": 302, "organizer": 302}),
    ("for_you", lambda w: [], GET, {},
     {"anonymous": 302, "stranger": 200, "suggested": 200, "poster": 200, "organizer": 200}),
    ("recompute", lambda w: [], GET, {},
     {"anonymous": 302, "stranger": 403, "suggested": 403, "poster": 403, "organizer": 200}),
    ("recompute_progress", lambda w: [w["run"].pk], GET, {},
     {"anonymous": 302, "stranger": 403, "suggested": 403, "poster": 403, "organizer": 200}),
]  # fmt: skip


@pytest.mark.parametrize(
    ("name", "args", "method", "data", "expected"), MATRIX, ids=[row[0] for row in MATRIX]
)
@pytest.mark.parametrize("role", ["anonymous", "stranger", "suggested", "poster", "organizer"])
def test_permission_matrix(world, name, args, method, data, expected, role):
    client = Client()
    if role != "anonymous":
        client.force_login(world[role])
    response = getattr(client, method)(reverse(f"projects:{name}", args=args(world)), data)
    assert response.status_code == expected[role]


# --- through a real worker --------------------------------------------------------------------


@pytest.mark.celery
@pytest.mark.django_db(transaction=True)
def test_publishing_produces_suggestions_through_the_worker(celery_worker, organizer):
    water = IndustryChainFactory(slug="water_conservancy", name_zh="水利", name_en="Water")
    expert = MentorFactory(name="左明健", research_fields="闸泵站故障智能诊断 机器学习")
    expert.fields.set([water])
    MentorFactory(name="吴振华", research_fields="心血管外科")
    challenge = demand(water, status=Status.SUBMITTED)
    publish_posting(challenge, actor=organizer)
    rows = wait_for(
        lambda: list(suggestions.suggestions_for_posting(challenge)), timeout=60, interval=0.3
    )
    assert names(rows) == ["左明健"]
    assert rows[0].engine_version == suggestions.ENGINE_VERSION


def test_spreadsheet_import_refreshes_suggestions_with_one_full_run(
    organizer, django_capture_on_commit_callbacks
):
    from mentors.services import import_spreadsheet

    ChallengeFactory(title="海洋牧场智能监测", status=Status.PUBLISHED)
    data = "姓名 / Name,工作单位 / Affiliation\n海洋专家,福州大学\n智能制造专家,福州大学\n"
    with django_capture_on_commit_callbacks(execute=True):
        import_spreadsheet("mentors", "experts.csv", data.encode(), actor=organizer)
    run = RecomputeRun.objects.get()
    assert run.status == RecomputeRun.Status.DONE
