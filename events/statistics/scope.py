"""What a figure counts: one event or all events, narrowed by period, region and field.

Every figure and every export starts from the querysets here, so an exported list always has
as many rows as the figure that counts it. Each queryset names the date, region and field it
is filtered on; the choice is documented once, here.
"""

from dataclasses import dataclass, replace
from datetime import date

from django.db.models import Q, QuerySet

from mentors.models import IndustryChain, Mentee, Mentor, Organization, Pairing
from mentors.regions import in_place
from projects.models import Challenge, Claim, Landing, MatchSuggestion, Project

from ..models import CeremonyPair, Event, EventPosting, Registration


@dataclass(frozen=True)
class Scope:
    """One event (``event``) or every event (``event is None``), with optional filters.

    ``since``/``until`` bound a period (inclusive dates), ``province`` is a region as written
    in the records (e.g. “福建省”), ``field`` an industry chain.
    """

    event: Event | None = None
    since: date | None = None
    until: date | None = None
    province: str = ""
    field: IndustryChain | None = None

    @property
    def is_event(self) -> bool:
        return self.event is not None


def _narrow(queryset: QuerySet, scope: Scope, *, when: str, region: str, field: str) -> QuerySet:
    """Apply the scope's period to date column ``when``, its region to ``region`` and its
    field to the many-to-many ``field`` (an empty name skips that filter)."""
    if scope.since and when:
        queryset = queryset.filter(**{f"{when}__date__gte": scope.since})
    if scope.until and when:
        queryset = queryset.filter(**{f"{when}__date__lte": scope.until})
    if scope.province and region:
        # Any level, in part, through the region tree (山东 = 山东省 and everything in it);
        # ``region`` names the province column, beside the place's other columns.
        prefix = region.removesuffix("province")
        text = [f"{prefix}{name}" for name in ("county", "city", "province")]
        queryset = queryset.filter(in_place(scope.province, f"{prefix}region", text))
    if scope.field and field:
        queryset = queryset.filter(**{field: scope.field})
    return queryset


def _event_projects(event: Event) -> QuerySet:
    return Project.objects.filter(event_links__event=event)


def _event_challenges(event: Event) -> QuerySet:
    return Challenge.objects.filter(event_links__event=event)


def _event_claims(event: Event) -> QuerySet:
    return Claim.objects.filter(
        Q(project__event_links__event=event) | Q(challenge__event_links__event=event)
    )


def _event_pairing_ids(event: Event) -> QuerySet:
    """Pairings of an event: on its ceremony's running order, or formed by an accepted claim
    on one of its postings."""
    on_stage = CeremonyPair.objects.filter(ceremony__event=event).values("pairing_id")
    from_claims = _event_claims(event).filter(pairing__isnull=False).values("pairing_id")
    return Pairing.objects.filter(Q(pk__in=on_stage) | Q(pk__in=from_claims)).values("pk")


def _registered_users(event: Event) -> QuerySet:
    return (
        Registration.objects.filter(event=event)
        .exclude(status=Registration.Status.CANCELLED)
        .values("user_id")
    )


def mentors_in(scope: Scope) -> QuerySet:
    """Experts counted by the scope.

    For an event: experts who take part — invited as the event's mentors, their account
    registered (not cancelled), they posted a posting collected by the event's call, claimed
    one, or are on a pairing of the event. Across events: the whole directory. Period:
    profile created; region: hometown province; field: the expert's fields.
    """
    mentors = Mentor.objects.all()
    if scope.event:
        event = scope.event
        mentors = mentors.filter(
            Q(user__in=_registered_users(event))
            | Q(pk__in=event.invited_mentors.values("pk"))
            | Q(pk__in=_event_projects(event).values("poster_mentor"))
            | Q(pk__in=_event_challenges(event).values("poster_mentor"))
            | Q(pk__in=_event_claims(event).values("mentor"))
            | Q(pk__in=Pairing.objects.filter(pk__in=_event_pairing_ids(event)).values("mentor"))
        )
    return _narrow(mentors, scope, when="created_at", region="province", field="fields")


def mentees_in(scope: Scope) -> QuerySet:
    """Mentees counted by the scope: for an event, those whose account registered, who posted
    or claimed one of its postings, or are on one of its pairings; across events, all.
    Period: profile created; region: province where they work; field: their fields."""
    mentees = Mentee.objects.all()
    if scope.event:
        event = scope.event
        mentees = mentees.filter(
            Q(user__in=_registered_users(event))
            | Q(pk__in=_event_projects(event).values("poster_mentee"))
            | Q(pk__in=_event_challenges(event).values("poster_mentee"))
            | Q(pk__in=_event_claims(event).values("mentee"))
            | Q(pk__in=Pairing.objects.filter(pk__in=_event_pairing_ids(event)).values("mentee"))
        )
    return _narrow(mentees, scope, when="created_at", region="province", field="fields")


def organizations_in(scope: Scope) -> QuerySet:
    """Organisations counted by the scope: for an event, its host and co-hosts, the posters
    of its collected postings, the organisations of its mentees and those with a registered
    representative; across events, all. Period: created; region: province; field: fields."""
    organizations = Organization.objects.all()
    if scope.event:
        event = scope.event
        organizations = organizations.filter(
            Q(pk=event.host_id)
            | Q(pk__in=event.co_hosts.values("pk"))
            | Q(pk__in=_event_projects(event).values("poster_organization"))
            | Q(pk__in=_event_challenges(event).values("poster_organization"))
            | Q(pk__in=mentees_in(Scope(event=event)).values("organization"))
            | Q(members__in=_registered_users(event))
        ).distinct()
    return _narrow(organizations, scope, when="created_at", region="province", field="fields")


def projects_in(scope: Scope) -> QuerySet:
    """Projects collected: for an event, those its call collected; across events, every
    project on the platform. Period: created; region: province where it should land; field."""
    projects = _event_projects(scope.event) if scope.event else Project.objects.all()
    return _narrow(projects, scope, when="created_at", region="province", field="fields")


def challenges_in(scope: Scope) -> QuerySet:
    """Demands collected, with the same rules as :func:`projects_in`."""
    challenges = _event_challenges(scope.event) if scope.event else Challenge.objects.all()
    return _narrow(challenges, scope, when="created_at", region="province", field="fields")


def event_postings_in(scope: Scope) -> QuerySet:
    """Links of collected postings to events (on-site posting, roadshow slot): the event's
    own, or every event's. Period, region and field are those of the posting."""
    links = EventPosting.objects.all()
    if scope.event:
        links = links.filter(event=scope.event)
    platform = replace(scope, event=None)
    return links.filter(
        Q(project__in=projects_in(platform)) | Q(challenge__in=challenges_in(platform))
    )


def claims_in(scope: Scope) -> QuerySet:
    """Claims (揭榜) on the postings of the scope (period: claimed on; region and field: the
    posting's)."""
    unfiltered = replace(scope, since=None, until=None)
    claims = Claim.objects.filter(
        Q(project__in=projects_in(unfiltered)) | Q(challenge__in=challenges_in(unfiltered))
    )
    return _narrow(claims, scope, when="created_at", region="", field="")


def pairings_in(scope: Scope) -> QuerySet:
    """Pairings: for an event, those on its ceremony or formed through a claim on one of its
    postings; across events, all. Period: proposed; region: the mentee's province; field: the
    mentor's fields."""
    pairings = Pairing.objects.all()
    if scope.event:
        pairings = pairings.filter(pk__in=_event_pairing_ids(scope.event))
    return _narrow(
        pairings, scope, when="proposed_at", region="mentee__province", field="mentor__fields"
    )


def landings_in(scope: Scope) -> QuerySet:
    """Landings (落地) of the scope's postings. Period: landing date; region: where it landed;
    field: the posting's."""
    unfiltered = replace(scope, since=None, until=None, province="")
    landings = Landing.objects.filter(
        Q(project__in=projects_in(unfiltered)) | Q(challenge__in=challenges_in(unfiltered))
    )
    if scope.since:
        landings = landings.filter(landed_on__gte=scope.since)
    if scope.until:
        landings = landings.filter(landed_on__lte=scope.until)
    if scope.province:
        landings = landings.filter(province=scope.province)
    return landings


def suggestions_in(scope: Scope) -> QuerySet:
    """Match suggestions (智能推荐) for the scope's postings and mentees (with their
    filters)."""
    return MatchSuggestion.objects.filter(
        Q(challenge__in=challenges_in(scope))
        | Q(project__in=projects_in(scope))
        | Q(for_mentee__in=mentees_in(scope))
    )


def registrations_in(scope: Scope) -> QuerySet:
    """Registrations (报名): the event's, or every event's. Period: registered on; region: the
    province of the event's host; field: not applicable (registrations carry none)."""
    registrations = Registration.objects.all()
    if scope.event:
        registrations = registrations.filter(event=scope.event)
    return _narrow(
        registrations, scope, when="created_at", region="event__host__province", field=""
    )


def events_in(scope: Scope) -> QuerySet:
    """Events of the scope: the one event, or every event starting in the period and hosted
    in the region."""
    if scope.event:
        return Event.objects.filter(pk=scope.event.pk)
    return _narrow(Event.objects.all(), scope, when="starts_at", region="host__province", field="")
