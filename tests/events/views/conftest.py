"""Fixtures of the page tests: one event with a ceremony, a registration and every role."""

import pytest

from tests.factories import AttendeeCategoryFactory, RegistrationFactory


@pytest.fixture
def world(event, ceremony, organizer, other_organizer, admin_user, mentee_user):
    category = AttendeeCategoryFactory(event=event, name="徒弟")
    registration = RegistrationFactory(category=category, user=mentee_user)
    users = {
        "anonymous": None,
        "visitor": mentee_user,
        "other_organizer": other_organizer,
        "organizer": organizer,
        "admin": admin_user,
    }
    refs = {"event": event.pk, "open_event": event.pk, "category": category.pk}
    refs["code"] = registration.code
    return users, refs
