"""Starting, logging and running exports: every export logged, a job run twice changes nothing."""

import pytest
from django.utils import translation

from events.exports import ExportRequest
from events.exports.jobs import run_export_job
from events.models import ExportJob, ExportLog
from events.services.exports import log_export, start_export_job
from events.statistics import Scope
from talentbridge.models import AuditEntry

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


def test_every_export_is_logged_and_in_the_audit_trail(world, organizer):
    request = ExportRequest(
        "mentors", "csv", Scope(province="福建省"), with_contacts=False, params={"q": "mA"}
    )
    entry = log_export(request, actor=organizer, rows=3)
    assert (entry.filters, entry.row_count, entry.with_contacts) == (
        {"province": "福建省", "q": "mA"},
        3,
        False,
    )
    audit = AuditEntry.objects.get(action="events.export.create")
    assert (audit.actor, audit.object_id) == (organizer, str(entry.pk))
    assert audit.changes == {
        "dataset": "mentors",
        "format": "csv",
        "filters": {"province": "福建省", "q": "mA"},
        "with_contacts": False,
        "rows": 3,
    }


def test_a_background_export_keeps_the_directory_filters(
    world, organizer, django_capture_on_commit_callbacks
):
    request = ExportRequest(
        "mentors", "csv", Scope(), with_contacts=False, params={"honour": "h-academician"}
    )
    with translation.override("zh-hans"), django_capture_on_commit_callbacks(execute=True):
        export = start_export_job(request, actor=organizer, rows=2)
    export.refresh_from_db()
    with export.file.open("rb") as handle:
        lines = handle.read().decode("utf-8-sig").splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["mA", "mC"]


def test_a_failing_export_marks_its_job_failed(
    world, organizer, monkeypatch, django_capture_on_commit_callbacks
):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr("events.exports.jobs.write_export", broken)
    request = ExportRequest("mentors", "csv", Scope(), with_contacts=False)
    with pytest.raises(OSError), django_capture_on_commit_callbacks(execute=True):
        export = start_export_job(request, actor=organizer, rows=5)
    export = ExportJob.objects.get()
    export.job.refresh_from_db()
    assert (export.job.status, export.job.error, export.job.is_finished) == (
        "failed",
        "disk full",
        True,
    )
    # A repeated delivery of the failed job does not run it again.
    assert run_export_job(export.pk) == export
    assert not export.file
