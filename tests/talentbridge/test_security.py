"""Security rules of the base layer: private files, headers, client addresses, throttles."""

import pytest
from django.core import mail
from django.test import Client, RequestFactory, override_settings
from django.urls import reverse

from talentbridge.addresses import client_address
from talentbridge.http import safe_next
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_private_files_are_served_by_no_url(client, settings):
    (settings.MEDIA_ROOT / "boards").mkdir(parents=True)
    (settings.MEDIA_ROOT / "boards" / "secret.pdf").write_bytes(b"%PDF-1.4 confidential")
    for path in ("/media/boards/secret.pdf", "/private/boards/secret.pdf"):
        assert client.get(path).status_code == 404


def test_upload_names_cannot_be_guessed():
    from talentbridge.storage import attachment_upload_to, export_upload_to

    first = attachment_upload_to(None, "合同.PDF")
    second = attachment_upload_to(None, "合同.PDF")
    assert first != second
    assert first.startswith("boards/") and first.endswith(".pdf")
    assert "合同" not in first
    assert export_upload_to(None, "mentors.csv").startswith("exports/")


def test_pages_carry_a_strict_content_security_policy(client):
    policy = client.get(reverse("home"))["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_camera_is_allowed_only_on_the_checkin_desk(client):
    assert "camera=()" in client.get(reverse("home"))["Permissions-Policy"]
    assert reverse("events:checkin", args=[1]) == "/events/1/checkin/"


def test_camera_policy_follows_the_view_name(rf, settings):
    from talentbridge.middleware import PermissionsPolicyMiddleware

    class Match:
        view_name = "events:checkin"

    request = rf.get("/events/1/checkin/")
    request.resolver_match = Match()
    response = PermissionsPolicyMiddleware(lambda r: __import__("django").http.HttpResponse())(
        request
    )
    assert "camera=(self)" in response["Permissions-Policy"]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("/events/1/", "/events/1/"),
        ("https://evil.example/", "/fallback/"),
        ("//evil.example/", "/fallback/"),
        ("/\\evil.example/", "/fallback/"),
        ("javascript:alert(1)", "/fallback/"),
        ("0", "/fallback/"),
        ("abc", "/fallback/"),
        ("mentors:my_pairings", "/fallback/"),
        ("", "/fallback/"),
    ],
)
def test_safe_next_stays_on_this_site(rf, target, expected):
    request = rf.post("/x/", {"next": target})
    assert safe_next(request, "/fallback/") == expected


class TestClientAddress:
    def request(self, remote, forwarded=None):
        meta = {"REMOTE_ADDR": remote}
        if forwarded is not None:
            meta["HTTP_X_FORWARDED_FOR"] = forwarded
        return RequestFactory().get("/", **meta)

    def test_forwarded_header_is_ignored_without_a_trusted_proxy(self, settings):
        settings.TRUSTED_PROXY_NETWORKS = []
        assert client_address(self.request("203.0.113.9", "198.51.100.1")) == "203.0.113.9"

    def test_forwarded_client_is_read_behind_a_trusted_proxy(self, settings):
        import ipaddress

        settings.TRUSTED_PROXY_NETWORKS = [ipaddress.ip_network("10.0.0.0/8")]
        request = self.request("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3")
        # The right-most hop that is not a trusted proxy is the client; 1.2.3.4 could be forged.
        assert client_address(request) == "198.51.100.7"
        assert client_address(self.request("10.0.0.2", "not-an-address")) == "10.0.0.2"


def _fail_login(address, email, forwarded):
    client = Client(REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=forwarded)
    return client.post(reverse("login"), {"username": email, "password": "wrong"})


@override_settings(AXES_FAILURE_LIMIT=3)
def test_behind_a_proxy_one_client_cannot_lock_out_another(settings):
    import ipaddress

    settings.TRUSTED_PROXY_NETWORKS = [ipaddress.ip_network("10.0.0.0/8")]
    victim = UserFactory(email="victim@example.cn")
    for _ in range(5):
        _fail_login("10.0.0.2", victim.email, "198.51.100.66")
    # The attacker is locked out; the victim, behind the same proxy, still logs in.
    assert _fail_login("10.0.0.2", victim.email, "198.51.100.66").status_code == 429
    honest = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.10")
    response = honest.post(reverse("login"), {"username": victim.email, "password": PASSWORD})
    assert response.status_code == 302


def test_password_reset_mails_are_limited_per_account(client, settings):
    settings.PASSWORD_RESET_LIMIT = 3
    user = UserFactory(email="reset@example.cn")
    for _ in range(10):
        response = client.post(reverse("password_reset"), {"email": user.email})
        assert response.status_code == 302
    assert len(mail.outbox) == 3


def test_password_reset_mails_are_limited_per_address(settings):
    settings.PASSWORD_RESET_LIMIT = 2
    users = [UserFactory(email=f"r{n}@example.cn") for n in range(5)]
    client = Client(REMOTE_ADDR="198.51.100.20")
    for user in users:
        client.post(reverse("password_reset"), {"email": user.email})
    assert len(mail.outbox) == 2


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "page=1&field=%00"])
def test_a_nul_in_the_query_string_gets_a_readable_400(client, query):
    response = client.get(f"/events/?{query}")
    assert response.status_code == 400
    assert "无法读取" in response.content.decode()


def test_ordinary_query_strings_pass(client):
    assert client.get("/events/?q=%E6%B5%B7%E6%B4%8B&page=2").status_code == 200


def test_refused_and_missing_pages_log_no_traceback(client, caplog, admin_user):
    with caplog.at_level("WARNING"):
        client.get("/audit/")  # a visitor: sent to the log-in page
        client.get("/no-such-page/")
        Client().get(reverse("audit_trail"), follow=False)
    assert [r for r in caplog.records if r.name.startswith("django.request")] == []


def test_the_site_address_is_an_allowed_host():
    from urllib.parse import urlsplit

    from django.conf import settings

    assert urlsplit(settings.SITE_URL).hostname in settings.ALLOWED_HOSTS
