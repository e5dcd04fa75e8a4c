"""Pages of the boards: permission matrix, forms with bad input, query counts."""

from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from projects import services
from projects.forms import MAX_ATTACHMENT_SIZE
from projects.models import Challenge, Claim, Project, Status
from tests.factories import ChallengeFactory, IndustryChainFactory, ProjectFactory, UserFactory

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "organizer", "mentor", "mentee", "owner", "other_enterprise"]


@pytest.fixture
def users(organizer, mentor_user, mentee_user, enterprise_user):
    return {
        "anonymous": None,
        "organizer": organizer,
        "mentor": mentor_user,
        "mentee": mentee_user,
        "owner": enterprise_user,
        "other_enterprise": UserFactory(is_enterprise=True),
    }


@pytest.fixture
def postings(challenge, enterprise_user, company, mentor_user, expert):
    draft = ChallengeFactory(owner=enterprise_user, poster_organization=company, status="draft")
    submitted = ChallengeFactory(
        owner=enterprise_user, poster_organization=company, status="submitted"
    )
    claim = services.claim_posting(
        challenge, actor=mentor_user, approach="方案", timeline="3个月", expected_result="结果"
    )
    return {"published": challenge, "draft": draft, "submitted": submitted, "claim": claim}


def client_as(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def url(name: str, postings) -> str:
    c = "challenges"
    match name:
        case "demand_board":
            return reverse("projects:board", args=[c])
        case "project_board":
            return reverse("projects:board", args=["projects"])
        case "published":
            return reverse("projects:posting", args=[c, postings["published"].pk])
        case "draft":
            return reverse("projects:posting", args=[c, postings["draft"].pk])
        case "edit_published":
            return reverse("projects:posting_edit", args=[c, postings["published"].pk])
        case "edit_draft":
            return reverse("projects:posting_edit", args=[c, postings["draft"].pk])
        case "new_demand":
            return reverse("projects:posting_create", args=[c])
        case "new_project":
            return reverse("projects:posting_create", args=["projects"])
        case "claim_form":
            return reverse("projects:claim_create", args=[c, postings["published"].pk])
        case "landing_form":
            return reverse("projects:posting_landing", args=[c, postings["published"].pk])
        case "my_postings":
            return reverse("projects:my_postings")
        case "my_claims":
            return reverse("projects:my_claims")
        case "review":
            return reverse("projects:review_queue")
        case "onsite":
            return reverse("projects:onsite")
    raise AssertionError(name)


# Expected status per role, in the order of ROLES:
# anonymous, organizer, mentor (the claimant), mentee, owner, other enterprise.
GET_MATRIX = {
    "demand_board": (200, 200, 200, 200, 200, 200),
    "project_board": (200, 200, 200, 200, 200, 200),
    "published": (200, 200, 200, 200, 200, 200),
    "draft": (404, 200, 404, 404, 200, 404),
    "edit_published": (302, 200, 404, 404, 404, 404),
    "edit_draft": (302, 200, 404, 404, 200, 404),
    "new_demand": (302, 200, 403, 200, 200, 200),
    "new_project": (302, 200, 200, 403, 403, 403),
    "claim_form": (302, 403, 200, 403, 403, 403),
    "landing_form": (302, 404, 404, 404, 404, 404),
    "my_postings": (302, 200, 200, 200, 200, 200),
    "my_claims": (302, 200, 200, 200, 200, 200),
    "review": (302, 200, 403, 403, 403, 403),
    "onsite": (200, 200, 200, 200, 200, 200),
}


@pytest.mark.parametrize("name", GET_MATRIX)
def test_get_permission_matrix(name, users, postings):
    got = tuple(client_as(users[role]).get(url(name, postings)).status_code for role in ROLES)
    assert got == GET_MATRIX[name]


def test_mentor_already_claimed_sees_claim_form_refused(users, postings, client_for):
    # The claimant's open claim makes a second one impossible; the page says so.
    response = client_for(users["mentor"]).post(
        url("claim_form", postings),
        {"approach": "再来", "timeline": "1个月", "expected_result": "结果"},
    )
    assert response.status_code == 200
    assert "您已揭过此榜，且尚未结束。" in response.content.decode()
    assert Claim.objects.filter(claimant=users["mentor"]).count() == 1


# POST actions: expected status per role (302 = done and redirected, 404 = denied).
POST_MATRIX = {
    "publish": (302, 302, 404, 404, 404, 404),
    "withdraw": (302, 302, 404, 404, 302, 404),
    "accept": (302, 302, 404, 404, 302, 404),
    "decline": (302, 302, 404, 404, 302, 404),
    "withdraw_claim": (302, 404, 302, 404, 404, 404),
}


def post_url(action: str, postings) -> str:
    if action == "publish":
        return reverse(
            "projects:posting_action", args=["challenges", postings["submitted"].pk, "publish"]
        )
    if action == "withdraw":
        return reverse(
            "projects:posting_action", args=["challenges", postings["published"].pk, "withdraw"]
        )
    claim_action = "withdraw" if action == "withdraw_claim" else action
    return reverse("projects:claim_action", args=[postings["claim"].pk, claim_action])


@pytest.mark.parametrize("action", POST_MATRIX)
@pytest.mark.parametrize("index", range(len(ROLES)))
def test_post_permission_matrix(action, index, users, postings):
    role = ROLES[index]
    response = client_as(users[role]).post(post_url(action, postings))
    assert response.status_code == POST_MATRIX[action][index]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("login"))


def test_get_on_action_url_is_refused(users, postings):
    assert client_as(users["owner"]).get(post_url("withdraw", postings)).status_code == 405


def test_unknown_action_is_404(users, postings):
    path = f"/boards/challenges/{postings['published'].pk}/explode/"
    assert client_as(users["organizer"]).post(path).status_code == 404


def test_contacts_hidden_until_accepted_then_shown_to_both(users, postings, expert):
    claim = postings["claim"]
    detail = url("published", postings)
    owner, mentor = client_as(users["owner"]), client_as(users["mentor"])
    assert expert.phone not in owner.get(detail).content.decode()
    assert users["owner"].email not in mentor.get(detail).content.decode()
    services.accept_claim(claim, actor=users["owner"])
    assert expert.phone in owner.get(detail).content.decode()
    assert users["owner"].email in mentor.get(detail).content.decode()
    # A bystander still sees nobody's contacts.
    assert expert.phone not in client_as(users["other_enterprise"]).get(detail).content.decode()


def test_confidential_details_only_after_acceptance(users, postings):
    posting = postings["published"]
    posting.confidential = True
    posting.details = "机密：泵站编号 X-42"
    posting.save()
    detail = url("published", postings)
    assert "X-42" not in client_as(users["mentor"]).get(detail).content.decode()
    assert "X-42" not in client_as(None).get(detail).content.decode()
    assert "X-42" in client_as(users["owner"]).get(detail).content.decode()
    services.accept_claim(postings["claim"], actor=users["owner"])
    assert "X-42" in client_as(users["mentor"]).get(detail).content.decode()


def test_attachment_of_confidential_posting_is_404_for_outsiders(users, postings):
    posting = postings["published"]
    posting.confidential = True
    posting.save()
    upload = SimpleUploadedFile("图纸.pdf", b"%PDF-1.4 secret", content_type="application/pdf")
    (attachment,) = services.add_attachments([upload], actor=users["owner"], posting=posting)
    path = reverse("projects:attachment", args=[attachment.pk])
    assert client_as(users["other_enterprise"]).get(path).status_code == 404
    assert client_as(None).get(path).status_code == 404
    response = client_as(users["owner"]).get(path)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 secret"


# --- Forms and bad input ---------------------------------------------------------------------


def demand_data(**overrides):
    data = {
        "title": "闸泵站健康状态分析",
        "summary": "泵站故障频发",
        "details": "",
        "province": "福建省",
        "city": "福州市",
        "county": "",
        "deadline": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "slots": "1",
        "problem_kind": "bottleneck",
        "required_expertise": "故障诊断",
        "reward_min": "300000",
        "reward_max": "500000",
        "post_as": "",
        "organization_name": "四创科技有限公司",
    }
    data.update(overrides)
    return data


def test_create_demand_and_submit(enterprise_user, client_for):
    field = IndustryChainFactory()
    response = client_for(enterprise_user).post(
        reverse("projects:posting_create", args=["challenges"]),
        {**demand_data(), "fields": [field.pk], "submit": "1"},
    )
    posting = Challenge.objects.get()
    assert response.status_code == 302
    assert response["Location"] == posting.get_absolute_url()
    assert posting.status == Status.SUBMITTED
    assert list(posting.fields.all()) == [field]
    assert posting.poster_organization.name == "四创科技有限公司"


def test_create_project_with_attachment(mentor_user, expert, client_for):
    pdf = SimpleUploadedFile("项目书.pdf", b"%PDF-1.7 plan", content_type="application/pdf")
    response = client_for(mentor_user).post(
        reverse("projects:posting_create", args=["projects"]),
        {
            "title": "铝合金绿色制备及数智技术",
            "summary": "轻合金",
            "slots": "1",
            "stage": "mature",
            "seeks_landing": "on",
            "intended_investment": "50000000",
            "post_as": f"mentor:{expert.pk}",
            "attachments": [pdf],
        },
    )
    assert response.status_code == 302
    project = Project.objects.get()
    assert project.poster_mentor == expert
    assert [a.name for a in project.attachments.all()] == ["项目书.pdf"]
    assert project.status == Status.DRAFT


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"title": ""}, "title", "This field is required."),
        ({"title": "ab"}, "title", "Give a title of at least 4 characters."),
        ({"deadline": "2020-01-01"}, "deadline", "The deadline cannot be in the past."),
        ({"deadline": "not-a-date"}, "deadline", "Enter a valid date."),
        ({"slots": "0"}, "slots", "Between 1 and 50 claims can be accepted."),
        (
            {"reward_min": "500000", "reward_max": "1000"},
            "reward_max",
            "The upper bound is below the lower bound.",
        ),
        ({"reward_min": "-5"}, "reward_min", "Ensure this value is greater than or equal to 0."),
        (
            {"organization_name": ""},
            "organization_name",
            "Choose who posts this, or name your organisation.",
        ),
    ],
)
def test_demand_form_bad_input(overrides, field, message, enterprise_user, client_for, settings):
    settings.LANGUAGE_CODE = "en"
    client = client_for(enterprise_user)
    client.cookies["tb_language"] = "en"
    response = client.post(
        reverse("projects:posting_create", args=["challenges"]), demand_data(**overrides)
    )
    assert response.status_code == 200
    assert message in response.context["form"].errors[field]
    assert Challenge.objects.count() == 0


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("big.pdf", b"%PDF-" + b"0" * MAX_ATTACHMENT_SIZE, "too_large"),
        ("virus.exe", b"MZ\x90\x00", "wrong_type"),
        ("fake.pdf", b"<script>alert(1)</script>", "wrong_type"),
        ("photo.png", b"\xff\xd8\xff\xe0 jpeg named png", "wrong_type"),
    ],
)
def test_bad_upload_is_refused(name, content, code, enterprise_user, client_for):
    upload = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    response = client_for(enterprise_user).post(
        reverse("projects:posting_create", args=["challenges"]),
        {**demand_data(), "attachments": [upload]},
    )
    assert response.status_code == 200
    codes = [e.code for e in response.context["form"].errors.as_data()["attachments"]]
    assert codes == [code]
    assert Challenge.objects.count() == 0


def test_bad_upload_on_claim_is_refused(challenge, mentor_user, client_for):
    upload = SimpleUploadedFile("x.docx", b"not a zip", content_type="application/octet-stream")
    response = client_for(mentor_user).post(
        reverse("projects:claim_create", args=["challenges", challenge.pk]),
        {
            "approach": "方案",
            "timeline": "3个月",
            "expected_result": "结果",
            "attachments": [upload],
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors.as_data()["attachments"][0].code == "wrong_type"
    assert Claim.objects.count() == 0


def test_empty_claim_form_shows_errors(challenge, mentor_user, client_for):
    response = client_for(mentor_user).post(
        reverse("projects:claim_create", args=["challenges", challenge.pk]), {}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"approach", "timeline", "expected_result"}


def test_htmx_claim_form_returns_partial_with_errors(challenge, mentor_user, client_for):
    response = client_for(mentor_user).post(
        reverse("projects:claim_create", args=["challenges", challenge.pk]),
        {},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert next(t.name for t in response.templates) == "projects/_claim_form.html"


def test_script_in_title_is_shown_escaped(enterprise_user, company, client_for):
    hostile = '<script>alert("x")</script>泵站'
    posting = ChallengeFactory(owner=enterprise_user, poster_organization=company, title=hostile)
    posting.search_text = hostile.casefold()
    posting.save()
    for path in (
        posting.get_absolute_url(),
        reverse("projects:board", args=["challenges"]),
        reverse("projects:onsite"),
    ):
        body = client_for(enterprise_user).get(path).content.decode()
        assert "<script>alert" not in body
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;泵站" in body


def test_send_back_without_comment_keeps_it_submitted(organizer, postings, client_for):
    posting = postings["submitted"]
    path = reverse("projects:posting_send_back", args=["challenges", posting.pk])
    response = client_for(organizer).post(path, {"comment": ""}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()
    posting.refresh_from_db()
    assert posting.status == Status.SUBMITTED


def test_review_queue_publishes_in_one_click(organizer, postings, client_for):
    posting = postings["submitted"]
    path = reverse("projects:posting_action", args=["challenges", posting.pk, "publish"])
    response = client_for(organizer).post(path, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert f'id="review-challenges-{posting.pk}"' in response.content.decode()
    posting.refresh_from_db()
    assert posting.status == Status.PUBLISHED


def test_landing_form_bad_date_rerenders(project, mentee_user, mentor_user, client_for):
    claim = services.claim_posting(
        project, actor=mentee_user, approach="a", timeline="b", expected_result="c"
    )
    services.accept_claim(claim, actor=mentor_user)
    path = reverse("projects:posting_landing", args=["projects", project.pk])
    response = client_for(mentor_user).post(path, {"province": "福建省", "landed_on": "yesterday"})
    assert response.status_code == 200
    assert "landed_on" in response.context["form"].errors
    response = client_for(mentor_user).post(
        path,
        {
            "province": "福建省",
            "city": "福州市",
            "county": "晋安区",
            "landed_on": "2026-12-17",
            "intended_investment": "30000000",
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert project.status == Status.LANDED
    assert project.landing.intended_investment == 30_000_000


@pytest.mark.parametrize(
    "query",
    [
        "?page=abc",
        "?page=9999",
        "?min_amount=lots",
        "?field=nope&status=bogus&sort=zzz&deadline=x",
        "?q=" + "泵" * 500,
    ],
)
def test_board_ignores_bad_parameters(query, challenge):
    response = Client().get(reverse("projects:board", args=["challenges"]) + query)
    assert response.status_code == 200


# --- Search and filters ---------------------------------------------------------------------


def board_titles(query: str, kind: str = "challenges") -> list[str]:
    response = Client().get(reverse("projects:board", args=[kind]) + query)
    return [posting.title for posting in response.context["page"]]


def test_board_search_chinese_and_english(enterprise_user, company):
    field = IndustryChainFactory(slug="water", name_zh="水利", name_en="Water resources")
    pump = ChallengeFactory(title="闸泵站故障诊断", summary="Pump station FAULTS")
    ChallengeFactory(title="跨境电商物流", summary="Logistics")
    pump.fields.add(field)
    pump.search_text = services.build_search_text(pump)
    pump.save()
    for other in Challenge.objects.exclude(pk=pump.pk):
        other.search_text = services.build_search_text(other)
        other.save()
    assert board_titles("?q=泵站") == ["闸泵站故障诊断"]
    assert board_titles("?q=pump+faults") == ["闸泵站故障诊断"]
    assert board_titles("?q=WATER") == ["闸泵站故障诊断"]
    assert board_titles("?field=water") == ["闸泵站故障诊断"]


def test_board_filters_and_sorts(enterprise_user):
    today = timezone.localdate()
    ChallengeFactory(
        title="A soon",
        deadline=today + timedelta(days=3),
        reward_min=None,
        reward_max=100_000,
        province="福建省",
    )
    ChallengeFactory(
        title="B later",
        deadline=today + timedelta(days=20),
        reward_max=2_000_000,
        province="山东省",
    )
    ChallengeFactory(title="C closed", status="closed", reward_max=None)
    assert board_titles("?deadline=7") == ["A soon"]
    assert board_titles("?province=山东") == ["B later"]
    assert board_titles("?min_amount=50") == ["B later"]
    assert board_titles("?sort=reward") == ["B later", "A soon"]
    assert board_titles("?sort=deadline") == ["A soon", "B later"]
    assert board_titles("?status=closed") == ["C closed"]


def test_board_htmx_returns_results_partial(challenge):
    response = Client().get(
        reverse("projects:board", args=["challenges"]) + "?q=x",
        HTTP_HX_REQUEST="true",
        HTTP_HX_TARGET="board-results",
    )
    assert next(t.name for t in response.templates) == "projects/_board_results.html"


def test_onsite_cycles_through_chosen_postings(challenge, project):
    ids = f"c{challenge.pk},p{project.pk}"
    first = Client().get(reverse("projects:onsite") + f"?ids={ids}")
    assert first.context["posting"] == challenge
    assert "<svg" in first.content.decode()
    second = Client().get(reverse("projects:onsite") + f"?ids={ids}&i=1", HTTP_HX_REQUEST="true")
    assert second.context["posting"] == project
    assert "every 8s" in second.content.decode()
    wrapped = Client().get(reverse("projects:onsite") + f"?ids={ids}&i=2", HTTP_HX_REQUEST="true")
    assert wrapped.context["posting"] == challenge


# --- Query counts -----------------------------------------------------------------------------


def count_queries(client: Client, path: str) -> int:
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(path).status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.parametrize("kind", ["challenges", "projects"])
def test_board_query_count_is_constant(kind, client_for, mentor_user):
    factory = ChallengeFactory if kind == "challenges" else ProjectFactory
    fields = IndustryChainFactory.create_batch(3)
    factory().fields.set(fields)
    client = client_for(mentor_user)
    path = reverse("projects:board", args=[kind])
    one = count_queries(client, path)
    for _ in range(19):
        factory().fields.set(fields)
    assert count_queries(client, path) == one


def test_my_postings_query_count_is_constant(enterprise_user, company, client_for):
    client = client_for(enterprise_user)

    def add():
        posting = ChallengeFactory(owner=enterprise_user, poster_organization=company)
        for _ in range(2):
            services.claim_posting(
                posting,
                actor=UserFactory(is_mentor=True),
                approach="a",
                timeline="b",
                expected_result="c",
            )

    add()
    one = count_queries(client, reverse("projects:my_postings"))
    for _ in range(9):
        add()
    assert count_queries(client, reverse("projects:my_postings")) == one


def test_my_claims_query_count_is_constant(mentor_user, client_for):
    client = client_for(mentor_user)

    def add():
        services.claim_posting(
            ChallengeFactory(), actor=mentor_user, approach="a", timeline="b", expected_result="c"
        )

    add()
    one = count_queries(client, reverse("projects:my_claims"))
    for _ in range(19):
        add()
    assert count_queries(client, reverse("projects:my_claims")) == one


def test_landing_form_records_town_and_village(project, mentee_user, mentor_user, client_for):
    claim = services.claim_posting(
        project, actor=mentee_user, approach="a", timeline="b", expected_result="c"
    )
    services.accept_claim(claim, actor=mentor_user)
    client = client_for(mentor_user)
    path = reverse("projects:posting_landing", args=["projects", project.pk])
    form_page = client.get(path).content.decode()
    assert 'name="town"' in form_page
    assert 'name="village"' in form_page
    response = client.post(
        path,
        {
            "province": "福建省",
            "city": "福州市",
            "county": "晋安区",
            "town": "宦溪镇",
            "village": "降虎村",
            "landed_on": "2026-12-17",
        },
    )
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.landing.town, project.landing.village) == ("宦溪镇", "降虎村")
    assert project.landing.region_label == "福建省福州市晋安区宦溪镇降虎村"
    assert (
        "福建省福州市晋安区宦溪镇降虎村" in client.get(project.get_absolute_url()).content.decode()
    )


def test_landing_form_town_and_village_are_optional_and_bounded(
    project, mentee_user, mentor_user, client_for
):
    claim = services.claim_posting(
        project, actor=mentee_user, approach="a", timeline="b", expected_result="c"
    )
    services.accept_claim(claim, actor=mentor_user)
    path = reverse("projects:posting_landing", args=["projects", project.pk])
    client = client_for(mentor_user)
    data = {"province": "福建省", "landed_on": "2026-12-17", "village": "村" * 41}
    response = client.post(path, data)
    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["village"]
    response = client.post(path, {"province": "福建省", "landed_on": "2026-12-17"})
    assert response.status_code == 302
    project.refresh_from_db()
    assert (project.landing.town, project.landing.village) == ("", "")
