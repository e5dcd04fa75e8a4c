"""Permission predicates for people, organisations and pairings.

Views, templates and tests all ask these. Higher apps may widen who sees contact details
(an accepted claim reveals them, for instance) with :func:`register_contact_grant`, so that
this app never imports them.
"""

from collections.abc import Callable

from talentbridge.rules import is_organizer

from .models import Mentee, Mentor, Organization, Pairing

Person = Mentor | Mentee
ContactGrant = Callable[[object, Person], bool]

# Statuses in which both parties of a pairing may see each other's contact details.
CONTACT_STATUSES = (*Pairing.OCCUPYING, Pairing.Status.CONCLUDED)

_contact_grants: list[ContactGrant] = []


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
    """Phone, e-mail and WeChat: organizers, the person, the parties of an accepted pairing,
    and whoever a registered contact grant admits."""
    if not user.is_authenticated:
        return False
    if is_organizer(user) or is_owner(user, person):
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
    """The mentee and organisation directories: organizers and logged-in experts."""
    return is_organizer(user) or bool(user.is_authenticated and user.is_mentor)


def can_view_mentor(user, mentor: Mentor) -> bool:
    """Expert profiles are public (without contact details)."""
    return True


def can_edit_mentor(user, mentor: Mentor) -> bool:
    return is_organizer(user) or is_owner(user, mentor)


def can_view_mentee(user, mentee: Mentee) -> bool:
    return can_view_people_directory(user) or is_owner(user, mentee)


def can_edit_mentee(user, mentee: Mentee) -> bool:
    return is_organizer(user) or is_owner(user, mentee)


def is_member(user, organization: Organization) -> bool:
    return bool(user.is_authenticated and organization.members.filter(pk=user.pk).exists())


def can_view_organization(user, organization: Organization) -> bool:
    return can_view_people_directory(user) or is_member(user, organization)


def can_edit_organization(user, organization: Organization) -> bool:
    return is_organizer(user) or is_member(user, organization)


def can_add_people(user) -> bool:
    """Profiles of people without an account (experts, mentees on file): organizers."""
    return is_organizer(user)


def can_record_honours(user) -> bool:
    """Honours are titles granted by others: organizers record them, not the experts."""
    return is_organizer(user)


def can_view_profile_history(user) -> bool:
    """The audit history of a profile: the people who manage profiles (organizers)."""
    return is_organizer(user)


def can_edit_taxonomy(user) -> bool:
    """The fields (领域/产业链) and honours lists: organizers and administrators."""
    return is_organizer(user)


def can_import_people(user) -> bool:
    """Spreadsheet import and its template: organizers and administrators."""
    return is_organizer(user)


def can_export_people(user) -> bool:
    """Whether the directories offer their export (the events export pipeline decides which
    columns, contacts included, the file holds, and logs it)."""
    return is_organizer(user)


def can_view_pairing(user, pairing: Pairing) -> bool:
    return is_organizer(user) or is_owner(user, pairing.mentor) or is_owner(user, pairing.mentee)


def can_pair_anyone(user) -> bool:
    """Organizers pair any expert with any mentee (the expert page offers them a form)."""
    return is_organizer(user)


def can_propose_pairing(user, mentor: Mentor, mentee: Mentee) -> bool:
    """An expert proposes to a mentee, a mentee asks an expert, organizers pair anyone."""
    return can_pair_anyone(user) or is_owner(user, mentor) or is_owner(user, mentee)


def can_accept_pairing(user, pairing: Pairing) -> bool:
    """The party who did not propose (or an organizer) accepts a proposal."""
    if pairing.status != Pairing.Status.PROPOSED:
        return False
    if is_organizer(user):
        return True
    is_party = is_owner(user, pairing.mentor) or is_owner(user, pairing.mentee)
    return is_party and pairing.proposed_by_id != user.pk


def can_decline_pairing(user, pairing: Pairing) -> bool:
    """Either party or an organizer withdraws or declines a proposal."""
    return pairing.status == Pairing.Status.PROPOSED and can_view_pairing(user, pairing)


def can_end_pairing(user, pairing: Pairing) -> bool:
    """Either party or an organizer ends a pairing that has been accepted."""
    return pairing.status in Pairing.OCCUPYING and can_view_pairing(user, pairing)
