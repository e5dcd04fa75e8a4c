"""WSGI entry point, served by gunicorn in production (settings in gunicorn.conf.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbridge.settings")
application = get_wsgi_application()


def warm_up() -> None:
    """Do now what Django would otherwise do on a worker's first requests.

    Importing every URL module with its views and forms, building the reverse lookup,
    reading the translation catalogues and binding the Celery tasks cost about a second of
    CPU. With ``preload_app`` gunicorn does it once, before forking, and every worker
    starts ready. Nothing here opens a connection: a socket opened before the fork would
    be shared by all workers.
    """
    from django.conf import settings
    from django.urls import get_resolver, reverse
    from django.utils import translation

    from talentbridge.celery import app

    get_resolver().url_patterns  # noqa: B018 - imports every URL module and view
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            reverse("healthz")
            translation.gettext("Home")
    app.finalize(auto=True)


warm_up()
