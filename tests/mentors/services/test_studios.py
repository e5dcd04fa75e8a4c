"""Studios and their training sessions."""

from datetime import date

import pytest
from django.db import IntegrityError

from mentors.models import Studio
from mentors.services.studios import open_studio, record_training_session
from talentbridge.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_open_studio_and_record_sessions(home_office, organizer, make_mentor):
    mentor = make_mentor(name="齐忠权")
    studio = open_studio(
        home_office,
        actor=organizer,
        name="齐忠权名医工作室",
        kind=Studio.Kind.MEDICAL,
        mentor=mentor,
        host_name="福建省妇幼保健院",
        province="福建省",
        county="晋安区",
        opened_on=date(2021, 5, 1),
    )
    record_training_session(
        studio,
        actor=organizer,
        title="再生医学培训",
        held_on=date(2021, 6, 1),
        trainees=60,
        backbone_trained=3,
    )
    assert studio.sessions.get().trainees == 60
    assert studio.host_label == "福建省妇幼保健院"
    actions = set(AuditEntry.objects.values_list("action", flat=True))
    assert {"mentors.studio.open", "mentors.training_session.record"} <= actions


def test_backbone_staff_never_exceed_trainees(home_office, organizer, make_mentor):
    studio = Studio.objects.create(
        office=home_office, name="工作站", mentor=make_mentor(), opened_on=date(2021, 1, 1)
    )
    with pytest.raises(IntegrityError):
        record_training_session(
            studio,
            actor=organizer,
            title="x",
            held_on=date(2021, 2, 1),
            trainees=2,
            backbone_trained=3,
        )
