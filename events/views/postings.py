"""The call's postings: the organizers collect published projects and demands into the
event, mark what is posted on site and give roadshow slots."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from projects.models import Challenge, Project
from talentbridge.http import paginate, query_string, redirect_to

from .. import queries, rules
from ..forms import EventPostingForm, LinkPostingForm
from ..models import EventPosting
from ..services import EventError
from ..services.postings import link_posting, schedule_event_posting, unlink_posting
from .common import event_for, page_or_fragment


@login_required
def postings(request, pk: int):
    event = event_for(request, pk, rules.can_manage_event)
    kind = Challenge.kind if request.GET.get("kind") == Challenge.kind else Project.kind
    query = request.GET.get("q", "").strip()[:100]
    context = {
        "event": event,
        "kind": kind,
        "q": query,
        "page": paginate(request, queries.postings_to_link(event, kind, query)),
        "query_string": query_string(request),
        "rows": [
            (link, EventPostingForm(instance=link)) for link in queries.event_posting_links(event)
        ],
    }
    return render(
        request,
        page_or_fragment(request, "events/postings.html", "events/_posting_candidates.html"),
        context,
    )


@login_required
@require_POST
def posting_link(request, pk: int):
    event = event_for(request, pk, rules.can_manage_event)
    form = LinkPostingForm(request.POST)
    if form.is_valid():
        posting = form.cleaned_data["posting"]
        try:
            link_posting(event, posting, actor=request.user)
            messages.success(request, _("“%(title)s” was added to the event.") % {"title": posting})
        except EventError as error:
            messages.error(request, str(error))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
    kind = form.cleaned_data.get("kind") or Project.kind
    return redirect(f"{reverse('events:postings', kwargs={'pk': pk})}?{urlencode({'kind': kind})}")


@login_required
@require_POST
def posting_update(request, pk: int, link_id: int):
    event = event_for(request, pk, rules.can_manage_event)
    link = get_object_or_404(EventPosting.objects.select_related("event"), pk=link_id, event=event)
    if request.POST.get("remove"):
        unlink_posting(link, actor=request.user)
        messages.success(request, _("The posting was removed from the event."))
        return redirect_to(request, reverse("events:postings", kwargs={"pk": pk}))
    form = EventPostingForm(request.POST, instance=link)
    if form.is_valid():
        try:
            schedule_event_posting(
                link,
                actor=request.user,
                posted_on_site=form.cleaned_data["posted_on_site"],
                session=form.cleaned_data["session"],
                slot_order=form.cleaned_data["slot_order"],
            )
        except EventError as error:
            form.add_error(None, str(error))
    if request.htmx:
        return render(
            request, "events/_posting_row.html", {"event": event, "link": link, "form": form}
        )
    if form.errors:
        messages.error(request, _("The posting could not be saved."))
    return redirect("events:postings", pk=pk)
