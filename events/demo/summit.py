"""Demo data: the Fuzhou summit of the seed report — 第二届中国侨智发展大会新质生产力“青蓝接力”
主题会 at 福州海峡会展中心, about 300 attendees, its agenda, the postings of its call,
registrations spread over the weeks before, check-ins on the day, and a pairing ceremony in
five groups held to the end. The seeds report a summit that happened, so the demo summit is
a past one: its report speaks in the past tense and its no-shows are real.

Idempotent: rows are keyed on natural keys (titles, e-mails, names).
"""

import itertools
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from mentors.demo.offices import host_office
from mentors.models import Mentee, Mentor, Organization, Pairing
from mentors.services import PairingError, accept_pairing, celebrate_pairing, propose_pairing
from projects.models import PUBLIC_STATUSES, Challenge, Project
from talentbridge.models import Office, User

from .. import queries
from ..models import (
    AttendeeCategory,
    Ceremony,
    CeremonyStep,
    Event,
    EventPosting,
    Question,
    Registration,
    Session,
)
from ..services.ceremony import (
    advance_ceremony,
    ceremony_state,
    create_ceremony,
    fill_running_order,
)
from .cast import seed_cast
from .invitations import seed_expert_invitations

SHANGHAI = ZoneInfo("Asia/Shanghai")
TITLE = "第二届中国侨智发展大会新质生产力“青蓝接力”主题会"
DESCRIPTION = (
    "由福建省人社厅指导，福州市人民政府主办，福建省引进人才服务中心和晋安区人民政府承办。"
    "海内外专家、侨界代表、青年代表、企业家代表以及媒体代表约300人出席。"
    "大会邀请40位行业领域领军人才为“师傅”，其中包括6位院士专家、1位高校领导、"
    "5位国家级重大计划人才、6位省级海外人才计划专家，以及福州数字经济、海洋经济等新兴产业的"
    "创业群体作为“徒弟”，通过项目分享、需求路演和揭榜挂帅环节，促进师徒双方实现“青蓝接力”。"
)
CALL = (
    "“青蓝接力”项目与需求征集令：面向海内外专家征集成熟产业项目（成果榜单），"
    "面向企业与青年创业者征集卡脖子技术问题和创业难题（需求榜单）。"
    "入选项目将在项目分享会、需求路演会上展示，部分项目现场张榜，供师徒双方揭榜挂帅。"
)
# The day of the summit: a past one (see the module's docstring).
SUMMIT_DAY = date(2026, 11, 15)
# Registration opened this many days before the summit.
REGISTRATION_DAYS = 42
Access = AttendeeCategory.Access
# (name, kind, seats, access, registered, checked in, waitlisted) — about 300 in all. Guests
# of honour, staff and the press are invited by the organizers, never self-registered.
CATEGORIES = [
    ("领导嘉宾", AttendeeCategory.Kind.GUEST, 40, Access.INVITATION, 36, 20, 0),
    ("师傅（专家）", AttendeeCategory.Kind.EXPERT, 40, Access.OPEN, 40, 28, 2),
    ("徒弟（创业青年）", AttendeeCategory.Kind.MENTEE, 60, Access.OPEN, 56, 30, 0),
    ("企业代表", AttendeeCategory.Kind.ENTERPRISE, 90, Access.OPEN, 90, 41, 6),
    ("投资机构", AttendeeCategory.Kind.INVESTOR, 30, Access.OPEN, 24, 9, 0),
    ("媒体", AttendeeCategory.Kind.MEDIA, 20, Access.INVITATION, 15, 6, 0),
    ("工作人员", AttendeeCategory.Kind.STAFF, 20, Access.INVITATION, 18, 18, 0),
]
AGENDA = [
    ("09:00", "09:30", Session.Kind.OTHER, "开幕式暨领导致辞", "主会场"),
    ("09:30", "10:40", Session.Kind.PROJECT_SHARING, "项目分享会", "主会场"),
    ("10:50", "12:00", Session.Kind.DEMAND_ROADSHOW, "需求路演会", "主会场"),
    ("14:00", "15:20", Session.Kind.OPEN_CHALLENGE, "揭榜挂帅", "二号厅"),
    ("15:30", "16:30", Session.Kind.PAIRING_CEREMONY, "“青蓝接力”对接仪式", "主会场"),
    ("16:40", "17:30", Session.Kind.FORUM, "新质生产力圆桌论坛", "主会场"),
]
SURNAMES = "陈林黄张李王吴刘蔡杨郑许谢郭洪邱曾廖赖徐周叶苏庄"
GIVEN = ["志强", "丽娟", "建华", "晓青", "海峰", "思恩"]
GIVEN += ["嘉怡", "文斌", "雅婷", "明辉", "少华", "锦程"]
ORGANISATIONS = ["福州数字经济产业园", "晋安区新兴产业协会", "福建海洋经济研究院", "福州创投基金"]
POSTINGS_COLLECTED = 53
POSTED_ON_SITE = 19
ROADSHOW_SLOTS = 34
CEREMONY_PAIRS = 15


def _at(day: datetime, hhmm: str) -> datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return day.replace(hour=hour, minute=minute)


def _organisation(name: str) -> Organization:
    organisation, _ = Organization.objects.get_or_create(
        name=name,
        defaults={"kind": Organization.Kind.GOVERNMENT, "province": "福建省", "city": "福州市"},
    )
    return organisation


def summit_day() -> datetime:
    """The summit's day, 00:00 in Fuzhou: ``SUMMIT_DAY``, or earlier if the clock is behind
    it, so that the demo summit is always over."""
    day = min(SUMMIT_DAY, timezone.localdate() - timedelta(days=12))
    return datetime(day.year, day.month, day.day, tzinfo=SHANGHAI)


def _event(organizer: User, office: Office) -> Event:
    day = summit_day()
    event, _ = Event.objects.update_or_create(
        title=TITLE,
        defaults={
            "office": office,
            "kind": Event.Kind.SUMMIT,
            "status": Event.Status.HELD,
            "starts_at": _at(day, "09:00"),
            "ends_at": _at(day, "17:30"),
            "venue": "福州海峡会展中心",
            "city": "福州市",
            "host": _organisation("福州市人民政府"),
            "description": DESCRIPTION,
            "call_text": CALL,
            "call_opens_at": day - timedelta(days=60),
            "call_closes_at": day - timedelta(days=10),
        },
    )
    event.co_hosts.set([_organisation("福建省引进人才服务中心"), _organisation("晋安区人民政府")])
    for start, end, kind, title, room in AGENDA:
        Session.objects.update_or_create(
            event=event,
            title=title,
            defaults={
                "kind": kind,
                "starts_at": _at(day, start),
                "ends_at": _at(day, end),
                "room": room,
            },
        )
    Question.objects.update_or_create(
        event=event,
        label="所在领域",
        defaults={
            "kind": Question.Kind.CHOICE,
            "options": "数字经济\n海洋经济\n生物医药\n先进制造\n其他",
            "required": True,
            "order": 1,
        },
    )
    Question.objects.update_or_create(
        event=event, label="希望对接的项目或需求", defaults={"kind": Question.Kind.TEXT, "order": 2}
    )
    return event


def _attendees(count: int) -> list[User]:
    names = (f"{s}{g}" for g, s in itertools.product(GIVEN, SURNAMES))
    users = []
    for index, name in zip(range(count), names, strict=False):
        user, created = User.objects.get_or_create(
            email=f"attendee{index:03d}@demo.talentbridge.cn", defaults={"name": name}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        users.append(user)
    return users


def _registered_at(index: int, total: int, day: datetime) -> datetime:
    """When the ``index``-th of ``total`` attendees registered: spread over the weeks before
    the summit, more of them in the first days and in the last week, as calls go."""
    share = index / max(total - 1, 1)
    eased = share * share * (3 - 2 * share)  # slow in the middle, quick at both ends
    minutes = int(eased * (REGISTRATION_DAYS - 1) * 24 * 60)
    opened = _at(day - timedelta(days=REGISTRATION_DAYS), "09:00")
    return opened + timedelta(minutes=minutes + (index * 37) % 600)


def _registrations(event: Event, accounts: dict, desk: list[User]) -> None:
    total = sum(row[4] + row[6] for row in CATEGORIES)
    pool = iter(_attendees(total))
    day = summit_day()
    Status = Registration.Status
    position = itertools.count()
    for order, (name, kind, seats, access, registered, checked, waiting) in enumerate(CATEGORIES):
        category, _ = AttendeeCategory.objects.update_or_create(
            event=event,
            name=name,
            defaults={"kind": kind, "capacity": seats, "access": access, "order": order},
        )
        people = [next(pool) for _ in range(registered + waiting)]
        special = {"师傅（专家）": "mentor", "徒弟（创业青年）": "mentee", "企业代表": "enterprise"}
        if name in special:
            people[-(waiting + 1)] = accounts[special[name]]
        for index, user in enumerate(people):
            if index < checked:
                status = Status.CHECKED_IN
            elif index < registered:
                status = Status.CONFIRMED
            else:
                status = Status.WAITLISTED
            created = _registered_at(next(position), total, day)
            # Badges show what the person's profile says, when they have one.
            organisation = queries.profile_organisation_name(user)
            Registration.objects.update_or_create(
                event=event,
                user=user,
                defaults={
                    "category": category,
                    "status": status,
                    "organization_name": organisation or ORGANISATIONS[index % len(ORGANISATIONS)],
                    "consent_share_contacts": index % 3 == 0,
                    "created_at": created,
                    "confirmed_at": created if status != Status.WAITLISTED else None,
                    "waitlisted_at": created if status == Status.WAITLISTED else None,
                    "checked_in_at": _at(day, "08:00") + timedelta(minutes=index % 90)
                    if status == Status.CHECKED_IN
                    else None,
                    "checked_in_by": desk[index % len(desk)]
                    if status == Status.CHECKED_IN
                    else None,
                },
            )


def _postings(event: Event) -> None:
    """The call's 53 collected projects and demands, each submitted by its poster."""
    sessions = {s.kind: s for s in event.sessions.all()}
    # Only the host office's postings: other programmes of the demo (Qingdao's commissioners)
    # post demands of their own, which were never submitted to this call.
    public = {"status__in": PUBLIC_STATUSES, "office": event.office}
    projects = list(Project.objects.filter(**public).order_by("id"))
    challenges = list(Challenge.objects.filter(**public).order_by("id"))
    alternating = itertools.chain.from_iterable(itertools.zip_longest(projects, challenges))
    collected = [posting for posting in alternating if posting][:POSTINGS_COLLECTED]
    slots = {Session.Kind.PROJECT_SHARING: 0, Session.Kind.DEMAND_ROADSHOW: 0}
    # Posters submitted them to the call over its window (the call closed 10 days before).
    window = event.call_closes_at - event.call_opens_at
    for index, posting in enumerate(collected):
        field = "challenge" if isinstance(posting, Challenge) else "project"
        kind = (
            Session.Kind.DEMAND_ROADSHOW if field == "challenge" else Session.Kind.PROJECT_SHARING
        )
        on_roadshow = index < ROADSHOW_SLOTS and kind in sessions
        if on_roadshow:
            slots[kind] += 1
        EventPosting.objects.update_or_create(
            event=event,
            **{field: posting},
            defaults={
                "posted_on_site": index < POSTED_ON_SITE,
                "session": sessions[kind] if on_roadshow else None,
                "slot_order": slots[kind] if on_roadshow else None,
                "submitted_by": posting.owner,
                "added_at": event.call_opens_at + window * (index + 1) / (len(collected) + 1),
            },
        )


def _pair_for_stage(organizer: User, wanted: int) -> None:
    """Pair free experts with unpaired mentees (through the people services) until ``wanted``
    accepted pairings wait for the stage: the report shows five groups of several pairs."""
    missing = wanted - Pairing.objects.filter(status=Pairing.Status.ACCEPTED).count()
    if missing <= 0:
        return
    paired = Pairing.objects.filter(status__in=Pairing.OPEN)
    mentors = Mentor.objects.filter(available=True).exclude(pk__in=paired.values("mentor"))
    mentees = Mentee.objects.exclude(pk__in=paired.values("mentee"))
    for mentor, mentee in list(zip(mentors.order_by("id"), mentees.order_by("id"), strict=False))[
        :missing
    ]:
        try:
            pairing = propose_pairing(mentor, mentee, actor=organizer, note="青蓝接力")
            accept_pairing(pairing, actor=organizer)
        except PairingError:
            continue


def _ceremony(event: Event, organizer: User) -> Ceremony:
    ceremony = Ceremony.objects.filter(event=event).first() or create_ceremony(
        event, actor=organizer, title="“青蓝接力”对接仪式", group_count=5
    )
    _pair_for_stage(organizer, CEREMONY_PAIRS - ceremony.pairs.count())
    pairings = list(Pairing.objects.filter(status=Pairing.Status.ACCEPTED).order_by("id"))
    titles = queries.project_titles_for_pairings(p.pk for p in pairings)
    fill_running_order(ceremony, pairings, actor=organizer, titles=titles)
    if ceremony.steps.exists():
        _celebrate_again(ceremony, organizer)
    else:
        _hold_ceremony(ceremony, organizer)
    return ceremony


def _hold_ceremony(ceremony: Ceremony, organizer: User) -> None:
    """Run the console through the whole running order, as on the day: every pair gets its
    ribbon, group after group, then the ceremony ends."""
    Action = CeremonyStep.Action
    state = advance_ceremony(ceremony, Action.START, actor=organizer)
    while state.phase == "running":
        allowed = state.allowed()
        if Action.RIBBON in allowed:
            step = Action.RIBBON
        elif Action.NEXT_PAIR in allowed:
            step = Action.NEXT_PAIR
        elif Action.NEXT_GROUP in allowed:
            step = Action.NEXT_GROUP
        else:
            step = Action.FINISH
        state = advance_ceremony(ceremony, step, actor=organizer)


def _celebrate_again(ceremony: Ceremony, organizer: User) -> None:
    """The people seed puts its pairings back to their listed status; those that received
    the ribbon on stage are celebrated again, so that seeding twice tells the same story."""
    state = ceremony_state(ceremony)
    for pair in state.pairs:
        if pair.pk in state.done and pair.pairing.status == Pairing.Status.ACCEPTED:
            celebrate_pairing(pair.pairing, actor=organizer)


def seed(accounts: dict, people=None, boards=None) -> Event:
    """Create (or bring up to date) the Fuzhou summit; return it.

    Pairings and postings are read from the database, so this runs after the people and
    board seeds whatever they return.
    """
    organizer = accounts["organizer"]
    event = _event(organizer, host_office(organizer))
    desk = seed_cast(event, organizer)
    # The report: "大会邀请了40位行业领域领军人才为'师傅'" — by 求贤帖, with their replies.
    seed_expert_invitations(event, organizer)
    _registrations(event, accounts, desk)
    _postings(event)
    _ceremony(event, organizer)
    return event
