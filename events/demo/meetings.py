"""Demo data: the Fuzhou summit's afternoon 对接会 — "34 roadshow projects matched with 28
enterprises" in the seed report, plus the summit's experts and investors: 120 participants,
12 slots of 20 minutes from 13:30 to 17:30 at 20 tables, requests in every state, the
schedule the scheduler made, no-shows and the follow-ups given after the day.

The summit is a past one (see ``summit``), so the 对接会 is held too; only the first
follow-up round (after the day) has come. Idempotent: the event is keyed on its title, its
rows on natural keys; requests, the schedule and follow-ups are made once.
"""

import random
from datetime import timedelta

from talentbridge.models import User

from ..meetings.services.day import add_slots, add_tables
from ..meetings.services.schedule import schedule_meetings
from ..models import (
    AttendeeCategory,
    Event,
    EventRole,
    Meeting,
    MeetingFollowUp,
    MeetingProfile,
    MeetingRequest,
    Registration,
    Unavailability,
)
from .cast import _account, _event_role

TITLE = "“青蓝接力”主题会 · 下午产才融合对接会"
TABLE_STAFF = ("tables", "tables@demo.talentbridge.cn", "对接区工作人员 郑晓敏")
# (category of the 对接会, the summit's category it draws from, how many)
GROUPS = [
    ("路演项目", "徒弟（创业青年）", 34, AttendeeCategory.Kind.MENTEE),
    ("企业代表", "企业代表", 28, AttendeeCategory.Kind.ENTERPRISE),
    ("专家", "师傅（专家）", 40, AttendeeCategory.Kind.EXPERT),
    ("投资机构", "投资机构", 18, AttendeeCategory.Kind.INVESTOR),
]
FIELDS = [
    ("数字经济", "工业互联网平台与数据中台", "智能制造产线的数字化改造"),
    ("海洋经济", "海洋牧场水质监测与水下传感器", "深远海养殖装备与海洋大数据"),
    ("生物医药", "再生医学与细胞治疗技术", "临床试验合作与医药中试平台"),
    ("先进制造", "铝合金绿色制备与精密加工", "机器视觉检测与工业机器人集成"),
    ("新能源", "锂电储能系统与电池管理", "光伏运维与储能电站项目"),
]
OFFERS = {
    "路演项目": "路演项目：{tech}，已有样机和首批用户，寻求落地晋安区。",
    "企业代表": "企业订单与应用场景：{need}，可提供试点产线和采购。",
    "专家": "技术指导与成果转化：{tech}方向的研究团队与专利。",
    "投资机构": "天使轮至A轮投资，关注{field}赛道，单笔 500–3000 万元。",
}
SEEKS = {
    "路演项目": "寻找{need}方向的企业客户、投资和技术导师。",
    "企业代表": "寻找{tech}方向的专家和创业团队，解决卡脖子技术问题。",
    "专家": "寻找{need}方向的企业合作与青年创业者（徒弟）。",
    "投资机构": "寻找{field}领域的优质路演项目。",
}
# Who asks whom, and how many each: founders ask firms, experts and investors; firms ask
# experts and founders; experts and investors ask a few founders.
ASKS = {
    "路演项目": (("企业代表", "专家", "投资机构"), 5),
    "企业代表": (("专家", "路演项目"), 4),
    "专家": (("企业代表", "路演项目"), 1),
    "投资机构": (("路演项目",), 2),
}
MESSAGES = [
    "您好，我们的方向和贵方需求高度契合，希望在对接会上当面交流。",
    "想了解贵方的应用场景，看看能否开展试点合作。",
    "希望请教技术路线，并探讨成果转化的可能。",
    "我们正在寻找合作伙伴，期待交流。",
]


def _event(summit: Event) -> Event:
    day = summit.starts_at.replace(hour=13, minute=30)
    event, _ = Event.objects.update_or_create(
        title=TITLE,
        defaults={
            "office": summit.office,
            "kind": Event.Kind.MATCHMAKING,
            "status": Event.Status.HELD,
            "starts_at": day,
            "ends_at": day + timedelta(hours=4),
            "venue": "福州海峡会展中心 对接交流区",
            "city": summit.city,
            "host": summit.host,
            "description": "重点企业、高校院所产才融合对接会：34个路演项目与28家企业、"
            "专家和投资机构一对一洽谈，现场搭建对接交流区。",
        },
    )
    return event


def _participants(event: Event, summit: Event, accounts: dict) -> dict[str, list[User]]:
    """The 120 participants by group, drawn from the summit's seated attendees; the demo
    accounts of a founder, a firm and an expert are among them."""
    chosen: dict[str, list[User]] = {}
    seated = Registration.objects.filter(event=summit, status__in=Registration.SEATED)
    for order, (name, source, count, kind) in enumerate(GROUPS):
        category, _ = AttendeeCategory.objects.update_or_create(
            event=event, name=name, defaults={"kind": kind, "capacity": count, "order": order}
        )
        rows = list(
            seated.filter(category__name=source).select_related("user").order_by("pk")[:count]
        )
        users = [row.user for row in rows]
        chosen[name] = users
        for row in rows:
            Registration.objects.update_or_create(
                event=event,
                user=row.user,
                defaults={
                    "category": category,
                    "status": Registration.Status.CHECKED_IN,
                    "organization_name": row.organization_name,
                    "confirmed_at": row.confirmed_at,
                    "checked_in_at": event.starts_at - timedelta(minutes=10),
                },
            )
    for role, group in (("mentee", "路演项目"), ("enterprise", "企业代表"), ("mentor", "专家")):
        if accounts[role] not in chosen[group] and chosen[group]:
            chosen[group][0] = accounts[role]
            Registration.objects.update_or_create(
                event=event,
                user=accounts[role],
                defaults={
                    "category": event.categories.get(name=group),
                    "status": Registration.Status.CHECKED_IN,
                },
            )
    return chosen


def _profiles(event: Event, chosen: dict[str, list[User]]) -> dict[str, list[MeetingProfile]]:
    profiles = {}
    for group, users in chosen.items():
        profiles[group] = []
        for index, user in enumerate(users):
            field, tech, need = FIELDS[(index + len(group)) % len(FIELDS)]
            words = {"field": field, "tech": tech, "need": need}
            profile, _ = MeetingProfile.objects.update_or_create(
                event=event,
                user=user,
                defaults={
                    "offers": OFFERS[group].format(**words),
                    "seeks": SEEKS[group].format(**words),
                    "max_meetings": 6 if group in ("专家", "投资机构") else 8,
                },
            )
            profiles[group].append(profile)
    return profiles


def _requests(event: Event, profiles: dict[str, list[MeetingProfile]]) -> None:
    rng = random.Random(19)  # noqa: S311 - reproducible demo data, not cryptography
    seen: set[frozenset] = set()
    rows = []
    Status = MeetingRequest.Status
    states = [Status.ACCEPTED] * 14 + [Status.PENDING] * 2 + [Status.DECLINED] * 3
    states += [Status.CANCELLED]
    for group, members in profiles.items():
        targets, count = ASKS[group]
        pool = [p for target in targets for p in profiles[target]]
        for profile in members:
            for other in rng.sample(pool, min(count, len(pool))):
                pair = frozenset((profile.pk, other.pk))
                if pair in seen:
                    continue
                seen.add(pair)
                status = rng.choice(states)
                sent = event.starts_at - timedelta(days=rng.randint(1, 12), minutes=len(rows))
                rows.append(
                    MeetingRequest(
                        event=event,
                        requester=profile,
                        recipient=other,
                        message=rng.choice(MESSAGES),
                        priority=rng.random() < 0.1,
                        status=status,
                        created_at=sent,
                        decided_at=sent + timedelta(hours=5) if status != Status.PENDING else None,
                    )
                )
    MeetingRequest.objects.bulk_create(rows)


def _unavailability(event: Event, profiles: dict[str, list[MeetingProfile]]) -> None:
    slots = list(event.meeting_slots.all())
    rows = []
    for index, profile in enumerate(profiles["专家"]):
        if index % 5 == 0:  # some experts speak at the forum from 16:40
            rows += [Unavailability(profile=profile, slot=slot) for slot in slots[-3:]]
    Unavailability.objects.bulk_create(rows, ignore_conflicts=True)


def _after_the_day(event: Event) -> None:
    """No-shows at a few tables, and the follow-ups given the week after."""
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data, not cryptography
    meetings = list(Meeting.objects.filter(request__event=event).select_related("request"))
    answers = []
    Outcome = MeetingFollowUp.Outcome
    outcomes = [Outcome.NONE] * 3 + [Outcome.CONTACT] * 4 + [Outcome.COOPERATION] * 2
    outcomes += [Outcome.CONTRACT]
    for index, meeting in enumerate(meetings):
        if index % 17 == 0:
            meeting.no_show = Meeting.NoShow.RECIPIENT
            continue
        if rng.random() < 0.7:
            outcome = rng.choice(outcomes)
            amount = rng.choice((50, 120, 300, 800)) if outcome == Outcome.CONTRACT else None
            for profile_id in (meeting.request.requester_id, meeting.request.recipient_id):
                answers.append(
                    MeetingFollowUp(
                        meeting=meeting,
                        profile_id=profile_id,
                        stage=MeetingFollowUp.Stage.DAY,
                        outcome=outcome,
                        amount=amount,
                    )
                )
    Meeting.objects.bulk_update(meetings, ["no_show"])
    MeetingFollowUp.objects.bulk_create(answers, ignore_conflicts=True)


def seed(accounts: dict, summit: Event) -> dict[str, User]:
    """Create (or bring up to date) the 对接会; return its demo account (the table staff)."""
    organizer = accounts["organizer"]
    event = _event(summit)
    staff = _account(*TABLE_STAFF[1:])
    if not event.members.filter(user=staff, role=EventRole.MEETINGS).exists():
        _event_role(event, staff, EventRole.MEETINGS, organizer)
    profiles = _profiles(event, _participants(event, summit, accounts))
    if not event.meeting_slots.exists():
        add_slots(
            event, starts_at=event.starts_at, ends_at=event.ends_at, minutes=20, actor=organizer
        )
    if not event.meeting_tables.exists():
        add_tables(event, count=20, prefix="A", actor=organizer)
    if not event.meeting_requests.exists():
        _unavailability(event, profiles)
        _requests(event, profiles)
        # The schedule was made the day before, when the day's slots were still to come.
        schedule_meetings(event, actor=organizer)
        _after_the_day(event)
    return {TABLE_STAFF[0]: staff}
