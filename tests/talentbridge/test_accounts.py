import pytest
from django.core import mail
from django.urls import reverse

from talentbridge.models import Notification, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "name": "林晓青",
    "email": "Lin.XQ@Example.cn",
    "password1": "Relay-green-blue-7",
    "password2": "Relay-green-blue-7",
    "roles": ["mentee", "enterprise"],
}


def test_signup_creates_account_with_chosen_roles_and_logs_in(client):
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get()
    assert user.email == "lin.xq@example.cn"
    assert (user.is_mentee, user.is_enterprise, user.is_mentor, user.is_organizer) == (
        True,
        True,
        False,
        False,
    )
    assert client.get(reverse("home")).context["user"] == user


def test_signup_sends_welcome_notification_in_chinese(client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("signup"), SIGNUP)
    notification = Notification.objects.get()
    assert notification.title == "欢迎加入人才桥，林晓青"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["lin.xq@example.cn"]


def test_signup_cannot_grant_organizer_role(client):
    response = client.post(reverse("signup"), {**SIGNUP, "roles": ["organizer"]})
    assert response.status_code == 200
    assert User.objects.count() == 0
    assert "organizer" in response.context["form"].errors["roles"][0]


def test_signup_duplicate_email_is_refused_with_chinese_message(client):
    UserFactory(email="lin.xq@example.cn")
    response = client.post(reverse("signup"), SIGNUP)
    assert response.status_code == 200
    assert response.context["form"].errors["email"] == ["该电子邮箱已注册。"]
    assert "该电子邮箱已注册。" in response.content.decode()


def test_signup_keeps_input_when_passwords_differ(client):
    response = client.post(reverse("signup"), {**SIGNUP, "password2": "something-else-9"})
    assert response.status_code == 200
    assert 'value="林晓青"' in response.content.decode()
    assert User.objects.count() == 0


def test_signup_escapes_script_in_name(client):
    response = client.post(reverse("signup"), {**SIGNUP, "name": "<script>alert(1)</script>"})
    assert response.status_code == 302
    page = client.get(reverse("home")).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_login_with_wrong_password_says_so_in_chinese(client):
    user = UserFactory()
    response = client.post(reverse("login"), {"username": user.email, "password": "wrong"})
    assert response.status_code == 200
    assert "电子邮箱或密码错误。" in response.content.decode()


def test_login_and_logout(client):
    user = UserFactory()
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.get(reverse("home")).context["user"] == user
    client.post(reverse("logout"))
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_login_is_throttled_after_five_failures(client):
    user = UserFactory()
    for _ in range(5):
        client.post(reverse("login"), {"username": user.email, "password": "wrong"})
    response = client.post(reverse("login"), {"username": user.email, "password": PASSWORD})
    assert response.status_code == 429
    assert "登录失败次数过多" in response.content.decode()
    assert not client.get(reverse("home")).context["user"].is_authenticated


def test_password_reset_mails_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="reset@example.cn")
    client.post(reverse("password_reset"), {"email": "reset@example.cn"})
    assert len(mail.outbox) == 1
    link = next(line for line in mail.outbox[0].body.splitlines() if "/accounts/reset/" in line)
    path = link.split("testserver", 1)[1]
    response = client.get(path, follow=True)
    form_url = response.redirect_chain[-1][0]
    response = client.post(
        form_url, {"new_password1": "Brand-new-pass-42", "new_password2": "Brand-new-pass-42"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Brand-new-pass-42")


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.cn"})
    assert response.status_code == 302
    assert mail.outbox == []


def test_notifications_page_needs_login(client):
    response = client.get(reverse("notifications"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_notifications_page_lists_only_own_and_marks_read(client_for):
    owner, other = UserFactory(), UserFactory()
    Notification.objects.create(user=owner, key="a", title="给我的消息")
    Notification.objects.create(user=other, key="a", title="别人的消息")
    client = client_for(owner)
    page = client.get(reverse("notifications")).content.decode()
    assert "给我的消息" in page
    assert "别人的消息" not in page
    client.post(reverse("notifications"))
    assert Notification.objects.get(user=owner).read_at is not None
    assert Notification.objects.get(user=other).read_at is None
