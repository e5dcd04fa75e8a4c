"""Demo people of the Fuzhou 青蓝接力 summit (seed report 000) at its real size.

40 experts (6 academicians, 1 university leader, 5 national-programme talents, 6 provincial
overseas-programme experts, 22 leading talents), a group of Jinxiang hometown experts
(seed 003), overseas experts, the 28 enterprises of the 揭榜挂帅 session, mentees of every
kind, the field taxonomy and pairings in every status, all held by the summit's host office
(福建省引进人才服务中心) with the experts' invitations to claim their profiles in every status.
Idempotent: keyed on natural keys.
"""

from talentbridge.models import User

from .data import ENTERPRISES, MENTEES, MENTORS, PAIRINGS
from .offices import seed_host_office
from .people import (
    seed_mentees,
    seed_mentors,
    seed_organizations,
    seed_pairings,
    seed_taxonomy,
)

__all__ = ["ENTERPRISES", "MENTEES", "MENTORS", "PAIRINGS", "seed"]


def seed(accounts: dict[str, User]) -> dict:
    """Create (or bring up to date) the summit's people; return them for later seeders."""
    fields, honours = seed_taxonomy()
    organizations = seed_organizations(fields, accounts)
    mentors = seed_mentors(fields, honours, organizations, accounts)
    mentees = seed_mentees(fields, organizations, accounts)
    pairings = seed_pairings(mentors, mentees, accounts)
    people = {
        "fields": fields,
        "honours": honours,
        "organizations": organizations,
        "enterprises": [organizations[row[0]] for row in ENTERPRISES],
        "mentors": list(mentors.values()),
        "mentors_by_name": mentors,
        "mentees": list(mentees.values()),
        "mentees_by_name": mentees,
        "pairings": pairings,
    }
    people["office"] = seed_host_office(accounts, people)
    return people
