import pytest
from django.core import mail
from django.db import connection
from django.urls import reverse

from talentbridge.celery import app as celery_app
from talentbridge.models import Notification
from talentbridge.services import notify, register_user
from talentbridge.tasks import task_send_notification
from tests.conftest import wait_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_broker(client, settings):
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    expected_broker = "in-process" if settings.CELERY_TASK_ALWAYS_EAGER else "ok"
    assert response.json() == {"database": "ok", "broker": expected_broker}


def test_healthz_is_503_when_broker_is_unreachable(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"
    response = client.get(reverse("healthz"))
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "broker": "error: ConnectionError"}


def test_notification_is_rendered_in_recipients_language(django_capture_on_commit_callbacks):
    user = UserFactory(language="en", name="Hao Wang")
    with django_capture_on_commit_callbacks(execute=True):
        notify(user, key="welcome", template="welcome", context={"name": "Hao Wang"}, url="/")
    notification = Notification.objects.get(user=user)
    assert notification.title == "Welcome to TalentBridge, Hao Wang"
    assert mail.outbox[0].subject == "Welcome to TalentBridge, Hao Wang"


def test_notification_task_is_idempotent():
    user = UserFactory()
    kwargs = {"user_id": user.pk, "key": "k1", "template": "welcome", "context": {"name": "x"}}
    first = task_send_notification(**kwargs)
    second = task_send_notification(**kwargs)
    assert first == second
    assert Notification.objects.filter(user=user).count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.postgres
def test_suite_runs_on_postgresql():
    assert connection.vendor == "postgresql"


@pytest.mark.celery
@pytest.mark.redis
@pytest.mark.django_db(transaction=True)
def test_task_runs_in_real_worker_through_redis(celery_worker):
    assert celery_app.conf.task_always_eager is False
    user = register_user(
        email="worker@example.cn", name="王浩", password="Relay-green-blue-7", roles=["mentor"]
    )
    notification = wait_for(
        lambda: Notification.objects.filter(user=user, emailed_at__isnull=False).first()
    )
    assert notification.title == "欢迎加入人才桥，王浩"
    # The worker, not this process, sent the e-mail.
    assert mail.outbox == []


def test_beat_schedule_names_only_registered_tasks(settings):
    celery_app.loader.import_default_modules()
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled == {
        "projects.remind_deadlines",
        "projects.full_recompute",
        "events.purge_exports",
        "talentbridge.sweep_outbox",
        "talentbridge.fail_stale_jobs",
        "projects.commissioners.escalate_whistles",
        "projects.remind_followups",
        "mentors.hometown.remind_contacts",
        "events.refresh_talent_counts",
    }
    assert scheduled <= set(celery_app.tasks)
