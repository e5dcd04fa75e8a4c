"""Service records: log a visit or call, read it, edit it (author, until confirmed), confirm
or dispute it (the firm), and download its files (whoever may read the record)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import redirect_to
from talentbridge.parsing import parse_id

from .. import rules
from ..forms import AnswerRecordForm, DisputeRecordForm, ServiceRecordForm
from ..models import RecordFile, ServiceRecord
from ..services import CommissionerError
from ..services.records import (
    confirm_service_record,
    dispute_service_record,
    edit_service_record,
    log_service_record,
)
from .common import object_or_404


def _records():
    return ServiceRecord.objects.select_related(
        "organization", "commissioner", "office", "dispatch", "whistle"
    )


def _form_data(request):
    return (request.POST, request.FILES) if request.method == "POST" else (None, None)


def _render_form(request, form, record=None):
    template = (
        "projects/commissioners/_record_form.html"
        if request.htmx
        else "projects/commissioners/record_form.html"
    )
    return render(request, template, {"form": form, "record": record})


@login_required
def record_create(request):
    if not rules.can_log_records(request.user):
        raise PermissionDenied
    initial = {
        name: value
        for name in ("dispatch", "whistle")
        if (value := parse_id(request.GET.get(name))) is not None
    }
    form = ServiceRecordForm(*_form_data(request), commissioner=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            record = log_service_record(
                form.cleaned_data["dispatch"],
                actor=request.user,
                files=form.cleaned_data["files"],
                **form.values(),
            )
        except CommissionerError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Logged. The firm is asked to confirm the record."))
            return redirect_to(request, record.get_absolute_url())
    return _render_form(request, form)


@login_required
def record_detail(request, pk: int):
    record = object_or_404(request, _records(), pk, rules.can_view_record)
    user = request.user
    draft = getattr(record, "demand_draft", None)
    context = {
        "record": record,
        "files": list(record.files.all()),
        "draft": draft,
        "can_edit": rules.can_edit_record(user, record),
        "can_answer": rules.can_answer_record(user, record),
        "can_draft": rules.can_draft_demand(user, record),
        "manages": rules.can_manage_commissioners(user, record.office_id),
        "confirm_form": AnswerRecordForm(),
        "dispute_form": DisputeRecordForm(),
    }
    return render(request, "projects/commissioners/record_detail.html", context)


@login_required
def record_edit(request, pk: int):
    record = object_or_404(request, _records(), pk, rules.can_edit_record)
    form = ServiceRecordForm(*_form_data(request), instance=record, commissioner=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            record = edit_service_record(
                record, actor=request.user, files=form.cleaned_data["files"], **form.values()
            )
        except CommissionerError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect_to(request, record.get_absolute_url())
    return _render_form(request, form, record)


@require_POST
@login_required
def record_answer(request, pk: int, action: str):
    """The firm confirms (``confirm``) or disputes (``dispute``) a record."""
    record = object_or_404(request, _records(), pk, rules.can_view_record)
    form = (AnswerRecordForm if action == "confirm" else DisputeRecordForm)(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say what is wrong with the record."))
        return redirect(record.get_absolute_url())
    comment = form.cleaned_data["comment"]
    try:
        if action == "confirm":
            confirm_service_record(record, actor=request.user, comment=comment)
            messages.success(request, _("Confirmed. Thank you."))
        else:
            dispute_service_record(record, actor=request.user, reason=comment)
            messages.success(request, _("Disputed. The commissioner is asked to correct it."))
    except CommissionerError as error:
        messages.error(request, error.message)
    return redirect(record.get_absolute_url())


def _may_read_file(user, item: RecordFile) -> bool:
    return rules.can_view_record(user, item.record)


@login_required
def record_file(request, pk: int):
    item = object_or_404(request, RecordFile.objects.select_related("record"), pk, _may_read_file)
    return FileResponse(item.file.open("rb"), as_attachment=True, filename=item.name)
