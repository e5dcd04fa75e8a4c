"""Exports: stream a small list at once, queue a large one and follow its job, download
the file while its link lasts; the admins' export log."""

import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from talentbridge.http import job_progress, paginate, query_string, redirect_to
from talentbridge.live_jobs import job_stream

from .. import rules
from ..exports import (
    ASYNC_THRESHOLD,
    DATASETS,
    WORKBOOK,
    ExportRequest,
    directory_params,
    write_export,
)
from ..exports.writers import csv_chunks
from ..models import ExportJob, ExportLog
from ..services.exports import log_export, retry_export_job, start_export_job
from ..statistics.filters import ScopeForm
from .common import event_for

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _in_language(language: str, chunks):
    # A streamed body is produced after the view returns; keep the reader's language.
    with translation.override(language):
        yield from chunks


@login_required
def export(request, dataset: str, fmt: str, pk: int | None = None):
    """Stream a small export at once; queue a large one and send the user to its job.

    The people lists also take the directory's own filters (``?q=…&honour=…``), so the
    directory's export buttons export exactly what it shows.
    """
    event = event_for(request, pk, rules.can_view_event_statistics) if pk else None
    if fmt not in ("csv", "xlsx"):
        raise Http404
    if dataset == WORKBOOK:
        if event is None or fmt != "xlsx":
            raise Http404
    elif dataset not in DATASETS or not rules.can_export(request.user, DATASETS[dataset], event):
        raise Http404
    wanted = ExportRequest(
        dataset=dataset,
        format=fmt,
        scope=ScopeForm(request.GET).scope(event),
        with_contacts=rules.can_export_contacts(request.user, event),
        params=directory_params(dataset, request.GET),
    )
    rows = wanted.row_count()
    if rows >= ASYNC_THRESHOLD:
        export = start_export_job(wanted, actor=request.user, rows=rows)
        return redirect_to(request, reverse("events:export_job", args=[export.token]))
    log_export(wanted, actor=request.user, rows=rows)
    if fmt == "csv":
        chosen = DATASETS[dataset]
        chunks = csv_chunks(
            chosen.headers(wanted.with_contacts),
            chosen.rows(wanted.scope, wanted.with_contacts, wanted.params),
        )
        response = StreamingHttpResponse(
            _in_language(translation.get_language(), chunks), content_type=CONTENT_TYPES["csv"]
        )
    else:
        buffer = io.BytesIO()
        write_export(wanted, buffer)
        response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = f'attachment; filename="{wanted.file_name()}"'
    return response


def _export_for(request, token: str) -> ExportJob:
    """The user's own export job; anyone else's is a 404."""
    return get_object_or_404(
        ExportJob.objects.select_related("job", "log__event"),
        token=token[:40],
        job__started_by=request.user,
    )


@login_required
def export_job(request, token: str):
    export = _export_for(request, token)
    context = {
        "export": export,
        "job": export.job,
        "progress_url": reverse("events:export_job_progress", args=[export.token]),
        "stream_url": reverse("events:export_job_stream", args=[export.token]),
        "done_url": reverse("events:export_job", args=[export.token]),
        "retry_url": reverse("events:export_retry", args=[export.token]),
    }
    return render(request, "events/stats/job.html", context)


@login_required
def export_job_stream(request, token: str):
    """The export job's live progress (SSE), for its own author only."""
    return job_stream(request, _export_for(request, token).job_id)


@login_required
def export_job_progress(request, token: str):
    export = _export_for(request, token)
    return job_progress(
        request,
        export.job,
        progress_url=reverse("events:export_job_progress", args=[export.token]),
        done_url=reverse("events:export_job", args=[export.token]),
        context={
            "title": export.file_name,
            "retry_url": reverse("events:export_retry", args=[export.token]),
        },
    )


@login_required
@require_POST
def export_retry(request, token: str):
    """Write a failed export's file again (its own author only, like the download)."""
    export = _export_for(request, token)
    if retry_export_job(export, actor=request.user):
        messages.success(request, _("The export is written again."))
    return redirect_to(request, reverse("events:export_job", args=[export.token]))


@login_required
def export_download(request, token: str):
    export = _export_for(request, token)
    if export.job.status != export.job.Status.DONE or not export.file:
        raise Http404
    if export.is_expired:
        return render(request, "events/stats/expired.html", {"export": export}, status=410)
    return FileResponse(export.file.open("rb"), as_attachment=True, filename=export.file_name)


@login_required
def export_log(request):
    if not rules.can_view_export_log(request.user):
        raise Http404
    entries = ExportLog.objects.select_related("user", "event").order_by("-created_at", "-id")
    page = paginate(request, entries)
    labels = {key: dataset.label for key, dataset in DATASETS.items()}
    labels |= {WORKBOOK: _("Whole event"), "report": _("Report")}
    for entry in page:
        entry.label = labels.get(entry.dataset, entry.dataset)
    context = {"page": page, "query_string": query_string(request)}
    return render(request, "events/stats/export_log.html", context)
