"""Six years (2021–2026) of Fujian's “师带徒”引凤计划 in the aggregates, so that the outcomes
report reproduces the seed's headline figures from data: 707 experts, 255 studios, 735 local
backbone staff trained and over 15,000 trainees; 3,063 projects collected, 594 leading
entrepreneurs, 125 venture firms and 711 returning youth; 187 projects landed with ¥3.5 bn
intended investment across 29 counties, 40 towns and 49 villages; 7,961 rural talents; and
the 8 projects signed on stage at the summit. The programme has its own office and manager.

Written in bulk; idempotent: keyed on the office, whose rows are made once."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from mentors.demo.data import MENTEES, MENTORS
from mentors.models import Holding, Mentee, Mentor, Organization, Studio, TrainingSession
from projects.models import FollowUp, Landing, Project, Status
from talentbridge.models import Office, OfficeRole, User
from talentbridge.services import create_office

from ..models import Event, Signing
from .cast import _account, _office_role
from .outcomes_data import COUNTIES, HOSPITALS, TOPICS, person_name, place

SHANGHAI = ZoneInfo("Asia/Shanghai")
OFFICE = "福建省“师带徒”引凤计划办公室"
MANAGER = ("programme", "programme@demo.talentbridge.cn", "引凤计划 李主任")
FIRST_YEAR, YEARS = 2021, 6
EXPERTS, PROJECTS, LANDED, INTENDED = 707, 3063, 187, 3_500_000_000
STUDIOS, SESSIONS_PER_STUDIO, TRAINEES, BACKBONE = 255, 2, 15_086, 735
TALENTS = {
    Mentee.Kind.RURAL_TALENT: 7961,
    Mentee.Kind.RETURNING_YOUTH: 711,
    Mentee.Kind.FOUNDER: 594,
}
VENTURE_FIRMS = 125
SIGNED_ON_STAGE = 8
# Follow-up statuses in turn: mostly operating, some expanding, a few suspended or closed.
STATUS_CYCLE = ["operating"] * 12 + ["expanding"] * 4 + ["suspended", "preparing", "closed"]


def _day(index: int, count: int, last: date) -> date:
    """Row ``index`` of ``count`` spread over the six years, never after ``last``."""
    year = FIRST_YEAR + index * YEARS // count
    return min(date(year, 1, 1) + timedelta(days=(index * 37) % 300), last)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time(10), tzinfo=SHANGHAI)


def _spread(total: int, count: int, pattern) -> list[int]:
    """``count`` values following ``pattern(i)`` whose sum is exactly ``total``."""
    values = [pattern(i) for i in range(count - 1)]
    values.append(total - sum(values))
    if values[-1] < 0:
        raise ValueError("pattern exceeds the total")
    return values


def _names(count: int) -> list[str]:
    """``count`` generated names that no demo person of another seed bears, so that seeds
    keyed on names (the summit's experts and mentees) never pick a programme row."""
    taken = {row[0] for row in MENTORS} | {row[0] for row in MENTEES}
    taken |= set(Mentor.objects.values_list("name", flat=True))
    taken |= set(Mentee.objects.values_list("name", flat=True))
    names, index = [], 0
    while len(names) < count:
        name = person_name(index)
        if name not in taken:
            names.append(name)
        index += 1
    return names


def _experts(office: Office, last: date) -> list[Mentor]:
    names = _names(EXPERTS)
    experts = Mentor.objects.bulk_create(
        Mentor(
            name=names[index],
            title="主任医师" if index % 3 == 0 else "教授",
            province="北京市" if index % 2 else "上海市",
            created_at=_moment(_day(index, EXPERTS, last)),
        )
        for index in range(EXPERTS)
    )
    Holding.objects.bulk_create(
        Holding(office=office, mentor=expert, source=Holding.Source.INVITED) for expert in experts
    )
    return experts


def _talents(office: Office, last: date) -> None:
    names = _names(sum(TALENTS.values()))
    mentees = []
    for kind, count in TALENTS.items():
        mentees += [
            Mentee(
                name=names[len(mentees) + index],
                kind=kind,
                province="福建省",
                city=COUNTIES[index % len(COUNTIES)][0],
                county=COUNTIES[index % len(COUNTIES)][1],
            )
            for index in range(count)
        ]
    mentees = Mentee.objects.bulk_create(mentees, batch_size=2000)
    firms = Organization.objects.bulk_create(
        Organization(
            name=f"闽{person_name(index)[1:]}创业投资有限公司",
            kind=Organization.Kind.VENTURE,
            province="福建省",
            city="福州市",
        )
        for index in range(VENTURE_FIRMS)
    )
    total = len(mentees)
    holdings = [
        Holding(
            office=office,
            mentee=mentee,
            source=Holding.Source.IMPORTED,
            created_at=_moment(_day(index, total, last)),
        )
        for index, mentee in enumerate(mentees)
    ] + [
        Holding(
            office=office,
            organization=firm,
            source=Holding.Source.IMPORTED,
            created_at=_moment(_day(index, VENTURE_FIRMS, last)),
        )
        for index, firm in enumerate(firms)
    ]
    Holding.objects.bulk_create(holdings, batch_size=2000)


def _projects(office: Office, owner: User, experts: list[Mentor], last: date) -> list[Project]:
    rows = []
    for index in range(PROJECTS):
        city, county = COUNTIES[index % len(COUNTIES)]
        created = _moment(_day(index, PROJECTS, last))
        rows.append(
            Project(
                title=f"{TOPICS[index % len(TOPICS)]}项目（{county}·{index + 1:04d}）",
                summary=f"{TOPICS[index % len(TOPICS)]}成熟项目，寻求在{county}落地。",
                poster_mentor=experts[index % EXPERTS],
                owner=owner,
                office=office,
                province="福建省",
                city=city,
                county=county,
                status=Status.CLOSED,
                seeks_landing=True,
                created_at=created,
                submitted_at=created,
                published_at=created,
            )
        )
    return Project.objects.bulk_create(rows, batch_size=1000)


def _landings(projects: list[Project], owner: User, summit: date, last: date) -> list[Landing]:
    amounts = _spread(INTENDED, LANDED, lambda i: (6 + (i * 37) % 25) * 1_000_000)
    landed = []
    for index in range(LANDED):
        project = projects[index * 16]
        on_stage = index >= LANDED - SIGNED_ON_STAGE
        landed_on = (
            summit if on_stage else max(_day(index, LANDED, last), project.created_at.date())
        )
        landed.append(
            Landing(
                project=project,
                landed_on=min(landed_on, last),
                intended_investment=amounts[index],
                signed_investment=amounts[index] if on_stage else None,
                recorded_by=owner,
                **place(index),
            )
        )
    landings = Landing.objects.bulk_create(landed)
    Project.objects.filter(pk__in=[landing.project_id for landing in landings]).update(
        status=Status.LANDED
    )
    return landings


def _followups(landings: list[Landing], owner: User, today: date) -> None:
    """A yearly check-in on each landing, on its anniversary, up to today."""
    rows = []
    for index, landing in enumerate(landings):
        for year in range(landing.landed_on.year + 1, today.year + 1):
            checked_on = landing.landed_on.replace(year=year, day=min(landing.landed_on.day, 28))
            if checked_on > today:
                continue
            age = year - landing.landed_on.year
            rows.append(
                FollowUp(
                    landing=landing,
                    checked_on=checked_on,
                    status=STATUS_CYCLE[(index + age) % len(STATUS_CYCLE)],
                    actual_investment=landing.intended_investment * min(100, 40 + 20 * age) // 100,
                    revenue_band=("under_1m", "under_10m", "under_100m")[min(age, 3) - 1],
                    jobs_created=8 + index % 30 + 6 * age,
                    talents_brought=1 + (index + age) % 5,
                    recorded_by=owner,
                )
            )
    FollowUp.objects.bulk_create(rows)


def _studios(office: Office, owner: User, experts: list[Mentor], last: date) -> None:
    studios = Studio.objects.bulk_create(
        Studio(
            office=office,
            name=experts[index * 2].name + ("名医工作室" if index % 5 else "专家工作站"),
            kind=Studio.Kind.MEDICAL if index % 5 else Studio.Kind.EXPERT,
            mentor=experts[index * 2],
            host_name=COUNTIES[index % len(COUNTIES)][1] + HOSPITALS[index % len(HOSPITALS)],
            province="福建省",
            city=COUNTIES[index % len(COUNTIES)][0],
            county=COUNTIES[index % len(COUNTIES)][1],
            opened_on=_day(index, STUDIOS, last),
            created_by=owner,
        )
        for index in range(STUDIOS)
    )
    count = STUDIOS * SESSIONS_PER_STUDIO
    trainees = _spread(TRAINEES, count, lambda i: 20 + (i * 13) % 20)
    backbone = _spread(BACKBONE, count, lambda i: 1 + (i % 3 == 0))
    sessions = []
    for index in range(count):
        studio = studios[index // SESSIONS_PER_STUDIO]
        held_on = min(studio.opened_on + timedelta(days=30 + 150 * (index % 2)), last)
        sessions.append(
            TrainingSession(
                studio=studio,
                title="基层医疗骨干培训班" if index % 2 else "适宜技术推广培训",
                held_on=max(held_on, studio.opened_on),
                trainees=trainees[index],
                backbone_trained=backbone[index],
                created_by=owner,
            )
        )
    TrainingSession.objects.bulk_create(sessions)


def _signings(event: Event, landings: list[Landing], owner: User) -> None:
    """The projects signed on stage at the summit, each feeding its landing."""
    for place_on_stage, landing in enumerate(landings[-SIGNED_ON_STAGE:], start=1):
        project = landing.project
        Signing.objects.get_or_create(
            event=event,
            on_stage=place_on_stage,
            defaults={
                "title": project.title,
                "parties": f"{project.poster_mentor.name} / {landing.county}人民政府",
                "project": project,
                "amount": landing.intended_investment,
                "signed_on": landing.landed_on,
                "landing": landing,
                "created_by": owner,
            },
        )


def seed(accounts: dict[str, User], summit: Event) -> dict[str, User]:
    """Load the programme's six years once; return its manager's account to print."""
    organizer = accounts["organizer"]
    manager = _account(*MANAGER[1:])
    office = Office.objects.filter(name=OFFICE).first() or create_office(
        name=OFFICE,
        kind=Office.Kind.ORGANISATION_DEPARTMENT,
        region="福建省",
        description="省委组织部、省人社厅、团省委“师带徒”引凤计划：引育帮扶、项目落地与跟踪回访。",
        actor=organizer,
        owner=manager,
    )
    _office_role(office, organizer, OfficeRole.MANAGER, organizer)
    if not Project.objects.filter(office=office).exists():
        today = timezone.localdate()
        day = timezone.localtime(summit.starts_at).date()
        last = min(today, day)
        experts = _experts(office, last)
        _talents(office, last)
        projects = _projects(office, manager, experts, last)
        landings = _landings(projects, manager, day, last)
        _followups(landings, manager, today)
        _studios(office, manager, experts, last)
        _signings(summit, landings, manager)
    return {MANAGER[0]: manager}
