"""Outcomes over years across events and programmes: the report page (printable) and its
Word document. An office's managers read their offices' outcomes; administrators all."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from talentbridge.http import query_string
from talentbridge.models import Office
from talentbridge.parsing import parse_id

from .. import rules
from ..statistics.filters import OutcomeForm
from ..statistics.outcomes import OutcomeScope, outcome_figures
from ..statistics.outcomes_report import bar_charts, bilingual, cards, report_docx, year_table
from .exports import CONTENT_TYPES


def _who(offices: list[Office], chosen: Office | None, everyone: bool) -> dict:
    """The offices named in the paragraph, in each language."""
    result = {}
    for code in ("zh-hans", "en"):
        with translation.override(code):
            if chosen is not None:
                result[code] = chosen.name
            elif everyone:
                result[code] = _("the platform's offices")
            else:
                result[code] = _("、").join(office.name for office in offices)
    return result


def _report(request) -> dict:
    """The scope the user asked for and may see, its figures and their presentation."""
    allowed = rules.outcome_office_ids(request.user)
    if allowed == set():
        raise Http404
    everyone = allowed is None
    offices = list(Office.objects.all() if everyone else Office.objects.filter(pk__in=allowed))
    form = OutcomeForm(request.GET or None, offices=offices, everyone=everyone)
    data = form.cleaned_data if form.is_valid() else {}
    asked = request.GET.get("office")
    chosen = next((o for o in offices if o.pk == parse_id(asked)), None)
    if asked and chosen is None:
        raise Http404
    if chosen is not None:
        office_ids = frozenset({chosen.pk})
    else:
        office_ids = None if everyone else frozenset(allowed)
    since, until = data.get("since"), data.get("until")
    scope = OutcomeScope(
        offices=office_ids,
        since=since,
        until=until,
        region=(data.get("region") or "").strip(),
        field=data.get("field"),
    )
    figures = outcome_figures(scope)
    who = _who(offices, chosen, everyone)
    return {
        "form": form,
        "office": chosen,
        "totals": figures["totals"],
        "years": figures["years"],
        "paragraphs": bilingual(figures["totals"], who=who, since=since, until=until),
        "cards": cards(figures["totals"]),
        "year_table": year_table(figures["years"]),
        "charts": bar_charts(figures["years"]),
        "filters": query_string(request),
    }


@login_required
def outcomes(request):
    return render(request, "events/stats/outcomes.html", _report(request))


@login_required
def outcomes_docx(request):
    report = _report(request)
    title = _("Outcomes report")
    if report["office"] is not None:
        title = f"{title} · {report['office'].name}"
    body = report_docx(title, report["paragraphs"], report["totals"], report["years"])
    response = HttpResponse(body, content_type=CONTENT_TYPES["docx"])
    response["Content-Disposition"] = 'attachment; filename="outcomes-report.docx"'
    return response
