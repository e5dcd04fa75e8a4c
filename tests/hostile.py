"""A crawler that sends hostile values to every query parameter and form field it finds.

It starts from the pages a role can reach from the home page and the entry points below,
follows same-site links breadth first (at most a few URLs per route, so an id-heavy list does
not dominate), and reads every ``<form>``. For each page (one per route and set of parameters)
it repeats the GET with each hostile value in each known query parameter; for each form it
posts every field set to each hostile value at once, and then each field alone hostile with
the others at their shown values.
Every answer must be below 500.
"""

from collections import Counter, deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from django.urls import Resolver404, resolve

HOSTILE = [
    "",
    " ",
    "-1",
    "0",
    "99999999999999999999",
    "1e400",
    "inf",
    "abc",
    "c²",
    "0001-01-01",
    "9999-12-31T23:59",
    "\x00",
    "\u202eRTL\u202c",
    "😀",
    "<script>alert(1)</script>",
    "'; DROP TABLE x; --",
    "长" * 25_000,
]
# Values tried on one field at a time, the others keeping their shown values: the ones that
# reach code after validation (saving, parsing ids, date arithmetic).
FIELD_HOSTILE = ["99999999999999999999", "-1", "0001-01-01", "\x00"]
# Forms whose submission ends the crawl's session, or that only switch the language.
SKIP_ACTIONS = ("/accounts/logout/", "/language/")
PER_ROUTE = 2


@dataclass
class Form:
    action: str
    method: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    multi: set[str] = field(default_factory=set)

    def defaults(self) -> dict[str, str | list[str]]:
        data: dict[str, str | list[str]] = {}
        for name, values in self.fields.items():
            if name in self.multi:
                data[name] = values[:1]
            else:
                data[name] = values[0] if values else ""
        return data


class PageParser(HTMLParser):
    """Links and forms of one HTML page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.forms: list[Form] = []
        self._form: Form | None = None
        self._select: str | None = None
        self._textarea: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for name in ("hx-get",):
            if a.get(name):
                self.links.append(a[name])
        if tag == "form":
            self._form = Form(action=a.get("action") or "", method=(a.get("method") or "get"))
            self._form.method = self._form.method.lower()
            if a.get("hx-post"):
                self._form.action, self._form.method = a["hx-post"], "post"
            elif a.get("hx-get") and not a.get("action"):
                self._form.action = a["hx-get"]
            self.forms.append(self._form)
        if self._form is None or not a.get("name"):
            if tag == "option" and self._form is not None and self._select:
                self._form.fields[self._select].append(a.get("value", ""))
            return
        name = a["name"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind in ("submit", "button", "image", "reset"):
                if a.get("value"):
                    self._form.fields.setdefault(name, []).append(a["value"])
                return
            if kind == "file":
                return
            values = self._form.fields.setdefault(name, [])
            if kind in ("checkbox", "radio"):
                values.append(a.get("value", "on"))
                if kind == "checkbox":
                    self._form.multi.add(name)
            else:
                values.insert(0, a.get("value", ""))
        elif tag == "select":
            self._form.fields.setdefault(name, [])
            self._select = name
            if "multiple" in a:
                self._form.multi.add(name)
        elif tag == "textarea":
            self._form.fields.setdefault(name, [""])
            self._textarea = name
        elif tag == "option" and self._select:
            self._form.fields[self._select].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None


@dataclass
class Report:
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    routes: Counter = field(default_factory=Counter)


def _route(path: str) -> str | None:
    try:
        return resolve(path).route
    except Resolver404:
        return None


def _check(report: Report, response, label: str) -> None:
    report.requests += 1
    if response.status_code >= 500:
        report.errors.append(f"{response.status_code} {label}")


def crawl(client, starts: list[str], *, max_pages: int = 400) -> tuple[dict[str, str], list]:
    """Visit same-site pages breadth first; return ``{url: html}`` and the forms seen."""
    seen: set[str] = set()
    per_route: Counter = Counter()
    pages: dict[str, str] = {}
    forms: list[tuple[str, Form]] = []
    queue = deque(starts)
    while queue and len(pages) < max_pages:
        url = queue.popleft()
        parts = urlsplit(url)
        if parts.scheme or parts.netloc or url in seen:
            continue
        seen.add(url)
        route = _route(parts.path)
        if route is None or route.startswith("admin/") or per_route[route] >= PER_ROUTE:
            continue
        per_route[route] += 1
        response = client.get(url)
        if response.status_code >= 500:
            pages[url] = ""
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode("utf-8", "replace")
        pages[url] = html
        parser = PageParser()
        parser.feed(html)
        for link in parser.links:
            queue.append(urljoin(url, link.split("#")[0]))
        for form in parser.forms:
            form.action = urljoin(url, form.action or url)
            forms.append((url, form))
    return pages, forms


def attack(client, pages: dict[str, str], forms: list, report: Report, done: set) -> None:
    """Send the hostile values to the pages' query parameters and to the forms.

    A form is attacked once per signature (target route and field names): all fields at once
    for every role that sees it, one field at a time only the first time ``done`` meets it.
    """
    queried = set()
    for url in pages:
        parts = urlsplit(url)
        names = {name for name, _ in parse_qsl(parts.query, keep_blank_values=True)}
        names |= {
            name
            for page, form in forms
            if page == url and form.method == "get"
            for name in form.fields
        }
        names |= {"page", "q", "ids", "next"}
        # Two pages of one route with the same parameters (two ids) reach the same code.
        signature = (_route(parts.path), frozenset(names))
        if signature in queried:
            continue
        queried.add(signature)
        for value in HOSTILE:
            query = urlencode({name: value for name in sorted(names)})
            response = client.get(f"{parts.path}?{query}")
            _check(report, response, f"GET {parts.path}?<all>={value[:20]!r}")
            report.routes[_route(parts.path)] += 1
    attacked = set()
    for page, form in forms:
        target = urlsplit(form.action).path
        if form.method != "post" or target.startswith(SKIP_ACTIONS):
            continue
        signature = (_route(target), tuple(sorted(form.fields)))
        if signature in attacked:
            continue
        attacked.add(signature)
        for value in HOSTILE:
            data = {name: ([value] if name in form.multi else value) for name in form.fields}
            data.setdefault("next", value)
            response = client.post(target, data)
            _check(report, response, f"POST {target} <all>={value[:20]!r} (from {page})")
        if signature in done:
            continue
        done.add(signature)
        for name in form.fields:
            for value in FIELD_HOSTILE:
                data = form.defaults()
                data[name] = [value] if name in form.multi else value
                response = client.post(target, data)
                _check(report, response, f"POST {target} {name}={value[:20]!r} (from {page})")
