"""Demo: 金乡县顾问之家's matchmaking list, its 60 advisers × the county's firms, planned
once (a second run changes nothing) with a few matches already accepted."""

from mentors.demo.hometown import OFFICE
from talentbridge.models import Office, User

from .models import FirmMatch
from .services import compute_matchmaking, decide_firm_match

ACCEPTED = 4


def seed(accounts: dict[str, User]) -> None:
    office = Office.objects.filter(name=OFFICE).first()
    if office is None or FirmMatch.objects.filter(office=office).exists():
        return
    manager = accounts["hometown manager"]
    compute_matchmaking(office, actor=manager)
    for match in FirmMatch.objects.filter(office=office).order_by("-score", "pk")[:ACCEPTED]:
        decide_firm_match(match, accept=True, actor=manager)
