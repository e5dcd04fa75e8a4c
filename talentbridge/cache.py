"""The cache, used so that a Redis outage costs speed, never a page.

Everything the portal keeps in the cache (screen version tags, throttle counters) can be
recomputed from the database, so each helper answers as if the cache were empty when the
cache server does not answer, and logs a warning instead of failing the request.
"""

import logging

from django.core.cache import cache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
# What a cache backend raises when its server is away: redis-py's errors, or a socket's.
UNAVAILABLE = (RedisError, OSError)


def _warn(operation: str, key: str, error: Exception) -> None:
    logger.warning("cache unavailable, %s %s skipped: %s", operation, key, error)


def cache_get(key: str, default=None):
    """The cached value, or ``default`` when it is missing or the cache does not answer."""
    try:
        return cache.get(key, default)
    except UNAVAILABLE as error:
        _warn("get", key, error)
        return default


def cache_add(key: str, value, timeout: float | None) -> bool:
    """Store ``value`` unless the key exists; False when it does or the cache does not answer."""
    try:
        return cache.add(key, value, timeout)
    except UNAVAILABLE as error:
        _warn("add", key, error)
        return False


def cache_set(key: str, value, timeout: float | None) -> bool:
    """Store ``value``; False when the cache does not answer."""
    try:
        cache.set(key, value, timeout)
    except UNAVAILABLE as error:
        _warn("set", key, error)
        return False
    return True


def cache_delete(key: str) -> bool:
    """Forget ``key``; False when the cache does not answer."""
    try:
        cache.delete(key)
    except UNAVAILABLE as error:
        _warn("delete", key, error)
        return False
    return True


def cache_incr(key: str, timeout: float | None) -> int | None:
    """Add one to a counter that starts at 0 for ``timeout`` seconds; None without a cache."""
    try:
        cache.add(key, 0, timeout)
        try:
            return cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout)
            return 1
    except UNAVAILABLE as error:
        _warn("incr", key, error)
        return None
