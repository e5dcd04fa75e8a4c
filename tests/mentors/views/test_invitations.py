"""An office's experts page, its invitation actions and printable sheet, and opening a link
to claim a profile: as the invited expert, as someone else, with bad links."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from mentors.models import ClaimStatus, Mentor, ProfileInvitation
from mentors.services import invitation_path, invite_to_claim_profile
from talentbridge.models import OfficeRole, User
from tests.factories import PASSWORD, UserFactory, member_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def experts(make_mentor):
    """Three imported experts of the home office, none with an account."""
    return [
        make_mentor(name="林海峰", email="lin@example.cn", title="院士"),
        make_mentor(name="沈寓实", email="shen@example.cn"),
        make_mentor(name="方俊", email=""),
    ]


def _page(office) -> str:
    return reverse("mentors:office_experts", args=[office.pk])


def test_the_experts_page_lists_each_expert_with_a_status(
    client_for, organizer, home_office, experts
):
    invite_to_claim_profile(home_office, experts[0], actor=organizer, send=False)

    response = client_for(organizer).get(_page(home_office))

    assert response.status_code == 200
    html = response.content.decode()
    assert all(expert.name in html for expert in experts)
    rows = {e.name: e.claim_status for e in response.context["page"]}
    assert rows == {"林海峰": "invited", "沈寓实": "not_invited", "方俊": "not_invited"}
    assert dict((s.value, n) for s, n in response.context["counts"])["not_invited"] == 2


def test_the_status_filter_narrows_the_list(client_for, organizer, home_office, experts):
    invite_to_claim_profile(home_office, experts[0], actor=organizer, send=False)

    response = client_for(organizer).get(_page(home_office), {"status": "invited"})

    assert [e.name for e in response.context["page"]] == ["林海峰"]


@pytest.mark.parametrize(
    ("role", "status"),
    [("reviewer", 404), ("staff", 404), ("other_manager", 404), ("admin", 200)],
)
def test_only_the_office_managers_reach_its_experts(
    client_for, home_office, other_office, admin_user, role, status
):
    user = {
        "reviewer": lambda: member_of(home_office, OfficeRole.REVIEWER),
        "staff": lambda: member_of(home_office, OfficeRole.STAFF),
        "other_manager": lambda: member_of(other_office, OfficeRole.MANAGER),
        "admin": lambda: admin_user,
    }[role]()
    client = client_for(user)
    assert client.get(_page(home_office)).status_code == status
    sheet = reverse("mentors:office_sheet", args=[home_office.pk])
    assert client.get(sheet).status_code == status
    invite = reverse("mentors:office_invite", args=[home_office.pk])
    data = {"action": "email", "scope": "not_joined"}
    assert client.post(invite, data).status_code == (404 if status == 404 else 302)


def test_the_experts_page_runs_a_constant_number_of_queries(
    client_for, organizer, home_office, make_mentor
):
    client = client_for(organizer)
    make_mentor()
    client.get(_page(home_office))
    with CaptureQueriesContext(connection) as one:
        client.get(_page(home_office))
    for _ in range(19):
        invite_to_claim_profile(home_office, make_mentor(), actor=organizer, send=False)
    with CaptureQueriesContext(connection) as twenty:
        client.get(_page(home_office))
    assert len(twenty.captured_queries) == len(one.captured_queries)


def test_sending_to_everyone_not_joined_mails_those_with_an_address(
    client_for, organizer, home_office, experts, make_mentor, django_capture_on_commit_callbacks
):
    make_mentor(user=UserFactory(is_mentor=True), name="左明健")
    url = reverse("mentors:office_invite", args=[home_office.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(organizer).post(
            url, {"action": "email", "scope": "not_joined"}, follow=True
        )

    assert sorted(message.to[0] for message in mail.outbox) == ["lin@example.cn", "shen@example.cn"]
    html = response.content.decode()
    assert "已发送 2 份邀请。" in html
    assert "方俊" in html  # named: no address, so the sheet is the way
    assert ProfileInvitation.objects.count() == 2


def test_sending_to_the_selected_experts_only(
    client_for, organizer, home_office, experts, django_capture_on_commit_callbacks
):
    url = reverse("mentors:office_invite", args=[home_office.pk])
    data = {"action": "email", "scope": "selected", "mentors": [experts[1].pk]}

    with django_capture_on_commit_callbacks(execute=True):
        client_for(organizer).post(url, data)

    assert [message.to for message in mail.outbox] == [["shen@example.cn"]]


@pytest.mark.parametrize(
    "data",
    [
        {"action": "email", "scope": "selected"},
        {"action": "fax", "scope": "not_joined"},
        {"action": "email", "scope": "selected", "mentors": ["99999999999999999999"]},
        {"action": "email", "scope": "selected", "mentors": ["0"]},
    ],
)
def test_a_bad_invitation_request_changes_nothing(
    client_for, organizer, home_office, experts, data
):
    url = reverse("mentors:office_invite", args=[home_office.pk])
    response = client_for(organizer).post(url, data)
    assert response.status_code == 302
    assert ProfileInvitation.objects.count() == 0


def test_an_expert_of_another_office_cannot_be_selected(
    client_for, organizer, home_office, other_office, make_mentor
):
    foreign = make_mentor(held_by=other_office)
    url = reverse("mentors:office_invite", args=[home_office.pk])

    client_for(organizer).post(
        url, {"action": "email", "scope": "selected", "mentors": [foreign.pk]}
    )

    assert ProfileInvitation.objects.count() == 0


def test_the_printable_sheet_shows_each_link_as_a_qr_code_and_a_text(
    client_for, organizer, home_office, experts
):
    url = reverse("mentors:office_invite", args=[home_office.pk])
    data = {"action": "sheet", "scope": "selected", "mentors": [e.pk for e in experts[1:]]}
    client = client_for(organizer)

    response = client.post(url, data)
    assert response.status_code == 302
    assert mail.outbox == []
    sheet = client.get(response["Location"])

    html = sheet.content.decode()
    assert html.count('class="segno"') == 2
    assert "style=" not in html
    for invitation in ProfileInvitation.objects.all():
        assert invitation_path(invitation) in html
    assert "【福建省引进人才服务中心】方俊您好" in html
    assert "林海峰" not in html
    # The sheet again gives the same links: a printed copy stays valid.
    assert client.get(response["Location"]).content.decode().count("/people/claim/") == html.count(
        "/people/claim/"
    )


# --- Opening a link ----------------------------------------------------------------------------


@pytest.fixture
def link(organizer, home_office, experts):
    invitation = invite_to_claim_profile(home_office, experts[0], actor=organizer, send=False)
    return invitation_path(invitation)


def test_the_invited_expert_sets_a_password_and_lands_on_their_profile(link, experts):
    client = Client()
    page = client.get(link)
    assert page.status_code == 200
    assert "林海峰" in page.content.decode()
    assert ProfileInvitation.objects.get().opened_at is not None

    data = {"password1": "Qinglan-relay-2026", "password2": "Qinglan-relay-2026"}
    response = client.post(link, data, follow=True)

    assert response.redirect_chain == [(experts[0].get_absolute_url(), 302)]
    assert response.context["user"].email == "lin@example.cn"
    assert Mentor.objects.get(pk=experts[0].pk).user.email == "lin@example.cn"
    assert Mentor.objects.count() == 3
    assert "lin@example.cn" in response.content.decode()  # the contacts are theirs to see


def test_a_weak_or_mismatched_password_is_a_form_error(link, experts):
    response = Client().post(link, {"password1": "123", "password2": "456"})
    assert response.status_code == 400
    assert response.context["form"].errors
    assert User.objects.filter(email="lin@example.cn").exists() is False


def test_a_used_link_is_gone(link):
    data = {"password1": "Qinglan-relay-2026", "password2": "Qinglan-relay-2026"}
    Client().post(link, data)

    response = Client().get(link)

    assert response.status_code == 410
    assert "已被使用" in response.content.decode()


def test_an_expired_link_is_gone(link):
    ProfileInvitation.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    response = Client().get(link)
    assert response.status_code == 410
    assert "已过期" in response.content.decode()


@pytest.mark.parametrize("tamper", [lambda p: p[:-3] + "x/", lambda p: p.replace(":", ";", 1)])
def test_a_tampered_link_is_gone(link, tamper):
    response = Client().get(tamper(link))
    assert response.status_code in (404, 410)
    assert ProfileInvitation.objects.get().opened_at is None


def test_someone_logged_in_with_another_address_cannot_claim(link, experts, client_for):
    client = client_for(UserFactory(email="someone@example.cn"))

    page = client.get(link)
    assert "lin@example.cn" in page.content.decode()
    assert page.context["wrong_account"] is True
    response = client.post(link)

    assert response.status_code == 400
    assert Mentor.objects.get(pk=experts[0].pk).user is None


def test_an_existing_account_logs_in_first_then_claims(link, experts):
    user = UserFactory(email="lin@example.cn")
    client = Client()

    response = client.get(link)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))

    client.post(reverse("login"), {"username": "lin@example.cn", "password": PASSWORD})
    claimed = client.post(link)

    assert claimed.status_code == 302
    assert Mentor.objects.get(pk=experts[0].pk).user == user


def test_a_link_without_address_asks_for_one(organizer, home_office, experts):
    invitation = invite_to_claim_profile(home_office, experts[2], actor=organizer, send=False)
    link = invitation_path(invitation)
    client = Client()
    assert "email" in client.get(link).context["form"].fields

    data = {"email": "fang@example.cn", "password1": "Qinglan-relay-2026"}
    data["password2"] = data["password1"]
    client.post(link, data)

    assert Mentor.objects.get(pk=experts[2].pk).user.email == "fang@example.cn"


def test_statuses_move_as_the_expert_acts(link, client_for, organizer, home_office):
    def status():
        page = client_for(organizer).get(_page(home_office))
        return {e.name: e.claim_status for e in page.context["page"]}["林海峰"]

    assert status() == ClaimStatus.INVITED
    Client().get(link)
    assert status() == ClaimStatus.OPENED
    Client().post(link, {"password1": "Qinglan-relay-2026", "password2": "Qinglan-relay-2026"})
    assert status() == ClaimStatus.JOINED
