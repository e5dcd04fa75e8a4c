"""The recompute runs' progress moves to ``talentbridge.Job`` without losing a figure."""

from datetime import UTC, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("projects", "0005_attachment_unguessable_names")]
AFTER = [("projects", "0008_recompute_run_drop_moved_columns")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_runs_keep_their_status_counts_starter_and_times():
    apps = _migrate(BEFORE)
    try:
        user = apps.get_model("talentbridge", "User").objects.create(email="o@example.cn")
        run_model = apps.get_model("projects", "RecomputeRun")
        started = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
        finished = datetime(2026, 11, 20, 8, 5, tzinfo=UTC)
        done = run_model.objects.create(
            status="done",
            total=120,
            done=120,
            started_by=user,
            started_at=started,
            finished_at=finished,
        )
        running = run_model.objects.create(status="running", total=80, done=30, started_at=started)
        apps = _migrate(AFTER)
        runs = apps.get_model("projects", "RecomputeRun").objects.select_related("job")
        jobs = {
            run.pk: (
                run.job.kind,
                run.job.status,
                run.job.total,
                run.job.done,
                run.job.started_by_id,
                run.job.created_at,
                run.job.finished_at,
            )
            for run in runs
        }
        assert jobs == {
            done.pk: ("projects.recompute", "done", 120, 120, user.pk, started, finished),
            running.pk: ("projects.recompute", "running", 80, 30, None, started, None),
        }
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
