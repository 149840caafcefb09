"""Every page and partial a person can reach by following links, as the test client sees them.

The crawl starts from the dashboard and follows each same-site ``href`` and
``hx-get`` (the latter as htmx asks for it, so the partial is what is read),
with a bound per path so that sort and page links do not multiply without end.
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

# Pages that change something when fetched, leave the workbench or serve files.
SKIPPED_PREFIXES = ("/accounts/logout", "/admin/", "/api/", "/static/", "/i18n/")
SKIPPED_SUFFIXES = (".csv", ".json")
URL_ATTRIBUTES = ("href", "hx-get", "hx-post", "action", "src")


@dataclass
class Link:
    attribute: str
    value: str


@dataclass
class Visit:
    url: str
    htmx: bool
    status: int
    html: str
    links: list[Link]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[Link] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in URL_ATTRIBUTES and value is not None:
                self.links.append(Link(name, value))


def links_in(html: str) -> list[Link]:
    parser = _Links()
    parser.feed(html)
    parser.close()
    return parser.links


def _followed(base: str, value: str) -> str | None:
    if value.startswith(("#", "mailto:", "javascript:")):
        return None
    url = urljoin(base, value)
    parts = urlsplit(url)
    if parts.netloc not in ("", "testserver"):
        return None
    if parts.path.startswith(SKIPPED_PREFIXES) or parts.path.endswith(SKIPPED_SUFFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client, *starts: str, per_path: int = 30, limit: int = 500, **headers) -> Iterator[Visit]:
    """Each page and partial once, breadth first from ``starts`` (the dashboard by
    default), at most ``per_path`` per path."""
    queue: deque[tuple[str, bool]] = deque((start, False) for start in starts or ["/"])
    seen: set[tuple[str, bool]] = set(queue)
    per: Counter[str] = Counter()
    while queue and len(seen) <= limit:
        url, htmx = queue.popleft()
        extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        response = client.get(url, **headers, **extra)
        html = response.content.decode() if "html" in response.get("Content-Type", "") else ""
        links = links_in(html)
        yield Visit(url, htmx, response.status_code, html, links)
        for link in links:
            if link.attribute not in ("href", "hx-get"):
                continue
            target = _followed(url, link.value)
            key = (target, link.attribute == "hx-get")
            if target is None or key in seen:
                continue
            path = urlsplit(target).path
            if per[path] >= per_path:
                continue
            per[path] += 1
            seen.add(key)
            queue.append(key)


# Attributes a person reads or hears.
VISIBLE_ATTRIBUTES = {"title", "placeholder", "aria-label", "alt", "aria-description"}


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style", "template"}:
            self._hidden += 1
        for name, value in attrs:
            if value and name in VISIBLE_ATTRIBUTES:
                self.parts.append(value)
        if tag == "input" and dict(attrs).get("type") in {"submit", "button", "reset"}:
            self.parts.append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style", "template"} and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def visible_texts(html: str) -> list[str]:
    """Each piece of text a person sees or hears on the page, in order."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.parts
