"""Offices holding people: the office imported them, created their profile, invited them or
they registered at its event."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction

from talentbridge.models import Office, User
from talentbridge.services import log_action

from ..models import Holding, Mentee, Mentor, Organization
from ..rules import forget_holding_offices

Held = Mentor | Mentee | Organization
BATCH = 1000


def _field(held: Held | type[Held]) -> str:
    return held._meta.model_name


@transaction.atomic
def hold_person(office: Office, person: Held, *, source: str, actor: User | None) -> Holding:
    """Make ``office`` hold ``person`` (an expert, a mentee or an organisation).

    Idempotent: a person the office already holds keeps the first holding (and its source),
    and no second audit entry is written. ``source`` is a :class:`Holding.Source`.
    """
    field = _field(person)
    existing = Holding.objects.filter(office=office, **{field: person}).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            holding = Holding.objects.create(
                office=office, source=source, created_by=actor, **{field: person}
            )
    except IntegrityError:  # held concurrently by the same office
        return Holding.objects.get(office=office, **{field: person})
    log_action(
        person,
        f"mentors.{field}.hold",
        actor=actor,
        changes={"office": office.name, "source": source},
    )
    forget_holding_offices(person)
    return holding


def hold_people(
    office: Office, model: type[Held], ids: Iterable[int], *, source: str, actor: User | None
) -> int:
    """Make ``office`` hold every row of ``model`` in ``ids`` with bulk queries; return how
    many holdings are new. For imports and seeding: the caller writes the one audit entry
    that covers the whole batch."""
    field = _field(model)
    wanted = list(dict.fromkeys(ids))
    held = set()
    for start in range(0, len(wanted), BATCH):
        held |= set(
            Holding.objects.filter(
                office=office, **{f"{field}_id__in": wanted[start : start + BATCH]}
            ).values_list(f"{field}_id", flat=True)
        )
    new = [
        Holding(office=office, source=source, created_by=actor, **{f"{field}_id": pk})
        for pk in wanted
        if pk not in held
    ]
    Holding.objects.bulk_create(new, batch_size=BATCH, ignore_conflicts=True)
    return len(new)
