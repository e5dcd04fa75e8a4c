"""Starting, logging and running exports: every export logged, a job run twice changes nothing."""

import pytest
from django.utils import translation

from events.exports import ExportRequest
from events.exports.jobs import run_export_job
from events.models import ExportLog
from events.services.exports import start_export_job
from events.statistics import Scope

from ..stats_world import build_world

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(organizer):
    return build_world(organizer)


def test_running_a_job_twice_changes_nothing(world, organizer, django_capture_on_commit_callbacks):
    request = ExportRequest("mentors", "csv", Scope(event=world.event), with_contacts=False)
    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        export = start_export_job(request, actor=organizer, rows=4)
    export.refresh_from_db()
    name = export.file.name
    assert name.endswith(".csv")
    run_export_job(export.pk)
    export.refresh_from_db()
    export.job.refresh_from_db()
    assert (export.job.status, export.file.name) == ("done", name)
    assert ExportLog.objects.count() == 1
