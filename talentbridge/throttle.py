"""A counter per key in the cache, for limits such as password-reset e-mails an hour."""

import hashlib

from .cache import cache_incr

WINDOW_SECONDS = 3600


def take_attempt(key: str, limit: int, window: int = WINDOW_SECONDS) -> bool:
    """Count one attempt under ``key``; False once more than ``limit`` were made in the window.

    The window starts with the first attempt. Keys are hashed, so addresses and e-mail
    addresses are not stored in the cache in clear. While the cache server is away the
    attempt is allowed: a short outage must not lock everyone out.
    """
    cache_key = "throttle:" + hashlib.sha256(key.encode()).hexdigest()
    count = cache_incr(cache_key, window)
    return count is None or count <= limit
