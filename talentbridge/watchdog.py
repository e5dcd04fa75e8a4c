"""A worker whose consumer stopped taking tasks exits, so that its supervisor starts it again.

After a broker reconnection a Celery worker can stay up, answer pings and take nothing more
from its queues (the long-known "worker stops consuming after Redis reconnection" bugs of
Celery and kombu; no Celery setting cures it). :class:`Watchdog` is a worker bootstep: a
thread in the worker's main process that asks the broker every few seconds how many tasks
wait in the queues the worker means to consume. When tasks have waited while the worker had
free slots and received nothing for ``WORKER_WATCHDOG_SECONDS``, it logs why and stops the
worker warmly (running tasks finish); if the worker is still there after as long again, it
exits at once (tasks it held return after the broker's visibility timeout). Either way the
exit code is 69 and the supervisor (``restart:`` in docker-compose.yml) starts a fresh worker.

A queue cancelled on purpose (``celery control cancel_consumer``) is no longer one the worker
means to consume, so a deliberately paused worker is left alone.
"""

import logging
import os
import threading
import time

from celery import bootsteps
from celery.platforms import EX_UNAVAILABLE
from celery.signals import task_received
from celery.worker import state
from django.conf import settings
from kombu.exceptions import ChannelError

logger = logging.getLogger(__name__)


class StallClock:
    """Measures how long a worker has had tasks waiting, free slots and nothing received."""

    def __init__(self) -> None:
        self.since: float | None = None

    def observe(self, *, waiting: int, free_slots: int, received: bool, now: float) -> float:
        """Record one look at the worker; return for how many seconds it has been stalled."""
        if waiting > 0 and free_slots > 0 and not received:
            if self.since is None:
                self.since = now
            return now - self.since
        self.reset()
        return 0.0

    def reset(self) -> None:
        self.since = None


class Watchdog(bootsteps.StartStopStep):
    """Worker bootstep: restart a worker that takes no task while tasks wait for it."""

    label = "Watchdog"
    # Stopped before the pool, so a warm shutdown's wait for running tasks is not watched.
    requires = ("celery.worker.components:Pool",)

    def __init__(self, worker, **kwargs):
        super().__init__(worker, **kwargs)
        self.bound = settings.WORKER_WATCHDOG_SECONDS
        self.interval = min(max(self.bound / 4, 0.25), 15.0)
        self.received = 0
        self.stopping = threading.Event()
        self.thread: threading.Thread | None = None

    def include_if(self, worker) -> bool:
        return settings.WORKER_WATCHDOG_SECONDS > 0

    def start(self, worker) -> None:
        task_received.connect(self.on_task_received, weak=False)
        self.thread = threading.Thread(
            target=self.watch, args=(worker,), name="watchdog", daemon=True
        )
        self.thread.start()
        logger.info(
            "watchdog: the worker restarts if it takes no task for %s s while tasks wait",
            self.bound,
        )

    def stop(self, worker) -> None:
        task_received.disconnect(self.on_task_received)
        self.stopping.set()

    def on_task_received(self, sender=None, request=None, **kwargs) -> None:
        self.received += 1

    def watch(self, worker) -> None:
        clock = StallClock()
        seen = self.received
        while not self.stopping.wait(self.interval):
            if state.should_stop is not None or state.should_terminate is not None:
                return  # shutting down already
            try:
                queues = list(worker.app.amqp.queues.consume_from)
                waiting = waiting_tasks(worker.app, queues)
            except Exception as error:  # the broker is away: the consumer's own retries apply
                logger.debug("watchdog: cannot count waiting tasks: %r", error)
                clock.reset()
                continue
            received, seen = self.received != seen, self.received
            # The pool's own size: a solo pool runs one task at a time whatever --concurrency.
            slots = worker.max_concurrency or worker.pool.limit
            free_slots = slots - len(state.reserved_requests)
            stalled = clock.observe(
                waiting=waiting, free_slots=free_slots, received=received, now=time.monotonic()
            )
            if stalled >= self.bound:
                self.restart(
                    worker, waiting=waiting, queues=queues, free_slots=free_slots, slots=slots
                )
                return

    def restart(
        self, worker, *, waiting: int, queues: list[str], free_slots: int, slots: int
    ) -> None:
        logger.error(
            "watchdog: %s has received no task for %d s while %d wait in %s and %d of its %d "
            "slots are free; its broker connection is stuck. Stopping the worker so that its "
            "supervisor starts it again.",
            worker.hostname,
            self.bound,
            waiting,
            ", ".join(queues),
            free_slots,
            slots,
        )
        # What SIGTERM does (a warm shutdown), with an exit code that says something failed.
        state.should_stop = EX_UNAVAILABLE
        time.sleep(self.bound)
        logger.critical("watchdog: the worker did not stop within %d s; exiting now", self.bound)
        logging.shutdown()
        os._exit(EX_UNAVAILABLE)


def waiting_tasks(app, queues: list[str]) -> int:
    """How many messages wait in the broker in ``queues`` (a fresh connection, bounded waits)."""
    timeout = app.conf.broker_connection_timeout
    waiting = 0
    with app.connection_for_read(transport_options={"socket_timeout": timeout}) as connection:
        for name in queues:
            with connection.channel() as channel:
                try:
                    waiting += channel.queue_declare(queue=name, passive=True).message_count
                except ChannelError:  # the broker holds no such queue: nothing waits in it
                    continue
    return waiting
