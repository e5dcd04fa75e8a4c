"""The demo contest: the 2023 Qianshan summit's “千创汇·智崂山” innovation and entrepreneurship
contest of 崂山区委组织部 — 180 entries in three tracks (人工智能, 虚拟现实, 生物医药), 24 judges,
preliminary scores complete, 30 finalists, a final with awards; 小派科技 took a first prize in
the 初创组. Idempotent: nothing is done when the contest exists."""

import random
from datetime import datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.utils import timezone

from talentbridge.demo import DEMO_PASSWORD
from talentbridge.models import Membership, Office, OfficeRole, User

from ..contests.judging import (
    advance_to_final,
    apply_assignment,
    close_round,
    confirm_awards,
    propose_awards,
    show_on_stage,
)
from ..contests.landing import land_entry
from ..contests.ranking import weighted_total
from ..contests.services import create_contest, set_track_judges
from ..models import Contest, Entry, JudgeAssignment, Round, Score

TITLE = "千创汇·智崂山 创新创业大赛（2023）"
OFFICE = ("崂山区委组织部", "山东省青岛市崂山区", "崂山区人才工作主管部门，主办“千山峰会”。")
MANAGER = ("laoshan@demo.talentbridge.cn", "崂山区委组织部 人才科")
JUDGE_EMAIL = "judge{:02d}@demo.talentbridge.cn"
TEAM_EMAIL = "team{:03d}@demo.talentbridge.cn"
XIAOPAI = ("小派科技", "8K 超宽视场虚拟现实头显", "小派科技（上海）有限责任公司", "马涛、冯涛")
TRACKS = {
    "人工智能": ["大模型", "机器视觉", "智能语音", "工业质检", "自动驾驶", "知识图谱"],
    "虚拟现实": ["VR 头显", "数字孪生", "AR 眼镜", "沉浸式文旅", "虚拟拍摄", "空间计算"],
    "生物医药": ["创新药", "基因检测", "医疗器械", "海洋生物", "细胞治疗", "AI 制药"],
}
CITIES = ["山东省青岛市", "北京市", "上海市", "广东省深圳市", "浙江省杭州市", "江苏省南京市"]
NAMES = "海峰启智远澜睿星晨越新创弘博泰瀚卓鼎翼昊"
CRITERIA = [("技术创新性", 30, 10), ("市场前景", 25, 10), ("团队", 25, 10), ("落地可行性", 20, 10)]
PER_TRACK, JUDGES_PER_TRACK, FINALISTS = 60, 8, 10


def _accounts(rows: list[tuple[str, str]]) -> list[User]:
    emails = [email for email, _ in rows]
    existing = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    password = make_password(DEMO_PASSWORD)
    User.objects.bulk_create(
        [User(email=e, name=n, password=password) for e, n in rows if e not in existing]
    )
    by_email = {u.email: u for u in User.objects.filter(email__in=emails)}
    return [by_email[email] for email in emails]


def _entries(contest: Contest, tracks, teams: list[User]) -> list[Entry]:
    rng = random.Random(2023)  # noqa: S311 - demo data, repeatable
    submitted = timezone.make_aware(datetime(2023, 6, 20, 10))
    rows, n = [], 0
    for track in tracks:
        for i in range(PER_TRACK):
            topic = TRACKS[track.name][i % 6]
            name = f"{NAMES[n % 20]}{NAMES[(n * 7 + 3) % 20]}{topic[:2]}科技"
            rows.append(
                Entry(
                    contest=contest,
                    track=track,
                    owner=teams[n],
                    team_name=f"{name}团队",
                    organisation=f"{name}有限公司",
                    members="负责人\n技术总监\n市场总监",
                    project_title=f"{topic}：{name}项目",
                    summary=f"{track.name} · {topic}。",
                    group="初创组" if i % 2 == 0 else "成长组",
                    stage=rng.choice(Entry.Stage.values),
                    region=CITIES[n % len(CITIES)],
                    status=Entry.Status.SUBMITTED,
                    submitted_at=submitted + timedelta(minutes=n),
                    answers={},
                )
            )
            n += 1
    xiaopai = rows[PER_TRACK]  # the first entry of 虚拟现实, 初创组
    xiaopai.team_name, xiaopai.project_title, xiaopai.organisation, xiaopai.members = XIAOPAI
    xiaopai.region = "山东省青岛市"
    return Entry.objects.bulk_create(rows)


def _score_all(round_: Round, criteria, best: Entry, rng: random.Random) -> None:
    sheets = list(JudgeAssignment.objects.filter(round=round_))
    harshness = {}
    scores = []
    for sheet in sheets:
        bias = harshness.setdefault(sheet.judge_id, rng.uniform(-1.5, 1.0))
        quality = 9.6 if sheet.entry_id == best.pk else 4 + (sheet.entry_id * 37 % 50) / 10
        if sheet.pk % 41 == 0 and sheet.entry_id != best.pk:
            quality = 12 - quality  # a judge who sees this entry quite differently
        marks = {
            str(c.pk): max(0.0, min(10.0, round(quality + bias + rng.uniform(-1, 1), 1)))
            for c in criteria
        }
        scores.append(Score(assignment=sheet, marks=marks, total=weighted_total(marks, criteria)))
    Score.objects.bulk_create(scores)


def seed() -> Contest:
    existing = Contest.objects.filter(title=TITLE).first()
    if existing is not None:
        return existing
    office, _ = Office.objects.get_or_create(
        name=OFFICE[0],
        defaults={
            "kind": Office.Kind.ORGANISATION_DEPARTMENT,
            "region": OFFICE[1],
            "description": OFFICE[2],
        },
    )
    (manager,) = _accounts([MANAGER])
    Membership.objects.get_or_create(office=office, user=manager, role=OfficeRole.OWNER)
    judges = _accounts([(JUDGE_EMAIL.format(i), f"评委 {i:02d}") for i in range(1, 25)])
    Membership.objects.bulk_create(
        [Membership(office=office, user=j, role=OfficeRole.JUDGE) for j in judges],
        ignore_conflicts=True,
    )
    contest = create_contest(
        office,
        actor=manager,
        title=TITLE,
        summary="面向人工智能、虚拟现实、生物医药等领域，瞄准携带关键核心技术的人才团队及项目。",
        groups="初创组\n成长组",
        timeline="6月：报名与初赛（线上评审）\n7月：决赛路演（千山峰会现场）",
        prizes="各赛道分组设一等奖、二等奖、三等奖、优秀奖；获奖项目落地崂山享受资金、政策支持。",
        rules="每个项目由 3 位评委评审；评委回避同单位及申报的利益冲突。",
        deadline=timezone.make_aware(datetime(2023, 6, 30, 18)),
        tracks=list(TRACKS),
        criteria=CRITERIA,
    )
    tracks = list(contest.tracks.order_by("position"))
    for i, track in enumerate(tracks):
        panel = judges[i * JUDGES_PER_TRACK : (i + 1) * JUDGES_PER_TRACK]
        set_track_judges(track, panel, actor=manager)
        track.finalists = FINALISTS
    type(tracks[0]).objects.bulk_update(tracks, ["finalists"])
    contest.entries_per_judge = 30
    contest.save(update_fields=["entries_per_judge"])
    teams = _accounts(
        [(TEAM_EMAIL.format(i), f"参赛团队 {i:03d}") for i in range(PER_TRACK * len(tracks))]
    )
    entries = _entries(contest, tracks, teams)
    xiaopai = entries[PER_TRACK]
    criteria = list(contest.criteria.all())
    rng = random.Random(7)  # noqa: S311 - demo data, repeatable
    preliminary = Round.objects.get(contest=contest, kind=Round.Kind.PRELIMINARY)
    apply_assignment(preliminary, actor=manager)
    _score_all(preliminary, criteria, xiaopai, rng)
    final = advance_to_final(contest, actor=manager)
    _score_all(final, criteria, xiaopai, rng)
    show_on_stage(final, xiaopai, actor=manager)
    close_round(final, actor=manager)
    propose_awards(contest, actor=manager)
    confirm_awards(contest, actor=manager)
    # “下一步，‘小派科技’计划将项目落地到崂山区”: the demo shows it landed.
    land_entry(
        xiaopai,
        actor=manager,
        province="山东省",
        city="青岛市",
        county="崂山区",
        landed_on=datetime(2023, 9, 1).date(),
    )
    return contest


def demo_accounts() -> dict[str, User]:
    """The contest's demo accounts by the key ``seed_demo`` prints."""
    emails = {
        "contest-office": MANAGER[0],
        "judge": JUDGE_EMAIL.format(9),
        "contest-team": TEAM_EMAIL.format(PER_TRACK),
    }
    users = {u.email: u for u in User.objects.filter(email__in=emails.values())}
    return {key: users[email] for key, email in emails.items() if email in users}
