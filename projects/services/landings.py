"""Landings (落地): where a posting settled and with what investment; it becomes "landed"."""

from datetime import date

from django.db import transaction

from projects.models import Landing, PostingEvent, Status
from talentbridge.models import User

from .common import Posting, posting_ref
from .postings import move_posting


@transaction.atomic
def record_landing(
    posting: Posting,
    *,
    actor: User,
    province: str,
    city: str = "",
    county: str = "",
    town: str = "",
    village: str = "",
    landed_on: date,
    intended_investment: int | None = None,
    signed_investment: int | None = None,
    allowed: tuple[str, ...] = (Status.CLAIMED, Status.IN_PROGRESS, Status.SOLVED),
) -> Landing:
    """Record where the posting landed (落地) and with what investment.

    ``allowed`` are the statuses a posting may land from: a claimed one in general; a contest
    winner lands straight from the board (its landing is the contest's prize)."""
    place = " ".join(part for part in (province, city, county, town, village) if part)
    posting = move_posting(
        posting,
        allowed,
        Status.LANDED,
        PostingEvent.Action.LANDED,
        "land",
        actor=actor,
        comment=place,
        details={
            "landed_on": landed_on.isoformat(),
            "intended_investment": intended_investment,
            "signed_investment": signed_investment,
        },
    )
    return Landing.objects.create(
        **posting_ref(posting),
        province=province,
        city=city,
        county=county,
        town=town,
        village=village,
        landed_on=landed_on,
        intended_investment=intended_investment,
        signed_investment=signed_investment,
        recorded_by=actor,
    )
