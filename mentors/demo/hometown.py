"""Demo of 金乡县's hometown programme (seed report 002): the 顾问之家 office with a manager
and two liaisons, 60 金乡籍 experts (CAS, Tsinghua and others) whose hometowns spread over
金乡县 and its towns, the roster with tags, readiness and a contact log, 60 appointments as
高质量发展顾问 with their certificates, and local firms in the county's "3+1+1" industries.

Idempotent: keyed on natural keys; rows that exist are left as they are.
"""

from datetime import timedelta

from django.utils import timezone

from talentbridge.certificates import save_certificate_template
from talentbridge.demo import DEMO_PASSWORD
from talentbridge.models import Membership, Office, OfficeRole, Region, User

from ..hometown.models import Appointment, ContactLog, RosterEntry
from ..hometown.services import add_to_roster, appoint_adviser, log_contact
from ..models import IndustryChain, Mentor, Organization
from ..services import save_mentor, save_organization

OFFICE = "金乡县顾问之家"
COUNTY = ("山东省", "济宁市", "金乡县")
TITLE = "高质量发展顾问"
EXPERTS = 60
ACCOUNTS = {
    "hometown manager": ("jinxiang@demo.talentbridge.cn", "刘冬梅", OfficeRole.MANAGER),
    "liaison": ("liaison@demo.talentbridge.cn", "联络员 孔祥云", OfficeRole.LIAISON),
    "liaison2": ("liaison2@demo.talentbridge.cn", "联络员 周敏", OfficeRole.LIAISON),
}
# The county's "3+1+1" industries: slug, Chinese, English.
INDUSTRIES = [
    ("high_end_chemicals", "高端化工", "High-end chemicals"),
    ("new_materials", "新材料", "New materials"),
    ("high_end_equipment", "高端装备", "High-end equipment"),
    ("garlic_food", "大蒜及食品加工", "Garlic and food processing"),
    ("cold_chain", "农产品冷链物流", "Cold-chain logistics of farm produce"),
]
FIRMS = [
    ("金乡县鲁西南化工科技有限公司", "high_end_chemicals", "精细化工中间体与高端化学品"),
    ("金乡县华光新材料有限公司", "new_materials", "锂电池隔膜与高分子新材料"),
    ("金乡县恒力高端装备制造有限公司", "high_end_equipment", "农产品加工装备与智能产线"),
    ("金乡县蒜香源食品有限公司", "garlic_food", "黑蒜、蒜粉与大蒜素深加工"),
    ("金乡县金蒜冷链物流有限公司", "cold_chain", "大蒜冷库与农产品冷链配送"),
    ("金乡县凯盛化学有限公司", "high_end_chemicals", "化工新材料与绿色工艺"),
    ("金乡县宏达机械有限公司", "high_end_equipment", "大蒜播种收获机械"),
    ("金乡县绿源农产品有限公司", "garlic_food", "大蒜出口与食品安全检测"),
]
AFFILIATIONS = [
    ("中国科学院", Organization.Kind.INSTITUTE, "北京"),
    ("清华大学", Organization.Kind.UNIVERSITY, "北京"),
    ("北京大学", Organization.Kind.UNIVERSITY, "北京"),
    ("中国农业大学", Organization.Kind.UNIVERSITY, "北京"),
    ("山东大学", Organization.Kind.UNIVERSITY, "济南"),
    ("浙江大学", Organization.Kind.UNIVERSITY, "杭州"),
    ("上海交通大学", Organization.Kind.UNIVERSITY, "上海"),
    ("天津大学", Organization.Kind.UNIVERSITY, "天津"),
    ("中国石油大学（华东）", Organization.Kind.UNIVERSITY, "青岛"),
    ("南京农业大学", Organization.Kind.UNIVERSITY, "南京"),
]
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = [
    "建国",
    "立新",
    "春雷",
    "振东",
    "玉芹",
    "海涛",
    "文博",
    "晓东",
    "丽华",
    "志强",
    "国庆",
    "明远",
    "秀兰",
    "德胜",
    "思远",
    "红梅",
    "永刚",
    "佳琪",
    "雪峰",
    "安平",
]
TITLES = ["研究员", "教授", "副研究员", "副教授", "首席科学家", "高级工程师"]
TAGS = ["博士联盟", "返乡创业", "蒜小宝驿站", "", "博士联盟,返乡创业"]
NOTES = [
    "电话联系，邀请参加4月7日科技赋能大会，已确认出席。",
    "微信沟通家乡企业的技术需求，愿意对接大蒜深加工企业。",
    "春节返乡走访，介绍顾问之家与博士联盟工作站。",
]


def seed(people: dict) -> dict[str, User]:
    """Create the programme; return its demo accounts by role."""
    accounts = _accounts()
    office, _ = Office.objects.get_or_create(
        name=OFFICE,
        defaults={
            "kind": Office.Kind.HOMETOWN,
            "region": "".join(COUNTY),
            "description": "金乡籍在外人才“一录、一库、一书”联系联络机制。",
        },
    )
    roles = [(u, ACCOUNTS[role][2]) for role, u in accounts.items()]
    for user, role in roles:
        Membership.objects.get_or_create(office=office, user=user, role=role)
    manager = accounts["hometown manager"]
    if not office.certificate_templates.filter(kind="appointment").exists():
        save_certificate_template(
            office,
            "appointment",
            language="zh-hans",
            heading="聘任证书",
            body="兹聘请{holder}同志为{office}{title}，聘期自{start}至{end}。",
            signature="中共金乡县委人才工作领导小组",
            actor=manager,
        )
    fields = _industries()
    _firms(fields)
    mentors = _experts(fields, people)
    _roster(office, mentors, manager, [accounts["liaison"], accounts["liaison2"]])
    _appointments(office, mentors, manager)
    return accounts


def _accounts() -> dict[str, User]:
    accounts = {}
    for role, (email, name, _role) in ACCOUNTS.items():
        user, created = User.objects.get_or_create(email=email, defaults={"name": name})
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save(update_fields=["password"])
        accounts[role] = user
    return accounts


def _industries() -> dict[str, IndustryChain]:
    fields = {}
    for order, (slug, zh, en) in enumerate(INDUSTRIES, start=1):
        fields[slug], _ = IndustryChain.objects.get_or_create(
            slug=slug, defaults={"name_zh": zh, "name_en": en, "order": 200 + order}
        )
    return fields


def _firms(fields: dict) -> None:
    existing = set(
        Organization.objects.filter(name__in=[f[0] for f in FIRMS]).values_list("name", flat=True)
    )
    for name, slug, description in FIRMS:
        if name in existing:
            continue
        firm = Organization(
            name=name,
            kind=Organization.Kind.ENTERPRISE,
            province=COUNTY[0],
            city=COUNTY[1],
            county=COUNTY[2],
            size=Organization.Size.MEDIUM,
            description=description,
        )
        save_organization(firm, actor=None, fields=[fields[slug]])


def _experts(fields: dict, people: dict) -> list[Mentor]:
    """The county's natives: those the summit demo already has, then generated ones."""
    towns = list(Region.objects.filter(parent__code="370828").values_list("name", flat=True))
    slugs = list(fields)
    natives = list(Mentor.objects.filter(region__code__startswith="370828").order_by("pk"))
    existing = {m.name for m in natives}
    affiliations = _affiliations()
    n = 0
    # Each surname meets every given name once before any pair repeats.
    while len(natives) < EXPERTS and n < len(SURNAMES) * len(GIVEN):
        given = GIVEN[(n * 7 + n // len(SURNAMES)) % len(GIVEN)]
        name = f"{SURNAMES[n % len(SURNAMES)]}{given}"
        n += 1
        if name in existing:
            continue
        existing.add(name)
        affiliation, city = affiliations[n % len(affiliations)]
        town = towns[n % len(towns)] if towns else ""
        mentor = Mentor(
            name=name,
            title=TITLES[n % len(TITLES)],
            affiliation=affiliation,
            province=COUNTY[0],
            city=COUNTY[1],
            county=f"{COUNTY[2]}{town}",
            current_city=city,
            research_fields=fields[slugs[n % len(slugs)]].name_zh,
            languages="zh",
            capacity=1 + n % 3,
        )
        picked = [fields[slugs[n % len(slugs)]], fields[slugs[(n + 2) % len(slugs)]]]
        natives.append(save_mentor(mentor, actor=None, fields=picked))
    return natives[:EXPERTS]


def _affiliations() -> list[tuple[Organization, str]]:
    rows = []
    for name, kind, city in AFFILIATIONS:
        organization = Organization.objects.filter(name=name).first()
        if organization is None:
            organization = save_organization(Organization(name=name, kind=kind), actor=None)
        rows.append((organization, city))
    return rows


def _roster(office: Office, mentors: list[Mentor], manager: User, liaisons: list[User]) -> None:
    on_roster = set(RosterEntry.objects.filter(office=office).values_list("mentor_id", flat=True))
    today = timezone.localdate()
    for i, mentor in enumerate(mentors):
        if mentor.pk in on_roster:
            continue
        entry = add_to_roster(
            office,
            mentor,
            actor=manager,
            liaison=liaisons[i % len(liaisons)],
            tags=TAGS[i % len(TAGS)],
            willing_to_advise=True,
            willing_to_return=i % 4 == 0,
            willing_to_invest=i % 6 == 0,
        )
        if ContactLog.objects.filter(entry=entry).exists():
            continue
        for k in range(1 + i % 2):
            day = today - timedelta(days=40 - 15 * k + i % 9)
            log_contact(
                entry,
                contacted_on=day,
                channel=("phone", "wechat", "visit")[(i + k) % 3],
                note=NOTES[(i + k) % len(NOTES)],
                next_contact_on=day + timedelta(days=30 + i % 20),
                actor=liaisons[i % len(liaisons)],
            )


def _appointments(office: Office, mentors: list[Mentor], manager: User) -> None:
    appointed = set(
        Appointment.objects.filter(office=office, title=TITLE).values_list("mentor_id", flat=True)
    )
    today = timezone.localdate()
    start = today - timedelta(days=30)
    for i, mentor in enumerate(mentors):
        if mentor.pk in appointed:
            continue
        # A few terms end soon, so the register shows what needs renewing.
        end = start + timedelta(days=60 if i % 15 == 0 else 3 * 365 - 1)
        appoint_adviser(office, mentor, term_start=start, term_end=end, actor=manager, title=TITLE)
