"""Who may do what at an event: the office's managers, its team by role, other offices."""

import pytest

from events import rules
from events.models import EventRole
from events.services.team import add_team_member
from mentors.rules import can_see_contact
from talentbridge.models import Membership, OfficeRole
from tests.factories import (
    AttendeeCategoryFactory,
    EventFactory,
    MentorFactory,
    RegistrationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PREDICATES = [
    "can_manage_event",
    "can_manage_team",
    "can_review_registrations",
    "can_check_in",
    "can_build_ceremony",
    "can_run_ceremony",
    "can_view_event_statistics",
    "can_plan_pairings",
    "can_assign_category",
]
# role → the predicates that hold, of those above.
EXPECTED = {
    "office_manager": set(PREDICATES),
    "office_reviewer": set(),
    "other_office_manager": set(),
    "co_organizer": set(PREDICATES) - {"can_manage_team"},
    "reviewer": {"can_review_registrations"},
    "checkin": {"can_check_in"},
    "ceremony": {"can_run_ceremony"},
    "visitor": set(),
}


@pytest.fixture
def people(event, host_office, organizer, other_organizer):
    reviewer_of_office = UserFactory()
    Membership.objects.create(office=host_office, user=reviewer_of_office, role=OfficeRole.REVIEWER)
    users = {
        "office_manager": organizer,
        "office_reviewer": reviewer_of_office,
        "other_office_manager": other_organizer,
        "visitor": UserFactory(),
    }
    for role in ("co_organizer", "reviewer", "checkin", "ceremony"):
        users[role] = UserFactory()
        add_team_member(event, users[role], role, actor=organizer)
    return users


@pytest.mark.parametrize("who", list(EXPECTED))
def test_each_role_holds_exactly_its_predicates(event, people, who):
    user = people[who]
    held = {name for name in PREDICATES if getattr(rules, name)(user, event)}
    assert held == EXPECTED[who]


def test_a_role_at_one_event_grants_nothing_at_another(event, people):
    other = EventFactory(office=event.office)
    assert not rules.can_check_in(people["checkin"], other)
    assert rules.can_check_in(people["office_manager"], other)


def test_team_sees_a_draft_event_others_do_not(event, people):
    event.status = event.Status.DRAFT
    event.save()
    seen = {who for who, user in people.items() if rules.can_view_event(user, event)}
    assert seen == {"office_manager", "co_organizer", "reviewer", "checkin", "ceremony"}


def test_only_office_managers_and_admins_create_events(people, admin_user, organizer):
    assert rules.can_create_event(organizer)
    assert rules.can_create_event(admin_user)
    assert not rules.can_create_event(people["co_organizer"])
    assert not rules.can_create_event(UserFactory(is_organizer=True))


def test_roles_are_read_once_per_request(event, people, django_assert_num_queries):
    user = people["checkin"]
    rules.can_check_in(user, event)
    with django_assert_num_queries(0):
        rules.can_check_in(user, event)
        rules.can_run_ceremony(user, event)
    assert EventRole.CHECKIN in rules.event_roles(user, event)


# --- Contacts of registered people -------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "status", "sees"),
    [
        ("office_manager", "confirmed", True),
        ("office_manager", "checked_in", True),
        ("office_manager", "cancelled", False),
        ("office_reviewer", "confirmed", False),
        ("other_office_manager", "confirmed", False),
        ("checkin", "confirmed", False),
    ],
)
def test_office_managers_see_contacts_of_people_registered_at_its_events(
    event, people, who, status, sees
):
    expert = MentorFactory()
    category = AttendeeCategoryFactory(event=event)
    RegistrationFactory(category=category, user=expert.user, status=status)
    assert can_see_contact(people[who], expert) is sees


def test_a_profile_without_an_account_is_never_granted_by_a_registration(event, people):
    expert = MentorFactory(user=None, name="潘志远", email="pan@example.cn")
    assert not rules.sees_contacts_of_registrant(people["office_manager"], expert)
