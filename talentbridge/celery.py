"""The Celery application: configured from Django settings (CELERY_*), tasks autodiscovered.

Every task is a :class:`TransactionAwareTask`: sent from inside a database transaction, it
goes to the broker only once that transaction commits, so a worker never reads rows that are
not there yet and a rolled-back change sends nothing. When the broker does not answer, the
task is kept in the database (``talentbridge.recovery``) and sent by the beat sweep later, so
the request that queued it still succeeds and nothing is lost. Callers just call
``task.delay(...)``.
"""

import os

from celery import Celery, Task
from django.db import transaction
from kombu.exceptions import OperationalError

from talentbridge.watchdog import Watchdog

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbridge.settings")


class TransactionAwareTask(Task):
    def apply_async(self, args=None, kwargs=None, **options):
        if transaction.get_connection().in_atomic_block:
            transaction.on_commit(lambda: self._send_or_keep(args, kwargs, options))
            return None
        return self._send_or_keep(args, kwargs, options)

    def send_now(self, args=None, kwargs=None, **options):
        """Send at once, raising if the broker does not answer (used by the outbox sweep)."""
        return super().apply_async(args, kwargs, **options)

    def _send_or_keep(self, args, kwargs, options):
        if self.app.conf.task_always_eager:
            return super().apply_async(args, kwargs, **options)
        try:
            return super().apply_async(args, kwargs, **options)
        except OperationalError as error:
            # Imported here: this module is loaded before Django's app registry is ready.
            from talentbridge.recovery import keep_task

            keep_task(self.name, args, kwargs, error)
            return None


app = Celery("talentbridge", task_cls=TransactionAwareTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
app.steps["worker"].add(Watchdog)
