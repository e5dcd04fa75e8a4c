"""Views of statistics, reports and exports: thin — permission, parse the filters, call the
figures or one export service, render."""

import io

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_htmx.http import HttpResponseClientRedirect

from . import reports, rules, statistics
from .exports import (
    ASYNC_THRESHOLD,
    DATASETS,
    WORKBOOK,
    ExportRequest,
    log_export,
    start_export_job,
    write_export,
)
from .exports.writers import csv_chunks
from .models import Event, ExportJob, ExportLog
from .statistics.filters import ScopeForm
from .views import PAGE_SIZE, _event_for, _query_string, _template

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def _dashboard_context(request, scope, form) -> dict:
    figures = statistics.figures(scope)
    return {
        "form": form,
        "figures": figures,
        "cards": reports.headline_cards(figures),
        "tables": {table["key"]: table for table in reports.tables(figures)},
        "chart_data": reports.chart_data(figures),
        "datasets": DATASETS.values(),
        "filters": _query_string(request),
    }


@login_required
def stats_overview(request):
    """Admins: figures across events. Organizers: the events whose figures they may see."""
    user = request.user
    if rules.can_view_platform_statistics(user):
        form = ScopeForm(request.GET or None)
        scope = form.scope()
        context = _dashboard_context(request, scope, form)
        context["events"] = statistics.event_rows(scope)
        template = _template(request, "events/stats/overview.html", "events/stats/_figures.html")
        return render(request, template, context)
    if not user.is_organizer:
        raise Http404
    events = Event.objects.filter(organizers=user).order_by("-starts_at", "-id")
    context = {"managed": events, "datasets": [d for d in DATASETS.values() if d.directory]}
    return render(request, "events/stats/overview.html", context)


@login_required
def event_stats(request, pk: int):
    event = _event_for(request, pk, rules.can_view_event_statistics)
    form = ScopeForm(request.GET or None)
    context = _dashboard_context(request, form.scope(event), form)
    context["event"] = event
    template = _template(request, "events/stats/dashboard.html", "events/stats/_figures.html")
    return render(request, template, context)


@login_required
def event_report(request, pk: int):
    event = _event_for(request, pk, rules.can_view_event_statistics)
    figures = statistics.figures(statistics.Scope(event=event))
    context = {
        "event": event,
        "cards": reports.headline_cards(figures),
        "paragraphs": reports.bilingual_paragraphs(event, figures),
        "tables": reports.tables(figures),
    }
    return render(request, "events/stats/report.html", context)


@login_required
def event_report_docx(request, pk: int):
    event = _event_for(request, pk, rules.can_view_event_statistics)
    figures = statistics.figures(statistics.Scope(event=event))
    log_export(
        ExportRequest("report", "docx", statistics.Scope(event=event), with_contacts=False),
        actor=request.user,
        rows=1,
    )
    response = HttpResponse(reports.report_docx(event, figures), content_type=CONTENT_TYPES["docx"])
    response["Content-Disposition"] = f'attachment; filename="event{event.pk}-report.docx"'
    return response


def _in_language(language: str, chunks):
    # A streamed body is produced after the view returns; keep the reader's language.
    with translation.override(language):
        yield from chunks


@login_required
def export(request, dataset: str, fmt: str, pk: int | None = None):
    """Stream a small export at once; queue a large one and send the user to its job."""
    event = _event_for(request, pk, rules.can_view_event_statistics) if pk else None
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
    )
    rows = wanted.row_count()
    if rows >= ASYNC_THRESHOLD:
        job = start_export_job(wanted, actor=request.user, rows=rows)
        url = reverse("events:export_job", args=[job.token])
        return HttpResponseClientRedirect(url) if request.htmx else redirect(url)
    log_export(wanted, actor=request.user, rows=rows)
    disposition = f'attachment; filename="{wanted.file_name()}"'
    if fmt == "csv":
        dataset_ = DATASETS[dataset]
        chunks = csv_chunks(
            dataset_.headers(wanted.with_contacts),
            dataset_.rows(wanted.scope, wanted.with_contacts),
        )
        response = StreamingHttpResponse(
            _in_language(translation.get_language(), chunks), content_type=CONTENT_TYPES["csv"]
        )
    else:
        buffer = io.BytesIO()
        write_export(wanted, buffer)
        response = HttpResponse(buffer.getvalue(), content_type=CONTENT_TYPES["xlsx"])
    response["Content-Disposition"] = disposition
    return response


def _job_for(request, token: str) -> ExportJob:
    """The user's own job; anyone else's is a 404."""
    return get_object_or_404(
        ExportJob.objects.select_related("log__event"), token=token, user=request.user
    )


@login_required
def export_job(request, token: str):
    return render(request, "events/stats/job.html", {"job": _job_for(request, token)})


@login_required
def export_job_progress(request, token: str):
    return render(request, "events/stats/_job_progress.html", {"job": _job_for(request, token)})


@login_required
def export_download(request, token: str):
    job = _job_for(request, token)
    if job.status != ExportJob.Status.DONE or not job.file:
        raise Http404
    if job.is_expired:
        return render(request, "events/stats/expired.html", {"job": job}, status=410)
    return FileResponse(job.file.open("rb"), as_attachment=True, filename=job.file_name)


@login_required
def export_log(request):
    if not rules.can_view_export_log(request.user):
        raise Http404
    entries = ExportLog.objects.select_related("user", "event").order_by("-created_at", "-id")
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    labels = {key: dataset.label for key, dataset in DATASETS.items()}
    labels |= {WORKBOOK: _("Whole event"), "report": _("Report")}
    for entry in page:
        entry.label = labels.get(entry.dataset, entry.dataset)
    context = {"page": page, "query_string": _query_string(request)}
    return render(request, "events/stats/export_log.html", context)
