"""Registration: the attendee categories and questions organizers set up, the register
form, tickets, cancelling (after a confirmation), "my events", and the organizers' list
with its approvals."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbridge.http import paginate, query_string, redirect_to

from .. import queries, rules
from ..forms import AssignCategoryForm, CategoryForm, QuestionForm, RegistrationForm
from ..models import AttendeeCategory, Registration
from ..services import EventError
from ..services.registration import (
    add_category,
    add_question,
    approve_registration,
    assign_category,
    cancel_registration,
    decline_registration,
    edit_category,
    register_for_event,
)
from ..tickets import qr_svg
from .common import event_for, page_or_fragment

DECISIONS = {"approve": approve_registration, "decline": decline_registration}


@login_required
def category_add(request, pk: int):
    event = event_for(request, pk, rules.can_manage_event)
    form = CategoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            add_category(event, actor=request.user, **form.cleaned_data)
        except EventError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The category was added."))
            return redirect("events:manage", pk=event.pk)
    return render(request, "events/child_form.html", {"event": event, "form": form})


@login_required
def category_edit(request, pk: int, category_id: int):
    event = event_for(request, pk, rules.can_manage_event)
    category = get_object_or_404(AttendeeCategory, pk=category_id, event=event)
    form = CategoryForm(request.POST or None, instance=category)
    if request.method == "POST" and form.is_valid():
        try:
            edit_category(category, actor=request.user, **form.cleaned_data)
        except EventError as error:
            form.add_error("name", str(error))
        else:
            messages.success(request, _("The category was saved."))
            return redirect("events:manage", pk=event.pk)
    return render(request, "events/child_form.html", {"event": event, "form": form})


@login_required
def question_add(request, pk: int):
    event = event_for(request, pk, rules.can_manage_event)
    form = QuestionForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        add_question(event, actor=request.user, **form.cleaned_data)
        messages.success(request, _("The question was added."))
        return redirect("events:manage", pk=event.pk)
    return render(request, "events/child_form.html", {"event": event, "form": form})


def _list_context(request, event, assign_form=None) -> dict:
    query = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    if status not in Registration.Status.values:
        status = ""
    registrations = queries.event_registrations(event, query=query, status=status)
    can_assign = rules.can_assign_category(request.user, event)
    if can_assign and assign_form is None:
        assign_form = AssignCategoryForm(event=event)
    return {
        "event": event,
        "page": paginate(request, registrations),
        "q": query,
        "status": status,
        "statuses": Registration.Status.choices,
        "query_string": query_string(request),
        "assign_form": assign_form if can_assign else None,
    }


@login_required
def registration_list(request, pk: int):
    event = event_for(request, pk, rules.can_review_registrations)
    return render(
        request,
        page_or_fragment(request, "events/registrations.html", "events/_registration_rows.html"),
        _list_context(request, event),
    )


@login_required
@require_POST
def registration_assign(request, pk: int):
    """Place a person in an invitation-only category (the form's errors re-render the page)."""
    event = event_for(request, pk, rules.can_assign_category)
    form = AssignCategoryForm(request.POST, event=event)
    if form.is_valid():
        try:
            registration = assign_category(
                event, user=form.person, category=form.cleaned_data["category"], actor=request.user
            )
        except EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(name)s was placed in “%(category)s”.")
                % {"name": registration.user.name, "category": registration.category.name},
            )
            return redirect_to(request, reverse("events:registrations", args=[event.pk]))
    if request.htmx:
        return render(request, "events/_assign_form.html", {"event": event, "assign_form": form})
    return render(request, "events/registrations.html", _list_context(request, event, form))


@login_required
@require_POST
def registration_decide(request, pk: int, registration_id: int, decision: str):
    event = event_for(request, pk, rules.can_review_registrations)
    registration = get_object_or_404(Registration, pk=registration_id, event=event)
    if decision not in DECISIONS:
        raise Http404
    try:
        DECISIONS[decision](registration, actor=request.user)
        messages.success(request, _("The decision was recorded."))
    except EventError as error:
        messages.error(request, str(error))
    return redirect("events:registrations", pk=event.pk)


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
def register(request, pk: int):
    event = event_for(request, pk, rules.can_view_event)
    # A POST while registration is open goes straight to the service, which refuses a second
    # registration itself: a rush's requests skip the lookup of an existing one, which every
    # other outcome below still makes first.
    posted = request.method == "POST" and rules.can_register_for_event(request.user, event)
    form = None
    if posted:
        form = RegistrationForm(request.POST, event=event)
        if form.is_valid():
            try:
                registration = register_for_event(
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
    existing = queries.active_registration(event, request.user)
    if existing:
        messages.info(request, _("You are already registered for this event."))
        return redirect("events:ticket", code=existing.code)
    if not rules.can_register_for_event(request.user, event):
        messages.error(request, _("Registration for this event is not open."))
        return redirect("events:detail", pk=event.pk)
    if form is None:
        # The profile's organisation pre-fills the empty form.
        initial = {"organization_name": queries.profile_organisation_name(request.user)}
        form = RegistrationForm(event=event, initial=initial)
    context = {"event": event, "form": form, "categories": queries.categories_with_counts(event)}
    return render(request, "events/register.html", context)


@login_required
def my_events(request):
    context = {
        "page": paginate(request, queries.registrations_of_user(request.user)),
        "query_string": "",
        "roles": queries.event_roles_of_user(request.user),
        "invitations": queries.expert_invitations_of_user(request.user),
    }
    return render(request, "events/mine.html", context)


def _registration_for(request, code: str) -> Registration:
    registration = get_object_or_404(
        Registration.objects.select_related("event", "category", "user"), code=code[:40]
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
        "waitlist_position": queries.waitlist_position(registration),
        "can_cancel": rules.can_cancel_registration(request.user, registration),
    }
    return render(request, "events/ticket.html", context)


@login_required
def cancel(request, code: str):
    """Ask first (GET shows what will be lost), cancel on the confirming POST."""
    registration = _registration_for(request, code)
    if not rules.can_cancel_registration(request.user, registration):
        messages.error(request, _("This registration cannot be cancelled."))
        return redirect("events:ticket", code=registration.code)
    if request.method != "POST":
        context = {"registration": registration, "event": registration.event}
        return render(request, "events/cancel.html", context)
    try:
        cancel_registration(registration, actor=request.user)
        messages.success(request, _("Your registration was cancelled."))
    except EventError as error:
        messages.error(request, str(error))
    return redirect("events:mine")
