"""A cache backend whose server never answers, as Django's Redis cache does while Redis is down."""

from django.core.cache.backends.base import BaseCache
from redis.exceptions import ConnectionError as RedisConnectionError

SETTINGS = {"default": {"BACKEND": "tests.talentbridge.broken_cache.UnreachableCache"}}


class UnreachableCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)

    def _fail(self, *args, **kwargs):
        raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    add = get = set = touch = delete = incr = clear = has_key = get_many = _fail
