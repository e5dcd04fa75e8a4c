"""The client's address, trusting a forwarded address only from the configured proxies."""

import ipaddress

from django.conf import settings


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.TRUSTED_PROXY_NETWORKS)


def client_address(request) -> str | None:
    """The address of the client that sent ``request``.

    ``X-Forwarded-For`` is read only when the connection comes from a trusted proxy (the
    ``TRUSTED_PROXIES`` setting); then the right-most address that is not itself a trusted
    proxy is the client. Anyone else could write any address into that header.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    if remote is None or not _is_trusted_proxy(remote):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _is_trusted_proxy(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote
    return remote
