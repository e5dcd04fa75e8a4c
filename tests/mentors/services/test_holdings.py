"""Offices holding people: idempotent, audited, and what creating a profile on file does."""

import pytest
from django.db import IntegrityError, transaction

from mentors.models import Holding, Mentee, Mentor
from mentors.queries import holding_offices, people_held_by
from mentors.rules import holding_office_ids
from mentors.services import hold_people, hold_person, save_mentee, save_mentor
from talentbridge.models import AuditEntry
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


def test_hold_person_is_idempotent_and_audited_once(make_mentor, home_office, organizer):
    mentor = make_mentor(held_by=None)

    first = hold_person(home_office, mentor, source=Holding.Source.INVITED, actor=organizer)
    again = hold_person(home_office, mentor, source=Holding.Source.REGISTERED, actor=organizer)

    assert again == first
    assert (first.source, first.created_by, first.held) == ("invited", organizer, mentor)
    entries = AuditEntry.objects.filter(action="mentors.mentor.hold")
    assert [(e.actor, e.object_id, e.changes) for e in entries] == [
        (organizer, str(mentor.pk), {"office": home_office.name, "source": "invited"})
    ]


def test_two_offices_hold_the_same_person(make_mentee, home_office, other_office):
    mentee = make_mentee()
    hold_person(other_office, mentee, source=Holding.Source.REGISTERED, actor=None)

    assert holding_office_ids(Mentee.objects.get(pk=mentee.pk)) == {
        home_office.pk,
        other_office.pk,
    }
    assert list(holding_offices(mentee)) == sorted(
        [home_office, other_office], key=lambda office: office.name
    )


def test_people_held_by_lists_each_kind_of_one_office(
    make_mentor, make_mentee, home_office, other_office
):
    mentor, mentee = make_mentor(), make_mentee()
    make_mentor(held_by=other_office)
    organization = OrganizationFactory()
    hold_person(home_office, organization, source=Holding.Source.IMPORTED, actor=None)

    held = people_held_by(home_office)
    assert (list(held.mentors), list(held.mentees), list(held.organizations)) == (
        [mentor],
        [mentee],
        [organization],
    )


def test_hold_people_in_bulk_counts_only_new_holdings(make_mentor, home_office, other_office):
    held, fresh = make_mentor(), make_mentor(held_by=None)

    created = hold_people(
        home_office, Mentor, [held.pk, fresh.pk, fresh.pk], source="imported", actor=None
    )

    assert created == 1
    assert set(people_held_by(home_office).mentors) == {held, fresh}
    assert hold_people(other_office, Mentor, [], source="imported", actor=None) == 0


def test_a_profile_created_for_an_office_is_held_by_it(home_office, organizer):
    mentor = save_mentor(
        Mentor(name="林海峰", email="lin@example.cn"), actor=organizer, held_by=home_office
    )
    mentee = save_mentee(
        Mentee(name="陈晓青", kind=Mentee.Kind.FOUNDER), actor=organizer, held_by=home_office
    )

    assert [h.source for h in mentor.holdings.all()] == [Holding.Source.CREATED]
    assert [h.office for h in mentee.holdings.all()] == [home_office]
    actions = AuditEntry.objects.filter(object_id=str(mentor.pk), content_type__model="mentor")
    assert sorted(actions.values_list("action", flat=True)) == [
        "mentors.mentor.create",
        "mentors.mentor.hold",
    ]


def test_a_holding_names_exactly_one_person(home_office, make_mentor, make_mentee):
    with pytest.raises(IntegrityError), transaction.atomic():
        Holding.objects.create(
            office=home_office,
            mentor=make_mentor(held_by=None),
            mentee=make_mentee(held_by=None),
            source="created",
        )
