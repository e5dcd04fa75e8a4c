"""Permission predicates for the boards, used by views, templates and tests alike.

A posting belongs to the office it was submitted to: that office's reviewers and managers
review it, its managers run it (edit, close, decide claims for the poster); being an
organizer somewhere else grants nothing. Platform administrators may act on every posting.
"""

from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from mentors.models import Mentee, Mentor, Organization
from talentbridge.models import MANAGING_ROLES, OfficeRole
from talentbridge.rules import has_office_role, is_admin, is_organizer, office_ids_with_role

from .models import CLAIMABLE_STATUSES, PUBLIC_STATUSES, Challenge, Claim, Project, Status

Posting = Project | Challenge

# Statuses in which the poster may still change what the posting says.
EDITABLE_STATUSES = (Status.DRAFT, Status.SUBMITTED)
# Statuses from which work on a posting moves on (start, solve, land, close).
ACTIVE_STATUSES = (Status.CLAIMED, Status.IN_PROGRESS, Status.SOLVED, Status.LANDED)


# Roles that review the postings submitted to an office.
REVIEWING_ROLES = (*MANAGING_ROLES, OfficeRole.REVIEWER)

# Why a named organisation is refused as a posting's poster.
NOT_A_MEMBER = _(
    "“%(name)s” is an existing organisation, and only its members post for it. Choose one of "
    "your own, or ask the organisation to add you as a member."
)


def is_owner(user, posting: Posting) -> bool:
    return user.is_authenticated and posting.owner_id == user.pk


def runs_posting(user, posting: Posting) -> bool:
    """The managers of the posting's office, and administrators."""
    return is_admin(user) or has_office_role(user, posting.office_id, *MANAGING_ROLES)


def reviews_posting(user, posting: Posting) -> bool:
    """The reviewers and managers of the posting's office, and administrators."""
    return is_admin(user) or has_office_role(user, posting.office_id, *REVIEWING_ROLES)


def reviewing_office_ids(user) -> set[int] | None:
    """The offices whose review queue ``user`` sees; None means every office (admins)."""
    return None if is_admin(user) else office_ids_with_role(user, *REVIEWING_ROLES)


def can_view_review_queue(user) -> bool:
    return user.is_authenticated and (is_admin(user) or bool(reviewing_office_ids(user)))


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
    return (
        posting.status in PUBLIC_STATUSES
        or is_owner(user, posting)
        or reviews_posting(user, posting)
    )


def can_view_history(user, posting: Posting) -> bool:
    return is_owner(user, posting) or reviews_posting(user, posting)


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
    return (
        is_owner(user, posting)
        or reviews_posting(user, posting)
        or is_accepted_claimant(user, posting)
    )


def can_edit_posting(user, posting: Posting) -> bool:
    if posting.status in (Status.CLOSED, Status.WITHDRAWN):
        return False
    return runs_posting(user, posting) or (
        is_owner(user, posting) and posting.status in EDITABLE_STATUSES
    )


def can_submit_posting(user, posting: Posting) -> bool:
    return posting.status == Status.DRAFT and (
        is_owner(user, posting) or runs_posting(user, posting)
    )


def can_review_posting(user, posting: Posting) -> bool:
    return posting.status == Status.SUBMITTED and reviews_posting(user, posting)


def can_withdraw_posting(user, posting: Posting) -> bool:
    return posting.status not in (Status.CLOSED, Status.WITHDRAWN) and (
        is_owner(user, posting) or runs_posting(user, posting)
    )


def can_manage_posting(user, posting: Posting) -> bool:
    """May start, solve, record the landing of or close the posting."""
    return posting.status in ACTIVE_STATUSES and (
        is_owner(user, posting) or runs_posting(user, posting)
    )


def can_close_posting(user, posting: Posting) -> bool:
    return posting.status in (Status.PUBLISHED, *ACTIVE_STATUSES) and (
        is_owner(user, posting) or runs_posting(user, posting)
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
    if runs_posting(user, claim.posting):
        return True
    return user.is_authenticated and user.pk in (claim.claimant_id, claim.posting.owner_id)


def can_decide_claim(user, claim: Claim) -> bool:
    return claim.status == Claim.Status.SUBMITTED and (
        is_owner(user, claim.posting) or runs_posting(user, claim.posting)
    )


def can_withdraw_claim(user, claim: Claim) -> bool:
    return (
        user.is_authenticated
        and claim.claimant_id == user.pk
        and claim.status == Claim.Status.SUBMITTED
    )


def can_see_claim_contacts(user, claim: Claim) -> bool:
    """The managers of the posting's office (whose board brought the parties together), and
    both parties once the claim is accepted, see the parties' contacts."""
    if runs_posting(user, claim.posting):
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
    """A posting's suggested experts are for its poster and the managers of its office."""
    return is_owner(user, posting) or runs_posting(user, posting)


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
    if is_admin(user) or suggestion.candidate.user_id == user.pk:
        return True
    if suggestion.for_mentee_id:
        return suggestion.for_mentee.user_id == user.pk
    return can_view_suggestions(user, suggestion.challenge or suggestion.project)


def can_recompute_suggestions(user) -> bool:
    return is_organizer(user)


# --- Follow-ups on landings -------------------------------------------------------------------


def can_record_followup(user, landing) -> bool:
    """The project's owner and the managers of its office record check-ins and read their
    figures; everyone who may see the posting sees only the operating status over time."""
    posting = landing.posting
    return is_owner(user, posting) or runs_posting(user, posting)
