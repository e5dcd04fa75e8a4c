from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from events.contests.assignment import build_assignment
from events.contests.judging import (
    advance_to_final,
    apply_assignment,
    close_round,
    confirm_awards,
    propose_awards,
    save_score,
)
from events.contests.ranking import judge_z_scores, rank_round, weighted_total
from events.contests.services import (
    MAX_ATTACHMENT_BYTES,
    ContestError,
    declare_conflict,
    save_entry,
    set_track_judges,
    submit_entry,
    withdraw_entry,
)
from events.models import Award, Entry, JudgeAssignment, Round
from talentbridge.models import AuditEntry
from tests.factories import UserFactory

from .world import full_marks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    # The messages are matched in English; zh-hans is the default language.
    with translation.override("en"):
        yield


def _preliminary(world):
    return Round.objects.get(contest=world["contest"], kind=Round.Kind.PRELIMINARY)


def test_submit_entry_writes_status_and_audit(world):
    entry = world["entry"]
    assert entry.status == Entry.Status.SUBMITTED
    assert AuditEntry.objects.filter(action="events.entry.submit").count() == 1


def test_entry_after_deadline_is_refused_with_a_clear_message(world):
    contest = world["contest"]
    contest.deadline = timezone.now() - timedelta(minutes=1)
    contest.save()
    with pytest.raises(ContestError, match="closed"):
        save_entry(
            contest,
            actor=UserFactory(),
            data={"track": world["ai"], "team_name": "迟到", "project_title": "x"},
        )


def test_submit_requires_eligibility_answers(world):
    entry = save_entry(
        world["contest"],
        actor=UserFactory(),
        data={"track": world["ai"], "team_name": "新队", "project_title": "新项目"},
    )
    with pytest.raises(ContestError):
        submit_entry(entry, actor=entry.owner)


def test_oversize_and_wrong_type_attachments_are_refused(world):
    contest, team = world["contest"], world["team"]
    fake_pdf = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    with pytest.raises(ContestError, match="PDF"):
        save_entry(
            contest, actor=team, entry=world["entry"], data={}, files={"business_plan": fake_pdf}
        )
    huge = SimpleUploadedFile("plan.pdf", b"%PDF-" + b"0" * MAX_ATTACHMENT_BYTES, "application/pdf")
    with pytest.raises(ContestError, match="MB"):
        save_entry(
            contest, actor=team, entry=world["entry"], data={}, files={"business_plan": huge}
        )
    good = SimpleUploadedFile("plan.pdf", b"%PDF-1.7 ok", "application/pdf")
    entry = save_entry(
        contest, actor=team, entry=world["entry"], data={}, files={"business_plan": good}
    )
    assert entry.business_plan_name == "plan.pdf"
    assert "plan" not in entry.business_plan.name.rsplit("/", 1)[-1]


def test_only_office_judges_sit_on_a_track(world):
    with pytest.raises(ContestError):
        set_track_judges(world["ai"], [UserFactory()], actor=world["manager"])


def test_assignment_gives_each_entry_its_judges_of_its_track(world):
    stored = apply_assignment(_preliminary(world), actor=world["manager"])
    judges = set(JudgeAssignment.objects.values_list("judge_id", flat=True))
    assert stored == 3
    assert judges == {j.pk for j in world["judges"]}


def test_declared_and_organisation_conflicts_are_never_assigned(world):
    entry, judges = world["entry"], world["judges"]
    declare_conflict(entry, judge=judges[0], reason="former colleague")
    from tests.factories import MentorFactory, OrganizationFactory

    MentorFactory(user=judges[1], affiliation=OrganizationFactory(name="小派科技"))
    plan = build_assignment(_preliminary(world))
    assigned = {j for j, _e, _f in plan.pairs}
    assert assigned == {judges[2].pk}
    assert plan.conflicts == 2
    assert plan.short == [entry]


def test_score_range_is_checked(world):
    apply_assignment(_preliminary(world), actor=world["manager"])
    sheet = JudgeAssignment.objects.filter(judge=world["judges"][0]).get()
    marks = full_marks(world["contest"])
    marks[next(iter(marks))] = 11
    with pytest.raises(ContestError, match="0 to 10"):
        save_score(sheet, actor=world["judges"][0], marks=marks)
    marks[next(iter(marks))] = -1
    with pytest.raises(ContestError):
        save_score(sheet, actor=world["judges"][0], marks=marks)


def test_score_after_the_round_closed_is_refused(world):
    round_ = _preliminary(world)
    apply_assignment(round_, actor=world["manager"])
    sheet = JudgeAssignment.objects.filter(judge=world["judges"][0]).get()
    close_round(round_, actor=world["manager"])
    with pytest.raises(ContestError, match="closed"):
        save_score(sheet, actor=world["judges"][0], marks=full_marks(world["contest"]))


def test_a_judge_scores_only_their_own_sheet(world):
    apply_assignment(_preliminary(world), actor=world["manager"])
    sheet = JudgeAssignment.objects.filter(judge=world["judges"][0]).get()
    with pytest.raises(ContestError):
        save_score(sheet, actor=world["judges"][1], marks=full_marks(world["contest"]))


def test_weighted_total_follows_the_weights(world):
    criteria = list(world["contest"].criteria.all())
    marks = {str(c.pk): 0 for c in criteria}
    marks[str(criteria[0].pk)] = 10  # 技术创新性, weight 30 of 100
    assert weighted_total(marks, criteria) == 30.0


def test_z_scores_rank_a_harsh_and_a_lenient_judge_alike():
    rows = [(1, 10, 40.0), (1, 11, 60.0), (2, 10, 80.0), (2, 11, 100.0)]
    z = judge_z_scores(rows)
    assert z[(1, 10)] == z[(2, 10)] == -1.0
    assert z[(1, 11)] == z[(2, 11)] == 1.0


def test_ranking_flags_strong_disagreement(world):
    contest = world["contest"]
    round_ = _preliminary(world)
    second = save_entry(
        contest,
        actor=UserFactory(),
        data={
            "track": world["ai"],
            "team_name": "二队",
            "project_title": "二号",
            "answers": {str(contest.questions.get().pk): "是"},
        },
    )
    submit_entry(second, actor=second.owner)
    apply_assignment(round_, actor=world["manager"])
    j0, j1, j2 = world["judges"]
    for judge, first, other in ((j0, 9, 2), (j1, 9, 2), (j2, 2, 9)):
        for entry, value in ((world["entry"], first), (second, other)):
            sheet = JudgeAssignment.objects.get(judge=judge, entry=entry)
            save_score(sheet, actor=judge, marks=full_marks(contest, value))
    rows = rank_round(round_)
    assert [r.entry.pk for r in rows] == [world["entry"].pk, second.pk]
    assert all(r.disagreement for r in rows)
    assert rows[0].spread == 70.0


def test_withdraw_removes_unscored_sheets(world):
    apply_assignment(_preliminary(world), actor=world["manager"])
    withdraw_entry(world["entry"], actor=world["team"])
    assert JudgeAssignment.objects.count() == 0


def test_final_and_awards_publish_results_and_notify(world, mailoutbox, settings):
    contest, manager = world["contest"], world["manager"]
    apply_assignment(_preliminary(world), actor=manager)
    for judge in world["judges"]:
        save_score(JudgeAssignment.objects.get(judge=judge), actor=judge, marks=full_marks(contest))
    final = advance_to_final(contest, actor=manager)
    world["entry"].refresh_from_db()
    assert world["entry"].status == Entry.Status.FINALIST
    assert world["entry"].final_position == 1
    assert JudgeAssignment.objects.filter(round=final).count() == 3
    for judge in world["judges"]:
        sheet = JudgeAssignment.objects.get(judge=judge, round=final)
        save_score(sheet, actor=judge, marks=full_marks(contest, 9))
    assert propose_awards(contest, actor=manager) == 1
    assert confirm_awards(contest, actor=manager) == 1
    award = Award.objects.get()
    assert award.prize == Award.Prize.FIRST
    contest.refresh_from_db()
    assert contest.results_published
    world["entry"].refresh_from_db()
    assert world["entry"].status == Entry.Status.AWARDED


def test_an_awarded_entry_lands_as_a_board_project_in_one_action(world):
    from datetime import date

    from events.contests.landing import land_entry
    from projects.models import Landing, Status

    contest, manager = world["contest"], world["manager"]
    apply_assignment(_preliminary(world), actor=manager)
    for judge in world["judges"]:
        save_score(JudgeAssignment.objects.get(judge=judge), actor=judge, marks=full_marks(contest))
    final = advance_to_final(contest, actor=manager)
    for judge in world["judges"]:
        sheet = JudgeAssignment.objects.get(judge=judge, round=final)
        save_score(sheet, actor=judge, marks=full_marks(contest, 9))
    with pytest.raises(ContestError):
        land_entry(world["entry"], actor=manager, province="山东省", landed_on=date(2023, 8, 1))
    propose_awards(contest, actor=manager)
    confirm_awards(contest, actor=manager)
    project = land_entry(
        world["entry"],
        actor=manager,
        province="山东省",
        city="青岛市",
        county="崂山区",
        landed_on=date(2023, 8, 1),
        intended_investment=50_000_000,
    )
    assert project.status == Status.LANDED
    assert project.owner == world["team"]
    assert project.poster_organization.name == "小派科技有限公司"
    assert Landing.objects.get(project=project).county == "崂山区"
    world["entry"].refresh_from_db()
    assert world["entry"].project == project
    with pytest.raises(ContestError):
        land_entry(world["entry"], actor=manager, province="山东省", landed_on=date(2023, 8, 1))


def test_a_withdrawn_entry_is_neither_scored_nor_advanced(world):
    contest, manager = world["contest"], world["manager"]
    apply_assignment(_preliminary(world), actor=manager)
    first = JudgeAssignment.objects.get(judge=world["judges"][0])
    save_score(first, actor=first.judge, marks=full_marks(contest))
    withdraw_entry(world["entry"], actor=world["team"])
    assert JudgeAssignment.objects.count() == 1
    with pytest.raises(ContestError, match="withdrew"):
        save_score(first, actor=first.judge, marks=full_marks(contest, 9))
    advance_to_final(contest, actor=manager)
    world["entry"].refresh_from_db()
    assert world["entry"].status == Entry.Status.WITHDRAWN
    assert world["entry"].final_position is None
