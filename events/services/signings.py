"""Signing records (签约) of an event, and the landings (落地) they feed."""

from datetime import date

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from projects.models import Landing, Project
from projects.services.common import BoardError
from projects.services.landings import record_landing
from talentbridge.models import User
from talentbridge.services import log_action

from ..models import Event, Signing
from . import EventError


@transaction.atomic
def record_signing(
    event: Event,
    *,
    actor: User,
    title: str,
    parties: str,
    signed_on: date,
    amount: int | None = None,
    project: Project | None = None,
    on_stage: int | None = None,
) -> Signing:
    """Record an agreement signed at ``event``, in its on-stage place when there is one."""
    if on_stage is not None and event.signings.filter(on_stage=on_stage).exists():
        raise EventError(_("Place %(place)s on stage is already taken.") % {"place": on_stage})
    try:
        with transaction.atomic():
            signing = Signing.objects.create(
                event=event,
                title=title,
                parties=parties,
                signed_on=signed_on,
                amount=amount,
                project=project,
                on_stage=on_stage,
                created_by=actor,
            )
    except IntegrityError as exc:
        raise EventError(
            _("Place %(place)s on stage is already taken.") % {"place": on_stage}
        ) from exc
    log_action(
        signing,
        "events.signing.record",
        actor=actor,
        changes={"title": [None, title], "amount": [None, amount], "on_stage": [None, on_stage]},
    )
    return signing


@transaction.atomic
def land_signing(signing: Signing, *, actor: User, **place) -> Landing:
    """Turn a signing into its project's landing: attach the project's landing if it has one,
    else record one (intended investment: the signed amount unless given)."""
    if signing.landing_id:
        raise EventError(_("This signing already feeds a landing."))
    project = signing.project
    if project is None:
        raise EventError(_("Only a signing for a project can feed a landing."))
    landing = Landing.objects.filter(project=project).first()
    if landing is None:
        if not place.get("intended_investment"):
            place["intended_investment"] = signing.amount
        try:
            landing = record_landing(project, actor=actor, **place)
        except BoardError as exc:
            raise EventError(exc.message) from exc
    if Signing.objects.filter(landing=landing).exists():
        raise EventError(_("That landing is already fed by another signing."))
    signing.landing = landing
    signing.save(update_fields=["landing"])
    log_action(signing, "events.signing.land", actor=actor, changes={"landing": [None, landing.pk]})
    return landing
