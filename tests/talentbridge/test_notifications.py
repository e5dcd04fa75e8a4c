"""The one mail path: plain text without HTML escaping, sources with attachments, once."""

import smtplib

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend

from talentbridge.models import Notification
from talentbridge.notifications import (
    Attachment,
    Extras,
    deliver_notification,
    register_notification_source,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_names_reach_the_mail_and_the_portal_as_typed():
    user = UserFactory(name="<script>王小明 & 'Tom'", language="en")
    deliver_notification(user_id=user.pk, key="k", template="welcome", context={"name": user.name})
    notification = Notification.objects.get()
    assert "<script>王小明 & 'Tom'" in notification.title
    assert "&lt;" not in notification.body and "&amp;" not in mail.outbox[0].body
    assert "<script>王小明 & 'Tom'" in mail.outbox[0].subject


def test_in_app_list_escapes_what_the_mail_keeps_as_typed(client_for):
    user = UserFactory(name="<b>王</b>")
    deliver_notification(user_id=user.pk, key="k", template="welcome", context={"name": user.name})
    html = client_for(user).get("/notifications/").content.decode()
    assert "&lt;b&gt;王&lt;/b&gt;" in html
    assert "<b>王</b>" not in html


def test_a_source_adds_context_and_attachments_once():
    calls = []

    def build(object_id):
        calls.append(object_id)
        return Extras(
            context={"name": f"来源{object_id}"},
            attachments=[Attachment("a.txt", b"hello", "text/plain")],
        )

    register_notification_source("tests.sample", build)
    user = UserFactory()
    for _ in range(2):
        deliver_notification(
            user_id=user.pk, key="once", template="welcome", context={}, source=["tests.sample", 7]
        )
    assert Notification.objects.filter(key="once").count() == 1
    assert len(mail.outbox) == 1
    assert [tuple(a) for a in mail.outbox[0].attachments] == [("a.txt", "hello", "text/plain")]
    assert "来源7" in mail.outbox[0].subject


def test_a_source_that_declines_sends_nothing():
    register_notification_source("tests.declines", lambda object_id: None)
    user = UserFactory()
    result = deliver_notification(
        user_id=user.pk, key="no", template="welcome", context={}, source=["tests.declines", 1]
    )
    assert result is None
    assert Notification.objects.count() == 0 and mail.outbox == []


class MailServerDown(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")


def test_mail_server_down_keeps_the_message_in_app_and_sends_it_once_later(settings):
    user = UserFactory(language="en")
    settings.EMAIL_BACKEND = f"{__name__}.MailServerDown"
    with pytest.raises(smtplib.SMTPServerDisconnected):
        deliver_notification(user_id=user.pk, key="k", template="welcome", context={})
    notification = Notification.objects.get()
    assert (notification.user, notification.emailed_at) == (user, None)
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    for _ in range(2):
        assert deliver_notification(user_id=user.pk, key="k", template="welcome", context={})
    assert len(mail.outbox) == 1
    assert Notification.objects.get().emailed_at is not None


def test_notification_task_retries_when_the_mail_server_is_down():
    from talentbridge.tasks import task_send_notification

    assert OSError in task_send_notification.autoretry_for
    assert task_send_notification.retry_backoff is True
    assert task_send_notification.max_retries >= 10
