"""The contest's pages for each role: team, judge of the track, judge of another track,
organizer (the office's manager) and visitor; blind review and conflicts on the judge's pages."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.contests.judging import advance_to_final, apply_assignment, save_score, show_on_stage
from events.contests.services import declare_conflict, save_entry, submit_entry
from events.models import JudgeAssignment, Round
from tests.factories import UserFactory

from .world import build_contest, full_marks

pytestmark = pytest.mark.django_db

ROLES = ["team", "judge", "other", "org", "vis"]
# URL name → expected status per role, in ROLES order.
MATRIX = {
    "contest_detail": "200 200 200 200 200",
    "contest_enter": "200 200 200 200 302",
    "contest_entry": "200 404 404 200 302",
    "contest_entry_edit": "404 404 404 404 302",  # a finalist's entry is settled
    "contest_attachment": "200 200 404 200 302",
    "contest_judging": "404 200 200 404 302",
    "contest_sheet": "404 200 404 404 302",
    "contest_entries": "404 404 404 200 302",
    "contest_edit": "404 404 404 200 302",
    "contest_judges": "404 404 404 200 302",
    "contest_assignment": "404 404 404 200 302",
    "contest_ranking": "404 404 404 200 302",
    "contest_final": "404 404 404 200 302",
    "contest_awards": "404 404 404 200 302",
    "contest_export": "404 404 404 200 302",
    "contest_entry_land": "405 405 405 405 302",  # POST only
    "contest_screen": "200 200 200 200 200",
    "contest_screen_state": "200 200 200 200 200",
    "contest_screen_stream": "200 200 200 200 200",
}


@pytest.fixture
def staged(world):
    contest, entry = world["contest"], world["entry"]
    pdf = SimpleUploadedFile("bp.pdf", b"%PDF-1.4 plan", "application/pdf")
    save_entry(contest, actor=world["team"], entry=entry, data={}, files={"business_plan": pdf})
    apply_assignment(Round.objects.get(contest=contest), actor=world["manager"])
    world["sheet"] = JudgeAssignment.objects.get(judge=world["judges"][0])
    world["users"] = dict(
        zip(
            ROLES,
            [world["team"], world["judges"][0], world["other_judge"], world["manager"], None],
            strict=True,
        )
    )
    return world


def _url(name, w):
    c, e = w["contest"].pk, w["entry"].pk
    args = {
        "contest_entry": [c, e],
        "contest_entry_edit": [c, e],
        "contest_entry_land": [c, e],
        "contest_attachment": [c, e, "business_plan"],
        "contest_sheet": [c, w["sheet"].pk],
        "contest_assignment": [c, "preliminary"],
        "contest_ranking": [c, "preliminary"],
    }.get(name, [c])
    return reverse(f"events:{name}", args=args)


def test_final_page_needs_a_final(staged, client):
    client.force_login(staged["manager"])
    assert client.get(_url("contest_final", staged)).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_contest_permission_matrix(staged, client, role):
    advance_to_final(staged["contest"], actor=staged["manager"])
    staged["sheet"] = JudgeAssignment.objects.filter(judge=staged["judges"][0]).first()
    user = staged["users"][role]
    if user:
        client.force_login(user)
    seen = {name: client.get(_url(name, staged)).status_code for name in MATRIX}
    expected = {name: int(codes.split()[ROLES.index(role)]) for name, codes in MATRIX.items()}
    assert seen == expected


def test_blind_review_hides_team_names_from_judges(db, client):
    w = build_contest(blind=True)
    apply_assignment(Round.objects.get(contest=w["contest"]), actor=w["manager"])
    sheet = JudgeAssignment.objects.filter(judge=w["judges"][0]).get()
    client.force_login(w["judges"][0])
    for url in (
        reverse("events:contest_judging", args=[w["contest"].pk]),
        reverse("events:contest_sheet", args=[w["contest"].pk, sheet.pk]),
    ):
        page = client.get(url).content.decode()
        assert "8K 虚拟现实头显" in page
        assert "小派科技" not in page


def test_a_judge_never_sees_a_conflicted_entry(staged, client):
    judge = staged["judges"][0]
    declare_conflict(staged["entry"], judge=judge, reason="同事")
    client.force_login(judge)
    queue = client.get(reverse("events:contest_judging", args=[staged["contest"].pk]))
    assert "8K 虚拟现实头显" not in queue.content.decode()
    assert client.get(_url("contest_attachment", staged)).status_code == 404


def test_score_sheet_saves_and_shows_errors(staged, client):
    judge, sheet = staged["judges"][0], staged["sheet"]
    client.force_login(judge)
    url = _url("contest_sheet", staged)
    data = {f"c{pk}": "11" for pk in staged["contest"].criteria.values_list("pk", flat=True)}
    response = client.post(url, data)
    assert response.status_code == 200
    assert not JudgeAssignment.objects.filter(pk=sheet.pk, score__isnull=False).exists()
    data = {k: "8" for k in data} | {"comment": "很好"}
    assert client.post(url, data).status_code == 302
    assert JudgeAssignment.objects.get(pk=sheet.pk).score.total == 80.0


def test_entry_form_refuses_a_fake_pdf(world, client):
    client.force_login(world["team"])
    url = reverse("events:contest_entry_edit", args=[world["contest"].pk, world["entry"].pk])
    response = client.post(
        url,
        {
            "track": world["ai"].pk,
            "group": "初创组",
            "team_name": "小派科技",
            "project_title": "8K",
            "stage": "idea",
            "business_plan": SimpleUploadedFile("bp.pdf", b"GIF89a", "application/pdf"),
        },
    )
    assert response.status_code == 200
    assert "PDF" in response.content.decode()


def test_screen_shows_the_result_once_every_judge_scored(staged, client):
    contest, manager = staged["contest"], staged["manager"]
    final = advance_to_final(contest, actor=manager)
    show_on_stage(final, staged["entry"], actor=manager)
    url = reverse("events:contest_screen_state", args=[contest.pk])
    first = client.get(url)
    assert 'id="screen-progress"' in first.content.decode()
    assert 'id="screen-result"' not in first.content.decode()
    assert client.get(url, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    for judge in staged["judges"]:
        sheet = JudgeAssignment.objects.get(judge=judge, round=final)
        save_score(sheet, actor=judge, marks=full_marks(contest, 9))
    done = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert done.status_code == 200
    assert 'id="screen-result"' in done.content.decode()
    assert "90" in done.content.decode()


def test_ranking_page_queries_do_not_grow_with_entries(staged, client):
    contest = staged["contest"]
    client.force_login(staged["manager"])
    url = _url("contest_ranking", staged)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    question = str(contest.questions.get().pk)
    for i in range(15):
        owner = UserFactory()
        entry = save_entry(
            contest,
            actor=owner,
            data={
                "track": staged["ai"],
                "team_name": f"队{i}",
                "project_title": f"项目{i}",
                "answers": {question: "是"},
            },
        )
        submit_entry(entry, actor=owner)
    apply_assignment(Round.objects.get(contest=contest), actor=staged["manager"])
    for sheet in JudgeAssignment.objects.all():
        save_score(sheet, actor=sheet.judge, marks=full_marks(contest))
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200
    assert len(many) == len(few)


def test_export_workbook_has_every_sheet(staged, client):
    from openpyxl import load_workbook

    contest = staged["contest"]
    for judge in staged["judges"]:
        sheet = JudgeAssignment.objects.get(judge=judge)
        save_score(sheet, actor=judge, marks=full_marks(contest))
    client.force_login(staged["manager"])
    response = client.get(reverse("events:contest_export", args=[contest.pk]))
    workbook = load_workbook(io.BytesIO(response.content))
    assert len(workbook.sheetnames) == 5
    entries, assignment, scores, ranking, _awards = (workbook[n] for n in workbook.sheetnames)
    assert entries.max_row == 2 and assignment.max_row == 4 and scores.max_row == 4
    assert ranking.max_row == 2
    assert entries["C2"].value == "小派科技"


def test_an_id_beyond_64_bits_among_the_track_judges_is_refused_with_a_message(client, world):
    client.force_login(world["manager"])
    track = world["ai"]
    url = reverse("events:contest_judges", kwargs={"pk": world["contest"].pk})
    response = client.post(url, {f"t{track.pk}": "99999999999999999999"})
    assert response.status_code == 200
    assert response.context["form"].errors
