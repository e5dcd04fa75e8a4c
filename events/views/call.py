"""The call that collects: posters submit their projects and demands to an event's call;
the managers and reviewers follow the submissions, the managers reopen a closed call."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import paginate, query_string

from .. import queries, rules
from ..forms import LinkPostingForm, ReopenCallForm
from ..services import EventError
from ..services.call import reopen_call, submit_to_call
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
