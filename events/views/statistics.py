"""Statistics: the dashboards across events and of one event, and the event's report (on
the page and as a Word document)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render

from talentbridge.http import query_string
from talentbridge.rules import is_organizer

from .. import reports, rules, statistics
from ..exports import DATASETS, ExportRequest
from ..meetings.queries import follow_up_figures
from ..queries import managed_events
from ..services.exports import log_export
from ..statistics.filters import ScopeForm
from .common import event_for, page_or_fragment
from .exports import CONTENT_TYPES


def _dashboard_context(request, scope, form) -> dict:
    figures = statistics.figures(scope)
    return {
        "form": form,
        "figures": figures,
        "cards": reports.headline_cards(figures),
        "tables": {table["key"]: table for table in reports.tables(figures)},
        "chart_data": reports.chart_data(figures),
        "datasets": DATASETS.values(),
        "filters": query_string(request),
        "can_map": rules.can_view_talent_map(request.user),
    }


@login_required
def stats_overview(request):
    """Admins: figures across events. Organizers: the events whose figures they may see."""
    user = request.user
    if rules.can_view_platform_statistics(user):
        form = ScopeForm(request.GET or None)
        context = _dashboard_context(request, form.scope(), form)
        context["events"] = statistics.event_rows(form.scope())
        template = page_or_fragment(
            request, "events/stats/overview.html", "events/stats/_figures.html"
        )
        return render(request, template, context)
    if not is_organizer(user):
        raise Http404
    context = {
        "managed": managed_events(user),
        "datasets": [d for d in DATASETS.values() if d.directory],
        "can_map": rules.can_view_talent_map(user),
    }
    return render(request, "events/stats/overview.html", context)


@login_required
def event_stats(request, pk: int):
    event = event_for(request, pk, rules.can_view_event_statistics)
    form = ScopeForm(request.GET or None)
    context = _dashboard_context(request, form.scope(event), form)
    context["event"] = event
    if event.kind == event.Kind.MATCHMAKING:
        context["meeting_figures"] = follow_up_figures(event)
    template = page_or_fragment(
        request, "events/stats/dashboard.html", "events/stats/_figures.html"
    )
    return render(request, template, context)


@login_required
def event_report(request, pk: int):
    event = event_for(request, pk, rules.can_view_event_statistics)
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
    event = event_for(request, pk, rules.can_view_event_statistics)
    scope = statistics.Scope(event=event)
    figures = statistics.figures(scope)
    report = ExportRequest("report", "docx", scope, with_contacts=False)
    log_export(report, actor=request.user, rows=1)
    response = HttpResponse(reports.report_docx(event, figures), content_type=CONTENT_TYPES["docx"])
    response["Content-Disposition"] = f'attachment; filename="event{event.pk}-report.docx"'
    return response
