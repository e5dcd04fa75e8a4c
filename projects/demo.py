"""Demo boards of the Fuzhou 青蓝接力 summit (seed report 000) at its real size.

53 projects collected (the seven named landing projects of the report first, 19 of them
published for the on-site board), one demand from each of the 28 enterprises of the 揭榜挂帅
session, and claims in every status. Idempotent: postings are keyed on their title, claims
on posting and claimant, accounts on their e-mail address.
"""

from datetime import timedelta

from django.utils import timezone

from mentors.models import Mentee, Mentor, Organization
from talentbridge.models import User

from . import suggestions
from .models import Challenge, Claim, Landing, PostingEvent, Project, RecomputeRun, Status
from .services import build_search_text

PROJECTS_COLLECTED = 53
FUZHOU_JINAN = ("福建省", "福州市", "晋安区")
# Landings recorded down to the town (乡镇/街道) and village (村/社区).
JINAN_HUANXI = (*FUZHOU_JINAN, "宦溪镇", "降虎村")
JINAN_SHOUSHAN = (*FUZHOU_JINAN, "寿山乡", "寿山村")

# The seven highlighted projects: title, expert or poster organisation, claimant
# organisation, fields, status, (province, city, county[, town, village]) of the landing,
# intended investment.
NAMED_PROJECTS = [
    (
        "闸泵站健康状态分析和故障智能诊断技术研发",
        "左明健",
        "四创科技有限公司",
        ["water_conservancy", "artificial_intelligence"],
        Status.LANDED,
        JINAN_HUANXI,
        30_000_000,
    ),
    (
        "“一带一路”梦想驱动成功",
        "福州阿拉丁进出口有限公司",
        "德艺文化创意集团股份有限公司",
        ["cross_border_ecommerce", "cultural_creative"],
        Status.LANDED,
        JINAN_SHOUSHAN,
        12_000_000,
    ),
    (
        "多元信息水域监管系统关键技术及应用",
        "陈思恩",
        "福州柏云信息科技有限公司",
        ["marine_economy", "digital_economy"],
        Status.IN_PROGRESS,
        FUZHOU_JINAN,
        8_000_000,
    ),
    (
        "AI 机器学习模型的应用",
        "王浩",
        "福州柏云信息科技有限公司",
        ["artificial_intelligence", "digital_economy"],
        Status.CLAIMED,
        FUZHOU_JINAN,
        5_000_000,
    ),
    (
        "再生医学中心的建立",
        "齐忠权",
        "福建省妇幼保健院",
        ["medical_care", "biomedicine"],
        Status.LANDED,
        ("福建省", "福州市", "鼓楼区"),
        50_000_000,
    ),
    (
        "吉尔吉斯边境无人机防御系统的推广应用",
        "李晓刚",
        "韦兴有限公司",
        ["unmanned_aerial_vehicle"],
        Status.IN_PROGRESS,
        FUZHOU_JINAN,
        20_000_000,
    ),
    (
        "铝合金绿色制备及数智技术",
        "柯东杰",
        "哈尔滨工业大学",
        ["new_materials", "smart_manufacturing"],
        Status.SOLVED,
        FUZHOU_JINAN,
        40_000_000,
    ),
]

# Generated projects: suffixes appended to an expert's research field.
PROJECT_KINDS = [
    ("产业化项目", Project.Stage.MATURE),
    ("中试平台建设", Project.Stage.PROTOTYPE),
    ("关键技术攻关与成果转化", Project.Stage.PROTOTYPE),
    ("创新团队孵化", Project.Stage.IDEA),
]
# Status of generated projects, cycled: most on the board, some under review or earlier.
PROJECT_STATUSES = [Status.PUBLISHED] * 4 + [
    Status.SUBMITTED,
    Status.DRAFT,
    Status.CLAIMED,
    Status.CLOSED,
]

P = Challenge.ProblemKind
# An enterprise's demand, by its first field: (problem, kind, required expertise).
DEMANDS = {
    "water_conservancy": [
        ("泵站设备故障预警算法优化", P.BOTTLENECK, "故障诊断、机器学习"),
        ("城市供水管网漏损智能监测", P.BOTTLENECK, "智慧水务、传感器"),
    ],
    "artificial_intelligence": [
        ("AI 质检模型小样本训练", P.BOTTLENECK, "机器学习、计算机视觉"),
        ("大模型在客服场景的私有化部署", P.BOTTLENECK, "大模型、自然语言处理"),
    ],
    "cultural_creative": [
        ("文创产品海外品牌建设", P.STARTUP, "品牌营销、跨境电商"),
        ("寿山石文创数字化设计", P.STARTUP, "工业设计、三维建模"),
        ("鼓岭文旅夜游项目策划", P.MANAGEMENT, "文旅策划"),
    ],
    "cross_border_ecommerce": [
        ("跨境电商东南亚物流降本", P.MANAGEMENT, "供应链管理"),
        ("“一带一路”新市场合规出海", P.MANAGEMENT, "国际贸易、合规"),
    ],
    "digital_economy": [
        ("中小企业数字化转型方案", P.STARTUP, "工业互联网、数字孪生"),
        ("海洋大数据平台建设", P.BOTTLENECK, "大数据、云计算"),
        ("台青创业孵化平台数字化运营", P.MANAGEMENT, "平台运营"),
        ("数字孪生城市建模精度提升", P.BOTTLENECK, "数字孪生、GIS"),
    ],
    "medical_care": [
        ("基层医疗骨干培养体系", P.MANAGEMENT, "临床医学、医院管理"),
        ("社区康养服务标准化", P.MANAGEMENT, "康养管理"),
    ],
    "biomedicine": [
        ("抗体药物中试放大", P.BOTTLENECK, "生物制药工艺"),
        ("再生医学临床转化平台", P.BOTTLENECK, "再生医学"),
    ],
    "unmanned_aerial_vehicle": [
        ("无人机反制系统国产化", P.BOTTLENECK, "无线电、飞控"),
        ("边境无人机巡检续航提升", P.BOTTLENECK, "电池、飞控"),
    ],
    "marine_economy": [("深远海养殖网箱抗风浪设计", P.BOTTLENECK, "海洋工程")],
    "smart_manufacturing": [("产线视觉检测良率提升", P.BOTTLENECK, "机器视觉、工业机器人")],
    "new_materials": [
        ("高强铝合金型材热处理工艺", P.BOTTLENECK, "材料科学、热处理"),
        ("锂电正极材料一致性提升", P.BOTTLENECK, "电化学、材料"),
        ("光电薄膜材料国产化", P.BOTTLENECK, "光电材料"),
    ],
    "virtual_reality": [("VR 文旅沉浸式内容制作", P.STARTUP, "虚拟现实、交互设计")],
    "marine_equipment": [("渔船智能化改造", P.BOTTLENECK, "船舶电子、物联网")],
    "precision_instrument": [("光电检测设备国产替代", P.BOTTLENECK, "精密测量、光学")],
    "rural_revitalization": [("生态茶品牌与电商运营", P.STARTUP, "农产品电商")],
    "new_energy": [
        ("储能电池管理系统安全性", P.BOTTLENECK, "电池管理、电力电子"),
        ("锂电配套企业扩产规划", P.MANAGEMENT, "产业规划"),
    ],
    "smart_home_appliance": [("家电语音交互中文识别率", P.BOTTLENECK, "语音识别")],
    "fine_chemicals": [("精细化工安全生产在线监测", P.BOTTLENECK, "化工安全、传感器")],
    "food_processing": [("大蒜深加工与冷链物流", P.STARTUP, "食品工程、冷链")],
}
DEMAND_STATUSES = [Status.PUBLISHED] * 3 + [
    Status.CLAIMED,
    Status.SUBMITTED,
    Status.IN_PROGRESS,
    Status.DRAFT,
]
# Claims on demands, cycled over the claimant experts: statuses in every state.
CLAIM_STATUSES = [Claim.Status.SUBMITTED, Claim.Status.DECLINED, Claim.Status.WITHDRAWN]
CLAIMANT_EXPERTS = ["左明健", "陈思恩", "胡晓惠", "柯东杰", "刘建华", "周立德", "罗振宇", "方俊"]
PROPOSAL = {
    "approach": "组建联合攻关团队，先做现场调研与数据采集，再分阶段研发、试点和推广。",
    "timeline": "3 个月完成方案与原型，12 个月完成试点应用",
    "team": "专家本人牵头，2 名博士、4 名工程师",
    "expected_result": "形成可落地的技术方案和示范工程，关键指标达到行业领先水平。",
}
# Statuses that have been through review, and the ones that have an accepted claim.
REVIEWED = (
    Status.PUBLISHED,
    Status.CLAIMED,
    Status.IN_PROGRESS,
    Status.SOLVED,
    Status.LANDED,
    Status.CLOSED,
)
TAKEN = (Status.CLAIMED, Status.IN_PROGRESS, Status.SOLVED, Status.LANDED)


def _account(email: str, name: str, **roles) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"name": name, **roles})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _representative(organization: Organization, index: int, accounts: dict) -> User:
    """The account that manages an organisation's postings (the demo enterprise's own)."""
    if organization.members.filter(pk=accounts["enterprise"].pk).exists():
        return accounts["enterprise"]
    user = _account(
        f"org{index:02d}@demo.talentbridge.cn", f"{organization.name} 联络人", is_enterprise=True
    )
    organization.members.add(user)
    return user


def _expert_account(mentor: Mentor, accounts: dict) -> User:
    if mentor.user_id:
        return mentor.user
    return _account(
        mentor.email or f"expert-{mentor.pk}@demo.talentbridge.cn", mentor.name, is_mentor=True
    )


def _history(posting, owner: User, organizer: User) -> None:
    """A plausible history for a seeded posting, written once."""
    if posting.history.exists():
        return
    ref = {"project": posting} if isinstance(posting, Project) else {"challenge": posting}
    steps = [(PostingEvent.Action.CREATED, owner, "", Status.DRAFT)]
    if posting.status != Status.DRAFT:
        steps.append((PostingEvent.Action.SUBMITTED, owner, Status.DRAFT, Status.SUBMITTED))
    if posting.status in REVIEWED:
        steps.append((PostingEvent.Action.PUBLISHED, organizer, Status.SUBMITTED, Status.PUBLISHED))
    if posting.status not in (Status.DRAFT, Status.SUBMITTED, Status.PUBLISHED):
        steps.append((PostingEvent.Action.CLAIM_ACCEPTED, owner, Status.PUBLISHED, posting.status))
    for action, actor, from_status, to_status in steps:
        PostingEvent.objects.create(
            **ref, action=action, actor=actor, from_status=from_status, to_status=to_status
        )


def _posting(model, title: str, *, owner: User, poster, fields, status, organizer, **values):
    now = timezone.now()
    poster_fields = {
        "poster_mentor": poster if isinstance(poster, Mentor) else None,
        "poster_mentee": poster if isinstance(poster, Mentee) else None,
        "poster_organization": poster if isinstance(poster, Organization) else None,
    }
    posting, _ = model.objects.update_or_create(
        title=title,
        defaults={
            "owner": owner,
            "status": status,
            "submitted_at": now - timedelta(days=40) if status != Status.DRAFT else None,
            "published_at": now - timedelta(days=30) if status in REVIEWED else None,
            **poster_fields,
            **values,
        },
    )
    posting.fields.set(fields)
    model.objects.filter(pk=posting.pk).update(search_text=build_search_text(posting))
    _history(posting, owner, organizer)
    return posting


def _claim(posting, claimant: User, status: str, *, mentor=None, mentee=None, organization_name=""):
    ref = {"project": posting} if isinstance(posting, Project) else {"challenge": posting}
    decided = status in (Claim.Status.ACCEPTED, Claim.Status.DECLINED)
    claim, _ = Claim.objects.update_or_create(
        **ref,
        claimant=claimant,
        defaults={
            **PROPOSAL,
            "status": status,
            "mentor": mentor,
            "mentee": mentee,
            "organization_name": organization_name,
            "decided_by": posting.owner if decided else None,
            "decided_at": timezone.now() - timedelta(days=10) if decided else None,
            "decision_message": "期待合作！"
            if status == Claim.Status.ACCEPTED
            else (
                "方向与我们的需求不完全一致，感谢参与。" if status == Claim.Status.DECLINED else ""
            ),
        },
    )
    return claim


def _landing(posting, place, amount: int, organizer: User) -> None:
    ref = {"project": posting} if isinstance(posting, Project) else {"challenge": posting}
    Landing.objects.update_or_create(
        **ref,
        defaults={
            "province": place[0],
            "city": place[1],
            "county": place[2],
            "town": place[3] if len(place) > 3 else "",
            "village": place[4] if len(place) > 4 else "",
            "intended_investment": amount,
            "signed_investment": amount // 2,
            "landed_on": timezone.localdate() - timedelta(days=5),
            "recorded_by": organizer,
        },
    )


def _seed_named_projects(people, accounts, reps) -> list[Project]:
    fields, organizations = people["fields"], people["organizations"]
    mentors = people["mentors_by_name"]
    organizer = accounts["organizer"]
    projects = []
    for title, poster_name, claimant_org, tags, status, place, amount in NAMED_PROJECTS:
        poster = mentors.get(poster_name) or organizations[poster_name]
        owner = (
            _expert_account(poster, accounts) if isinstance(poster, Mentor) else reps[poster.name]
        )
        project = _posting(
            Project,
            title,
            owner=owner,
            poster=poster,
            fields=[fields[t] for t in tags],
            status=status,
            organizer=organizer,
            summary=f"{title}：{poster_name}携成熟成果来闽，寻求与本地企业合资合作、落地晋安。",
            details="技术路线、知识产权清单与合作方式详见附件。",
            province=place[0],
            city=place[1],
            county=place[2],
            stage=Project.Stage.MATURE,
            seeks_cofounder=True,
            seeks_landing=True,
            intended_investment=amount,
        )
        organization = organizations[claimant_org]
        claimant = reps.get(claimant_org) or _account(
            f"team-{organization.pk}@demo.talentbridge.cn", f"{claimant_org} 联络人", is_mentee=True
        )
        if claimant_org == "福州柏云信息科技有限公司" and title.startswith("多元"):
            claimant = accounts["mentee"]
        mentee = Mentee.objects.filter(user=claimant).first()
        _claim(
            project, claimant, Claim.Status.ACCEPTED, mentee=mentee, organization_name=claimant_org
        )
        if status == Status.LANDED:
            _landing(project, place, amount, organizer)
        projects.append(project)
    return projects


def _seed_generated_projects(people, accounts, reps, start: int) -> list[Project]:
    fields = people["fields"]
    organizer = accounts["organizer"]
    named_posters = {row[1] for row in NAMED_PROJECTS}
    mentors = [m for m in people["mentors"] if m.name not in named_posters]
    enterprises = people["enterprises"]
    projects = []
    for index in range(PROJECTS_COLLECTED - start):
        mentor = mentors[index % len(mentors)]
        suffix, stage = PROJECT_KINDS[(index // len(mentors)) % len(PROJECT_KINDS)]
        status = PROJECT_STATUSES[index % len(PROJECT_STATUSES)]
        project = _posting(
            Project,
            f"{mentor.research_fields}{suffix}",
            owner=_expert_account(mentor, accounts),
            poster=mentor,
            fields=list(mentor.fields.all()) or [fields["digital_economy"]],
            status=status,
            organizer=organizer,
            summary=f"{mentor.name}（{mentor.title}）团队在{mentor.research_fields}方向的{suffix}，寻求合伙人、投资与落地场地。",
            details="项目阶段、团队构成与合作模式可在对接时进一步沟通。",
            province="福建省",
            city="福州市",
            county="晋安区" if index % 3 else "",
            stage=stage,
            seeks_cofounder=index % 2 == 0,
            seeks_investment=index % 3 != 1,
            seeks_landing=True,
            intended_investment=(index % 9 + 1) * 2_000_000,
            deadline=timezone.localdate() + timedelta(days=7 + index % 40),
        )
        if status in REVIEWED and status != Status.CLOSED:
            enterprise = enterprises[index % len(enterprises)]
            claim_status = Claim.Status.ACCEPTED if status in TAKEN else CLAIM_STATUSES[index % 3]
            _claim(project, reps[enterprise.name], claim_status, organization_name=enterprise.name)
        projects.append(project)
    return projects


def _seed_demands(people, accounts, reps) -> list[Challenge]:
    organizer = accounts["organizer"]
    mentors = people["mentors_by_name"]
    experts = [
        (mentors[name], _expert_account(mentors[name], accounts)) for name in CLAIMANT_EXPERTS
    ]
    used: set[str] = set()
    demands = []
    for index, enterprise in enumerate(people["enterprises"]):
        tags = list(enterprise.fields.all())
        options = [option for t in tags for option in DEMANDS.get(t.slug, [])]
        problem, kind, expertise = next((o for o in options if o[0] not in used), options[0])
        title = problem if problem not in used else f"{problem}（{enterprise.name}）"
        used.add(problem)
        status = DEMAND_STATUSES[index % len(DEMAND_STATUSES)]
        if enterprise.name == "四创科技有限公司":
            status = Status.PUBLISHED
        owner = reps[enterprise.name]
        demand = _posting(
            Challenge,
            title,
            owner=owner,
            poster=enterprise,
            fields=tags,
            status=status,
            organizer=organizer,
            summary=f"{enterprise.name}面临“{problem}”难题，诚邀专家揭榜挂帅，提供解决方案并共同实施。",
            details="现有基础、数据条件与验收指标见附件；可提供试点场地。",
            confidential=index % 5 == 0,
            province=enterprise.province,
            city=enterprise.city,
            county=enterprise.county,
            problem_kind=kind,
            required_expertise=expertise,
            reward_min=(index % 5 + 1) * 100_000,
            reward_max=(index % 5 + 3) * 100_000,
            reward_negotiable=index % 4 == 0,
            slots=1 + index % 2,
            deadline=timezone.localdate() + timedelta(days=3 + index * 2),
        )
        if status in REVIEWED:
            for offset in range(3):
                mentor, user = experts[(index + offset) % len(experts)]
                if user == owner:
                    continue
                claim_status = CLAIM_STATUSES[(index + offset) % 3]
                if offset == 0 and status in TAKEN:
                    claim_status = Claim.Status.ACCEPTED
                _claim(demand, user, claim_status, mentor=mentor)
        demands.append(demand)
    return demands


def seed(accounts: dict[str, User], people: dict) -> dict:
    """Create (or bring up to date) the summit's boards; return them for later seeders."""
    reps = {
        organization.name: _representative(organization, index, accounts)
        for index, organization in enumerate(people["enterprises"], start=1)
    }
    projects = _seed_named_projects(people, accounts, reps)
    projects += _seed_generated_projects(people, accounts, reps, start=len(projects))
    demands = _seed_demands(people, accounts, reps)
    return {"projects": projects, "challenges": demands}


def seed_suggestions() -> RecomputeRun:
    """Compute every suggestion list of the demo data in-process, as one finished run.

    Runs last, once pairings exist, so capacities are current; re-running rewrites the same
    lists. Profile-change tasks queued by the seeding find the run newer than the profiles and
    skip their work.
    """
    run = RecomputeRun.objects.create()
    for kind, ids in suggestions.plan_full_recompute(run):
        suggestions.recompute_chunk(run.pk, kind, ids)
    run.refresh_from_db()
    return run
