"""Mentoring activity: opening a studio (名医工作室, expert workstation) and recording the
training sessions it holds."""

from datetime import date

from django.db import transaction

from talentbridge.models import Office, User
from talentbridge.services import log_action

from ..models import Studio, TrainingSession

STUDIO_FIELDS = ("name", "kind", "mentor", "host", "host_name", "province", "city", "county")


@transaction.atomic
def open_studio(office: Office, *, actor: User, opened_on: date, **fields) -> Studio:
    """Open a studio of ``office``: an expert, a host institution, a place and a field."""
    studio = Studio.objects.create(office=office, opened_on=opened_on, created_by=actor, **fields)
    log_action(
        studio,
        "mentors.studio.open",
        actor=actor,
        changes={name: [None, str(getattr(studio, name) or "")] for name in STUDIO_FIELDS},
    )
    return studio


@transaction.atomic
def record_training_session(
    studio: Studio,
    *,
    actor: User,
    title: str,
    held_on: date,
    trainees: int,
    backbone_trained: int = 0,
) -> TrainingSession:
    """Record a training session of ``studio`` with its trainee counts."""
    session = TrainingSession.objects.create(
        studio=studio,
        title=title,
        held_on=held_on,
        trainees=trainees,
        backbone_trained=backbone_trained,
        created_by=actor,
    )
    log_action(
        session,
        "mentors.training_session.record",
        actor=actor,
        changes={"trainees": [None, trainees], "backbone_trained": [None, backbone_trained]},
    )
    return session
