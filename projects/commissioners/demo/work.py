"""The commissioners' year of work in the demo: dispatches, whistle requests, the 568 service
records and the 25 needs distilled into demands, each written once (see the package)."""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from projects.demo.rows import expert_account, upsert_claim, upsert_posting
from projects.models import Challenge, Claim, Status
from talentbridge.models import Office, User

from ..models import DemandDraft, Dispatch, ServiceRecord, WhistleRequest
from .data import (
    ACKNOWLEDGE_HOURS,
    CHAIN_OF_FIRM,
    CLOSE_HOURS,
    COMMISSIONERS,
    DRAFTS,
    INDUSTRIES,
    KEY_PROJECTS,
    NEED_OF_FINDING,
    PARTICIPANTS,
    RECORDS,
    SERVICE_YEAR_END,
)

END = SERVICE_YEAR_END
START = END - timedelta(days=365)
# Key-project dispatches that ended before the year was over, and when.
ENDED = 3
ENDED_ON = date(2026, 8, 31)


def _moment(day: date, hours: float = 0) -> datetime:
    """``hours`` after 9:00 on ``day``, in the portal's time zone."""
    return timezone.make_aware(datetime.combine(day, time(9)) + timedelta(hours=hours))


def _need(dispatch: Dispatch, number: int) -> tuple[str, str, str, str]:
    chain = CHAIN_OF_FIRM[dispatch.organization.name]
    return INDUSTRIES[chain][3][number]


def seed_dispatches(office: Office, commissioners, firms, manager: User) -> list[Dispatch]:
    """Each firm gets the least busy commissioner sharing one of its fields; 12 firms get a
    second one for a key project, three of which ended in the summer."""
    load = dict.fromkeys(range(len(commissioners)), 0)
    plan = []
    for index in range(len(firms)):
        tags = set(INDUSTRIES[index // 10][0])
        fits = [c for c, row in enumerate(COMMISSIONERS) if tags & set(row[3])]
        fits.sort(key=lambda c: (load[c], (c - index) % len(commissioners)))
        plan.append((index, fits[0], ""))
        load[fits[0]] += 1
        if index % 8 == 3 and len(fits) > 1:
            plan.append((index, fits[1], KEY_PROJECTS[index // 8 % len(KEY_PROJECTS)]))
            load[fits[1]] += 1
    existing = set(
        Dispatch.objects.filter(office=office).values_list("commissioner", "organization")
    )
    new = []
    key_projects = 0
    for index, commissioner, key_project in plan:
        ended = bool(key_project) and key_projects < ENDED
        key_projects += bool(key_project)
        user, firm = commissioners[commissioner], firms[index]
        if (user.pk, firm.pk) in existing:
            continue
        new.append(
            Dispatch(
                office=office,
                commissioner=user,
                organization=firm,
                key_project=key_project,
                starts_on=START - timedelta(days=30 - index % 30),
                ends_on=ENDED_ON if ended else None,
                status=Dispatch.Status.ENDED if ended else Dispatch.Status.ACTIVE,
                source=[Dispatch.Source.MANUAL, Dispatch.Source.SUGGESTED][index % 2],
                created_by=manager,
                ended_at=_moment(ENDED_ON) if ended else None,
            )
        )
    Dispatch.objects.bulk_create(new)
    return list(
        Dispatch.objects.filter(office=office)
        .select_related("organization", "commissioner")
        .order_by("pk")
    )


# Whistle requests: (days before the end of the year, hours until acknowledged, hours until
# closed), None for a step not taken yet: 28 closed, 6 being handled, 6 awaiting
# acknowledgement. Deadlines are 24 h and 120 h, so some are late and some overdue.
WHISTLE_TIMES = [
    *((300 - 9 * n, 2 + n % 9, 30 + 3 * n) for n in range(22)),
    (200, 30, 100), (180, 28, 110), (150, 40, 150), (120, 26, 200), (90, 5, 140), (60, 12, 170),
    (5, 3, None), (4, 20, None), (3, 30, None), (3, 6, None), (2, 2, None), (2, 9, None),
    (1.5, None, None), (1.2, None, None), (0.5, None, None), (0.4, None, None),
    (0.2, None, None), (0.1, None, None),
]  # fmt: skip


def _escalations(whistle: WhistleRequest, now: datetime) -> None:
    """The escalations the deadline check sent at the time, for deadlines already missed."""
    missed_ack = whistle.acknowledged_at is None or whistle.acknowledged_at > whistle.acknowledge_by
    if missed_ack and whistle.acknowledge_by < now:
        whistle.acknowledge_escalated_at = whistle.acknowledge_by + timedelta(minutes=5)
    missed_close = whistle.closed_at is None or whistle.closed_at > whistle.close_by
    if missed_close and whistle.close_by < now:
        whistle.close_escalated_at = whistle.close_by + timedelta(minutes=5)


def seed_whistles(office: Office, dispatches: list[Dispatch], reps) -> list[WhistleRequest]:
    serving = [d for d in dispatches if d.status == Dispatch.Status.ACTIVE]
    existing = set(
        WhistleRequest.objects.filter(office=office).values_list("organization", "raised_at")
    )
    now = timezone.now()
    new = []
    for number, (days_before, acknowledged, closed) in enumerate(WHISTLE_TIMES):
        dispatch = serving[(number * 7) % len(serving)]
        raised = _moment(END) - timedelta(days=days_before)
        if (dispatch.organization_id, raised) in existing:
            continue
        finding = _need(dispatch, number % 3)[0]
        whistle = WhistleRequest(
            office=office,
            organization_id=dispatch.organization_id,
            key_project=dispatch.key_project,
            title=finding.split("，")[0],
            details=f"{finding}。请专员尽快到企业对接。",
            urgency="urgent" if number % 5 == 0 else "normal",
            raised_by=reps[dispatch.organization_id],
            raised_at=raised,
            commissioner_id=dispatch.commissioner_id,
            acknowledge_by=raised + timedelta(hours=ACKNOWLEDGE_HOURS),
            close_by=raised + timedelta(hours=CLOSE_HOURS),
            status="closed" if closed else "acknowledged" if acknowledged else "open",
            acknowledged_at=raised + timedelta(hours=acknowledged) if acknowledged else None,
            closed_at=raised + timedelta(hours=closed) if closed else None,
            resolution="专员带团队到企业现场对接，问题已协调解决。" if closed else "",
        )
        _escalations(whistle, now)
        new.append(whistle)
    WhistleRequest.objects.bulk_create(new)
    return list(
        WhistleRequest.objects.filter(office=office)
        .select_related("organization")
        .order_by("raised_at", "pk")
    )


@dataclass
class RecordPlan:
    dispatch: Dispatch
    served_on: date
    need: int
    whistle: WhistleRequest | None = None


def _plan_records(dispatches: list[Dispatch], whistles) -> list[RecordPlan]:
    """568 visits and calls: one answering each closed request, the rest spread over the year
    and the dispatches, never outside a dispatch's period."""
    by_pair = {(d.commissioner_id, d.organization_id): d for d in dispatches}
    plans = [
        RecordPlan(
            by_pair[(w.commissioner_id, w.organization_id)],
            timezone.localdate(w.closed_at),
            number % 3,
            w,
        )
        for number, w in enumerate(whistles)
        if w.closed_at is not None
    ]
    rng = random.Random(568)  # noqa: S311 - reproducible demo data, not cryptography
    number = 0
    while len(plans) < RECORDS:
        dispatch = dispatches[number % len(dispatches)]
        last = min(dispatch.ends_on or END, END - timedelta(days=1))
        day = START + timedelta(days=rng.randrange((last - START).days + 1))
        plans.append(RecordPlan(dispatch, day, rng.randrange(3)))
        number += 1
    return plans


def seed_records(office: Office, dispatches, whistles, reps) -> list[ServiceRecord]:
    existing = set(ServiceRecord.objects.filter(office=office).values_list("dispatch", "findings"))
    rng = random.Random(2026)  # noqa: S311 - reproducible demo data, not cryptography
    counts: dict[int, int] = {}
    new = []
    for plan in _plan_records(dispatches, whistles):
        dispatch = plan.dispatch
        counts[dispatch.pk] = counts.get(dispatch.pk, 0) + 1
        finding, action, _title, _expertise = _need(dispatch, plan.need)
        findings = f"第{counts[dispatch.pk]}次服务：{finding}。"
        visit = plan.whistle is not None or rng.random() < 0.72
        online = not visit or rng.random() < 0.1
        recent = (END - plan.served_on).days <= 10
        disputed = not recent and rng.random() < 0.04
        if (dispatch.pk, findings) in existing:
            continue
        new.append(
            ServiceRecord(
                office=office,
                dispatch=dispatch,
                commissioner_id=dispatch.commissioner_id,
                organization_id=dispatch.organization_id,
                whistle=plan.whistle,
                kind="visit" if visit else "call",
                mode="online" if online else "on_site",
                served_on=plan.served_on,
                duration_minutes=rng.choice([60, 90, 120, 150, 180]) if visit else 30,
                participants=PARTICIPANTS[counts[dispatch.pk] % len(PARTICIPANTS)],
                findings=findings,
                actions=f"{action}。",
                status="submitted" if recent else "disputed" if disputed else "confirmed",
                response="时长与参加人员有出入，请核对。" if disputed else "",
                responded_by=None if recent else reps[dispatch.organization_id],
                responded_at=None if recent else _moment(plan.served_on, 30),
            )
        )
    ServiceRecord.objects.bulk_create(new)
    return list(
        ServiceRecord.objects.filter(office=office)
        .select_related("organization", "dispatch", "commissioner")
        .order_by("served_on", "pk")
    )


# What became of the 25 drafts, in order: 3 await the firm, 2 were declined, and 20 were
# submitted as demands, which then reached these statuses on the board.
DRAFT_FATES = (
    ["draft"] * 3
    + ["declined"] * 2
    + [Status.SUBMITTED] * 3
    + [Status.PUBLISHED] * 8
    + [Status.CLAIMED] * 3
    + [Status.IN_PROGRESS] * 2
    + [Status.SOLVED] * 4
)
TAKEN = (Status.CLAIMED, Status.IN_PROGRESS, Status.SOLVED)
DECIDED = ["status", "decline_reason", "decided_by", "decided_at"]


def _draft_sources(records: list[ServiceRecord]) -> list[ServiceRecord]:
    """25 confirmed records, each a different need of a different firm."""
    chosen: dict[tuple[int, int], ServiceRecord] = {}
    firms = set()
    for record in records:
        need = NEED_OF_FINDING.get(record.findings.split("：", 1)[-1].rstrip("。"))
        if (
            need is None
            or need in chosen
            or record.organization_id in firms
            or record.whistle_id is not None
            or record.status != ServiceRecord.Status.CONFIRMED
        ):
            continue
        chosen[need] = record
        firms.add(record.organization_id)
    order = sorted(chosen, key=lambda need: (need[1], need[0]))
    return [chosen[need] for need in order][:DRAFTS]


def seed_drafts(records, reps, manager: User, people: dict, accounts) -> list[DemandDraft]:
    experts = people["mentors"]
    drafts = []
    for number, (record, fate) in enumerate(
        zip(_draft_sources(records), DRAFT_FATES, strict=False)
    ):
        chain, need = NEED_OF_FINDING[record.findings.split("：", 1)[-1].rstrip("。")]
        finding, action, title, expertise = INDUSTRIES[chain][3][need]
        firm, rep = record.organization, reps[record.organization_id]
        tags = list(firm.fields.all())
        draft, created = DemandDraft.objects.get_or_create(
            record=record,
            defaults={
                "title": title,
                "summary": f"{firm.name}：{finding}，需要{expertise}方面的专家揭榜攻关。",
                "details": f"专员走访记录：{action}。",
                "required_expertise": expertise,
                "drafted_by_id": record.commissioner_id,
                "created_at": _moment(record.served_on, 32),
            },
        )
        if created:
            draft.fields.set(tags)
        drafts.append(draft)
        if fate == "draft" or draft.status != DemandDraft.Status.DRAFT:
            continue
        draft.decided_by, draft.decided_at = rep, _moment(record.served_on, 72)
        if fate == "declined":
            draft.status = DemandDraft.Status.DECLINED
            draft.decline_reason = "企业已自行解决，暂不发布需求。"
        else:
            draft.status = DemandDraft.Status.SUBMITTED
            draft.challenge = _demand(draft, firm, rep, fate, tags, manager)
            _claims(draft.challenge, fate, experts[number % len(experts)], accounts)
        draft.save(
            update_fields=["status", "decline_reason", "challenge", "decided_by", "decided_at"]
        )
    return drafts


def _demand(draft: DemandDraft, firm, rep: User, status: str, tags, manager: User) -> Challenge:
    return upsert_posting(
        Challenge,
        draft.title,
        owner=rep,
        poster=firm,
        fields=tags,
        status=status,
        organizer=manager,
        summary=draft.summary,
        details=draft.details,
        province=firm.province,
        city=firm.city,
        county=firm.county,
        problem_kind=Challenge.ProblemKind.BOTTLENECK,
        required_expertise=draft.required_expertise,
        reward_negotiable=True,
        office_id=draft.record.office_id,
    )


def _claims(challenge: Challenge, status: str, mentor, accounts) -> None:
    """An accepted claim for a demand taken on, an open one on some published demands."""
    if status in TAKEN:
        upsert_claim(
            challenge, expert_account(mentor, accounts), Claim.Status.ACCEPTED, mentor=mentor
        )
    elif status == Status.PUBLISHED and challenge.pk % 3 == 0:
        upsert_claim(
            challenge, expert_account(mentor, accounts), Claim.Status.SUBMITTED, mentor=mentor
        )
