"""Views of events: thin — permission on the object, parse the form, call one service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseNotModified
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from projects.models import Challenge, Project

from . import queries, rules, services
from .ceremony import group_label
from .forms import (
    AddPairForm,
    CategoryForm,
    CeremonyForm,
    CheckInForm,
    EventForm,
    EventPostingForm,
    QuestionForm,
    RegistrationForm,
    SessionForm,
    StatusForm,
)
from .models import (
    AttendeeCategory,
    Ceremony,
    CeremonyPair,
    CeremonyStep,
    Event,
    EventPosting,
    Registration,
)
from .services import AlreadyCheckedIn, EventError
from .tickets import event_ics, qr_svg

PAGE_SIZE = 20


def _event_for(request, pk: int, predicate) -> Event:
    """The event if ``predicate(user, event)`` holds; 404 otherwise, so nothing leaks."""
    event = get_object_or_404(Event.objects.select_related("host"), pk=pk)
    if not predicate(request.user, event):
        raise Http404
    return event


def _query_string(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def _template(request, page: str, partial: str) -> str:
    return partial if request.htmx and not request.htmx.boosted else page


# --- Events ----------------------------------------------------------------------------------


def event_list(request):
    query = request.GET.get("q", "").strip()
    page = Paginator(queries.public_events(query), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "q": query, "query_string": _query_string(request)}
    return render(
        request, _template(request, "events/list.html", "events/_event_rows.html"), context
    )


def event_detail(request, pk: int):
    event = _event_for(request, pk, rules.can_view_event)
    registration = None
    if request.user.is_authenticated:
        registration = (
            event.registrations.filter(user=request.user, status__in=Registration.ACTIVE)
            .select_related("category")
            .first()
        )
    context = {
        "event": event,
        "co_hosts": event.co_hosts.all(),
        "sessions": event.sessions.all(),
        "categories": queries.categories_with_counts(event),
        "registration": registration,
        "can_manage": rules.can_manage_event(request.user, event),
        "can_register": rules.can_register_for_event(request.user, event),
        "ceremony": Ceremony.objects.filter(event=event).first(),
        "boards": queries.event_boards(event),
    }
    return render(request, "events/detail.html", context)


@login_required
def event_create(request):
    if not rules.can_create_event(request.user):
        raise Http404
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = services.create_event(actor=request.user, **form.cleaned_data)
        messages.success(request, _("The event was created as a draft."))
        return redirect("events:manage", pk=event.pk)
    return render(request, "events/form.html", {"form": form})


@login_required
def event_edit(request, pk: int):
    event = _event_for(request, pk, rules.can_manage_event)
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The event was saved."))
        return redirect("events:manage", pk=event.pk)
    return render(request, "events/form.html", {"form": form, "event": event})


@login_required
@require_POST
def event_status(request, pk: int):
    event = _event_for(request, pk, rules.can_manage_event)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            services.set_event_status(event, form.cleaned_data["status"], actor=request.user)
            messages.success(request, _("The event's status was changed."))
        except EventError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Unknown status."))
    return redirect("events:manage", pk=event.pk)


@login_required
def event_manage(request, pk: int):
    event = _event_for(request, pk, rules.can_manage_event)
    next_statuses = [
        (status, Event.Status(status).label)
        for status in services.EVENT_TRANSITIONS[Event.Status(event.status)]
    ]
    context = {
        "event": event,
        "categories": queries.categories_with_counts(event),
        "questions": event.questions.select_related("category"),
        "sessions": event.sessions.all(),
        "next_statuses": next_statuses,
        "category_form": CategoryForm(),
        "question_form": QuestionForm(event=event),
        "session_form": SessionForm(),
        "ceremony": Ceremony.objects.filter(event=event).first(),
        "onsite_ids": queries.onsite_board_ids(event),
    }
    return render(request, "events/manage.html", context)


def _add_child(request, pk: int, form_class, message: str, *, form_kwargs):
    """Shared by the category, question and agenda forms of the manage page."""
    event = _event_for(request, pk, rules.can_manage_event)
    form = form_class(request.POST or None, **form_kwargs(event))
    if request.method == "POST" and form.is_valid():
        item = form.save(commit=False)
        item.event = event
        item.save()
        messages.success(request, message)
        return redirect("events:manage", pk=event.pk)
    return render(request, "events/child_form.html", {"event": event, "form": form})


@login_required
def category_add(request, pk: int):
    return _add_child(
        request, pk, CategoryForm, _("The category was added."), form_kwargs=lambda e: {}
    )


@login_required
def question_add(request, pk: int):
    return _add_child(
        request,
        pk,
        QuestionForm,
        _("The question was added."),
        form_kwargs=lambda e: {"event": e},
    )


@login_required
def session_add(request, pk: int):
    return _add_child(
        request, pk, SessionForm, _("The agenda session was added."), form_kwargs=lambda e: {}
    )


@login_required
def category_edit(request, pk: int, category_id: int):
    event = _event_for(request, pk, rules.can_manage_event)
    category = get_object_or_404(AttendeeCategory, pk=category_id, event=event)
    form = CategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The category was saved."))
        return redirect("events:manage", pk=event.pk)
    return render(request, "events/child_form.html", {"event": event, "form": form})


@login_required
def registration_list(request, pk: int):
    event = _event_for(request, pk, rules.can_manage_event)
    query = request.GET.get("q", "").strip()
    status = request.GET.get("status", "")
    if status not in Registration.Status.values:
        status = ""
    registrations = queries.event_registrations(event, query=query, status=status)
    page = Paginator(registrations, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "event": event,
        "page": page,
        "q": query,
        "status": status,
        "statuses": Registration.Status.choices,
        "query_string": _query_string(request),
    }
    return render(
        request,
        _template(request, "events/registrations.html", "events/_registration_rows.html"),
        context,
    )


@login_required
@require_POST
def registration_decide(request, pk: int, registration_id: int, decision: str):
    event = _event_for(request, pk, rules.can_manage_event)
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    if decision not in ("approve", "decline"):
        raise Http404
    service = (
        services.approve_registration if decision == "approve" else services.decline_registration
    )
    try:
        service(registration, actor=request.user)
        messages.success(request, _("The decision was recorded."))
    except EventError as error:
        messages.error(request, str(error))
    return redirect("events:registrations", pk=event.pk)


# --- Registration ----------------------------------------------------------------------------


@login_required
def register(request, pk: int):
    event = _event_for(request, pk, rules.can_view_event)
    existing = event.registrations.filter(user=request.user, status__in=Registration.ACTIVE).first()
    if existing:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:ticket", code=existing.code)
    if not rules.can_register_for_event(request.user, event):
        messages.error(request, _("Registration for this event is not open."))
        return redirect("events:detail", pk=event.pk)
    form = RegistrationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.register_for_event(
                event,
                user=request.user,
                category=form.cleaned_data["category"],
                answers=form.answers(),
                consent_share_contacts=form.cleaned_data["consent_share_contacts"],
                organization_name=form.cleaned_data["organization_name"],
                job_title=form.cleaned_data["job_title"],
            )
        except EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _REGISTERED_MESSAGES[registration.status]())
            return redirect("events:ticket", code=registration.code)
    context = {"event": event, "form": form, "categories": queries.categories_with_counts(event)}
    return render(request, "events/register.html", context)


_REGISTERED_MESSAGES = {
    Registration.Status.CONFIRMED: lambda: _(
        "You are registered. The confirmation with your check-in code is on its way by e-mail."
    ),
    Registration.Status.WAITLISTED: lambda: _(
        "All seats of this category are taken: you are on the waitlist."
    ),
    Registration.Status.PENDING: lambda: _(
        "Your registration awaits the organizers' approval; you will hear from us by e-mail."
    ),
}


@login_required
def my_events(request):
    page = Paginator(queries.registrations_of_user(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "events/mine.html", {"page": page, "query_string": ""})


def _registration_for(request, code: str) -> Registration:
    registration = get_object_or_404(
        Registration.objects.select_related("event", "category", "user"), code=code
    )
    if not rules.can_view_registration(request.user, registration):
        raise Http404
    return registration


@login_required
def ticket(request, code: str):
    registration = _registration_for(request, code)
    context = {
        "registration": registration,
        "event": registration.event,
        "qr": qr_svg(registration) if registration.status in Registration.SEATED else "",
        "can_cancel": rules.can_cancel_registration(request.user, registration),
    }
    return render(request, "events/ticket.html", context)


@login_required
@require_POST
def cancel(request, code: str):
    registration = _registration_for(request, code)
    if not rules.can_cancel_registration(request.user, registration):
        messages.error(request, _("This registration cannot be cancelled."))
        return redirect("events:ticket", code=code)
    try:
        services.cancel_registration(registration, actor=request.user)
        messages.success(request, _("Your registration was cancelled."))
    except EventError as error:
        messages.error(request, str(error))
    return redirect("events:mine")


def calendar(request, pk: int):
    event = _event_for(request, pk, rules.can_view_event)
    response = HttpResponse(event_ics(event), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}.ics"'
    return response


# --- Check-in desk ---------------------------------------------------------------------------


@login_required
def checkin(request, pk: int):
    event = _event_for(request, pk, rules.can_check_in)
    form = CheckInForm(request.POST or None)
    result = {}
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.check_in(event, form.cleaned_data["code"], actor=request.user)
            result = {"ok": True, "registration": registration}
        except AlreadyCheckedIn as error:
            result = {"warning": str(error), "registration": error.registration}
        except EventError as error:
            result = {"error": str(error)}
        form = CheckInForm()
    context = {
        "event": event,
        "form": form,
        "result": result,
        "categories": queries.categories_with_counts(event),
    }
    response = render(
        request, _template(request, "events/checkin.html", "events/_checkin_panel.html"), context
    )
    if request.method == "POST" and request.htmx:
        response["HX-Trigger"] = "checked-in"
    return response


def checkin_search(request, pk: int):
    """Find the event's attendees by part of a name, organisation or phone tail; each row's
    button posts its code to the desk, so a found person is checked in like a scanned one."""
    event = _event_for(request, pk, rules.can_check_in)
    query = request.GET.get("q", "").strip()
    found = []
    if query:
        found = list(queries.checkin_search(event, query)[: queries.CHECKIN_SEARCH_LIMIT + 1])
    context = {
        "event": event,
        "q": query,
        "found": found[: queries.CHECKIN_SEARCH_LIMIT],
        "more": len(found) > queries.CHECKIN_SEARCH_LIMIT,
        "limit": queries.CHECKIN_SEARCH_LIMIT,
    }
    if request.htmx and not request.htmx.boosted:
        return render(request, "events/_checkin_search.html", context)
    context.update(form=CheckInForm(), result={}, categories=queries.categories_with_counts(event))
    return render(request, "events/checkin.html", context)


@login_required
def checkin_counters(request, pk: int):
    event = _event_for(request, pk, rules.can_check_in)
    context = {"event": event, "categories": queries.categories_with_counts(event)}
    return render(request, "events/_checkin_counters.html", context)


@login_required
def badges(request, pk: int, category_id: int):
    event = _event_for(request, pk, rules.can_manage_event)
    category = get_object_or_404(AttendeeCategory, pk=category_id, event=event)
    context = {
        "event": event,
        "category": category,
        "registrations": queries.badges_for_category(category),
    }
    return render(request, "events/badges.html", context)


# --- Ceremony: running order -----------------------------------------------------------------


def _ceremony_for(request, pk: int, predicate) -> Ceremony:
    event = _event_for(request, pk, predicate)
    return get_object_or_404(Ceremony.objects.select_related("event"), event=event)


@login_required
def ceremony_builder(request, pk: int):
    event = _event_for(request, pk, rules.can_run_ceremony)
    ceremony = Ceremony.objects.filter(event=event).first()
    form = CeremonyForm(request.POST or None, instance=ceremony)
    if request.method == "POST" and form.is_valid():
        if ceremony is None:
            services.create_ceremony(
                event,
                actor=request.user,
                title=form.cleaned_data["title"],
                group_count=form.cleaned_data["group_count"],
            )
        else:
            form.save()
        messages.success(request, _("The ceremony was saved."))
        return redirect("events:ceremony", pk=event.pk)
    context = {"event": event, "ceremony": ceremony, "form": form}
    if ceremony is not None:
        state = services.ceremony_state(ceremony)
        candidates = list(queries.pairings_for_ceremony(ceremony)[:200])
        context.update(
            state=state,
            candidates=candidates,
            group_choices=[(n, group_label(n)) for n in range(1, ceremony.group_count + 1)],
        )
    return render(request, "events/ceremony_builder.html", context)


@login_required
@require_POST
def ceremony_fill(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_run_ceremony)
    pairings = list(queries.pairings_for_ceremony(ceremony))
    titles = queries.project_titles_for_pairings(p.pk for p in pairings)
    added = services.fill_running_order(ceremony, pairings, actor=request.user, titles=titles)
    messages.success(request, _("%(count)s pairs were added.") % {"count": added})
    return redirect("events:ceremony", pk=pk)


@login_required
@require_POST
def ceremony_add(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_run_ceremony)
    form = AddPairForm(request.POST)
    if form.is_valid():
        pairing = get_object_or_404(
            queries.pairings_for_ceremony(ceremony), pk=form.cleaned_data["pairing"]
        )
        titles = queries.project_titles_for_pairings([pairing.pk])
        try:
            services.add_ceremony_pair(
                ceremony,
                pairing,
                actor=request.user,
                group=form.cleaned_data["group"],
                project_title=titles.get(pairing.pk, ""),
            )
        except EventError as error:
            messages.error(request, str(error))
    else:
        messages.error(request, _("Choose a group."))
    return redirect("events:ceremony", pk=pk)


@login_required
@require_POST
def ceremony_move(request, pk: int, pair_id: int):
    ceremony = _ceremony_for(request, pk, rules.can_run_ceremony)
    pair = get_object_or_404(CeremonyPair, pk=pair_id, ceremony=ceremony)
    direction = request.POST.get("direction", "")
    try:
        if direction == "remove":
            services.remove_ceremony_pair(pair, actor=request.user)
        else:
            services.move_ceremony_pair(pair, actor=request.user, direction=direction)
    except EventError as error:
        messages.error(request, str(error))
    if request.htmx:
        state = services.ceremony_state(ceremony)
        return render(
            request, "events/_running_order.html", {"event": ceremony.event, "state": state}
        )
    return redirect("events:ceremony", pk=pk)


# --- Ceremony: console, big screen, audience -------------------------------------------------


@login_required
def console(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_run_ceremony)
    error = ""
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action not in CeremonyStep.Action.values:
            error = _("Unknown step.")
        else:
            try:
                services.advance_ceremony(ceremony, action, actor=request.user)
            except EventError as exc:
                error = str(exc)
        if not request.htmx and not error:
            return redirect("events:console", pk=pk)
    state = services.ceremony_state(ceremony)
    context = {
        "event": ceremony.event,
        "ceremony": ceremony,
        "state": state,
        "allowed": state.allowed(),
        "error": error,
        "steps": ceremony.steps.select_related("pair__pairing__mentor", "actor").order_by("-id")[
            :12
        ],
    }
    return render(
        request, _template(request, "events/console.html", "events/_console_panel.html"), context
    )


def _state_response(request, pk: int, template: str):
    """A ceremony state partial with an ETag: an unchanged state costs a cache lookup and a
    304; the tag is cached only for public events, and a 200 always checks permission."""
    key = queries.screen_cache_key(pk)
    tag = cache.get(key)
    ceremony = None
    if tag is None:
        ceremony = queries.screen_version(pk)
        if ceremony is None or not rules.can_watch_ceremony(request.user, ceremony.event):
            raise Http404
        tag = queries.screen_tag(ceremony)
        if ceremony.event.is_public:
            # add, not set: a writer's fresher tag wins over this possibly older read.
            cache.add(key, tag, queries.SCREEN_CACHE_SECONDS)
    etag = f'"{tag}-{get_language()}"'
    if etag in request.headers.get("If-None-Match", ""):
        response = HttpResponseNotModified()
    else:
        ceremony = ceremony or queries.screen_version(pk)
        if ceremony is None or not rules.can_watch_ceremony(request.user, ceremony.event):
            raise Http404
        state = services.ceremony_state(ceremony)
        response = render(request, template, {"event": ceremony.event, "state": state})
    response["ETag"] = etag
    # Screens revalidate every time; the browser replays its cached copy on a 304.
    response["Cache-Control"] = "no-cache"
    return response


def screen(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_watch_ceremony)
    state = services.ceremony_state(ceremony)
    context = {"event": ceremony.event, "ceremony": ceremony, "state": state}
    return render(request, "events/screen.html", context)


def screen_state(request, pk: int):
    return _state_response(request, pk, "events/_screen_state.html")


def audience(request, pk: int):
    ceremony = _ceremony_for(request, pk, rules.can_watch_ceremony)
    state = services.ceremony_state(ceremony)
    return render(
        request,
        "events/audience.html",
        {"event": ceremony.event, "ceremony": ceremony, "state": state},
    )


def audience_state(request, pk: int):
    return _state_response(request, pk, "events/_audience_state.html")


# --- The call: postings ----------------------------------------------------------------------


@login_required
def postings(request, pk: int):
    event = _event_for(request, pk, rules.can_manage_event)
    kind = "challenges" if request.GET.get("kind") == "challenges" else "projects"
    query = request.GET.get("q", "").strip()
    candidates = Paginator(queries.postings_to_link(event, kind, query), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "event": event,
        "kind": kind,
        "q": query,
        "page": candidates,
        "query_string": _query_string(request),
        "rows": [
            (link, EventPostingForm(instance=link)) for link in queries.event_posting_links(event)
        ],
    }
    return render(
        request,
        _template(request, "events/postings.html", "events/_posting_candidates.html"),
        context,
    )


@login_required
@require_POST
def posting_link(request, pk: int):
    event = _event_for(request, pk, rules.can_manage_event)
    model = Challenge if request.POST.get("kind") == "challenges" else Project
    posting = get_object_or_404(model, pk=request.POST.get("posting") or 0)
    try:
        services.link_posting(event, posting, actor=request.user)
        messages.success(request, _("“%(title)s” was added to the event.") % {"title": posting})
    except EventError as error:
        messages.error(request, str(error))
    return redirect(f"{reverse('events:postings', kwargs={'pk': pk})}?kind={model.kind}")


@login_required
@require_POST
def posting_update(request, pk: int, link_id: int):
    event = _event_for(request, pk, rules.can_manage_event)
    link = get_object_or_404(EventPosting.objects.select_related("event"), pk=link_id, event=event)
    if request.POST.get("remove"):
        services.unlink_posting(link, actor=request.user)
        messages.success(request, _("The posting was removed from the event."))
        target = reverse("events:postings", kwargs={"pk": pk})
        return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    form = EventPostingForm(request.POST, instance=link)
    if form.is_valid():
        try:
            services.schedule_event_posting(
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
