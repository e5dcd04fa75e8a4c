"""Permission predicates for people, organisations, pairings and profile invitations.

Views, templates and tests all ask these. People belong to the offices that hold them
(:class:`~mentors.models.Holding`): the managers of a holding office see a person's contact
details and edit the profile; being an organizer somewhere grants neither. Higher apps may
widen who sees contact details (an accepted claim reveals them, a registration at an office's
event, …) with :func:`register_contact_grant`, so that this app never imports them.
"""

from collections.abc import Callable

from talentbridge.models import Office
from talentbridge.rules import is_admin, is_office_manager, is_organizer, managed_office_ids

from .models import Holding, Mentee, Mentor, Organization, Pairing

Person = Mentor | Mentee
Held = Mentor | Mentee | Organization
ContactGrant = Callable[[object, Person], bool]

# Statuses in which both parties of a pairing may see each other's contact details.
CONTACT_STATUSES = (*Pairing.OCCUPYING, Pairing.Status.CONCLUDED)

_contact_grants: list[ContactGrant] = []
_HOLDERS = "_tb_holding_offices"


def register_contact_grant(grant: ContactGrant) -> None:
    """Add a predicate ``grant(user, person) -> bool`` that may reveal a person's contacts.

    Call it from ``AppConfig.ready()``; registering the same function twice has no effect.
    """
    if grant not in _contact_grants:
        _contact_grants.append(grant)


def unregister_contact_grant(grant: ContactGrant) -> None:
    """Remove a predicate added with :func:`register_contact_grant` (used by tests)."""
    if grant in _contact_grants:
        _contact_grants.remove(grant)


def holding_office_ids(held: Held) -> set[int]:
    """The offices that hold ``held``; read once and kept on the object for the request."""
    cached = getattr(held, _HOLDERS, None)
    if cached is None:
        field = type(held)._meta.model_name
        cached = (
            set(Holding.objects.filter(**{field: held.pk}).values_list("office_id", flat=True))
            if held.pk
            else set()
        )
        setattr(held, _HOLDERS, cached)
    return cached


def forget_holding_offices(held: Held) -> None:
    """Drop the cached holding offices (after a change within the same request)."""
    if hasattr(held, _HOLDERS):
        delattr(held, _HOLDERS)


def manages_holder(user, held: Held) -> bool:
    """Whether ``user`` manages (owner or manager) an office that holds ``held``."""
    managed = managed_office_ids(user)
    return bool(managed and managed & holding_office_ids(held))


def runs(user, held: Held) -> bool:
    """Platform administrators, and the managers of an office that holds ``held``."""
    return is_admin(user) or manages_holder(user, held)


def mentor_of(user) -> Mentor | None:
    """The expert profile linked to ``user``, or None."""
    if not user.is_authenticated:
        return None
    try:
        return user.mentor_profile
    except Mentor.DoesNotExist:
        return None


def mentee_of(user) -> Mentee | None:
    """The mentee profile linked to ``user``, or None."""
    if not user.is_authenticated:
        return None
    try:
        return user.mentee_profile
    except Mentee.DoesNotExist:
        return None


def is_owner(user, person: Person) -> bool:
    return bool(user.is_authenticated and person.user_id is not None and person.user_id == user.pk)


def can_see_contact(user, person: Person) -> bool:
    """Phone, e-mail and WeChat: the person, the managers of an office that holds them,
    administrators, the parties of an accepted pairing, and whoever a registered contact
    grant admits (the parties of an accepted claim, …)."""
    if not user.is_authenticated:
        return False
    if is_owner(user, person) or runs(user, person):
        return True
    if isinstance(person, Mentor):
        counterpart = mentee_of(user)
        paired = (
            counterpart is not None
            and person.pairings.filter(mentee=counterpart, status__in=CONTACT_STATUSES).exists()
        )
    else:
        counterpart = mentor_of(user)
        paired = (
            counterpart is not None
            and person.pairings.filter(mentor=counterpart, status__in=CONTACT_STATUSES).exists()
        )
    return paired or any(grant(user, person) for grant in _contact_grants)


def can_view_people_directory(user) -> bool:
    """The mentee and organisation directories (no contact details): organizers and
    logged-in experts."""
    return is_organizer(user) or bool(user.is_authenticated and user.is_mentor)


def can_view_mentor(user, mentor: Mentor) -> bool:
    """Expert profiles are public (without contact details)."""
    return True


def can_edit_mentor(user, mentor: Mentor) -> bool:
    return is_owner(user, mentor) or runs(user, mentor)


def can_view_mentee(user, mentee: Mentee) -> bool:
    return can_view_people_directory(user) or is_owner(user, mentee) or runs(user, mentee)


def can_edit_mentee(user, mentee: Mentee) -> bool:
    return is_owner(user, mentee) or runs(user, mentee)


def is_member(user, organization: Organization) -> bool:
    return bool(user.is_authenticated and organization.members.filter(pk=user.pk).exists())


def can_view_organization(user, organization: Organization) -> bool:
    return (
        can_view_people_directory(user) or is_member(user, organization) or runs(user, organization)
    )


def can_edit_organization(user, organization: Organization) -> bool:
    return is_member(user, organization) or runs(user, organization)


def can_add_people(user) -> bool:
    """Profiles of people without an account (experts, mentees on file): the managers of an
    office, which then holds them, and administrators."""
    return is_admin(user) or bool(user.is_authenticated and managed_office_ids(user))


def can_record_honours(user, mentor: Mentor) -> bool:
    """Honours are titles granted by others: the office that runs the profile records them
    (or, for a new profile on file, the office that creates it), never the expert."""
    return runs(user, mentor) if mentor.pk else can_add_people(user)


def can_view_profile_history(user, held: Held) -> bool:
    """The audit history of a profile: whoever runs it for an office, and administrators."""
    return runs(user, held)


def can_edit_taxonomy(user) -> bool:
    """The fields (领域/产业链) and honours lists, shared by every office: organizers."""
    return is_organizer(user)


def can_import_people(user) -> bool:
    """Spreadsheet import and its template: the managers of an office (the imported people
    are held by the office they choose) and administrators."""
    return can_add_people(user)


def can_import_for(user, office: Office) -> bool:
    """Whether ``user`` may import into, or create people for, ``office``."""
    return is_office_manager(user, office)


def can_export_people(user) -> bool:
    """Whether the directories offer their export (the events export pipeline decides which
    columns, contacts included, the file holds, and logs it)."""
    return is_organizer(user)


def runs_pairing(user, pairing: Pairing) -> bool:
    """Administrators, and the managers of an office that holds either party."""
    return runs(user, pairing.mentor) or manages_holder(user, pairing.mentee)


def can_view_pairing(user, pairing: Pairing) -> bool:
    return (
        is_owner(user, pairing.mentor)
        or is_owner(user, pairing.mentee)
        or runs_pairing(user, pairing)
    )


def can_pair_for(user, mentor: Mentor) -> bool:
    """Whoever runs an expert's profile pairs them with any mentee (the expert page offers
    them a form)."""
    return runs(user, mentor)


def can_propose_pairing(user, mentor: Mentor, mentee: Mentee) -> bool:
    """An expert proposes to a mentee, a mentee asks an expert, and the managers of an
    office that holds either of them pair them."""
    return (
        is_owner(user, mentor)
        or is_owner(user, mentee)
        or runs(user, mentor)
        or manages_holder(user, mentee)
    )


def can_accept_pairing(user, pairing: Pairing) -> bool:
    """The party who did not propose (or whoever runs the pairing) accepts a proposal."""
    if pairing.status != Pairing.Status.PROPOSED:
        return False
    if runs_pairing(user, pairing):
        return True
    is_party = is_owner(user, pairing.mentor) or is_owner(user, pairing.mentee)
    return is_party and pairing.proposed_by_id != user.pk


def can_decline_pairing(user, pairing: Pairing) -> bool:
    """Either party or whoever runs the pairing withdraws or declines a proposal."""
    return pairing.status == Pairing.Status.PROPOSED and can_view_pairing(user, pairing)


def can_end_pairing(user, pairing: Pairing) -> bool:
    """Either party or whoever runs the pairing ends a pairing that has been accepted."""
    return pairing.status in Pairing.OCCUPYING and can_view_pairing(user, pairing)


# --- Profile invitations (求贤帖) ---------------------------------------------------------


def can_invite_experts(user, office: Office) -> bool:
    """The office's experts page, invitations, resending and the printable sheet: the
    office's managers and administrators."""
    return is_office_manager(user, office)
