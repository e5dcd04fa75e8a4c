"""The address of the request being served, for the audit trail.

Services do not take the request; the middleware below remembers the client address for the
duration of one request so that :func:`talentbridge.services.log_action` can record it.
"""

from contextvars import ContextVar

from .addresses import client_address

_address: ContextVar[str | None] = ContextVar("audit_address", default=None)


def current_address() -> str | None:
    """The client address of the request being served, or None outside a request."""
    return _address.get()


class AuditContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _address.set(client_address(request))
        try:
            return self.get_response(request)
        finally:
            _address.reset(token)
