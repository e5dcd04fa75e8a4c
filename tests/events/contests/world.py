"""A small contest: office 崂山区委组织部 with a manager, two tracks (人工智能 with three
judges, 虚拟现实 with one), a team with a submitted entry in 人工智能, weighted criteria."""

from datetime import timedelta

from django.utils import timezone

from events.contests.services import create_contest, save_entry, set_track_judges, submit_entry
from talentbridge.models import OfficeRole
from tests.factories import OfficeFactory, UserFactory, member_of

CRITERIA = [("技术创新性", 30, 10), ("市场前景", 25, 10), ("团队", 25, 10), ("落地可行性", 20, 10)]


def build_contest(*, blind=False, office=None, manager=None, team=None) -> dict:
    office = office or OfficeFactory(name="崂山区委组织部")
    manager = manager or member_of(office, OfficeRole.MANAGER, name="崂山 管理员")
    contest = create_contest(
        office,
        actor=manager,
        title="千创汇·智崂山",
        deadline=timezone.now() + timedelta(days=10),
        groups="初创组\n成长组",
        blind=blind,
        tracks=["人工智能", "虚拟现实"],
        criteria=CRITERIA,
        questions=["团队是否计划落地崂山？"],
    )
    ai, vr = contest.tracks.order_by("position")
    judges = [member_of(office, OfficeRole.JUDGE, name=f"评委{i}") for i in range(3)]
    other = member_of(office, OfficeRole.JUDGE, name="虚拟现实评委")
    set_track_judges(ai, judges, actor=manager)
    set_track_judges(vr, [other], actor=manager)
    team = team or UserFactory(name="小派科技 冯涛")
    entry = save_entry(
        contest,
        actor=team,
        data={
            "track": ai,
            "team_name": "小派科技",
            "organisation": "小派科技有限公司",
            "project_title": "8K 虚拟现实头显",
            "summary": "人工智能 视觉 算法",
            "group": "初创组",
            "region": "山东省青岛市",
            "answers": {str(contest.questions.get().pk): "是"},
        },
    )
    entry = submit_entry(entry, actor=team)
    return {
        "office": office,
        "manager": manager,
        "contest": contest,
        "ai": ai,
        "vr": vr,
        "judges": judges,
        "other_judge": other,
        "team": team,
        "entry": entry,
    }


def full_marks(contest, value=8) -> dict[str, float]:
    return {str(c.pk): value for c in contest.criteria.all()}
