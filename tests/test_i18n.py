"""A French and an English interface: every string marked, every French string written,
the language chosen by the browser or the reader, and the stored data left alone.
"""

from __future__ import annotations

import csv
import datetime
import os
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.signals import setting_changed
from django.urls import reverse
from django.utils import timezone

from claims.choices import ClaimStatus
from claims.models import Claim
from tests.factories import make_claim

ROOT = Path(settings.BASE_DIR)
TEMPLATES = ROOT / "templates"
CATALOGUE = ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po"
# Kept in step with the Makefile's and the brief's makemessages command.
IGNORED = [".venv", "node_modules", "tests", "bench"]

FRENCH = {"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9,en;q=0.5"}
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9"}


# --- every template string is marked for translation --------------------------------

# Names that read the same in every language.
ALLOWED_WORDS = {"Factcheck", "Swagger"}
# Attributes a person reads or hears; every other attribute is for machines.
VISIBLE_ATTRIBUTES = {
    "alt",
    "title",
    "placeholder",
    "label",
    "aria-label",
    "aria-description",
    "aria-roledescription",
    "aria-placeholder",
    "aria-valuetext",
    "hx-confirm",
    "hx-prompt",
}
WORD = re.compile(r"[^\W\d_]+")
_DJANGO_COMMENT = re.compile(r"{%\s*comment\b.*?%}.*?{%\s*endcomment\s*%}|{#.*?#}", re.S)
_BLOCKTRANSLATE = re.compile(
    r"{%\s*blocktrans(?:late)?\b.*?%}.*?{%\s*endblocktrans(?:late)?\s*%}", re.S
)
_DJANGO_SYNTAX = re.compile(r"{%.*?%}|{{.*?}}", re.S)
# A literal a filter or tag prints as it is: {{ x|default:"none" }}, {% firstof a "none" %}.
_PRINTED_LITERAL = re.compile(
    r"""\|\s*(?:default|default_if_none|yesno)\s*:\s*(?P<q>["'])(?P<text>.*?)(?P=q)"""
)
_FIRSTOF = re.compile(r"{%\s*firstof\b(?P<args>.*?)%}", re.S)
_STRING = re.compile(r"""(?<![\w)])(?P<q>["'])(?P<text>.*?)(?P=q)""")


def _blank(match: re.Match) -> str:
    """The match as spaces, newlines kept, so that positions and line numbers stay true."""
    return re.sub(r"[^\n]", " ", match.group())


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self._raw: str | None = None

    def _check(self, text: str, line: int) -> None:
        for word in WORD.findall(text):
            if word not in ALLOWED_WORDS:
                self.found.append((line, word))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        attributes = dict(attrs)
        for name, value in attrs:
            if value and name in VISIBLE_ATTRIBUTES:
                self._check(value, line)
        if tag == "input" and (attributes.get("type") or "") in {"submit", "button", "reset"}:
            self._check(attributes.get("value") or "", line)
        if tag in {"script", "style"}:
            self._raw = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._raw = None

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw is None:
            self._check(data, self.getpos()[0])


def untranslated_strings(source: str) -> list[tuple[int, str]]:
    """(line, word) for every word a reader would see that no translation tag holds."""
    found: list[tuple[int, str]] = []
    text = _DJANGO_COMMENT.sub(_blank, source)
    text = _BLOCKTRANSLATE.sub(_blank, text)
    for syntax in _DJANGO_SYNTAX.finditer(text):
        line = text.count("\n", 0, syntax.start()) + 1
        literals = [m.group("text") for m in _PRINTED_LITERAL.finditer(syntax.group())]
        if firstof := _FIRSTOF.match(syntax.group()):
            literals += [m.group("text") for m in _STRING.finditer(firstof.group("args"))]
        found += [
            (line, word)
            for literal in literals
            for word in WORD.findall(literal)
            if word not in ALLOWED_WORDS
        ]
    parser = _VisibleText()
    # {% translate %} goes with the rest of the template syntax: what is left is raw HTML.
    parser.feed(_DJANGO_SYNTAX.sub(_blank, text))
    parser.close()
    return sorted(found + parser.found)


def test_the_scanner_finds_unmarked_words_and_only_those() -> None:
    template = """{% load i18n %}{# a comment is not shown #}
<h1 title="{% translate 'Claims' %}">{% translate "Claims" %} · Factcheck</h1>
<p>{% blocktranslate count counter=n %}{{ counter }} claim{% plural %}{{ counter }} claims
{% endblocktranslate %}</p>
<a href="/claims/" class="badge status-new" aria-label="Close">Hello</a>
<input type="submit" value="Send"> <input type="hidden" name="next" value="home">
<td>{{ claim.assignee|default:"nobody" }}{{ claim.value_text|default:"—" }}</td>
<img alt="{{ source.title }}" src="x.png"><span>{{ label|capfirst }} — </span>
"""
    assert untranslated_strings(template) == [
        (5, "Close"),
        (5, "Hello"),
        (6, "Send"),
        (7, "nobody"),
    ]


@pytest.mark.parametrize(
    "template", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: str(path.relative_to(ROOT))
)
def test_every_template_string_is_marked_for_translation(template: Path) -> None:
    problems = untranslated_strings(template.read_text(encoding="utf-8"))
    assert not problems, "\n".join(
        f"{template.relative_to(ROOT)}:{line}: {word!r} is not in {{% translate %}}"
        for line, word in problems
    )


# --- the French catalogue is complete and up to date --------------------------------


@pytest.fixture(scope="module")
def regenerated_catalogue(tmp_path_factory) -> Path:
    """The French catalogue as `makemessages` makes it from today's sources.

    It runs on a copy of the project: makemessages writes into the locale folder
    beside the sources it reads, and the real catalogue must stay as it is.
    """
    if not shutil.which("xgettext") or not shutil.which("msgmerge"):
        pytest.fail("GNU gettext is missing: `make test` installs it (apt-get install gettext).")
    copy = tmp_path_factory.mktemp("project") / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            *IGNORED,
            ".git",
            "staticfiles",
            "test-results",
            "db.sqlite3*",
            "__pycache__",
            "*.mo",
            "*.egg-info",
        ),
    )
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "-v", "0"]
        + [f"--ignore={pattern}" for pattern in IGNORED],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "factcheck.settings", "DJANGO_DEBUG": "1"},
        check=True,
        capture_output=True,
    )
    return copy / CATALOGUE.relative_to(ROOT)


def _messages(path: Path) -> dict:
    with path.open("rb") as po:
        catalogue = read_po(po)
    return {(message.context, message.id): message for message in catalogue if message.id}


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


def test_the_catalogue_has_every_string_of_the_sources(regenerated_catalogue: Path) -> None:
    missing = set(_messages(regenerated_catalogue)) - set(_messages(CATALOGUE))
    assert not missing, (
        "Strings of the sources are not in locale/fr/LC_MESSAGES/django.po; run "
        f"`makemessages -l fr {' '.join(f'--ignore={i}' for i in IGNORED)}` "
        f"and translate them: {sorted(str(id) for _context, id in missing)}"
    )


def test_every_string_has_a_french_translation(regenerated_catalogue: Path) -> None:
    # The regenerated catalogue: what the French interface would show today.
    messages = _messages(regenerated_catalogue)
    untranslated = [str(m.id) for m in messages.values() if not all(_strings(m))]
    fuzzy = [str(m.id) for m in messages.values() if m.fuzzy]
    assert not untranslated, f"Not translated into French: {untranslated}"
    assert not fuzzy, f"Fuzzy (to check, then remove the flag): {fuzzy}"


def test_the_catalogue_compiles_with_matching_placeholders() -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "-o", os.devnull, str(CATALOGUE)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_plural_strings_have_every_french_form() -> None:
    with CATALOGUE.open("rb") as po:
        catalogue = read_po(po)
    assert catalogue.num_plurals == 3  # one, many (1 000 000), other: as Django's own catalogue
    for message in catalogue:
        if message.id and message.pluralizable:
            assert len(message.string) == 3 and all(message.string), message.id


# French typography: a no-break space before : ; ? ! and inside « », and ’ for apostrophes.
_NO_BREAK = "\u00a0\u202f"
_TYPOGRAPHY = [
    (re.compile(rf"(?<![{_NO_BREAK}])[:;?!»]"), "a no-break space before : ; ? ! »"),
    (re.compile(rf"«(?![{_NO_BREAK}])"), "a no-break space after «"),
    (re.compile("'"), "’ rather than '"),
    (re.compile(r"\.\.\."), "… rather than ..."),
]


def test_french_strings_follow_french_typography() -> None:
    problems = []
    for message in _messages(CATALOGUE).values():
        for string in _strings(message):
            checked = re.sub(r"https?://|%\(\w+\)[sd]|\d:\d", "", string)
            problems += [
                f"{string!r}: {rule}" for pattern, rule in _TYPOGRAPHY if pattern.search(checked)
            ]
    assert not problems, "\n".join(problems)


# --- the language follows the browser, then the reader's choice ---------------------


def compile_french_catalogue() -> None:
    """The .mo files are built, not committed: build them when the .po is newer.

    `make test` compiles them first; this keeps a bare `pytest` honest. Django
    caches catalogues per process, so the cache is dropped after a build.
    """
    compiled = CATALOGUE.with_suffix(".mo")
    if compiled.exists() and compiled.stat().st_mtime >= CATALOGUE.stat().st_mtime:
        return
    partial = compiled.with_suffix(f".mo.{os.getpid()}")
    subprocess.run(["msgfmt", "-o", str(partial), str(CATALOGUE)], check=True)
    partial.replace(compiled)
    setting_changed.send(
        sender=type(settings), setting="LOCALE_PATHS", value=settings.LOCALE_PATHS, enter=False
    )


@pytest.fixture(scope="session")
def compiled_catalogue() -> None:
    compile_french_catalogue()


@pytest.fixture
def french(compiled_catalogue) -> dict:
    return FRENCH


@pytest.mark.django_db
def test_a_french_browser_gets_the_french_login_page(client, french) -> None:
    response = client.get(reverse("login"), headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert response["Content-Language"] == "fr"
    assert '<html lang="fr">' in response.text
    assert "Connexion" in response.text and "Nom d’utilisateur" in response.text
    assert "Accept-Language" in response["Vary"]


@pytest.mark.django_db
def test_an_english_browser_gets_english(client, compiled_catalogue) -> None:
    response = client.get(reverse("login"), **ENGLISH)
    assert response["Content-Language"] == "en"
    assert "Log in" in response.text


@pytest.mark.django_db
def test_a_browser_in_another_language_gets_english(client, compiled_catalogue) -> None:
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")
    assert response["Content-Language"] == "en"


@pytest.mark.django_db
def test_the_chosen_language_is_kept_in_a_lasting_cookie(client, compiled_catalogue) -> None:
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": reverse("login")}, **ENGLISH
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("login")
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "fr"
    assert int(cookie["max-age"]) >= 180 * 24 * 3600  # not a cookie the browser drops on closing
    assert cookie["samesite"] == "Lax"
    # The cookie wins over the browser's Accept-Language from now on.
    assert "Connexion" in client.get(reverse("login"), **ENGLISH).text


@pytest.mark.django_db
def test_the_choice_outlives_logging_out(client, reviewer, compiled_catalogue) -> None:
    client.post(reverse("set_language"), {"language": "fr", "next": "/"})
    client.force_login(reviewer)
    client.post(reverse("logout"))
    assert "Connexion" in client.get(reverse("login"), **ENGLISH).text


@pytest.mark.django_db
def test_set_language_refuses_a_redirect_elsewhere(client) -> None:
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": "https://evil.example/"}
    )
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_the_claims_list_in_french(client, reviewer, french) -> None:
    claim = make_claim(statement="Exemple a été fondée en 2019.", value_text="en 2019")
    Claim.objects.filter(pk=claim.pk).update(
        status=ClaimStatus.IN_RESEARCH,
        updated_at=timezone.make_aware(datetime.datetime(2025, 3, 5, 14, 7)),
    )
    client.force_login(reviewer)
    page = client.get(reverse("claim_list"), **french).text
    assert "<h1>Affirmations</h1>" in page
    assert "1 affirmation<" in page
    assert ">en cours de vérification<" in page
    assert ">5 mars 2025</time>" in page
    # What the article says is never translated.
    assert "Exemple a été fondée en 2019." in page and "en 2019" in page


@pytest.mark.django_db
def test_counts_are_grouped_the_french_way(client, reviewer, french) -> None:
    claim = make_claim()
    Claim.objects.bulk_create(
        Claim(subject=claim.subject, property=claim.property, statement=f"Claim {n}")
        for n in range(1233)
    )
    client.force_login(reviewer)
    assert "<td>1\u00a0234</td>" in client.get(reverse("home"), **french).text
    assert "1\u00a0234 affirmations" in client.get(reverse("claim_list"), **french).text
    assert "1,234 claims" in client.get(reverse("claim_list"), **ENGLISH).text


# --- the interface language never changes what was stored ---------------------------

VALUE_FIELDS = [
    "statement",
    "subject_id",
    "property_id",
    "value_text",
    "value_kind",
    "value_qualifier",
    "value_number",
    "value_unit",
    "value_per",
    "value_currency",
    "value_date",
    "value_date_precision",
]


class _FormValues(HTMLParser):
    """What a browser would send for the form with ``css_class``, untouched."""

    def __init__(self, css_class: str) -> None:
        super().__init__(convert_charrefs=True)
        self.css_class = css_class
        self.values: dict[str, str] = {}
        self._inside = False
        self._textarea: str | None = None
        self._select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._inside = self.css_class in a.get("class", "").split()
        if not self._inside:
            return
        if tag == "input" and a.get("type") not in {"submit", "button", "checkbox", "radio"}:
            self.values[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self._textarea = a["name"]
            self.values[a["name"]] = ""
        elif tag == "select":
            self._select = a["name"]
        elif (
            tag == "option"
            and self._select
            and ("selected" in a or self._select not in self.values)
        ):
            self.values[self._select] = a.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False
        elif tag == "textarea":
            self._textarea = None
        elif tag == "select":
            self._select = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.values[self._textarea] += data


def _stored(claim: Claim) -> dict:
    claim.refresh_from_db()
    return {name: getattr(claim, name) for name in VALUE_FIELDS}


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fr", "en"])
def test_saving_the_claim_form_unchanged_in_either_language_keeps_the_claim(
    client, reviewer, deepseek, compiled_catalogue, language
) -> None:
    claim = Claim.objects.get(value_text="0,14 $")  # "0,14 $ pour un million de jetons"
    before = _stored(claim)
    client.force_login(reviewer)
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    page = client.get(reverse("claim_edit", args=[claim.pk]))
    assert page["Content-Language"] == language
    parser = _FormValues("claim-form")
    parser.feed(page.text)
    assert parser.values["value_text"] == "0,14 $"

    response = client.post(reverse("claim_edit", args=[claim.pk]), parser.values)

    assert response.status_code == 302, response.text
    assert _stored(claim) == before
    page = client.get(claim.get_absolute_url()).text
    # The wording as stated, whatever the reader's language; the structured value in theirs.
    assert "<dd>0,14 $</dd>" in page
    assert {
        "fr": "0,14\u00a0$US par million de jetons",
        "en": "$0.14 per million tokens",
    }[language] in page


@pytest.mark.django_db
def test_the_claim_page_in_french_keeps_the_articles_words(
    client, reviewer, deepseek, french
) -> None:
    claim = Claim.objects.get(value_text="0,14 $")
    before = _stored(claim)
    client.force_login(reviewer)
    page = client.get(claim.get_absolute_url(), **french).text
    assert claim.statement.replace("'", "&#x27;") in page  # the canonical statement, as written
    assert "<dt>Valeur telle qu’énoncée</dt><dd>0,14 $</dd>" in page
    assert _stored(claim) == before


@pytest.mark.django_db
def test_the_csv_export_names_its_columns_in_the_readers_language(
    client, reviewer, deepseek, french
) -> None:
    client.force_login(reviewer)

    def header_and_first_row(**headers) -> list[list[str]]:
        response = client.get(reverse("claim_export"), {"bom": "0"}, **headers)
        lines = b"".join(response.streaming_content).decode("utf-8").splitlines()
        return [next(csv.reader([line])) for line in lines[:2]]

    (french_header, french_row) = header_and_first_row(**french)
    (english_header, english_row) = header_and_first_row(**ENGLISH)
    assert french_header[:3] == ["N°\u00a0d’affirmation", "Énoncé", "Sujet"]
    assert english_header[:3] == ["Claim ID", "Statement", "Subject"]
    # The values are codes and the article's words, the same in every language.
    assert french_row == english_row


# --- nothing a French reader sees stays in English: every page and partial -----------

# Words spelt the same in both languages, and names: the language switch names each
# language in itself ("English", "Français") on purpose.
SAME_IN_BOTH = {
    *("Factcheck", "URL", "CSV", "UTF", "API", "ISO", "JSON", "ClaimReview", "English", "Français"),
    *("Action", "Articles", "Code", "Date", "Description", "Discussion", "Note", "Verdict"),
    *("alias", "corroboration", "Corroboration", "Corroborations", "export", "note", "option"),
    *("pages", "participants", "passage", "patients", "sources", "verdict", "verdicts", "Verdicts"),
    *("attribution", "interface", "menus", "web", "EUR", "USD", "html", "md", "txt"),
    *("comparable", "article", "Article", "Notifications", "notifications", "confirmation"),
    *("document", "JPEG", "PDF", "PNG", "WebP"),
}


def _data_text() -> str:
    """Everything the workbench's own data says, as one text: what articles and people
    wrote is shown as written (or cut short) in any interface language."""
    from django.apps import apps
    from django.contrib.auth import get_user_model

    texts: list[str] = []
    models = [*apps.get_app_config("claims").get_models(), get_user_model()]
    for model in models:
        fields = [
            f.attname
            for f in model._meta.concrete_fields
            if f.get_internal_type() in {"CharField", "TextField", "SlugField", "URLField"}
            and not f.choices
            and f.name not in {"label", "label_fr", "password"}
        ]
        if not fields or model._meta.model_name.startswith("historical"):
            continue
        for row in model.objects.values_list(*fields):
            texts.extend(str(value or "") for value in row)
    return "\n".join(texts)


def _words(html: str) -> set[str]:
    from tests.crawl import visible_texts

    return {word for text in visible_texts(html) for word in WORD.findall(text)}


# Forms sent back with their errors: the messages are part of what a reader sees.
REFUSED_FORMS = [
    ("evidence_add", {"new-stance": "supports"}),
    ("verdict_propose", {"rating": "", "rationale": ""}),
    ("comment_add", {"body": ""}),
    ("claim_status", {"status": "not_checkable", "reason": ""}),
]


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_no_page_or_partial_shows_english_in_french(
    client, reviewed_case, compiled_catalogue, request, role
) -> None:
    from tests.crawl import crawl

    client.force_login(request.getfixturevalue(role))
    data = _data_text()

    def english(words: set[str]) -> set[str]:
        return {w for w in words - SAME_IN_BOTH if w not in data}

    open_claim = Claim.objects.exclude(status="published").order_by("pk").first()
    starts = ["/", "/disputes/?show=all", reverse("claim_history", args=[reviewed_case.pk])]
    problems: dict[str, set[str]] = {}
    visited = 0
    for visit in crawl(client, *starts, **FRENCH):
        visited += 1
        extra = {"HTTP_HX_REQUEST": "true"} if visit.htmx else {}
        english_page = client.get(visit.url, **ENGLISH, **extra).content.decode()
        # An empty choice says what it means ("any", "not set"), not "---------".
        assert "---------" not in visit.html + english_page, visit.url
        left = english(_words(visit.html) & _words(english_page))
        if left:
            problems[visit.url + (" (htmx)" if visit.htmx else "")] = left
    for name, form in REFUSED_FORMS:
        url = reverse(name, args=[open_claim.pk])
        french_page = client.post(url, form, **FRENCH).content.decode()
        english_page = client.post(url, form, **ENGLISH).content.decode()
        left = english(_words(french_page) & _words(english_page))
        if left:
            problems[f"POST {url}"] = left
    assert visited > 100
    assert not problems, "\n".join(f"{url}: {sorted(words)}" for url, words in problems.items())


@pytest.mark.django_db
def test_property_labels_follow_the_interface_language(
    client, reviewer, deepseek, compiled_catalogue
) -> None:
    from claims.models import Dispute

    claim = Claim.objects.get(statement="DeepSeek was founded in May 2023.")
    dispute = Dispute.objects.get(property__code="founding-date")
    client.force_login(reviewer)
    for headers, label in ((FRENCH, "date de création"), (ENGLISH, "founding date")):
        assert (
            f'<td class="wide-only">{label}</td>'
            in client.get(reverse("claim_list"), **headers).text
        )
        assert f"<dd>{label}</dd>" in client.get(claim.get_absolute_url(), **headers).text
        assert f"DeepSeek · {label}" in client.get(dispute.get_absolute_url(), **headers).text
        assert f"DeepSeek · {label}" in client.get(reverse("dispute_list"), **headers).text
        assert label in client.get(reverse("property_list"), **headers).text
        edit = client.get(reverse("claim_edit", args=[claim.pk]), **headers).text
        assert f"selected>{label}</option>" in edit


@pytest.mark.django_db
def test_the_list_sorts_by_property_in_the_interface_language(
    client, reviewer, deepseek, compiled_catalogue
) -> None:
    client.force_login(reviewer)

    def properties(headers) -> list[str]:
        response = client.get(reverse("claim_list"), {"ordering": "property"}, **headers)
        return [str(claim.property) for claim in response.context["page"]]

    french = properties(FRENCH)
    english = properties(ENGLISH)
    assert french == sorted(french, key=str.casefold)
    assert english == sorted(english, key=str.casefold)
    assert french != english


@pytest.mark.django_db
def test_filters_name_languages_and_say_any(client, reviewer, deepseek, compiled_catalogue):
    client.force_login(reviewer)
    french = client.get(reverse("claim_list"), **FRENCH).text
    english = client.get(reverse("claim_list"), **ENGLISH).text
    assert '<option value="fr">Français</option>' in french
    assert '<option value="fr">French</option>' in english
    assert '<option value="" selected>indifférent</option>' in french
    assert '<option value="" selected>any</option>' in english
    assert ">Français</td>" in client.get(reverse("source_list"), **FRENCH).text


@pytest.mark.django_db
def test_a_unit_is_edited_in_the_readers_language_and_stored_by_its_code(
    client, reviewer, deepseek, compiled_catalogue
) -> None:
    claim = Claim.objects.get(value_text="0,14 $")
    assert claim.value_unit == "token"
    client.force_login(reviewer)
    french = client.get(reverse("claim_edit", args=[claim.pk]), **FRENCH).text
    assert 'name="value_unit" value="jeton"' in french
    assert "Ce qui est compté\u00a0: jeton, GPU, heure…" in french
    parser = _FormValues("claim-form")
    parser.feed(french)
    parser.values["value_unit"] = "jetons"
    assert (
        client.post(reverse("claim_edit", args=[claim.pk]), parser.values, **FRENCH).status_code
        == 302
    )
    claim.refresh_from_db()
    assert claim.value_unit == "token"


@pytest.mark.django_db
def test_the_timeline_names_a_changed_property_in_the_readers_language(
    client, reviewer, reviewed_case, compiled_catalogue
) -> None:
    client.force_login(reviewer)
    french = client.get(reviewed_case.get_absolute_url(), **FRENCH).text
    assert "<del>date de création</del> → <ins>date de lancement</ins>" in french
    english = client.get(reviewed_case.get_absolute_url(), **ENGLISH).text
    assert "<del>founding date</del> → <ins>launch date</ins>" in english
