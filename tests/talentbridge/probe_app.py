"""The portal's Celery app with two probes for the reconnection tests (``celery -A`` this module).

- A worker takes the remote command ``stall_consumer``: its consumer stops taking tasks from a
  queue while the worker still means to consume it — the state the broker reconnection bugs
  leave a worker in.
- The task ``tests.probe.hold`` holds a pool slot for some seconds.
- ``TB_BEAT_PROBE_SECONDS`` set: beat runs only ``talentbridge.fail_stale_jobs``, that often.
"""

import os
import time

from celery.worker.control import control_command

from talentbridge.celery import app

__all__ = ["app"]


@control_command(args=[("queue", str)], signature="<queue>")
def stall_consumer(state, queue):
    """Stop consuming ``queue`` at the broker only (``cancel_consumer`` also deselects it)."""
    state.consumer.task_consumer.cancel_by_queue(queue)
    return {"ok": f"stalled {queue}"}


@app.task(name="tests.probe.hold")
def task_hold(*, seconds: float) -> None:
    """Keep a pool slot busy (a long task that a warm shutdown waits for)."""
    time.sleep(seconds)


if os.environ.get("TB_BEAT_PROBE_SECONDS"):
    app.conf.beat_schedule = {
        "probe": {
            "task": "talentbridge.fail_stale_jobs",
            "schedule": float(os.environ["TB_BEAT_PROBE_SECONDS"]),
        }
    }
