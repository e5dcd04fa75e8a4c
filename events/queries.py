"""Reusable reads for events: lists, counters, the check-in desk and the ceremony."""

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    Max,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce

from mentors.models import Mentee, Mentor, Organization, Pairing
from projects.models import PUBLIC_STATUSES, Challenge, Claim, Project
from projects.queries.postings import board_rows
from talentbridge.rules import managed_office_ids

from .models import (
    AttendeeCategory,
    Ceremony,
    Event,
    EventMember,
    EventPosting,
    EventRole,
    ExpertInvitation,
    Registration,
)

RegStatus = Registration.Status


def public_events(query: str = "") -> QuerySet:
    """Published events, soonest first, matching ``query`` in title, venue or city."""
    events = Event.objects.filter(status__in=Event.PUBLIC).select_related("host")
    if query:
        events = events.filter(
            Q(title__icontains=query) | Q(venue__icontains=query) | Q(city__icontains=query)
        )
    return events.order_by("-starts_at", "-id")


def managed_events(user) -> QuerySet:
    """Events the user manages: those of the offices they manage and those where they are a
    co-organizer (every event for administrators)."""
    events = Event.objects.select_related("host", "office")
    if not user.is_admin:
        co_organizer = EventMember.objects.filter(
            event=OuterRef("pk"), user=user, role=EventRole.CO_ORGANIZER
        )
        events = events.filter(Q(office__in=managed_office_ids(user)) | Exists(co_organizer))
    return events.order_by("-starts_at", "-id")


def team_members(event: Event) -> QuerySet:
    """The event's team, role by role."""
    return event.members.select_related("user").order_by("role", "user__name", "id")


def event_roles_of_user(user) -> QuerySet:
    """The roles a person holds at events, newest event first, for "my events"."""
    return (
        EventMember.objects.filter(user=user)
        .select_related("event")
        .order_by("-event__starts_at", "event_id", "role")
    )


def _ahead_in_waitlist() -> Subquery:
    """How many waitlisted registrations of the same category came before this one."""
    ahead = (
        Registration.objects.filter(category=OuterRef("category"), status=RegStatus.WAITLISTED)
        .filter(
            Q(waitlisted_at__lt=OuterRef("waitlisted_at"))
            | Q(waitlisted_at=OuterRef("waitlisted_at"), id__lt=OuterRef("id"))
        )
        .order_by()
        .values("category")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(ahead, output_field=IntegerField()), Value(0))


def registrations_of_user(user) -> QuerySet:
    """A person's registrations, one per event (the latest: cancelling and registering again
    leaves one line), newest event first, each waitlisted one with its ``ahead`` count."""
    newer = Registration.objects.filter(user=user, event=OuterRef("event"), id__gt=OuterRef("id"))
    return (
        Registration.objects.filter(user=user)
        .exclude(Exists(newer))
        .select_related("event", "category")
        .annotate(ahead=_ahead_in_waitlist())
        .order_by("-event__starts_at", "-id")
    )


def active_registration(event: Event, user) -> Registration | None:
    """The person's registration at the event that is not cancelled, if any."""
    return (
        event.registrations.filter(user=user, status__in=Registration.ACTIVE)
        .select_related("category")
        .first()
    )


def waitlist_position(registration: Registration) -> int | None:
    """The place on the waitlist (1 = next to get a seat), or None when not waiting."""
    if registration.status != RegStatus.WAITLISTED:
        return None
    waiting = registration.category.registrations.filter(status=RegStatus.WAITLISTED)
    ahead = waiting.filter(
        Q(waitlisted_at__lt=registration.waitlisted_at)
        | Q(waitlisted_at=registration.waitlisted_at, id__lt=registration.pk)
    )
    return ahead.count() + 1


def profile_organisation_name(user) -> str:
    """The organisation on the person's profile (an expert's affiliation, a mentee's
    organisation, else the first organisation they belong to): what badges should show."""
    if not user.is_authenticated:
        return ""
    mentor = Mentor.objects.filter(user=user).select_related("affiliation").first()
    if mentor is not None and mentor.affiliation_id:
        return mentor.affiliation.name
    mentee = Mentee.objects.filter(user=user).select_related("organization").first()
    if mentee is not None and mentee.organization_id:
        return mentee.organization.name
    organisation = Organization.objects.filter(members=user).order_by("id").first()
    return organisation.name if organisation else ""


def categories_with_counts(event: Event) -> QuerySet:
    """The event's categories with seated, checked-in, waitlisted and pending counts."""
    return event.categories.annotate(
        seated=Count("registrations", filter=Q(registrations__status__in=Registration.SEATED)),
        checked_in=Count("registrations", filter=Q(registrations__status=RegStatus.CHECKED_IN)),
        waitlisted=Count("registrations", filter=Q(registrations__status=RegStatus.WAITLISTED)),
        pending=Count("registrations", filter=Q(registrations__status=RegStatus.PENDING)),
    ).order_by("order", "id")


def event_registrations(event: Event, *, query: str = "", status: str = "") -> QuerySet:
    """The event's registrations for the organizers' list, filtered by name/code and status."""
    registrations = event.registrations.select_related("user", "category")
    if query:
        code = "".join(ch for ch in query.upper() if ch.isalnum())
        registrations = registrations.filter(
            Q(user__name__icontains=query)
            | Q(user__email__icontains=query)
            | Q(organization_name__icontains=query)
            | Q(code=code)
        )
    if status:
        registrations = registrations.filter(status=status)
    return registrations.order_by("category__order", "created_at", "id")


CHECKIN_SEARCH_LIMIT = 20


def checkin_search(event: Event, query: str) -> QuerySet:
    """The event's active registrations whose attendee name or organisation contains
    ``query`` (or whose phone ends with it), by name, for the check-in desk."""
    matches = Q(user__name__icontains=query) | Q(organization_name__icontains=query)
    if query.isdigit() and len(query) >= 4:
        matches |= Q(user__phone__endswith=query)
    return (
        event.registrations.filter(matches, status__in=Registration.ACTIVE)
        .select_related("user", "category")
        .order_by("user__name", "id")
    )


def badges_for_category(category: AttendeeCategory) -> QuerySet:
    """Everyone holding a seat in the category, by name, for the badge sheet."""
    return (
        category.registrations.filter(status__in=Registration.SEATED)
        .select_related("user")
        .order_by("user__name", "id")
    )


def screen_version(event_id: int) -> Ceremony | None:
    """The event's ceremony with ``last_step`` annotated: all a screen's ETag needs, one query."""
    return (
        Ceremony.objects.select_related("event")
        .annotate(last_step=Max("steps__id"))
        .filter(event_id=event_id)
        .first()
    )


def pairings_for_ceremony(ceremony: Ceremony) -> QuerySet:
    """Accepted pairings not yet on the ceremony's running order."""
    present = ceremony.pairs.values("pairing_id")
    return (
        Pairing.objects.filter(status=Pairing.Status.ACCEPTED)
        .exclude(pk__in=present)
        .select_related("mentor__affiliation", "mentee__organization")
        .order_by("mentor__name", "id")
    )


def project_titles_for_pairings(pairing_ids) -> dict[int, str]:
    """The posting each pairing came from (through its accepted claim), by pairing id."""
    titles = {}
    claims = (
        Claim.objects.filter(pairing_id__in=list(pairing_ids), status=Claim.Status.ACCEPTED)
        .select_related("project", "challenge")
        .order_by("id")
    )
    for claim in claims:
        titles.setdefault(claim.pairing_id, claim.posting.title)
    return titles


BOARD_PREVIEW = 6
BOARD_KINDS = (Project.kind, Challenge.kind)


def _event_board(event: Event, model) -> QuerySet:
    """The event's public postings of one board, as board cards, with ``on_site``."""
    column = "challenge" if model is Challenge else "project"
    on_site = EventPosting.objects.filter(event=event, posted_on_site=True)
    return board_rows(
        model.objects.filter(status__in=PUBLIC_STATUSES, event_links__event=event)
    ).annotate(on_site=Exists(on_site.filter(**{column: OuterRef("pk")})))


def event_board_postings(event: Event, kind: str) -> QuerySet:
    """Every public project (or demand) of the event, those posted on site first."""
    model = Challenge if kind == Challenge.kind else Project
    return _event_board(event, model).order_by("-on_site", "-published_at", "-id")


def event_boards(event: Event) -> dict:
    """The event's collected postings as two boards (reusing the board's card query), plus the
    roadshow running order."""
    projects = _event_board(event, Project)
    challenges = _event_board(event, Challenge)
    return {
        "projects": projects.order_by("-on_site", "-published_at", "-id")[:BOARD_PREVIEW],
        "challenges": challenges.order_by("-on_site", "-published_at", "-id")[:BOARD_PREVIEW],
        "project_count": projects.count(),
        "challenge_count": challenges.count(),
        "roadshow": roadshow_slots(event),
        "on_site": event.postings.filter(posted_on_site=True).count(),
        "onsite_ids": onsite_board_ids(event),
    }


def onsite_board_ids(event: Event) -> str:
    """The event's posted-on-site postings as the on-site board's ``ids`` parameter
    (``c12,p5``: c a demand, p a project), in their running order."""
    links = (
        event.postings.filter(posted_on_site=True)
        .order_by(
            F("session__starts_at").asc(nulls_last=True),
            "session_id",
            F("slot_order").asc(nulls_last=True),
            "id",
        )
        .values_list("challenge_id", "project_id")
    )
    return ",".join(f"c{challenge}" if challenge else f"p{project}" for challenge, project in links)


def roadshow_slots(event: Event) -> QuerySet:
    """Postings with a roadshow slot, by session and running order."""
    return (
        event.postings.filter(session__isnull=False)
        .select_related("project", "challenge", "session")
        .order_by("session__starts_at", "session_id", "slot_order", "id")
    )


def event_posting_links(event: Event) -> QuerySet:
    """Every posting linked to the event, for the organizers' page."""
    return event.postings.select_related("project", "challenge", "session").order_by(
        "-posted_on_site", "session__starts_at", "slot_order", "id"
    )


def postings_to_link(event: Event, kind: str, query: str) -> QuerySet:
    """Public postings of one board matching ``query`` that the event has not linked yet."""
    model = Challenge if kind == Challenge.kind else Project
    linked = event.postings.values("challenge_id" if model is Challenge else "project_id")
    postings = model.objects.filter(status__in=PUBLIC_STATUSES).exclude(pk__in=linked)
    if query:
        postings = postings.filter(title__icontains=query)
    return postings.order_by("-published_at", "-id")


# The big screen's version tag is kept in the shared cache so that an unchanged screen costs
# no database query; writers refresh it when their transaction commits.
SCREEN_CACHE_SECONDS = 300


def screen_cache_key(event_id: int) -> str:
    return f"events:screen:{event_id}"


def screen_tag(ceremony: Ceremony) -> str:
    """What a screen's ETag is made of: the running order's version and the last step."""
    return f"c{ceremony.pk}-v{ceremony.version}-s{ceremony.last_step or 0}"


# --- Expert invitations (求贤帖) ------------------------------------------------------------


def expert_invitations(event: Event, *, status: str = "") -> QuerySet:
    """The event's expert invitations by expert name, optionally of one reply status."""
    invitations = event.expert_invitations.select_related("mentor")
    if status:
        invitations = invitations.filter(status=status)
    return invitations.order_by("mentor__name", "id")


def expert_reply_counts(event: Event) -> dict[str, int]:
    """How many invitations have each reply (every status present)."""
    counts = dict.fromkeys(ExpertInvitation.Status.values, 0)
    rows = event.expert_invitations.order_by().values("status").annotate(n=Count("pk"))
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def experts_to_invite(event: Event, query: str = "") -> QuerySet:
    """Experts the event's office holds and has not invited yet, by name (every expert for
    an event without an office)."""
    experts = Mentor.objects.all()
    if event.office_id is not None:
        experts = experts.filter(holdings__office=event.office_id)
    experts = experts.exclude(event_invitations__event=event)
    if query:
        experts = experts.filter(Q(name__icontains=query) | Q(research_fields__icontains=query))
    return experts.order_by("name", "id")


def expert_invitations_of_user(user) -> QuerySet:
    """The invitations to events of the expert profile linked to ``user``, soonest last."""
    if not user.is_authenticated:
        return ExpertInvitation.objects.none()
    return (
        ExpertInvitation.objects.filter(mentor__user=user)
        .select_related("event")
        .order_by("-event__starts_at", "-id")
    )


# --- The call that collects -------------------------------------------------------------------


def call_submissions(event: Event) -> QuerySet:
    """What posters submitted to the event's call, newest first, with poster and office."""
    return (
        event.postings.filter(submitted_by__isnull=False)
        .select_related("project__office", "challenge__office", "submitted_by")
        .order_by("-added_at", "-id")
    )


def postings_to_submit(event: Event, user) -> list:
    """The user's own projects and demands not yet in the event's call, newest first."""
    rows = []
    for model, field in ((Project, "project_id"), (Challenge, "challenge_id")):
        linked = event.postings.exclude(**{f"{field}__isnull": True}).values(field)
        rows += list(
            model.objects.filter(owner=user)
            .exclude(status__in=("closed", "withdrawn"))
            .exclude(pk__in=linked)
            .order_by("-created_at", "-id")[:50]
        )
    return sorted(rows, key=lambda posting: posting.created_at, reverse=True)
