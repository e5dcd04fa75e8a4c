from django.db import migrations

# RecomputeRun's own status values, as the Job statuses they become.
STATUS = {"running": "running", "done": "done"}


def runs_to_jobs(apps, schema_editor):
    """Give every recompute run a Job holding its progress, status and timestamps."""
    RecomputeRun = apps.get_model("projects", "RecomputeRun")
    Job = apps.get_model("talentbridge", "Job")
    for run in RecomputeRun.objects.filter(job__isnull=True).iterator():
        run.job = Job.objects.create(
            kind="projects.recompute",
            status=STATUS.get(run.status, "running"),
            total=run.total,
            done=run.done,
            started_by_id=run.started_by_id,
            created_at=run.started_at,
            finished_at=run.finished_at,
        )
        run.save(update_fields=["job"])


def jobs_to_runs(apps, schema_editor):
    RecomputeRun = apps.get_model("projects", "RecomputeRun")
    for run in RecomputeRun.objects.select_related("job").filter(job__isnull=False).iterator():
        job = run.job
        run.status = "done" if job.status == "done" else "running"
        run.total, run.done = job.total, job.done
        run.started_by_id = job.started_by_id
        run.started_at, run.finished_at = job.created_at, job.finished_at
        run.save()


class Migration(migrations.Migration):

    dependencies = [
        ('projects', '0006_recompute_run_job'),
    ]

    operations = [
        migrations.RunPython(runs_to_jobs, jobs_to_runs),
    ]
