"""Language selection (the visitor's explicit choice, else Simplified Chinese), the
Permissions-Policy header, and the refusal of query strings no page can use."""

from urllib.parse import unquote_to_bytes

from django.conf import settings
from django.shortcuts import render
from django.utils import translation


class PreferredLanguageMiddleware:
    """Activate the language chosen with the language switch (cookie), or zh-hans.

    Unlike Django's LocaleMiddleware this ignores the browser's Accept-Language: the portal
    serves Chinese summits, so Chinese is the default even on an English-language phone.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in self.codes:
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        patch = response.get("Vary", "")
        if "Cookie" not in patch:
            response["Vary"] = f"{patch}, Cookie" if patch else "Cookie"
        translation.deactivate()
        return response


class PermissionsPolicyMiddleware:
    """Turn off powerful browser features; allow the camera only on ``CAMERA_VIEWS``."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        camera = "(self)" if match and match.view_name in settings.CAMERA_VIEWS else "()"
        response.headers.setdefault(
            "Permissions-Policy",
            f"camera={camera}, microphone=(), geolocation=(), payment=(), usb=(), "
            "interest-cohort=()",
        )
        return response


class QueryStringMiddleware:
    """Answer 400 with a readable page for a query string holding a NUL character.

    No parameter of the portal can contain one, and PostgreSQL refuses text with NUL in any
    query, so it is turned away here, once, before any view or filter sees it. (Form fields
    refuse NUL themselves, with a field error.)
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "")
        if "%00" in raw or b"\x00" in unquote_to_bytes(raw):
            return render(request, "400.html", status=400)
        return self.get_response(request)
