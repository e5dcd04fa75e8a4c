"""The office's dashboard and its .xlsx export (permission checked, every export logged)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from ..dashboard import DEFAULT_PERIOD, figures_workbook, office_figures, period_start
from ..forms import DashboardForm
from ..services import CommissionerError
from ..services.dashboard import record_dashboard_export
from .common import managed_office_or_404

TOP_FIRMS = 20
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _figures(request, office):
    form = DashboardForm(request.GET or None, initial={"period": DEFAULT_PERIOD})
    period = form.chosen_period()
    today = timezone.localdate()
    return form, period, office_figures(office, since=period_start(period, today), until=today)


@login_required
def office_dashboard(request, pk: int):
    office = managed_office_or_404(request, pk)
    form, period, figures = _figures(request, office)
    context = {
        "office": office,
        "form": form,
        "period": period,
        "figures": figures,
        "top_firms": figures.per_firm[:TOP_FIRMS],
    }
    return render(request, "projects/commissioners/dashboard.html", context)


@login_required
def office_dashboard_export(request, pk: int):
    office = managed_office_or_404(request, pk)
    _form, period, figures = _figures(request, office)
    try:
        record_dashboard_export(office, actor=request.user, period=period)
    except CommissionerError as error:
        raise Http404 from error
    response = HttpResponse(figures_workbook(office, figures), content_type=XLSX)
    filename = f"commissioners-{office.pk}-{figures.until:%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
