"""Offices, their members and invitations: services, permissions and bad links."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from talentbridge import rules
from talentbridge.models import AuditEntry, Invitation, Membership, Office, OfficeRole, User
from talentbridge.services import (
    OfficeError,
    accept_invitation,
    add_member,
    create_office,
    invite_member,
    remove_member,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """Service messages are matched in English here; the pages are checked in Chinese."""
    with translation.override("en"):
        yield


@pytest.fixture
def owner():
    return UserFactory(name="林主任", email="owner@fj.example.cn")


@pytest.fixture
def office(owner, admin_user):
    return create_office(
        name="福建省引进人才服务中心", kind="talent_centre", actor=admin_user, owner=owner
    )


@pytest.fixture
def other_office(admin_user):
    return create_office(
        name="晋安区人民政府", kind="government", actor=admin_user, owner=UserFactory()
    )


def test_creating_an_office_makes_its_owner_and_is_audited(office, owner):
    assert list(office.memberships.values_list("user", "role")) == [(owner.pk, "owner")]
    actions = list(AuditEntry.objects.order_by("id").values_list("action", flat=True))
    assert actions == ["offices.office.create", "offices.member.add"]
    assert rules.is_office_manager(owner, office)
    assert rules.is_organizer(owner)


def test_roles_are_scoped_to_their_office(office, other_office, owner):
    staff = UserFactory()
    add_member(office, staff, OfficeRole.STAFF, actor=owner)
    assert rules.has_office_role(staff, office, OfficeRole.STAFF)
    assert not rules.has_office_role(staff, other_office)
    assert not rules.is_office_manager(staff, office)
    assert not rules.is_office_manager(owner, other_office)


def test_adding_a_role_twice_is_refused(office, owner):
    with pytest.raises(OfficeError, match="already"):
        add_member(office, owner, OfficeRole.OWNER, actor=owner)


def test_the_last_owner_cannot_be_removed(office, owner):
    with pytest.raises(OfficeError, match="owner"):
        remove_member(office.memberships.get(role="owner"), actor=owner)


def test_invitation_creates_the_account_and_the_role(
    office, owner, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        token = invite_member(office, email="Volunteer@Example.cn", role="staff", actor=owner)
    assert len(mail.outbox) == 1 and f"/invitations/{token}/" in mail.outbox[0].body
    assert "福建省引进人才服务中心" in mail.outbox[0].subject
    membership = accept_invitation(token, name="志愿者 小周", password="Relay-green-77")
    user = User.objects.get(email="volunteer@example.cn")
    assert (membership.user, membership.role) == (user, "staff")
    assert user.check_password("Relay-green-77")
    assert Invitation.objects.get().status == Invitation.Status.ACCEPTED


def test_invitation_links_an_existing_account_only_for_its_address(office, owner):
    person = UserFactory(email="expert@example.cn")
    token = invite_member(office, email="expert@example.cn", role="reviewer", actor=owner)
    with pytest.raises(OfficeError, match="log in"):
        accept_invitation(token, name="x", password="Relay-green-77")
    with pytest.raises(OfficeError, match=r"expert@example\.cn"):
        accept_invitation(token, user=UserFactory(email="someone@example.cn"))
    accept_invitation(token, user=person)
    assert Membership.objects.filter(user=person, role="reviewer").count() == 1


def test_reused_expired_and_tampered_links_are_refused(office, owner):
    token = invite_member(office, email="a@example.cn", role="staff", actor=owner)
    accept_invitation(token, name="甲", password="Relay-green-77")
    with pytest.raises(OfficeError, match="already been used"):
        accept_invitation(token, name="甲", password="Relay-green-77")
    late = invite_member(office, email="b@example.cn", role="staff", actor=owner)
    Invitation.objects.filter(email="b@example.cn").update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    with pytest.raises(OfficeError, match="expired"):
        accept_invitation(late, name="乙", password="Relay-green-77")
    with pytest.raises(OfficeError, match="not valid"):
        accept_invitation(token[:-2] + "xx", name="丙", password="Relay-green-77")


def test_a_new_invitation_replaces_the_old_link(office, owner):
    first = invite_member(office, email="c@example.cn", role="staff", actor=owner)
    second = invite_member(office, email="c@example.cn", role="staff", actor=owner)
    with pytest.raises(OfficeError, match="withdrawn or replaced"):
        accept_invitation(first, name="丁", password="Relay-green-77")
    accept_invitation(second, name="丁", password="Relay-green-77")


def test_inviting_someone_who_already_holds_the_role_is_refused(office, owner):
    with pytest.raises(OfficeError, match="already"):
        invite_member(office, email="OWNER@fj.example.cn", role="owner", actor=owner)


class TestPages:
    def test_office_page_is_for_its_members_and_admins(
        self, client, client_for, office, other_office, owner, admin_user
    ):
        url = reverse("office_detail", args=[office.pk])
        assert client.get(url).status_code == 302  # to the log-in page
        assert client_for(UserFactory()).get(url).status_code == 404
        other_owner = other_office.memberships.get().user
        assert client_for(other_owner).get(url).status_code == 404
        assert client_for(owner).get(url).status_code == 200
        assert client_for(admin_user).get(url).status_code == 200

    def test_staff_see_the_office_but_no_addresses_nor_invite_form(self, client_for, office, owner):
        staff = UserFactory(email="staff-only@example.cn")
        add_member(office, staff, OfficeRole.STAFF, actor=owner)
        html = client_for(staff).get(reverse("office_detail", args=[office.pk])).content.decode()
        assert "owner@fj.example.cn" not in html
        assert 'id="invite-form"' not in html
        response = client_for(staff).post(
            reverse("office_invite", args=[office.pk]), {"email": "x@example.cn", "role": "staff"}
        )
        assert response.status_code == 404

    def test_manager_invites_by_email_and_adds_existing_accounts(self, client_for, office, owner):
        client = client_for(owner)
        existing = UserFactory(email="known@example.cn")
        url = reverse("office_invite", args=[office.pk])
        assert client.post(url, {"email": "known@example.cn", "role": "staff"}).status_code == 302
        assert client.post(url, {"email": "new@example.cn", "role": "staff"}).status_code == 302
        assert Membership.objects.filter(user=existing, role="staff").exists()
        assert Invitation.objects.filter(email="new@example.cn", status="pending").exists()
        again = client.post(url, {"email": "known@example.cn", "role": "staff"})
        assert again.status_code == 200
        assert "已是本机构的" in again.content.decode()  # the page speaks Chinese

    def test_only_owners_grant_ownership(self, client_for, office, owner):
        manager = UserFactory()
        add_member(office, manager, OfficeRole.MANAGER, actor=owner)
        response = client_for(manager).post(
            reverse("office_invite", args=[office.pk]), {"email": "z@example.cn", "role": "owner"}
        )
        assert response.status_code == 200
        assert not Invitation.objects.filter(role="owner").exists()

    def test_opening_an_invitation_sets_a_password_and_logs_in(self, client, office, owner):
        token = invite_member(office, email="vol@example.cn", role="staff", actor=owner)
        url = reverse("invitation_accept", args=[token])
        assert client.get(url).status_code == 200
        weak = client.post(url, {"name": "小周", "password1": "123", "password2": "123"})
        assert weak.status_code == 200 and not User.objects.filter(email="vol@example.cn").exists()
        data = {"name": "小周", "password1": "Relay-green-77", "password2": "Relay-green-77"}
        response = client.post(url, data)
        assert response.status_code == 302
        assert response["Location"] == reverse("office_detail", args=[office.pk])
        assert client.get(reverse("home")).context["user"].email == "vol@example.cn"
        assert client.get(url).status_code == 410

    def test_a_made_up_link_answers_gone(self, client):
        assert client.get(reverse("invitation_accept", args=["made-up"])).status_code == 410

    def test_office_list_shows_only_ones_own_offices(self, client_for, office, other_office, owner):
        offices = client_for(owner).get(reverse("office_list")).context["offices"]
        assert [o.name for o in offices] == [office.name]
        assert client_for(owner).get(reverse("office_create")).status_code == 404

    def test_admin_creates_an_office_for_an_invited_owner(self, client_for, admin_user):
        data = {
            "name": "金乡县“顾问之家”",
            "kind": "hometown",
            "region": "山东省济宁市金乡县",
            "description": "",
            "owner_email": "jx@example.cn",
        }
        response = client_for(admin_user).post(reverse("office_create"), data)
        office = Office.objects.get(name="金乡县“顾问之家”")
        assert response["Location"] == reverse("office_detail", args=[office.pk])
        assert Invitation.objects.get(office=office).role == "owner"
        duplicate = client_for(admin_user).post(reverse("office_create"), data)
        assert duplicate.status_code == 200 and Office.objects.count() == 1
