"""Browser journey: an export's progress bar follows the job's live stream while a worker
writes it, and the page shows the finished export once the job ends."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from events.models import ExportJob, ExportLog
from talentbridge import services
from talentbridge.models import Job

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_progress_bar_follows_the_job_and_opens_the_result(
    page, live_server, login_page, organizer, settings
):
    # Served by Django alone (the embedded default); short streams end before the database
    # is torn down, and the page reconnects between them.
    settings.LIVE_STREAM_SECONDS = 1
    log = ExportLog.objects.create(user=organizer, dataset="mentors", format="csv")
    job = services.start_job("events.export", actor=organizer, total=200)
    export = ExportJob.objects.create(job=job, log=log, language="zh-hans")
    login_page(organizer)
    page.goto(f"{live_server.url}{reverse('events:export_job', args=[export.token])}")
    state = page.locator(".job-progress-state")
    expect(state).to_have_attribute("data-live-mode", "stream")
    expect(state).to_contain_text("已完成 0 / 200")

    services.run_job(job.pk)
    services.set_job_progress(job.pk, done=50)
    expect(state).to_contain_text("已完成 50 / 200（25%）", timeout=2000)
    expect(page.locator("progress")).to_have_attribute("value", "25")
    assert Job.objects.get(pk=job.pk).status == Job.Status.RUNNING

    services.finish_job(job.pk)  # no file was written: the page says the link is gone
    expect(page.get_by_text("下载链接已过期，请重新导出。")).to_be_visible(timeout=3000)
    expect(page.locator("[data-live-stream]")).to_have_count(0)


def test_where_streams_are_blocked_the_bar_polls_and_still_opens_the_result(
    page, live_server, login_page, organizer
):
    log = ExportLog.objects.create(user=organizer, dataset="mentors", format="csv")
    job = services.start_job("events.export", actor=organizer, total=200)
    export = ExportJob.objects.create(job=job, log=log, language="zh-hans")
    login_page(organizer)
    page.route("**/stream/*", lambda route: route.abort("blockedbyclient"))
    page.goto(f"{live_server.url}{reverse('events:export_job', args=[export.token])}")
    state = page.locator(".job-progress-state")
    expect(state).to_have_attribute("data-live-mode", "polling")
    services.run_job(job.pk)
    services.set_job_progress(job.pk, done=100)
    expect(state).to_contain_text("已完成 100 / 200（50%）", timeout=3000)
    services.finish_job(job.pk)
    expect(page.get_by_text("下载链接已过期，请重新导出。")).to_be_visible(timeout=3000)
