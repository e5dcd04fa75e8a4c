"""The portal's Celery app with two probes for the reconnection tests (``celery -A`` this module).

- A worker takes the remote command ``stall_consumer``: its consumer stops taking tasks from a
  queue while the worker still means to consume it — the state the broker reconnection bugs
  leave a worker in.
- ``TB_BEAT_PROBE_SECONDS`` set: beat runs only ``talentbridge.fail_stale_jobs``, that often.
"""

import os

from celery.worker.control import control_command

from talentbridge.celery import app

__all__ = ["app"]


@control_command(args=[("queue", str)], signature="<queue>")
def stall_consumer(state, queue):
    """Stop consuming ``queue`` at the broker only (``cancel_consumer`` also deselects it)."""
    state.consumer.task_consumer.cancel_by_queue(queue)
    return {"ok": f"stalled {queue}"}


if os.environ.get("TB_BEAT_PROBE_SECONDS"):
    app.conf.beat_schedule = {
        "probe": {
            "task": "talentbridge.fail_stale_jobs",
            "schedule": float(os.environ["TB_BEAT_PROBE_SECONDS"]),
        }
    }
