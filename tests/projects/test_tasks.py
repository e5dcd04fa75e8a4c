"""The boards' tasks: run in-process, through a real worker, and from the beat schedule."""

from datetime import timedelta

import pytest
from django.utils import timezone

from projects.models import RecomputeRun, Status
from projects.queries import suggestions as queries
from projects.services.postings import publish_posting
from projects.suggestions import ENGINE_VERSION
from projects.tasks import task_remind_deadlines
from talentbridge.models import Job, Notification
from tests.conftest import wait_for
from tests.factories import ChallengeFactory, IndustryChainFactory, MentorFactory
from tests.projects.world import demand, names

pytestmark = pytest.mark.django_db


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
        lambda: list(queries.suggestions_for_posting(challenge)), timeout=60, interval=0.3
    )
    assert names(rows) == ["左明健"]
    assert rows[0].engine_version == ENGINE_VERSION


def test_spreadsheet_import_refreshes_suggestions_with_one_full_run(
    organizer, django_capture_on_commit_callbacks
):
    from mentors.services import import_spreadsheet

    ChallengeFactory(title="海洋牧场智能监测", status=Status.PUBLISHED)
    data = "姓名 / Name,工作单位 / Affiliation\n海洋专家,福州大学\n智能制造专家,福州大学\n"
    with django_capture_on_commit_callbacks(execute=True):
        import_spreadsheet("mentors", "experts.csv", data.encode(), actor=organizer)
    run = RecomputeRun.objects.get()
    assert run.job.status == Job.Status.DONE


@pytest.mark.usefixtures("run_on_commit_at_once")
def test_task_remind_deadlines_runs_the_service(challenge):
    challenge.deadline = timezone.localdate() + timedelta(days=3)
    challenge.save()
    assert task_remind_deadlines.apply().get() == 1
    assert (
        Notification.objects.filter(
            user=challenge.owner, key__startswith="projects.deadline"
        ).count()
        == 1
    )


def test_beat_schedule_has_the_deadline_reminder(settings):
    assert (
        settings.CELERY_BEAT_SCHEDULE["projects.remind_deadlines"]["task"]
        == "projects.remind_deadlines"
    )
