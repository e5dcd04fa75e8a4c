"""Demo of the technology commissioners (seeds 001 and 003) at the reports' size.

青岛市科技局 keeps 30 commissioners from Qingdao's universities and institutes serving 100
firms across the city's industry chains: exactly 568 service records over the year before
2026-11-27, 40 whistle requests with a realistic mix of on-time and late responses, and 25
needs distilled into demands, some of them claimed and solved on the demand board.

Idempotent: the office, people and firms are keyed on their names and e-mail addresses,
dispatches on office, commissioner, firm and start, records on their dispatch and text,
requests on their firm and the moment they were raised, drafts on their record. Fast: rows
are written in bulk, without the per-row signals of the profile services.
"""

from django.contrib.auth.hashers import make_password

from mentors.models import IndustryChain, Mentor, Organization
from mentors.search import mentor_search_text, organization_search_text
from talentbridge.demo import DEMO_PASSWORD
from talentbridge.models import Membership, Office, OfficeRole, User

from ..models import WhistlePolicy
from . import data
from .work import seed_dispatches, seed_drafts, seed_records, seed_whistles

__all__ = ["seed"]


def seed(accounts: dict[str, User], people: dict) -> dict:
    """Create (or bring up to date) the commissioners' demo; return its office, its rows and
    the accounts to print (``accounts``: office manager, commissioner, firm)."""
    fields: dict[str, IndustryChain] = people["fields"]
    password = make_password(DEMO_PASSWORD)
    office, manager = _office(password)
    commissioners = _commissioners(office, fields, password)
    firms, reps = _firms(fields, password)
    dispatches = seed_dispatches(office, commissioners, firms, manager)
    whistles = seed_whistles(office, dispatches, reps)
    records = seed_records(office, dispatches, whistles, reps)
    drafts = seed_drafts(records, reps, manager, people, accounts)
    served_first = next(d for d in dispatches if d.commissioner_id == commissioners[0].pk)
    return {
        "office": office,
        "commissioners": commissioners,
        "firms": firms,
        "dispatches": dispatches,
        "records": records,
        "whistles": whistles,
        "drafts": drafts,
        "accounts": {
            "office manager": manager,
            "commissioner": commissioners[0],
            "firm": reps[served_first.organization_id],
        },
    }


def _users(rows: list[tuple[str, str]], password: str, **flags) -> list[User]:
    """The accounts of these (e-mail, name) rows, created in one go with the demo password."""
    emails = [email for email, _name in rows]
    existing = {user.email: user for user in User.objects.filter(email__in=emails)}
    User.objects.bulk_create(
        [
            User(email=email, name=name, password=password, **flags)
            for email, name in rows
            if email not in existing
        ]
    )
    by_email = {user.email: user for user in User.objects.filter(email__in=emails)}
    return [by_email[email] for email in emails]


def _office(password: str) -> tuple[Office, User]:
    name, region, description = data.OFFICE
    office, _ = Office.objects.get_or_create(
        name=name,
        defaults={"kind": Office.Kind.GOVERNMENT, "region": region, "description": description},
    )
    (manager,) = _users([data.MANAGER], password)
    Membership.objects.get_or_create(office=office, user=manager, role=OfficeRole.OWNER)
    WhistlePolicy.objects.get_or_create(
        office=office,
        defaults={
            "acknowledge_hours": data.ACKNOWLEDGE_HOURS,
            "close_hours": data.CLOSE_HOURS,
        },
    )
    return office, manager


def _organizations(rows: list[dict], fields: dict) -> list[Organization]:
    """Organisations keyed on their name, created in bulk with their fields and search text."""
    names = [row["name"] for row in rows]
    existing = set(Organization.objects.filter(name__in=names).values_list("name", flat=True))
    new = []
    for row in rows:
        if row["name"] in existing:
            continue
        organization = Organization(**{k: v for k, v in row.items() if k != "fields"})
        tags = [fields[slug] for slug in row["fields"]]
        organization.search_text = organization_search_text(organization, fields=tags)
        new.append(organization)
    Organization.objects.bulk_create(new)
    by_name = {o.name: o for o in Organization.objects.filter(name__in=names).order_by("pk")}
    links = Organization.fields.through
    links.objects.bulk_create(
        [
            links(organization_id=by_name[row["name"]].pk, industrychain_id=fields[slug].pk)
            for row in rows
            for slug in row["fields"]
        ],
        ignore_conflicts=True,
    )
    return [by_name[name] for name in names]


def _commissioners(office: Office, fields: dict, password: str) -> list[User]:
    institutions = _organizations(
        [
            {
                "name": name,
                "kind": kind,
                "province": data.QINGDAO[0],
                "city": data.QINGDAO[1],
                "county": county,
                "fields": [],
            }
            for name, kind, county in data.INSTITUTIONS
        ],
        fields,
    )
    rows = [
        (f"commissioner{index:02d}@demo.talentbridge.cn", row[0])
        for index, row in enumerate(data.COMMISSIONERS, start=1)
    ]
    users = _users(rows, password, is_mentor=True)
    have_profile = set(Mentor.objects.filter(user__in=users).values_list("user_id", flat=True))
    new = []
    for user, (name, institution, title, tags, research) in zip(
        users, data.COMMISSIONERS, strict=True
    ):
        if user.pk in have_profile:
            continue
        affiliation = institutions[institution]
        mentor = Mentor(
            user=user,
            name=name,
            title=title,
            affiliation=affiliation,
            research_fields=research,
            bio=f"{name}，{affiliation.name}{title}，科技专员，研究方向：{research}。",
            current_city="青岛",
            languages="zh en",
            email=user.email,
        )
        mentor.search_text = mentor_search_text(
            mentor, fields=[fields[slug] for slug in tags], honours=[], affiliation=affiliation
        )
        new.append(mentor)
    Mentor.objects.bulk_create(new)
    mentors = {m.user_id: m for m in Mentor.objects.filter(user__in=users)}
    links = Mentor.fields.through
    links.objects.bulk_create(
        [
            links(mentor_id=mentors[user.pk].pk, industrychain_id=fields[slug].pk)
            for user, row in zip(users, data.COMMISSIONERS, strict=True)
            for slug in row[3]
        ],
        ignore_conflicts=True,
    )
    Membership.objects.bulk_create(
        [Membership(office=office, user=user, role=OfficeRole.COMMISSIONER) for user in users],
        ignore_conflicts=True,
    )
    return users


def _firms(fields: dict, password: str) -> tuple[list[Organization], dict[int, User]]:
    firms = _organizations(data.firm_rows(), fields)
    rows = [
        (
            f"firm{index:03d}@demo.talentbridge.cn",
            f"{firm.name} {data.FIRST_NAMES[index % len(data.FIRST_NAMES)]}经理",
        )
        for index, firm in enumerate(firms, start=1)
    ]
    reps = _users(rows, password, is_enterprise=True)
    links = Organization.members.through
    links.objects.bulk_create(
        [
            links(organization_id=firm.pk, user_id=rep.pk)
            for firm, rep in zip(firms, reps, strict=True)
        ],
        ignore_conflicts=True,
    )
    return firms, {firm.pk: rep for firm, rep in zip(firms, reps, strict=True)}
