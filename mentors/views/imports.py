"""Spreadsheet import: upload and dry run, commit, and the empty templates."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.rules import is_admin

from .. import rules
from ..forms import CommitImportForm, UploadForm
from ..queries import offices_for_people
from ..services import ImportRejected, import_spreadsheet, preview_import
from ..spreadsheets import storage
from ..spreadsheets.columns import COLUMNS
from ..spreadsheets.writing import template_bytes

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIST_URLS = {
    "mentors": "mentors:mentor_list",
    "mentees": "mentors:mentee_list",
    "organizations": "mentors:organization_list",
}


def _require_manager(request) -> None:
    if not rules.can_import_people(request.user):
        raise PermissionDenied


def _upload_form(request, data=None, files=None, **kwargs) -> UploadForm:
    return UploadForm(
        data,
        files,
        offices=offices_for_people(request.user),
        office_required=not is_admin(request.user),
        **kwargs,
    )


def report_context(plan, *, kind: str, token: str, filename: str, form, **extra) -> dict:
    """What the page of any import's dry run shows: its counts, every error and the first
    other rows, the commit form's values and the form to upload another file."""
    rows, hidden_rows = plan.report()
    return {
        "plan": plan,
        "rows": rows,
        "hidden_rows": hidden_rows,
        "kind": kind,
        "token": token,
        "filename": filename,
        "form": form,
        **extra,
    }


def _preview(request, plan, *, kind, token, filename, office):
    """The row-by-row report of a dry run (every error, and the first other rows)."""
    form = _upload_form(request, initial={"kind": kind, "office": office})
    context = report_context(
        plan, kind=kind, token=token, filename=filename, form=form, office=office
    )
    return render(request, "mentors/import_preview.html", context)


@login_required
def import_upload(request):
    """Upload a spreadsheet and see, row by row, what importing it would do (dry run)."""
    _require_manager(request)
    form = _upload_form(request, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        data = upload.read()
        kind = form.cleaned_data["kind"]
        plan = preview_import(kind, upload.name, data)
        token = storage.store_upload(upload.name, data) if plan.is_valid else ""
        office = form.cleaned_data["office"]
        return _preview(request, plan, kind=kind, token=token, filename=upload.name, office=office)
    status = 400 if request.method == "POST" else 200
    templates = [
        (reverse("mentors:import_template", args=[kind]), label)
        for kind, label in (
            ("mentors", _("Experts template (.xlsx)")),
            ("mentees", _("Mentees template (.xlsx)")),
            ("organizations", _("Organisations template (.xlsx)")),
        )
    ]
    context = {"form": form, "templates": templates}
    return render(request, "mentors/import_upload.html", context, status=status)


@login_required
@require_POST
def import_commit(request):
    """Import a previewed file: every row or, if anything is wrong now, none."""
    _require_manager(request)
    form = CommitImportForm(request.POST)
    data = storage.load_upload(form.cleaned_data["token"]) if form.is_valid() else None
    if data is None:
        messages.error(request, _("The uploaded file has expired; please upload it again."))
        return redirect("mentors:import")
    kind, token, filename, office = (
        form.cleaned_data[k] for k in ("kind", "token", "filename", "office")
    )
    if office is None and not is_admin(request.user):
        messages.error(request, _("Choose the office that imports the file."))
        return redirect("mentors:import")
    if office is not None and not rules.can_import_for(request.user, office):
        raise PermissionDenied
    try:
        plan = import_spreadsheet(kind, filename, data, actor=request.user, office=office)
    except ImportRejected as rejected:
        storage.discard_upload(token)
        messages.error(request, _("Nothing was imported: the file has errors."))
        return _preview(
            request, rejected.plan, kind=kind, token="", filename=filename, office=office
        )
    storage.discard_upload(token)
    messages.success(
        request,
        _("Imported: %(create)d created, %(update)d updated, %(unchanged)d unchanged.")
        % plan.counts,
    )
    return redirect(LIST_URLS[kind])


@login_required
def import_template(request, kind):
    _require_manager(request)
    if kind not in COLUMNS:
        raise Http404
    return xlsx_response(template_bytes(kind), f"talentbridge-{kind}-template.xlsx")


def xlsx_response(data: bytes, filename: str) -> HttpResponse:
    """A workbook to download (templates of every import)."""
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
