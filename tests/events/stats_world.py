"""A small world whose figures are counted by hand in the comments, for the statistics and
export tests. Everything is built explicitly: no count depends on a factory default."""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from events.models import Ceremony, EventPosting, Registration, Session
from mentors.models import Mentee, Organization, Pairing
from projects.models import Claim, Landing, Status
from tests.factories import (
    AttendeeCategoryFactory,
    ChallengeFactory,
    EventFactory,
    HonourFactory,
    IndustryChainFactory,
    MenteeFactory,
    MentorFactory,
    OrganizationFactory,
    ProjectFactory,
    RegistrationFactory,
    UserFactory,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
DAY1 = datetime(2026, 11, 1, 10, tzinfo=SHANGHAI)
DAY2 = datetime(2026, 11, 3, 15, tzinfo=SHANGHAI)
LONG_AGO = datetime(2020, 1, 1, 9, tzinfo=SHANGHAI)


@dataclass
class World:
    items: dict = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.items[name]
        except KeyError as error:
            raise AttributeError(name) from error


def build_world(organizer) -> World:
    """The event ``event`` run by ``organizer`` and a few things outside it.

    Event mentors: mA (academician), mB (leading talent, lives in Germany), mC (academician
    and leading talent), mE (leading talent) — mD is in no event. Event mentees: meA
    (founder), meB (team). Event organisations: host H (government), O1 and O2 (enterprises).
    Event postings: P1 (published, on site, roadshow), P2 (landed in 晋安区), C1 (demand in
    progress, on site). Outside: P3 (solved, landed in 金乡县), C2 (draft).
    """
    w = {}
    w["F1"] = IndustryChainFactory(slug="f-digital", name_zh="数字经济", name_en="Digital")
    w["F2"] = IndustryChainFactory(slug="f-marine", name_zh="海洋经济", name_en="Marine")
    academician = HonourFactory(
        slug="h-academician", name_zh="院士", name_en="Academician", level=1
    )
    leading = HonourFactory(slug="h-leading", name_zh="领军人才", name_en="Leading talent", level=4)
    w["H"] = OrganizationFactory(name="福州市人民政府", kind=Organization.Kind.GOVERNMENT)
    w["O1"] = OrganizationFactory(name="福州柏云信息科技有限公司")
    w["O2"] = OrganizationFactory(name="四创科技有限公司")
    w["O3"] = OrganizationFactory(
        name="济宁学院", kind=Organization.Kind.UNIVERSITY, province="山东省", city="济宁市"
    )
    event = EventFactory(title="青蓝接力统计测试会", organizers=[organizer], host=w["H"])
    w["event"] = event
    w["other_event"] = EventFactory(title="另一场大会", host=w["O3"])

    def mentor(key, honours, fields, place, country="中国", current="福州", **extra):
        made = MentorFactory(
            name=key,
            province=place[0],
            city=place[1],
            county=place[2],
            country=country,
            current_city=current,
            **extra,
        )
        made.honours.set(honours)
        made.fields.set(fields)
        w[key] = made
        return made

    mentor("mA", [academician], [w["F1"]], ("福建省", "福州市", "晋安区"), phone="+8613900000001")
    mentor("mB", [leading], [w["F2"]], ("福建省", "福州市", ""), country="德国", current="慕尼黑")
    mentor("mC", [academician, leading], [w["F1"]], ("山东省", "济宁市", "金乡县"), current="北京")
    mentor("mD", [], [w["F2"]], ("福建省", "厦门市", ""), created_at=LONG_AGO)
    mentor("mE", [leading], [w["F2"]], ("福建省", "南平市", ""))
    w["meA"] = MenteeFactory(name="meA", kind=Mentee.Kind.FOUNDER, organization=w["O1"])
    w["meB"] = MenteeFactory(name="meB", kind=Mentee.Kind.TEAM, organization=None)
    w["meC"] = MenteeFactory(name="meC", kind=Mentee.Kind.RETURNING_YOUTH, organization=None)

    # Postings.
    start = timezone.now()
    roadshow = Session.objects.create(
        event=event,
        kind=Session.Kind.PROJECT_SHARING,
        title="项目分享会",
        starts_at=start,
        ends_at=start + timedelta(hours=1),
    )
    w["P1"] = ProjectFactory(
        title='=HYPERLINK("http://x")', owner=w["mB"].user, poster_mentor=w["mB"]
    )
    w["P2"] = ProjectFactory(
        title="闸泵站诊断", owner=w["mA"].user, poster_mentor=w["mA"], status=Status.LANDED
    )
    w["P3"] = ProjectFactory(
        title="大蒜深加工",
        owner=w["mD"].user,
        poster_mentor=w["mD"],
        status=Status.SOLVED,
        province="山东省",
        city="济宁市",
    )
    w["C1"] = ChallengeFactory(
        title="水域监管需求", poster_organization=w["O2"], status=Status.IN_PROGRESS
    )
    w["C2"] = ChallengeFactory(
        title="草稿需求", poster_organization=w["O3"], status=Status.DRAFT, published_at=None
    )
    w["P1"].fields.set([w["F2"]])
    w["P2"].fields.set([w["F1"]])
    w["P3"].fields.set([w["F2"]])
    w["C1"].fields.set([w["F1"]])
    EventPosting.objects.create(
        event=event, project=w["P1"], posted_on_site=True, session=roadshow, slot_order=1
    )
    EventPosting.objects.create(event=event, project=w["P2"])
    EventPosting.objects.create(event=event, challenge=w["C1"], posted_on_site=True)
    Landing.objects.create(
        project=w["P2"],
        province="福建省",
        city="福州市",
        county="晋安区",
        intended_investment=30_000_000,
        signed_investment=10_000_000,
        landed_on=date(2026, 11, 5),
    )
    Landing.objects.create(
        project=w["P3"],
        province="山东省",
        city="济宁市",
        county="金乡县",
        intended_investment=5_000_000,
        landed_on=date(2025, 6, 1),
    )

    # Pairings: PR1 on the ceremony, PR2 through the accepted claim on C1; PR3, PR4 outside.
    now = timezone.now()
    w["PR1"] = Pairing.objects.create(
        mentor=w["mE"], mentee=w["meB"], status=Pairing.Status.ACCEPTED, accepted_at=now
    )
    w["PR2"] = Pairing.objects.create(
        mentor=w["mC"],
        mentee=w["meA"],
        status=Pairing.Status.CELEBRATED,
        accepted_at=now,
        celebrated_at=now,
    )
    Pairing.objects.create(mentor=w["mD"], mentee=w["meC"], status=Pairing.Status.DISSOLVED)
    Pairing.objects.create(mentor=w["mA"], mentee=w["meC"], status=Pairing.Status.PROPOSED)
    ceremony = Ceremony.objects.create(event=event, title="对接仪式", group_count=5)
    ceremony.pairs.create(pairing=w["PR1"], group=1, position=1)

    # Claims: P1 submitted, P2 accepted (both by meA), C1 accepted (mC) and declined.
    proposal = {"approach": "方案", "timeline": "3 个月", "expected_result": "示范工程"}
    Claim.objects.create(project=w["P1"], claimant=w["meA"].user, mentee=w["meA"], **proposal)
    Claim.objects.create(
        project=w["P2"],
        claimant=w["meA"].user,
        mentee=w["meA"],
        status=Claim.Status.ACCEPTED,
        **proposal,
    )
    Claim.objects.create(
        challenge=w["C1"],
        claimant=w["mC"].user,
        mentor=w["mC"],
        status=Claim.Status.ACCEPTED,
        pairing=w["PR2"],
        **proposal,
    )
    Claim.objects.create(
        challenge=w["C1"],
        claimant=UserFactory(name="落选者"),
        status=Claim.Status.DECLINED,
        **proposal,
    )

    # Registrations: guests 5 (one of each status), experts 2, mentees 1; another event 1.
    R = Registration.Status
    guests = AttendeeCategoryFactory(event=event, name="嘉宾", order=1)
    experts = AttendeeCategoryFactory(event=event, name="专家", kind="expert", order=2)
    mentees = AttendeeCategoryFactory(event=event, name="徒弟", kind="mentee", order=3)
    rows = [
        (guests, UserFactory(name="嘉宾一"), R.CHECKED_IN, DAY1),
        (guests, UserFactory(name="嘉宾二"), R.CONFIRMED, DAY1),
        (guests, UserFactory(name="嘉宾三"), R.WAITLISTED, DAY1),
        (guests, UserFactory(name="嘉宾四"), R.CANCELLED, DAY2),
        (guests, UserFactory(name="嘉宾五"), R.PENDING, DAY2),
        (experts, w["mA"].user, R.CHECKED_IN, DAY1),
        (experts, UserFactory(name="专家二"), R.CONFIRMED, DAY2),
        (mentees, w["meA"].user, R.CONFIRMED, DAY2),
    ]
    for category, user, status, when in rows:
        RegistrationFactory(
            category=category,
            user=user,
            status=status,
            created_at=when,
            checked_in_at=when if status == R.CHECKED_IN else None,
        )
    RegistrationFactory(
        category=AttendeeCategoryFactory(event=w["other_event"], name="嘉宾"),
        user=UserFactory(name="外会嘉宾"),
        created_at=DAY2,
    )
    return World(w)
