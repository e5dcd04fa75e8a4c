"""A counter per key in the cache, for limits such as password-reset e-mails an hour."""

import hashlib

from django.core.cache import cache

WINDOW_SECONDS = 3600


def take_attempt(key: str, limit: int, window: int = WINDOW_SECONDS) -> bool:
    """Count one attempt under ``key``; False once more than ``limit`` were made in the window.

    The window starts with the first attempt. Keys are hashed, so addresses and e-mail
    addresses are not stored in the cache in clear.
    """
    cache_key = "throttle:" + hashlib.sha256(key.encode()).hexdigest()
    cache.add(cache_key, 0, timeout=window)
    try:
        count = cache.incr(cache_key)
    except ValueError:
        cache.set(cache_key, 1, timeout=window)
        count = 1
    return count <= limit
