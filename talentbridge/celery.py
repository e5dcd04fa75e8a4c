"""The Celery application: configured from Django settings (CELERY_*), tasks autodiscovered.

Every task is a :class:`TransactionAwareTask`: sent from inside a database transaction, it
goes to the broker only once that transaction commits, so a worker never reads rows that are
not there yet and a rolled-back change sends nothing. Callers just call ``task.delay(...)``.
"""

import os

from celery import Celery, Task
from django.db import transaction

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbridge.settings")


class TransactionAwareTask(Task):
    def apply_async(self, args=None, kwargs=None, **options):
        send = super().apply_async
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(lambda: send(args, kwargs, **options))
            return None
        return send(args, kwargs, **options)


app = Celery("talentbridge", task_cls=TransactionAwareTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
