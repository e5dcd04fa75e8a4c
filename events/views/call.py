"""The call that collects: posters submit their projects and demands to an event's call;
the managers and reviewers follow the submissions, the managers reopen a closed call."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mentors.spreadsheets import storage
from mentors.spreadsheets.rows import ImportRejected
from mentors.views.imports import report_context, xlsx_response
from projects.spreadsheets import POSTING_COLUMNS, posting_template
from talentbridge.http import paginate, query_string

from .. import queries, rules
from ..forms import CallImportCommitForm, CallImportForm, LinkPostingForm, ReopenCallForm
from ..services import EventError
from ..services.call import (
    call_import_plan,
    check_call_open,
    import_to_call,
    reopen_call,
    submit_to_call,
)
from .common import event_for


@login_required
def call_submit(request, pk: int):
    """The poster's own projects and demands, each with a button to submit it to the call."""
    event = event_for(request, pk, rules.can_view_event)
    if request.method == "POST":
        form = LinkPostingForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return redirect("events:call_submit", pk=event.pk)
        posting = form.cleaned_data["posting"]
        if not rules.can_submit_to_call(request.user, posting):
            raise Http404
        try:
            submit_to_call(event, posting, actor=request.user)
        except EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request,
                _("“%(title)s” was submitted to the call of %(event)s.")
                % {"title": posting.title, "event": event.title},
            )
        return redirect("events:call_submit", pk=event.pk)
    context = {"event": event, "postings": queries.postings_to_submit(event, request.user)}
    return render(request, "events/call_submit.html", context)


@login_required
def call_queue(request, pk: int):
    event = event_for(request, pk, rules.can_review_call)
    context = {
        "event": event,
        "page": paginate(request, queries.call_submissions(event)),
        "query_string": query_string(request),
        "reopen_form": ReopenCallForm() if rules.can_reopen_call(request.user, event) else None,
        "can_import": rules.can_import_to_call(request.user, event),
    }
    return render(request, "events/call_queue.html", context)


@login_required
@require_POST
def call_reopen(request, pk: int):
    event = event_for(request, pk, rules.can_reopen_call)
    form = ReopenCallForm(request.POST)
    if form.is_valid():
        try:
            reopen_call(event, closes_at=form.cleaned_data["closes_at"], actor=request.user)
        except EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("The call is open again."))
    else:
        messages.error(request, _("Choose when the call closes."))
    return redirect("events:call_queue", pk=event.pk)


def _import_report(request, event, plan, *, kind, token, filename):
    """The row-by-row report of a dry run, with the button that commits it."""
    form = CallImportForm(initial={"kind": kind})
    context = report_context(
        plan, kind=kind, token=token, filename=filename, form=form, event=event, new_only=True
    )
    return render(request, "events/call_import_preview.html", context)


@login_required
def call_import(request, pk: int):
    """Upload projects or demands for the call and see what each row would become."""
    event = event_for(request, pk, rules.can_import_to_call)
    form = CallImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            check_call_open(event)
        except EventError as error:
            form.add_error(None, str(error))
        else:
            upload, kind = form.cleaned_data["file"], form.cleaned_data["kind"]
            data = upload.read()
            plan = call_import_plan(event, kind, upload.name, data)
            token = storage.store_upload(upload.name, data) if plan.is_valid else ""
            return _import_report(
                request, event, plan, kind=kind, token=token, filename=upload.name
            )
    status = 400 if request.method == "POST" else 200
    templates = [
        (reverse("events:call_import_template", args=[event.pk, kind]), label)
        for kind, label in (
            ("projects", _("Projects template (.xlsx)")),
            ("challenges", _("Demands template (.xlsx)")),
        )
    ]
    context = {"event": event, "form": form, "templates": templates}
    return render(request, "events/call_import.html", context, status=status)


@login_required
@require_POST
def call_import_commit(request, pk: int):
    """Submit every row of a previewed file to the call, or none if anything is wrong now."""
    event = event_for(request, pk, rules.can_import_to_call)
    form = CallImportCommitForm(request.POST)
    data = storage.load_upload(form.cleaned_data["token"]) if form.is_valid() else None
    if data is None:
        messages.error(request, _("The uploaded file has expired; please upload it again."))
        return redirect("events:call_import", pk=event.pk)
    kind, token, filename = (form.cleaned_data[k] for k in ("kind", "token", "filename"))
    try:
        plan = import_to_call(event, kind, filename, data, actor=request.user)
    except ImportRejected as rejected:
        storage.discard_upload(token)
        messages.error(request, _("Nothing was imported: the file has errors."))
        return _import_report(request, event, rejected.plan, kind=kind, token="", filename=filename)
    except EventError as error:
        storage.discard_upload(token)
        messages.error(request, str(error))
        return redirect("events:call_import", pk=event.pk)
    storage.discard_upload(token)
    messages.success(
        request,
        _("%(count)d submitted to the call; they await review in the queue below.")
        % {"count": plan.counts["create"]},
    )
    return redirect("events:call_queue", pk=event.pk)


@login_required
def call_import_template(request, pk: int, kind: str):
    event_for(request, pk, rules.can_import_to_call)
    if kind not in POSTING_COLUMNS:
        raise Http404
    return xlsx_response(posting_template(kind), f"talentbridge-call-{kind}-template.xlsx")
