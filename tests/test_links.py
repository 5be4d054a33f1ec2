"""Every link a persona sees on the demo leads somewhere: starting from the home page, each
persona follows every link of the application's pages (downloads and exports aside, years
kept to 2015–2030 because the year pages link to the year before and after without end)
and each must answer 200, or redirect to a page that does. A link shown to someone who may
not follow it (a 404 behind a button) or a page that fails fails here, named with the page
that showed it."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest

pytestmark = pytest.mark.django_db

# files made on request (tested with their formats) and leaving the session
SKIPPED = re.compile(r"\.(pdf|docx|xlsx|csv|svg|png)$|[?&]format=|/keluar/|/static/|/unduh")
YEAR = re.compile(r"/(\d{4})(?=/|$)")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


def _followable(href: str) -> bool:
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return False
    if SKIPPED.search(href):
        return False
    return all(2015 <= int(y) <= 2030 for y in YEAR.findall(parts.path))


def crawl(client, start: str = "/", on_page=None) -> tuple[dict[str, int], list[str]]:
    """``{address: status}`` of every page reached, and the problems found; ``on_page(url,
    html)`` is called for every HTML page."""
    seen: dict[str, int] = {}
    shown_on: dict[str, str] = {start: "(start)"}
    queue, problems = [start], []
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code in (301, 302):
            target = urljoin(url, response["Location"])
            if not _followable(target):
                problems.append(f"{url} (on {shown_on[url]}) redirects out to {target}")
            elif target not in seen:
                shown_on.setdefault(target, url)
                queue.append(target)
            continue
        if response.status_code != 200:
            problems.append(f"{url} (on {shown_on[url]}) answers {response.status_code}")
            continue
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        html = response.content.decode()
        if on_page is not None:
            on_page(url, html)
        parser = _Links()
        parser.feed(html)
        for href in parser.hrefs:
            target = urljoin(url, href.split("#", 1)[0])
            if target and _followable(target) and target not in seen:
                shown_on.setdefault(target, url)
                queue.append(target)
    return seen, problems


class _Unlabelled(HTMLParser):
    """The names of the visible inputs of a page that a screen reader could not name: no
    ``<label>`` around them or pointing at them, no ``aria-label``."""

    def __init__(self):
        super().__init__()
        self.inputs: list[tuple[str, str]] = []  # (name, id)
        self.targets: set[str] = set()
        self._open_labels = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "label":
            self._open_labels += 1
            if a.get("for"):
                self.targets.add(a["for"])
        elif tag in ("input", "select", "textarea"):
            hidden = a.get("type") in ("hidden", "submit", "button", "image")
            if not hidden and not self._open_labels and not a.get("aria-label"):
                self.inputs.append((a.get("name") or "", a.get("id") or ""))

    def handle_endtag(self, tag):
        if tag == "label":
            self._open_labels -= 1

    def names(self) -> list[str]:
        return [name for name, id_ in self.inputs if not id_ or id_ not in self.targets]


def unlabelled(url: str, html: str) -> list[str]:
    parser = _Unlabelled()
    parser.feed(html)
    return [f"{url}: {name}" for name in parser.names()]


JUNK = "x'\"<>²9999999999999999999999"


class _Forms(HTMLParser):
    """The POST forms of a page: ``(action, field names)``; buttons are left out (which one
    is pressed is itself a field the junk replaces)."""

    def __init__(self):
        super().__init__()
        self.forms: list[tuple[str, list[str]]] = []
        self._fields: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self._fields = [] if (a.get("method") or "").lower() == "post" else None
            if self._fields is not None:
                self.forms.append((a.get("action") or "", self._fields))
        elif (
            tag in ("input", "select", "textarea")
            and self._fields is not None
            and a.get("name")
            and a.get("type") not in ("submit", "button", "image")
        ):
            self._fields.append(a["name"])

    def handle_endtag(self, tag):
        if tag == "form":
            self._fields = None


def junk_posts(client, pages: dict[str, str]) -> tuple[int, list[str]]:
    """Send each kind of form of ``pages`` blank and junk; the forms sent and the failures."""
    sent, problems, done = 0, [], set()
    for url, html in pages.items():
        parser = _Forms()
        parser.feed(html)
        for action, fields in parser.forms:
            target = urljoin(url, action or url)
            names = tuple(sorted(set(fields) - {"csrfmiddlewaretoken"}))
            kind = (re.sub(r"\d+", "N", urlsplit(target).path), names)
            if "/keluar/" in target or kind in done:
                continue
            done.add(kind)
            for value in ("", JUNK):
                sent += 1
                response = client.post(target, dict.fromkeys(names, value))
                if response.status_code >= 500:
                    problems.append(
                        f"{target} (form on {url}) with {value!r}: {response.status_code}"
                    )
    return sent, problems


@pytest.mark.parametrize(
    ("username", "at_least", "forms"),
    [("admin", 400, 30), ("operator", 400, 30), ("kepala", 150, 5), ("inspektorat", 150, 3)],
)
def test_every_link_leads_to_a_page_and_every_form_refuses_junk(login, username, at_least, forms):
    client = login(username)
    pages: dict[str, str] = {}
    seen, problems = crawl(client, on_page=pages.__setitem__)
    assert problems == []
    # every field a user types into is named for screen readers
    assert [name for url, html in pages.items() for name in unlabelled(url, html)] == []
    # the crawl really went through the application, not just the home page
    assert len(seen) >= at_least
    assert any("/realisasi/" in url for url in seen)
    assert any(url.startswith("/audit/") for url in seen)

    client.raise_request_exception = False  # a failure is listed, not raised
    sent, problems = junk_posts(client, pages)
    assert problems == []
    assert sent >= 2 * forms


class _Site:
    """A stand-in for the test client: pages by address."""

    def __init__(self, pages):
        self.pages = pages

    def get(self, url):
        from django.http import HttpResponse, HttpResponseRedirect

        page = self.pages.get(url)
        if page is None:
            return HttpResponse(status=404)
        if page.startswith("->"):
            return HttpResponseRedirect(page[2:])
        return HttpResponse(page, content_type="text/html; charset=utf-8")


def test_the_crawler_reports_what_leads_nowhere():
    """The test above can fail: a link answering 404, a redirect leaving the application;
    downloads, other sites and far years are not followed."""
    site = _Site(
        {
            "/": '<a href="/a/">a</a> <a href="/b/">b</a> <a href="https://x.org/">x</a>'
            ' <a href="/laporan/evaluasi.pdf">pdf</a> <a href="/unit/u/1999/">far</a>',
            "/a/": '<a href="/hilang/#bagian">hilang</a> <a href="/">home</a>',
            "/b/": "->/c/",
            "/c/": '<a href="/keluar/">keluar</a> <a href="/d/">d</a>',
            "/d/": "->https://elsewhere.example/",
        }
    )
    seen, problems = crawl(site)
    assert problems == [
        "/hilang/ (on /a/) answers 404",
        "/d/ (on /c/) redirects out to https://elsewhere.example/",
    ]
    assert set(seen) == {"/", "/a/", "/b/", "/c/", "/d/", "/hilang/"}


def test_an_input_without_a_name_for_screen_readers_is_reported():
    html = (
        '<form><label>Nama <input name="a"></label>'
        '<label for="b1">Kode</label><input name="b" id="b1">'
        '<input name="c" aria-label="Pagu">'
        '<input type="hidden" name="d"><button name="e">Simpan</button>'
        '<input name="f"><textarea name="g"></textarea><select name="h" id="x"></select>'
        "</form>"
    )
    assert unlabelled("/p/", html) == ["/p/: f", "/p/: g", "/p/: h"]
