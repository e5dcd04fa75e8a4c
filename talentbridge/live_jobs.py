"""Delivery of a background job's progress to the pages that follow it.

When a job moves, its progress is rendered once per language and published to the job's
channel (``talentbridge.live``); every open progress bar of that job follows the stream. A
job reports progress often (every thousand rows), so a process publishes a job at most once
per ``MIN_INTERVAL_SECONDS``; a change of state (running, done, failed, queued again) is
always published. The event id is the progress tag, so a reconnecting page gets the current
progress only when it has changed.
"""

import time

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import get_language

from .live import publish, push_enabled, sse_event, stream_response
from .models import Job

# At most four publications of one job a second (per worker process).
MIN_INTERVAL_SECONDS = 0.25
# How long a reconnecting page waits before it tries again.
RETRY_MS = 1000
STATE_TEMPLATE = "_job_progress_state.html"
# When each job was last published by this process.
_last_published: dict[int, float] = {}


def job_channel(job_id: int, language: str) -> str:
    return f"job-{job_id}-{language}"


def job_state_event(job: Job) -> str:
    """The job's progress as one SSE event in the active language."""
    html = render_to_string(STATE_TEMPLATE, {"job": job})
    return sse_event(job.progress_tag, "state", html, retry_ms=RETRY_MS)


def publish_job(job_id: int) -> bool:
    """Render the job's progress once per language and publish each to its channel."""
    job = Job.objects.filter(pk=job_id).first()
    if job is None or not push_enabled():
        return False
    items = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            items.append((job_channel(job.pk, language), job.progress_tag, job_state_event(job)))
    return publish(items)


def publish_job_on_commit(job_id: int, *, transition: bool = False) -> None:
    """After commit, push the job's progress to the pages that follow it; a progress report
    that comes within ``MIN_INTERVAL_SECONDS`` of the last publication is skipped (the next
    report, or the job's end, brings the page up to date)."""
    if not push_enabled():
        return
    if transition:
        _last_published.pop(job_id, None)
    else:
        now = time.monotonic()
        last = _last_published.get(job_id)
        if last is not None and now - last < MIN_INTERVAL_SECONDS:
            return
        _last_published[job_id] = now
    transaction.on_commit(lambda: publish_job(job_id))


def job_stream(request: HttpRequest, job_id: int):
    """The job's live progress (SSE); the caller has checked that the user may see the job."""
    language = get_language()

    def catch_up(last_id: str):
        job = Job.objects.filter(pk=job_id).first()
        if job is None:
            return None, ""
        tag = job.progress_tag
        if last_id == tag:
            return tag, ""
        with translation.override(language):
            return tag, job_state_event(job)

    return stream_response(
        request, channel=job_channel(job_id, language), catch_up=catch_up, retry_ms=RETRY_MS
    )
