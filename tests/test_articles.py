"""Importing articles: text normalised once, HTML and Markdown read, bad files refused,
re-imports recognised; the import page, the command, and the articles list."""

from __future__ import annotations

import datetime
import re
import unicodedata
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from claims import articles
from claims.articles import (
    ArticleRefused,
    DuplicateArticle,
    import_article,
    markdown_to_text,
    normalise_text,
    read_article_file,
)
from claims.models import Source
from tests.factories import make_claim, make_source

SEEDS = Path(settings.BASE_DIR).parent / "shared" / "seeds"

HTML = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>Valmont lève 12 millions d’euros</title>
<meta property="og:site_name" content="Le Quotidien">
<meta name="author" content="Jeanne Martin">
<meta property="article:published_time" content="2025-01-28T10:00:00+01:00"></head>
<body><nav><a href="/">Accueil</a> | <a href="/eco">Économie</a></nav>
<article><h1>Valmont lève 12 millions d’euros</h1>
<p>Fondée en 2019 à Lyon, la société Valmont a levé 12&nbsp;millions d’euros,
selon son président.</p>
<p>Elle emploie 1&#8239;200 personnes et son <b>chiffre d’affaires</b> a progressé de
35&nbsp;% en 2024.</p>
<h2>Un marché en croissance</h2>
<p>M. Dupont a déclaré que l’entreprise surpasse ses concurrents.</p></article>
<footer>© 2025 Le Quotidien — Mentions légales</footer></body></html>"""


# --- normalisation ---------------------------------------------------------------------------


def test_paragraphs_are_separated_by_one_blank_line() -> None:
    text = "Titre\r\n\r\n\r\nPremier paragraphe.\rSecond paragraphe.\n  \n\nTroisième."
    assert normalise_text(text) == (
        "Titre\n\nPremier paragraphe.\n\nSecond paragraphe.\n\nTroisième."
    )


def test_hard_wrapped_lines_are_joined_but_headings_stay_apart() -> None:
    text = "Un titre sans point\nLe texte commence ici et\ncontinue sur la ligne suivante.\n"
    assert normalise_text(text) == (
        "Un titre sans point\n\nLe texte commence ici et continue sur la ligne suivante."
    )


def test_spaces_are_collapsed_but_no_break_spaces_kept() -> None:
    text = "Il  a\tlevé 2\u00a0000 \u00a0€ soit 96\u202f%  ,  dit-il.  "
    assert normalise_text(text) == "Il a levé 2\u00a0000\u00a0€ soit 96\u202f% , dit-il."


def test_text_is_nfc_and_invisible_characters_go() -> None:
    decomposed = unicodedata.normalize("NFD", "Fondée en 2021")
    text = "\ufeff" + decomposed + "\u200b, dé\u00adcidé\x07."
    assert normalise_text(text) == "Fondée en 2021, décidé."


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_normalising_twice_changes_nothing(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


# --- HTML and Markdown ---------------------------------------------------------------------------


def test_html_is_reduced_to_its_main_text_with_its_metadata() -> None:
    read = read_article_file("article.html", HTML.encode())
    # The headline is the article's too; the menu and the footer are not.
    assert read.text.startswith("Valmont lève 12 millions d’euros\n\nFondée en 2019 à Lyon")
    assert "Accueil" not in read.text and "Mentions légales" not in read.text
    # No-break spaces survive the extraction: French figures need them.
    assert "12\u00a0millions" in read.text and "1\u202f200" in read.text
    assert "35\u00a0%" in read.text
    assert "\n\nUn marché en croissance\n\nM. Dupont" in read.text
    assert read.title == "Valmont lève 12 millions d’euros"
    assert read.publisher == "Le Quotidien"
    assert read.author == "Jeanne Martin"
    assert read.published_on == datetime.date(2025, 1, 28)


def test_a_page_address_that_is_not_a_web_link_is_dropped() -> None:
    page = HTML.replace("</head>", '<link rel="canonical" href="javascript:alert(1)"></head>')
    assert read_article_file("page.html", page.encode()).url == ""
    page = HTML.replace("</head>", '<link rel="canonical" href="https://example.org/a"></head>')
    assert read_article_file("page.html", page.encode()).url == "https://example.org/a"


def test_html_in_a_declared_encoding_is_read() -> None:
    page = '<html><head><meta charset="iso-8859-1"></head><body><p>Le PIB a crû de 2 %.</p>'
    read = read_article_file("page.htm", page.encode("latin-1"))
    assert read.text == "Le PIB a crû de 2 %."


def test_markdown_is_reduced_to_text() -> None:
    markdown = (
        "# Le titre\n\nUn *paragraphe* avec un [lien](https://example.org) et du `code`,\n"
        "sur deux lignes.\n\n- premier point\n- second point\n\n![une image](x.png)\n\n"
        "| Année | Ventes |\n|---|---|\n| 2024 | 12 |\n"
    )
    assert normalise_text(markdown_to_text(markdown)) == (
        "Le titre\n\nUn paragraphe avec un lien et du code, sur deux lignes.\n\n"
        "premier point\n\nsecond point\n\nAnnée | Ventes\n\n2024 | 12"
    )


# --- refused files --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("vide.txt", b"  \n ", "empty"),
        ("rapport.pdf", b"%PDF-1.7", "Upload a .txt, .md or .html file"),
        ("rapport.txt", b"%PDF-1.7\n...", "PDF file"),
        ("note.txt", b"PK\x03\x04\x14\x00", "Word"),
        ("image.html", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        ("binaire.txt", b"abc\x00def", "binary"),
        ("latin.txt", "Déjà vu".encode("latin-1"), "UTF-8"),
        ("latin.md", "Déjà vu".encode("cp1252"), "UTF-8"),
        ("vide.html", b"<html><body><script>x()</script></body></html>", "no article text"),
        ("controle.txt", b"a\x01b\x02c\x03d\x04e\x05f\x06g\x07h\x08i\x0ej\x0fk\x10l\x11", "binary"),
        ("sans-extension", b"Du texte.", "without extension"),
    ],
)
def test_bad_files_are_refused_with_a_clear_message(name, data, message) -> None:
    with pytest.raises(ArticleRefused, match=message):
        read_article_file(name, data)


def test_a_file_too_large_is_refused() -> None:
    with pytest.raises(ArticleRefused, match="too big"):
        read_article_file("long.txt", b"a" * (articles.MAX_FILE_BYTES + 1))


# --- the import itself ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_article_is_stored_with_its_normalised_text(reviewer) -> None:
    source = import_article(
        text="Valmont  a levé 12\u00a0millions d’euros.\r\n\r\nFin.",
        language="fr",
        publisher=" Le  Quotidien ",
        published_on=datetime.date(2025, 1, 1),
        published_precision="month",
        by=reviewer,
    )
    assert source.text == "Valmont a levé 12\u00a0millions d’euros.\n\nFin."
    assert source.title == "Valmont a levé 12\u00a0millions d’euros."
    assert source.publisher == "Le Quotidien"
    assert source.created_by == reviewer
    assert len(source.text_sha256) == 64


@pytest.mark.django_db
def test_the_same_text_is_recognised_whatever_its_spacing() -> None:
    first = import_article(text="Un texte.\n\nDeux paragraphes.", language="fr")
    with pytest.raises(DuplicateArticle) as refused:
        import_article(text="Un  texte.\r\n\nDeux paragraphes.\n", language="fr", title="Bis")
    assert refused.value.existing == first
    assert Source.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.skipif(not SEEDS.exists(), reason="the shared seeds are not beside the project")
def test_the_demo_articles_are_recognised_when_imported_again(deepseek) -> None:
    for path, pk in [
        (SEEDS / "000_09b35d35c57cf6ec.txt", 1),
        (SEEDS / "002_161579942a1dd780.txt", 2),
    ]:
        read = read_article_file(path.name, path.read_bytes())
        with pytest.raises(DuplicateArticle) as refused:
            import_article(text=read.text, language="fr")
        assert refused.value.existing.pk == pk


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"text": " \n "}, "no text"),
        ({"text": "x" * (articles.MAX_TEXT_CHARS + 1)}, "too long"),
        ({"text": "Ein Text.", "language": "de"}, "can be imported in"),
        ({"text": "Un texte.", "published_on": datetime.date(2025, 1, 1)}, "precision"),
        ({"text": "Un texte.", "url": "javascript:alert(1)"}, "http"),
    ],
)
def test_nothing_is_written_when_an_import_is_refused(fields, message) -> None:
    with pytest.raises(ArticleRefused, match=message):
        import_article(**{"language": "fr", **fields})
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("", (None, "")),
        ("2025", (datetime.date(2025, 1, 1), "year")),
        ("2025-01", (datetime.date(2025, 1, 1), "month")),
        ("2025-01-28", (datetime.date(2025, 1, 28), "day")),
        # As people write them in either interface: day first, or the month's name.
        ("28/01/2025", (datetime.date(2025, 1, 28), "day")),
        ("28 janv. 2025", (datetime.date(2025, 1, 28), "day")),
        ("28 January 2025", (datetime.date(2025, 1, 28), "day")),
        ("January 28, 2025", (datetime.date(2025, 1, 28), "day")),
        ("1er mai 2023", (datetime.date(2023, 5, 1), "day")),
        ("janvier 2025", (datetime.date(2025, 1, 1), "month")),
        ("01/2025", (datetime.date(2025, 1, 1), "month")),
    ],
)
def test_publication_dates_carry_their_precision(raw, expected) -> None:
    assert articles.parse_published(raw) == expected


@pytest.mark.parametrize("raw", ["01/28/2025", "2025-13", "2025-02-30", "janvier", "jui 2025"])
def test_bad_publication_dates_are_refused(raw) -> None:
    with pytest.raises(ArticleRefused, match="28/01/2025"):
        articles.parse_published(raw)


# --- the import page ----------------------------------------------------------------------------


def upload(name: str, data: str | bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data.encode() if isinstance(data, str) else data)


def test_the_import_page_follows_the_ladder(client, outsider, reviewer) -> None:
    url = reverse("article_import")
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 403
    assert client.post(url, {"text": "Un texte.", "language": "fr"}).status_code == 403
    client.force_login(reviewer)
    assert client.get(url).status_code == 200
    assert not Source.objects.exists()


def test_pasting_an_article_opens_its_page(client, reviewer) -> None:
    client.force_login(reviewer)
    response = client.post(
        reverse("article_import"),
        {
            "text": "Valmont a levé 12 millions d’euros en 2023.",
            "language": "fr",
            "title": "Valmont lève des fonds",
            "url": "https://example.org/valmont",
            "publisher": "Le Quotidien",
            "published": "2025-01",
        },
        follow=True,
    )
    source = Source.objects.get()
    assert response.redirect_chain == [(source.get_absolute_url(), 302)]
    assert (source.title, source.published_precision) == ("Valmont lève des fonds", "month")
    assert source.published_on == datetime.date(2025, 1, 1)
    page = response.content.decode()
    assert "Article imported" in page
    assert '<mark class="suggested">12 millions d’euros</mark>' in page


def test_uploading_a_web_page_takes_its_text_and_metadata(client, reviewer) -> None:
    client.force_login(reviewer)
    response = client.post(
        reverse("article_import"), {"file": upload("valmont.html", HTML), "language": "fr"}
    )
    source = Source.objects.get()
    assert response.status_code == 302
    assert source.title == "Valmont lève 12 millions d’euros"
    assert source.publisher == "Le Quotidien"
    assert (source.published_on, source.published_precision) == (datetime.date(2025, 1, 28), "day")
    assert "Accueil" not in source.text


def test_importing_the_same_article_again_links_to_it(client, reviewer) -> None:
    existing = make_source(text="Valmont a levé 12 millions d’euros.")
    client.force_login(reviewer)
    response = client.post(
        reverse("article_import"),
        {"file": upload("valmont.txt", "Valmont  a levé 12 millions d’euros.\n"), "language": "fr"},
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "already in the workbench" in page
    assert f'href="{existing.get_absolute_url()}"' in page
    assert Source.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"language": "fr"}, "Upload a file or paste"),
        ({"file": upload("x.pdf", b"%PDF-1.4"), "language": "fr"}, "Upload a .txt"),
        ({"file": upload("x.txt", "Déjà".encode("latin-1")), "language": "fr"}, "UTF-8"),
        ({"file": upload("x.txt", "Un texte."), "text": "Un texte.", "language": "fr"}, "not both"),
        ({"text": "Un texte.", "language": "fr", "published": "hier"}, "28/01/2025"),
        ({"text": "Un texte.", "language": "de"}, "Select a valid choice"),
    ],
)
def test_bad_imports_are_refused_and_nothing_is_written(client, reviewer, data, message) -> None:
    client.force_login(reviewer)
    response = client.post(reverse("article_import"), data)
    assert response.status_code == 200
    assert message in response.content.decode().replace("&#x27;", "'")
    assert not Source.objects.exists()


# --- the command --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_import_article_command(tmp_path) -> None:
    path = tmp_path / "valmont.md"
    path.write_text("# Valmont lève des fonds\n\nValmont a levé *12 millions* d’euros.\n")
    out = StringIO()
    call_command(
        "import_article", str(path), "--lang", "fr", "--published", "2025", "--url",
        "https://example.org/v", stdout=out,
    )  # fmt: skip
    source = Source.objects.get()
    assert f"Imported #{source.pk}" in out.getvalue()
    assert source.title == "Valmont lève des fonds"
    assert source.text == "Valmont lève des fonds\n\nValmont a levé 12 millions d’euros."
    assert (source.published_precision, source.url) == ("year", "https://example.org/v")
    with pytest.raises(CommandError, match=f"already in the workbench.*/sources/{source.pk}/"):
        call_command("import_article", str(path), "--lang", "fr")
    assert Source.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("vide.txt", b"", "empty"),
        ("latin.txt", "Déjà".encode("latin-1"), "UTF-8"),
        ("page.docx", b"PK\x03\x04", "Upload a .txt"),
    ],
)
def test_import_article_command_refuses_bad_files(tmp_path, name, data, message) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError, match=message):
        call_command("import_article", str(path), "--lang", "fr")
    with pytest.raises(CommandError, match="Cannot read"):
        call_command("import_article", str(tmp_path / "absent.txt"), "--lang", "fr")
    assert not Source.objects.exists()


# --- the articles list ----------------------------------------------------------------------------


def test_the_list_shows_each_article_with_its_claims(client, reviewer) -> None:
    source = make_source(
        title="Valmont lève des fonds",
        publisher="Le Quotidien",
        published_on=datetime.date(2025, 1, 1),
        published_precision="month",
    )
    make_claim(source=source)
    make_claim(source=source, quote="1 200 personnes")
    make_source(title="Sans date")
    client.force_login(reviewer)
    response = client.get(reverse("source_list"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Valmont lève des fonds" in page and "Le Quotidien" in page
    assert "January 2025" in page
    assert f'href="{reverse("article_import")}"' in page
    counts = {s.title: s.claim_count for s in response.context["page"]}
    assert counts == {"Valmont lève des fonds": 2, "Sans date": 0}


def test_the_list_follows_the_ladder(client, outsider) -> None:
    url = reverse("source_list")
    assert client.get(url).status_code == 302
    client.force_login(outsider)
    assert client.get(url).status_code == 403


@pytest.mark.parametrize("n", [2, 40])
def test_the_list_query_count_is_flat(client, reviewer, django_assert_num_queries, n) -> None:
    for i in range(n):
        source = make_source(title=f"Article {i}", publisher="Le Quotidien")
        make_claim(source=source)
    client.force_login(reviewer)
    # 1 session, 2 user, 3 the user's groups, 4 the paginator's count, 5 one page of
    # articles with their claims counted, 6 the header's unread notifications.
    with django_assert_num_queries(6):
        response = client.get(reverse("source_list"))
    assert len(response.context["page"]) == n


# --- the language, told from the text; sizes refused by the form's own words -------------

ENGLISH_TEXT = (
    "Valmont, a start-up founded in Lyon in 2019, raised 12 million euros on Tuesday.\n\n"
    "The company says it now employs 120 people and expects to double its revenue.\n"
)
FRENCH_TEXT = (
    "Valmont, une jeune pousse fondée à Lyon en 2019, a levé 12 millions d’euros mardi.\n\n"
    "L’entreprise dit employer désormais 120 personnes et compte doubler son chiffre.\n"
)


@pytest.mark.parametrize(
    ("text", "interface", "expected", "told"),
    [
        (ENGLISH_TEXT, "fr-FR", "en", "Langue\u00a0: Anglais, déduite de son texte."),
        (FRENCH_TEXT, "en-GB", "fr", "Language: French, told from its text."),
        # Too short to tell, or a language the workbench does not read: the interface's.
        ("Valmont: 12 M€.", "en-GB", "en", "Language: English, the interface’s"),
        ("Valmont: 12 M€.", "fr-FR", "fr", "Langue\u00a0: Français, celle de l’interface"),
        ("Die Firma Valmont aus Lyon hat am Dienstag zwölf Millionen Euro eingesammelt.",
         "en-GB", "en", "Language: English, the interface’s"),
    ],
)  # fmt: skip
def test_the_import_tells_the_language_from_the_text(
    client, reviewer, compiled_catalogue, text, interface, expected, told
) -> None:
    client.force_login(reviewer)
    response = client.post(
        reverse("article_import"), {"text": text}, HTTP_ACCEPT_LANGUAGE=interface, follow=True
    )
    assert Source.objects.get().language == expected
    assert told in response.text


def test_a_language_chosen_in_the_form_wins(client, reviewer) -> None:
    client.force_login(reviewer)
    client.post(reverse("article_import"), {"text": ENGLISH_TEXT, "language": "fr"})
    assert Source.objects.get().language == "fr"


def test_the_request_limit_is_above_what_the_form_takes(settings) -> None:
    # The longest article, at 4 bytes a character, percent-encoded: the form decides.
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE >= articles.MAX_TEXT_CHARS * 4 * 3


@pytest.mark.parametrize("size", [480_000, 2_700_000])
def test_a_too_long_paste_gets_one_clear_message(client, reviewer, size) -> None:
    client.force_login(reviewer)
    text = ("Une phrase de l’article, avec un chiffre : 12 millions d’euros. " * 50_000)[:size]
    # As a browser sends the form: multipart, the paste in its text field.
    response = client.post(reverse("article_import"), {"text": text, "language": ""})
    assert response.status_code == 200
    errors = re.findall(r'class="error"[^>]*>([^<]*)<', response.text)
    count = len(articles.normalise_text(text))  # its spaces tidied, as it would be stored
    assert count > articles.MAX_TEXT_CHARS
    assert errors == [
        f"The article is too long: at most 200,000 characters (this one has {count:,})."
    ]
    assert not Source.objects.exists()


def test_a_paste_beyond_the_request_limit_gets_the_form_back(client, reviewer, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 100_000
    client.force_login(reviewer)
    response = client.post(reverse("article_import"), {"text": "x" * 200_000})
    assert response.status_code == 413
    assert "The article is too long: at most 200,000 characters." in response.text
    assert 'id="article-import-form"' in response.text
    assert "Bad Request" not in response.text


def test_a_too_big_request_elsewhere_gets_a_page_that_says_so(client, reviewer, settings) -> None:
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    client.force_login(reviewer)
    response = client.post(reverse("subject_list"), {"name": "x" * 5_000})
    assert response.status_code == 413
    assert "larger than the workbench accepts" in response.text


def test_the_command_tells_the_language_when_not_given(tmp_path, db) -> None:
    path = tmp_path / "valmont.txt"
    path.write_text(ENGLISH_TEXT, encoding="utf-8")
    out = StringIO()
    call_command("import_article", str(path), stdout=out)
    assert Source.objects.get().language == "en"
    assert "in en" in out.getvalue()
