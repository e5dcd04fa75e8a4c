"""The lists of the boards: postings, claims, pairings, landings and match suggestions."""

from django.db.models import Exists, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Pairing
from projects.models import Challenge, Claim, Project
from projects.models import Status as PostingStatus
from projects.suggestions.reasons import explain_all

from ...models import EventPosting
from ...statistics.scope import (
    Scope,
    challenges_in,
    claims_in,
    landings_in,
    pairings_in,
    projects_in,
    suggestions_in,
)
from ..columns import LIST_SEPARATOR, Column, Dataset, contacts, label, names_of


def _postings(scope: Scope) -> list[QuerySet]:
    def annotated(queryset: QuerySet, link: str) -> QuerySet:
        links = EventPosting.objects.filter(**{link: OuterRef("pk")})
        if scope.event:
            links = links.filter(event=scope.event)
        roadshow = links.filter(session__isnull=False).order_by("id")
        return (
            queryset.select_related("poster_mentor", "poster_mentee", "poster_organization")
            .annotate(
                on_site=Exists(links.filter(posted_on_site=True)),
                roadshow=Subquery(roadshow.values("session__title")[:1]),
                slot=Subquery(roadshow.values("slot_order")[:1]),
            )
            .order_by("id")
        )

    return [annotated(projects_in(scope), "project"), annotated(challenges_in(scope), "challenge")]


def _board(posting) -> str:
    return str(
        Project._meta.verbose_name if isinstance(posting, Project) else Challenge._meta.verbose_name
    )


POSTINGS = Dataset(
    "postings",
    _("Projects and demands"),
    _postings,
    (
        Column(_("Board"), _board),
        Column(_("Title"), lambda p: p.title),
        Column(_("Posted by"), lambda p: p.poster.name),
        Column(_("Status"), lambda p: label(PostingStatus, p.status)),
        Column(_("Fields"), lambda p: p.fields_names),
        Column(_("Province"), lambda p: p.province),
        Column(_("City"), lambda p: p.city),
        Column(_("County / district"), lambda p: p.county),
        Column(_("Posted on site"), lambda p: p.on_site),
        Column(_("Roadshow session"), lambda p: p.roadshow),
        Column(_("Running order"), lambda p: p.slot),
        Column(_("Published on"), lambda p: p.published_at),
        Column(_("Intended investment (yuan)"), lambda p: getattr(p, "intended_investment", None)),
        Column(_("Reward up to (yuan)"), lambda p: getattr(p, "reward_max", None)),
    ),
    directory=True,
    prepare=names_of("fields"),
)


def _claims(scope: Scope) -> list[QuerySet]:
    return [
        claims_in(scope)
        .select_related("project", "challenge", "claimant", "mentor", "mentee")
        .order_by("created_at", "id")
    ]


CLAIMS = Dataset(
    "claims",
    _("Claims"),
    _claims,
    (
        Column(_("Board"), lambda c: _board(c.posting)),
        Column(_("Project or demand"), lambda c: c.posting.title),
        Column(_("Claimant"), lambda c: c.claimant.name),
        Column(_("As expert"), lambda c: c.mentor.name if c.mentor else ""),
        Column(_("As mentee"), lambda c: c.mentee.name if c.mentee else ""),
        Column(_("On behalf of"), lambda c: c.organization_name),
        Column(_("Status"), lambda c: label(Claim.Status, c.status)),
        Column(_("Claimed on"), lambda c: c.created_at),
        Column(_("Decided on"), lambda c: c.decided_at),
        Column(_("Claimant's e-mail"), lambda c: c.claimant.email, contact=True),
        Column(_("Claimant's phone"), lambda c: c.claimant.phone, contact=True),
    ),
)


def _pairings(scope: Scope) -> list[QuerySet]:
    return [
        pairings_in(scope)
        .select_related("mentor__affiliation", "mentee__organization")
        .order_by("proposed_at", "id")
    ]


PAIRINGS = Dataset(
    "pairings",
    _("Pairings"),
    _pairings,
    (
        Column(_("Expert"), lambda p: p.mentor.name),
        Column(
            _("Affiliation"), lambda p: p.mentor.affiliation.name if p.mentor.affiliation else ""
        ),
        Column(_("Mentee"), lambda p: p.mentee.name),
        Column(
            _("Mentee's organisation"),
            lambda p: p.mentee.organization.name if p.mentee.organization else "",
        ),
        Column(_("Status"), lambda p: label(Pairing.Status, p.status)),
        Column(_("Proposed on"), lambda p: p.proposed_at),
        Column(_("Accepted on"), lambda p: p.accepted_at),
        Column(_("Celebrated on"), lambda p: p.celebrated_at),
        Column(_("Note"), lambda p: p.note),
        *contacts("mentor"),
        *contacts("mentee"),
    ),
)


def _landings(scope: Scope) -> list[QuerySet]:
    return [landings_in(scope).select_related("project", "challenge").order_by("landed_on", "id")]


LANDINGS = Dataset(
    "landings",
    _("Landings"),
    _landings,
    (
        Column(_("Board"), lambda landing: _board(landing.posting)),
        Column(_("Project or demand"), lambda landing: landing.posting.title),
        Column(_("Province"), lambda landing: landing.province),
        Column(_("City"), lambda landing: landing.city),
        Column(_("County / district"), lambda landing: landing.county),
        Column(_("Town / sub-district"), lambda landing: landing.town),
        Column(_("Village / community"), lambda landing: landing.village),
        Column(_("Intended investment (yuan)"), lambda landing: landing.intended_investment),
        Column(_("Signed investment (yuan)"), lambda landing: landing.signed_investment),
        Column(_("Landing date"), lambda landing: landing.landed_on),
    ),
)


def _suggestions(scope: Scope) -> list[QuerySet]:
    return [
        suggestions_in(scope)
        .select_related("mentor", "mentee", "challenge", "project", "for_mentee")
        .order_by("challenge_id", "project_id", "for_mentee_id", "rank", "id")
    ]


def _suggested_for(suggestion) -> str:
    target = suggestion.target
    return target.name if isinstance(target, Mentee) else target.title


def _target_kind(suggestion) -> str:
    return str(type(suggestion.target)._meta.verbose_name)


def _reasons(suggestion) -> str:
    """The engine's reasons as the suggestion pages word them: “共同领域：数字经济”."""
    return LIST_SEPARATOR.join(
        gettext("%(reason)s: %(values)s") % {"reason": reason, "values": values}
        if values
        else reason
        for reason, values in suggestion.explained
    )


SUGGESTIONS = Dataset(
    "suggestions",
    _("Match suggestions"),
    _suggestions,
    (
        Column(_("Suggested for"), _suggested_for),
        Column(_("Kind"), _target_kind),
        Column(_("Candidate"), lambda s: s.candidate.name),
        Column(_("Rank"), lambda s: s.rank),
        Column(_("Score"), lambda s: round(s.score, 3)),
        Column(_("Reasons"), _reasons),
        Column(_("Computed on"), lambda s: s.computed_at),
    ),
    prepare=explain_all,
)
