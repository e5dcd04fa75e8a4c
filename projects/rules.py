"""Permission predicates for the boards, used by views, templates and tests alike."""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Mentor, Organization
from talentbridge.rules import is_organizer

from .models import CLAIMABLE_STATUSES, PUBLIC_STATUSES, Challenge, Claim, Project, Status

Posting = Project | Challenge

# Statuses in which the poster may still change what the posting says.
EDITABLE_STATUSES = (Status.DRAFT, Status.SUBMITTED)
# Statuses from which work on a posting moves on (start, solve, land, close).
ACTIVE_STATUSES = (Status.CLAIMED, Status.IN_PROGRESS, Status.SOLVED, Status.LANDED)


# Why a named organisation is refused as a posting's poster.
NOT_A_MEMBER = _(
    "“%(name)s” is an existing organisation, and only its members post for it. Choose one of "
    "your own, or ask the organisation to add you as a member."
)


def is_owner(user, posting: Posting) -> bool:
    return user.is_authenticated and posting.owner_id == user.pk


def can_create_challenge(user) -> bool:
    return user.is_authenticated and (user.is_enterprise or user.is_mentee or is_organizer(user))


def can_create_project(user) -> bool:
    return user.is_authenticated and (user.is_mentor or is_organizer(user))


def can_create_posting(user, kind: str) -> bool:
    return can_create_challenge(user) if kind == Challenge.kind else can_create_project(user)


def can_post_for_organization(user, organization: Organization) -> bool:
    """Only an organisation's members (and the experts or mentees it employs) post for it."""
    if not user.is_authenticated:
        return False
    mentor = getattr(user, "mentor_profile", None)
    mentee = getattr(user, "mentee_profile", None)
    return (
        (mentor is not None and mentor.affiliation_id == organization.pk)
        or (mentee is not None and mentee.organization_id == organization.pk)
        or organization.members.filter(pk=user.pk).exists()
    )


def can_view_posting(user, posting: Posting) -> bool:
    return posting.status in PUBLIC_STATUSES or is_owner(user, posting) or is_organizer(user)


def can_view_history(user, posting: Posting) -> bool:
    return is_owner(user, posting) or is_organizer(user)


def is_accepted_claimant(user, posting: Posting) -> bool:
    return user.is_authenticated and any(
        claim.claimant_id == user.pk and claim.status == Claim.Status.ACCEPTED
        for claim in posting.claims.all()
    )


def can_see_details(user, posting: Posting) -> bool:
    if not user.is_authenticated or not can_view_posting(user, posting):
        return False
    if not posting.confidential:
        return True
    return is_owner(user, posting) or is_organizer(user) or is_accepted_claimant(user, posting)


def can_edit_posting(user, posting: Posting) -> bool:
    if posting.status in (Status.CLOSED, Status.WITHDRAWN):
        return False
    return is_organizer(user) or (is_owner(user, posting) and posting.status in EDITABLE_STATUSES)


def can_submit_posting(user, posting: Posting) -> bool:
    return posting.status == Status.DRAFT and (is_owner(user, posting) or is_organizer(user))


def can_review_posting(user, posting: Posting) -> bool:
    return posting.status == Status.SUBMITTED and is_organizer(user)


def can_withdraw_posting(user, posting: Posting) -> bool:
    return posting.status not in (Status.CLOSED, Status.WITHDRAWN) and (
        is_owner(user, posting) or is_organizer(user)
    )


def can_manage_posting(user, posting: Posting) -> bool:
    """May start, solve, record the landing of or close the posting."""
    return posting.status in ACTIVE_STATUSES and (is_owner(user, posting) or is_organizer(user))


def can_close_posting(user, posting: Posting) -> bool:
    return posting.status in (Status.PUBLISHED, *ACTIVE_STATUSES) and (
        is_owner(user, posting) or is_organizer(user)
    )


def has_claim_role(user, posting: Posting) -> bool:
    """Experts claim demands; mentees and enterprises claim projects."""
    if isinstance(posting, Challenge):
        return user.is_mentor
    return user.is_mentee or user.is_enterprise


def is_open_for_claims(posting: Posting) -> bool:
    if posting.status not in CLAIMABLE_STATUSES:
        return False
    return posting.deadline is None or posting.deadline >= timezone.localdate()


def can_claim_posting(user, posting: Posting) -> bool:
    return (
        user.is_authenticated
        and not is_owner(user, posting)
        and has_claim_role(user, posting)
        and is_open_for_claims(posting)
    )


def can_view_claim(user, claim: Claim) -> bool:
    if is_organizer(user):
        return True
    return user.is_authenticated and user.pk in (claim.claimant_id, claim.posting.owner_id)


def can_decide_claim(user, claim: Claim) -> bool:
    return claim.status == Claim.Status.SUBMITTED and (
        is_owner(user, claim.posting) or is_organizer(user)
    )


def can_withdraw_claim(user, claim: Claim) -> bool:
    return (
        user.is_authenticated
        and claim.claimant_id == user.pk
        and claim.status == Claim.Status.SUBMITTED
    )


def can_see_claim_contacts(user, claim: Claim) -> bool:
    """Organizers, and both parties once the claim is accepted, see each other's contacts."""
    if is_organizer(user):
        return True
    if not user.is_authenticated or claim.status != Claim.Status.ACCEPTED:
        return False
    return user.pk in (claim.claimant_id, claim.posting.owner_id)


def accepted_claim_grant(user, person: Mentor | Mentee) -> bool:
    """Contact grant for mentors/: the parties of an accepted claim see each other's contacts.

    Registered with ``mentors.rules.register_contact_grant`` in ``ProjectsConfig.ready``.
    """
    if not user.is_authenticated:
        return False
    role = "mentor" if isinstance(person, Mentor) else "mentee"
    person_posted = Q(**{f"challenge__poster_{role}": person}) | Q(
        **{f"project__poster_{role}": person}
    )
    person_claimed = Q(**{role: person})
    if person.user_id is not None:
        person_posted |= Q(challenge__owner=person.user_id) | Q(project__owner=person.user_id)
        person_claimed |= Q(claimant=person.user_id)
    user_posted = Q(challenge__owner=user) | Q(project__owner=user)
    return (
        Claim.objects.filter(status=Claim.Status.ACCEPTED)
        .filter((Q(claimant=user) & person_posted) | (person_claimed & user_posted))
        .exists()
    )


# --- Match suggestions ------------------------------------------------------------------------


def can_view_suggestions(user, posting: Posting) -> bool:
    """A posting's suggested experts are for its poster and the organizers."""
    return is_owner(user, posting) or is_organizer(user)


def can_invite_to_claim(user, suggestion) -> bool:
    posting = suggestion.challenge or suggestion.project
    return (
        posting is not None
        and posting.status in CLAIMABLE_STATUSES
        and can_view_suggestions(user, posting)
    )


def can_give_feedback(user, suggestion) -> bool:
    """Whoever is shown the suggestion: the posting's side, the candidate, or the mentee."""
    if not user.is_authenticated:
        return False
    if is_organizer(user) or suggestion.candidate.user_id == user.pk:
        return True
    if suggestion.for_mentee_id:
        return suggestion.for_mentee.user_id == user.pk
    return is_owner(user, suggestion.challenge or suggestion.project)


def can_recompute_suggestions(user) -> bool:
    return is_organizer(user)
