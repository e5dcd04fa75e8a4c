"""Writing the suggestion lists: one target, a changed profile, chunked full runs."""

import pytest

from mentors.services import save_mentee, save_mentor
from projects.models import Claim, MatchSuggestion, RecomputeChunk, RecomputeRun, Status
from projects.queries import suggestions as queries
from projects.services import recompute
from projects.services.postings import publish_posting
from projects.suggestions import ENGINE_VERSION
from projects.tasks import task_full_recompute, task_recompute_chunk, task_recompute_posting
from talentbridge.models import Job
from talentbridge.queries import audit_entries_for
from tests.factories import ChallengeFactory, MenteeFactory, MentorFactory, ProjectFactory
from tests.projects.world import demand, names

pytestmark = pytest.mark.django_db


def test_recompute_target_ranks_the_matching_experts_first(experts, water):
    challenge = demand(water)
    written = recompute.recompute_target("challenges", challenge.pk)
    rows = list(queries.suggestions_for_posting(challenge))
    assert written == len(rows) == 2
    assert names(rows) == ["左明健", "Dr. Alice Chen"]
    assert [row.rank for row in rows] == [1, 2]
    assert rows[0].engine_version == ENGINE_VERSION
    assert any(reason.startswith("terms:") for reason in rows[0].reasons)


def test_recompute_target_twice_writes_the_same_list(experts, water):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    first = list(queries.target_rows("challenges", challenge.pk).values_list("mentor", "rank"))
    recompute.recompute_target("challenges", challenge.pk)
    again = list(queries.target_rows("challenges", challenge.pk).values_list("mentor", "rank"))
    assert first == again
    assert MatchSuggestion.objects.count() == 2


def test_replace_suggestions_keeps_the_old_list_when_writing_fails(experts, water, monkeypatch):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)

    def broken(*args, **kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(MatchSuggestion.objects, "bulk_create", broken)
    with pytest.raises(RuntimeError):
        recompute.recompute_target("challenges", challenge.pk)
    assert names(queries.suggestions_for_posting(challenge)) == ["左明健", "Dr. Alice Chen"]


def test_poster_is_never_suggested_for_their_own_demand(experts, water):
    pump = experts[0]
    challenge = demand(water, owner=pump.user)
    recompute.recompute_target("challenges", challenge.pk)
    assert names(queries.suggestions_for_posting(challenge)) == ["Dr. Alice Chen"]


def test_closed_posting_loses_its_list(experts, water):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    challenge.status = Status.CLOSED
    challenge.save()
    assert recompute.recompute_target("challenges", challenge.pk) == 0
    assert MatchSuggestion.objects.count() == 0


def test_project_suggests_founders(water):
    founder = MenteeFactory(name="林晨曦", needs="泵站故障诊断技术的产业化与合作")
    founder.fields.set([water])
    MenteeFactory(name="周静", needs="农产品直播带货")
    project = ProjectFactory(title="闸泵站故障智能诊断产业化", summary="泵站故障诊断成果转化")
    project.fields.set([water])
    recompute.recompute_target("projects", project.pk)
    rows = list(queries.suggestions_for_posting(project))
    assert [row.mentee.name for row in rows] == ["林晨曦"]


def test_publishing_a_demand_computes_its_suggestions_on_commit(
    experts, water, organizer, django_capture_on_commit_callbacks
):
    challenge = demand(water, status=Status.SUBMITTED)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        publish_posting(challenge, actor=organizer)
    assert MatchSuggestion.objects.count() == 0  # nothing before the commit
    for callback in callbacks:
        callback()
    assert names(queries.suggestions_for_posting(challenge)) == ["左明健", "Dr. Alice Chen"]


def test_profile_change_refreshes_the_lists_it_enters(
    experts, water, django_capture_on_commit_callbacks
):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    newcomer = MentorFactory(name="柯东杰", research_fields="心血管外科")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        newcomer.research_fields = "泵站故障诊断与机器学习"
        newcomer.bio = "转向泵站设备故障诊断研究。"
        save_mentor(newcomer, actor=None, fields=[water])
    assert len(callbacks) == 1  # several saves of one profile, one refresh
    assert "柯东杰" in names(queries.suggestions_for_posting(challenge))


def test_mentee_profile_change_refreshes_their_mentors(
    experts, water, django_capture_on_commit_callbacks
):
    mentee = MenteeFactory(name="郑雅文", needs="心血管外科")
    recompute.recompute_target("mentees", mentee.pk)
    assert queries.suggestions_for_mentee(mentee)["mentors"][0].mentor.name == "吴振华"
    mentee.needs = "泵站传感器数据治理与故障诊断"
    with django_capture_on_commit_callbacks(execute=True):
        save_mentee(mentee, actor=None, fields=[water])
    mine = queries.suggestions_for_mentee(mentee)["mentors"]
    assert mine[0].mentor.name == "左明健"


def test_candidate_refresh_is_skipped_after_a_newer_full_run(experts, water):
    challenge = demand(water)
    run = recompute.start_run(actor=None)
    for chunk_id, _kind, ids in recompute.plan_full_recompute(run):
        recompute.recompute_chunk(chunk_id, ids)
    assert recompute.recompute_candidate("mentors", experts[2].pk) == 0
    assert MatchSuggestion.objects.filter(challenge=challenge).count() == 2


# --- full recompute ---------------------------------------------------------------------------


def test_full_recompute_in_chunks_counts_every_list_once(
    experts, water, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(recompute, "CHUNK_SIZE", 1)
    first, second = demand(water), ChallengeFactory(title="供水管网 sensor 漏损监测")
    run = recompute.start_run(actor=None)
    with django_capture_on_commit_callbacks(execute=True):
        dispatched = task_full_recompute.apply(kwargs={"run_id": run.pk}).get()
    job = Job.objects.get(pk=run.job_id)
    assert dispatched == job.total == 2  # two demands, no project, no mentee
    assert job.done == 2
    assert job.status == Job.Status.DONE
    assert MatchSuggestion.objects.filter(challenge__in=[first, second]).count() == 4
    # A chunk delivered again (a worker died after the work) changes nothing more.
    chunk = RecomputeChunk.objects.get(run=run, first_id=first.pk)
    assert task_recompute_chunk.apply(kwargs={"chunk_id": chunk.pk, "ids": [first.pk]}).get() == 0
    job.refresh_from_db()
    assert job.done == 2


def test_replanning_a_half_done_run_dispatches_only_the_rest(experts, water, monkeypatch):
    monkeypatch.setattr(recompute, "CHUNK_SIZE", 1)
    first, second = demand(water), ChallengeFactory(title="供水管网 sensor 漏损监测")
    run = recompute.start_run(actor=None)
    pending = recompute.plan_full_recompute(run)
    chunks = list(
        RecomputeChunk.objects.filter(run=run).order_by("pk").values_list("pk", flat=True)
    )
    assert pending == [
        (chunks[0], "challenges", [first.pk]),
        (chunks[1], "challenges", [second.pk]),
    ]
    recompute.recompute_chunk(chunks[0], [first.pk])
    assert recompute.plan_full_recompute(run) == [(chunks[1], "challenges", [second.pk])]
    assert RecomputeChunk.objects.filter(run=run).count() == 2


def test_full_recompute_drops_lists_of_closed_postings(
    experts, water, django_capture_on_commit_callbacks
):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    challenge.status = Status.WITHDRAWN
    challenge.save()
    with django_capture_on_commit_callbacks(execute=True):
        task_full_recompute.apply(kwargs={})
    assert MatchSuggestion.objects.count() == 0
    assert RecomputeRun.objects.get().job.status == Job.Status.DONE


def test_recompute_posting_task_of_a_deleted_posting_does_nothing(experts):
    assert task_recompute_posting.apply(kwargs={"kind": "challenges", "posting_id": 999}).get() == 0


def test_a_chunk_whose_first_target_closed_still_completes_the_run(experts, water, monkeypatch):
    monkeypatch.setattr(recompute, "CHUNK_SIZE", 1)
    first, second = demand(water), ChallengeFactory(title="供水管网 sensor 漏损监测")
    run = recompute.start_run(actor=None)
    recompute.plan_full_recompute(run)
    first.status = Status.CLOSED
    first.save()
    # A worker died; the run is planned again after the first target closed.
    for chunk_id, _kind, ids in recompute.plan_full_recompute(run):
        recompute.recompute_chunk(chunk_id, ids)
    job = Job.objects.get(pk=run.job_id)
    assert (job.status, job.done, job.total) == (Job.Status.DONE, 2, 2)
    assert not RecomputeChunk.objects.filter(run=run, done_at__isnull=True).exists()
    assert MatchSuggestion.objects.filter(challenge=second).count() == 2


def test_starting_a_run_is_audited(organizer):
    run = recompute.start_run(actor=organizer)
    (entry,) = audit_entries_for(run)
    assert (entry.action, entry.actor) == ("projects.recompute_run.start", organizer)
    assert (run.job.kind, run.job.status, run.job.started_by) == (
        "projects.recompute",
        Job.Status.QUEUED,
        organizer,
    )


def test_full_run_drops_the_lists_of_claimed_out_postings(experts, water):
    challenge = demand(water)
    recompute.recompute_target("challenges", challenge.pk)
    Claim.objects.create(
        challenge=challenge,
        claimant=experts[1].user,
        mentor=experts[1],
        approach="方案",
        timeline="3个月",
        expected_result="结果",
        status=Claim.Status.ACCEPTED,
    )
    run = recompute.start_run(actor=None)
    for chunk_id, _kind, ids in recompute.plan_full_recompute(run):
        recompute.recompute_chunk(chunk_id, ids)
    assert MatchSuggestion.objects.filter(challenge=challenge).count() == 0
