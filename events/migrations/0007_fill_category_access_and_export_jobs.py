from django.db import migrations

# The demo summit's privileged categories: guests of honour, staff and the press are
# registered by the organizers, never by themselves.
DEMO_TITLE = "第二届中国侨智发展大会新质生产力“青蓝接力”主题会"
DEMO_INVITATION_ONLY = ("领导嘉宾", "工作人员", "媒体")


def fill_access(apps, schema_editor):
    """Approval categories keep needing approval; the demo's privileged ones are invitation
    only."""
    AttendeeCategory = apps.get_model("events", "AttendeeCategory")
    AttendeeCategory.objects.filter(requires_approval=True).update(access="approval")
    AttendeeCategory.objects.filter(
        event__title=DEMO_TITLE, name__in=DEMO_INVITATION_ONLY
    ).update(access="invitation")


def access_to_approval(apps, schema_editor):
    AttendeeCategory = apps.get_model("events", "AttendeeCategory")
    AttendeeCategory.objects.exclude(access="open").update(requires_approval=True)


def export_jobs_to_jobs(apps, schema_editor):
    """Give every export job a Job holding its progress, status, error and timestamps."""
    ExportJob = apps.get_model("events", "ExportJob")
    Job = apps.get_model("talentbridge", "Job")
    for export in ExportJob.objects.filter(job__isnull=True).iterator():
        export.job = Job.objects.create(
            kind="events.export",
            status=export.status,
            total=export.total_rows,
            done=export.done_rows,
            error=export.error,
            started_by_id=export.user_id,
            created_at=export.created_at,
            finished_at=export.finished_at,
        )
        export.save(update_fields=["job"])


def jobs_to_export_jobs(apps, schema_editor):
    ExportJob = apps.get_model("events", "ExportJob")
    for export in ExportJob.objects.select_related("job", "log").filter(job__isnull=False):
        job = export.job
        export.status, export.error = job.status, job.error
        export.total_rows, export.done_rows = job.total, job.done
        export.user_id = job.started_by_id or export.log.user_id
        export.created_at, export.finished_at = job.created_at, job.finished_at
        export.save()


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0006_category_access_and_export_job_link'),
    ]

    operations = [
        migrations.RunPython(fill_access, access_to_approval),
        migrations.RunPython(export_jobs_to_jobs, jobs_to_export_jobs),
    ]
