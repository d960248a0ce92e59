"""Who is knocking: the client address used by the login lockout (django-axes).

Behind a reverse proxy every request comes from the proxy's address, so a lockout by address would
lock everybody out at once. The address in ``X-Forwarded-For`` is believed only when the request
comes from a proxy named in ``DJANGO_TRUSTED_PROXIES`` (comma-separated addresses): then the client
is the rightmost address that is not one of those proxies. Anyone else's header is ignored, so it
cannot be forged to lock out somebody else or to escape a lockout.
"""

from __future__ import annotations

from django.conf import settings


def client_ip(request) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    trusted = set(getattr(settings, "TRUSTED_PROXIES", ()))
    if remote not in trusted:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    for address in reversed(forwarded):
        if address not in trusted:
            return address
    return remote
