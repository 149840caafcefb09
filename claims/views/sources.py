"""Articles: the list, the import, and the article page where claims are taken from.

The article page shows the full text with every claim's quote highlighted and
linked to its claim, and the suggested claims highlighted apart. A reviewer
accepts a suggestion (a pre-filled claim form, in place) or dismisses it. Each
action answers htmx with the page's ``workspace`` partial, and a browser
without JavaScript with a redirect to the full page: the same markup either way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, F
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from claims import articles, claiming, workflow
from claims.alignment import align
from claims.forms import ClaimForm, WebURLField
from claims.highlight import paragraphs
from claims.languages import language_name
from claims.models import Appearance, Property, Source, SourceKind
from claims.suggestions import Suggestion, claimed_spans, find_suggestion, suggestions_for
from claims.values import SUPPORTED_LANGUAGES, format_value
from claims.views.access import reviewer_required
from claims.vocabulary import VocabularyError

# How many suggestions the article page lists (and highlights) before "show all".
SHOWN_SUGGESTIONS = 25
SOURCES_PER_PAGE = 50
LANGUAGE_NAMES = {"fr": gettext_lazy("French"), "en": gettext_lazy("English")}


# --- the list -----------------------------------------------------------------------


@require_safe
@reviewer_required
def source_list(request: HttpRequest) -> HttpResponse:
    """Every article with its number of claims, in two queries whatever the page holds."""
    sources = (
        # Articles only: files cited as evidence and copies of pages are shown with it.
        Source.objects.filter(kind=SourceKind.ARTICLE)
        .defer("text")
        .annotate(claim_count=Count("appearances__claim", distinct=True))
        .order_by(F("published_on").desc(nulls_last=True), "-created_at", "-pk")
    )
    page = Paginator(sources, SOURCES_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "claims/source_list.html", {"page": page})


# --- the import ----------------------------------------------------------------------


class ArticleImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("File"),
        required=False,
        help_text=gettext_lazy("A .txt, .md or .html file, UTF-8, at most 5 MB."),
    )
    # No max_length: the browser would cut a long paste short without a word, and the
    # limit is the article's, once its spaces are tidied (clean_text says so).
    text = forms.CharField(
        label=gettext_lazy("Or paste the text"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        required=False,
        choices=[("", gettext_lazy("Detect from the text"))]
        + [(code, LANGUAGE_NAMES[code]) for code in SUPPORTED_LANGUAGES],
        help_text=gettext_lazy(
            "Told from the article's text; the interface language when the text does not say."
        ),
    )
    title = forms.CharField(
        label=gettext_lazy("Title"),
        required=False,
        max_length=articles.MAX_TITLE,
        help_text=gettext_lazy("Left empty: the page's title, or the text's first line."),
    )
    url = WebURLField(label=gettext_lazy("URL"), required=False, max_length=2000)
    publisher = forms.CharField(label=gettext_lazy("Publisher"), required=False, max_length=200)
    published = forms.CharField(
        label=gettext_lazy("Publication date"),
        required=False,
        max_length=40,
        help_text=gettext_lazy(
            "28/01/2025 or 28 Jan 2025 for a day, January 2025 for a month, 2025 for a year."
        ),
    )

    def clean_file(self) -> articles.ReadArticle | None:
        upload = self.cleaned_data.get("file")
        if not upload:
            return None
        if upload.size > articles.MAX_FILE_BYTES:
            # Refused before it is read.
            raise forms.ValidationError(articles.too_big_message())
        try:
            articles.file_format(upload.name)
            return articles.read_article_file(upload.name, upload.read())
        except articles.ArticleRefused as refused:
            raise forms.ValidationError(refused.message) from None

    def clean_text(self) -> str:
        text = self.cleaned_data.get("text", "")
        try:
            articles.check_length(articles.normalise_text(text))
        except articles.ArticleRefused as refused:
            raise forms.ValidationError(refused.message) from None
        return text

    def clean_published(self) -> tuple:
        try:
            return articles.parse_published(self.cleaned_data.get("published", ""))
        except articles.ArticleRefused as refused:
            raise forms.ValidationError(refused.message) from None

    def clean(self) -> dict:
        data = super().clean()
        has_text = bool(data.get("text", "").strip())
        # One message at a time: a refused file or text says why, and nothing more.
        if "file" not in self.errors and "text" not in self.errors:
            if data.get("file") and has_text:
                self.add_error("text", _("Upload a file or paste the text, not both."))
            elif not data.get("file") and not has_text:
                self.add_error("file", _("Upload a file or paste the article's text."))
        return data


def article_import_too_big(request: HttpRequest) -> HttpResponse:
    """The import form again, saying the paste is too long: for a request beyond even
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE, which Django refuses before the form sees it."""
    context = {"form": ArticleImportForm(), "refused": articles.too_long_message()}
    return render(request, "claims/article_import.html", context, status=413)


@require_http_methods(["GET", "HEAD", "POST"])
@reviewer_required
def article_import(request: HttpRequest) -> HttpResponse:
    """Paste or upload an article; it is stored once, and its page opens with suggestions."""
    if request.method != "POST":
        return render(request, "claims/article_import.html", {"form": ArticleImportForm()})
    form = ArticleImportForm(request.POST, request.FILES)
    duplicate = None
    if form.is_valid():
        data = form.cleaned_data
        read = data["file"] or articles.ReadArticle(text=data["text"])
        language, how = articles.article_language(
            read.text, chosen=data["language"], fallback=request_language()
        )
        try:
            source = articles.import_read_article(
                read,
                language=language,
                title=data["title"],
                url=data["url"],
                publisher=data["publisher"],
                published=data["published"],
                by=request.user,
            )
        except articles.DuplicateArticle as known:
            duplicate = known.existing
            form.add_error(None, known.message)
        except articles.ArticleRefused as refused:
            form.add_error("file" if data["file"] else "text", refused.message)
        except workflow.NotAllowed as refused:
            raise PermissionDenied(refused.message) from refused
        else:
            said = {
                articles.CHOSEN: _("Article imported. Language: %(language)s."),
                articles.TOLD: _("Article imported. Language: %(language)s, told from its text."),
                articles.FALLBACK: _(
                    "Article imported. Language: %(language)s, the interface’s: the text did "
                    "not say clearly which language it is in."
                ),
            }[how]
            messages.success(
                request,
                said % {"language": language_name(language)}
                + " "
                + _("Its suggested claims are highlighted in the text."),
            )
            return redirect(source)
    context = {"form": form, "duplicate": duplicate}
    return render(request, "claims/article_import.html", context)


# --- the article page ------------------------------------------------------------------


@dataclass
class Piece:
    """A stretch of the article text, and the claim quote or the suggestion covering it."""

    text: str
    quote: Appearance | None = None
    # Appearances that begin here: the first segment of each quote carries its id.
    starting: list[int] = field(default_factory=list)
    suggestion: Suggestion | None = None
    suggestion_starts: bool = False

    @property
    def quote_id(self) -> int | None:
        return self.starting[0] if self.starting else None

    @property
    def wrapper_ids(self) -> list[int]:
        return self.starting[1:]


@dataclass
class SuggestionRow:
    """A suggestion as the side panel lists it."""

    suggestion: Suggestion
    before: str
    after: str
    value: str
    property: Property | None
    kind_label: str
    statement: str = ""
    # How the figure compares with what the workbench holds (claims.alignment).
    alignments: list = field(default_factory=list)


def _pieces(source: Source, appearances: list[Appearance], shown: list[Suggestion]):
    result = []
    for paragraph in paragraphs(source.text, [*appearances, *shown]):
        pieces = []
        for segment in paragraph.segments:
            quotes = [s for s in segment.spans if not getattr(s, "is_suggestion", False)]
            suggested = [s for s in segment.spans if getattr(s, "is_suggestion", False)]
            if quotes:
                # A figure still on offer inside a claimed sentence is shown as both.
                suggestion = suggested[0] if suggested else None
                pieces.append(
                    Piece(
                        segment.text,
                        quote=quotes[0],
                        starting=[q.pk for q in quotes if q.start == segment.start],
                        suggestion=suggestion,
                        suggestion_starts=bool(suggestion) and segment.start == suggestion.start,
                    )
                )
            elif suggested:
                suggestion = suggested[0]
                pieces.append(
                    Piece(
                        segment.text,
                        suggestion=suggestion,
                        suggestion_starts=segment.start == suggestion.start,
                    )
                )
            else:
                pieces.append(Piece(segment.text))
        result.append(pieces)
    return result


KIND_LABELS = {
    "quantity": gettext_lazy("quantity"),
    "money": gettext_lazy("money"),
    "percentage": gettext_lazy("percentage"),
    "date": gettext_lazy("date"),
    "duration": gettext_lazy("duration"),
    "rank": gettext_lazy("rank"),
    "comparison": gettext_lazy("comparison"),
    "attribution": gettext_lazy("attribution"),
}


def _row(
    source: Source,
    suggestion: Suggestion,
    properties: dict[str, Property],
    alignments: dict[str, list],
) -> SuggestionRow:
    text = source.text
    value = suggestion.exact
    language = request_language()
    if suggestion.value is not None:
        value = format_value(suggestion.value, language)
    return SuggestionRow(
        suggestion=suggestion,
        before=text[suggestion.sentence_start : suggestion.start],
        after=text[suggestion.end : suggestion.sentence_end],
        value=value,
        property=properties.get(suggestion.property_code),
        kind_label=str(KIND_LABELS.get(suggestion.kind, suggestion.kind)),
        statement=suggestion.statement(language),
        alignments=alignments.get(suggestion.key, []),
    )


def request_language() -> str:
    """The interface language, if the value formatter speaks it (else English)."""
    code = (get_language() or "en").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else "en"


class AcceptForm(ClaimForm):
    """A claim made from a suggestion, every field pre-filled and editable."""

    field_order = ["statement", "subject", "property", "new_property", "value_text"]
    new_property = forms.CharField(
        label=gettext_lazy("Or a new property"),
        required=False,
        max_length=200,
        help_text=gettext_lazy(
            "When none of the list fits, name what the figure measures (“number of stores”): "
            "it is added to the vocabulary."
        ),
    )
    QUOTES = [
        ("sentence", gettext_lazy("the whole sentence")),
        ("figure", gettext_lazy("only the figure")),
    ]
    quote = forms.ChoiceField(
        label=gettext_lazy("Quote"),
        choices=QUOTES,
        initial="sentence",
        widget=forms.RadioSelect,
        help_text=gettext_lazy("What the article page highlights as this claim's quote."),
    )

    def __init__(self, *args, suggestion: Suggestion, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["version"]
        self.fields["property"].required = False
        self.suggestion = suggestion
        # Distinct ids per suggestion: the page may hold a form for each.
        self.auto_id = f"accept-{suggestion.key}-%s"

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("property") and not data.get("new_property", "").strip():
            self.add_error("property", _("Choose a property, or name a new one."))
        return data

    def chosen_property(self) -> Property | str:
        """The property chosen from the list, else the label of the new one."""
        return self.cleaned_data.get("property") or self.cleaned_data["new_property"].strip()


def _accept_initial(suggestion: Suggestion, properties: dict[str, Property]) -> dict[str, Any]:
    """The claim as suggested: a short statement in the interface language (the sentence
    stays the quote), the guessed subject and property, the value read from the text."""
    prop = properties.get(suggestion.property_code)
    fields = suggestion.claim_fields()
    return {
        "statement": suggestion.statement(request_language()),
        "subject": suggestion.subject,
        "property": prop.pk if prop else None,
        **{name: value for name, value in fields.items() if value not in (None, "")},
        "quote": "sentence",
    }


def _as_posted(initial: dict[str, Any]) -> dict[str, str]:
    """The suggestion's initial values as a browser would post them: "Accept as proposed"."""
    posted = {}
    for name, value in initial.items():
        if value is None:
            continue
        posted[name] = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return posted


def _page_context(
    request: HttpRequest,
    source: Source,
    *,
    accepting: Suggestion | None = None,
    accept_form: AcceptForm | None = None,
    notice: str = "",
) -> dict[str, Any]:
    appearances = list(
        Appearance.objects.filter(source=source)
        .select_related("claim", "claim__subject")
        .order_by("start", "end")
    )
    claims = list({a.claim_id: a.claim for a in appearances}.values())
    suggestions = suggestions_for(source, claimed=claimed_spans(appearances))
    # A page of suggestions at a time: a long report has thousands, and the article's
    # page must open at once whatever its length.
    page = Paginator(suggestions, SHOWN_SUGGESTIONS).get_page(request.GET.get("suggestions"))
    shown = list(page.object_list)
    if accepting is not None and accepting not in shown:
        shown = [*shown, accepting]
    properties = {p.code: p for p in Property.objects.all()}
    alignments = align(shown, source=source, properties=properties, language=request_language())
    if accepting is not None and accept_form is None:
        accept_form = AcceptForm(
            initial=_accept_initial(accepting, properties),
            suggestion=accepting,
            language=source.language,
        )
    return {
        "source": source,
        "paragraphs": _pieces(source, appearances, shown),
        "claims": claims,
        "rows": [_row(source, s, properties, alignments) for s in shown],
        "suggestion_count": len(suggestions),
        "suggestion_page": page,
        "accepting": accepting.key if accepting else "",
        "accept_form": accept_form,
        "notice": notice,
    }


def _workspace(request: HttpRequest, source: Source, **overrides) -> HttpResponse:
    """The article page, or for htmx its workspace (text and side panel) alone."""
    context = _page_context(request, source, **overrides)
    template = "claims/source_detail.html"
    return render(request, f"{template}#workspace" if request.htmx else template, context)


@require_safe
@reviewer_required
def source_detail(request: HttpRequest, pk: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    return _workspace(request, source)


def _suggestion_or_gone(
    request: HttpRequest, source: Source, start: int, end: int
) -> tuple[Suggestion | None, HttpResponse | None]:
    """The suggestion on offer at this span, or the page saying it is gone."""
    suggestion = find_suggestion(source, start, end)
    if suggestion is not None:
        return suggestion, None
    gone = _("This suggestion is no longer on offer: it was accepted or dismissed.")
    if request.htmx:
        return None, _workspace(request, source, notice=gone)
    messages.info(request, gone)
    return None, redirect(source)


@require_http_methods(["GET", "HEAD", "POST"])
@reviewer_required
def suggestion_accept(request: HttpRequest, pk: int, start: int, end: int) -> HttpResponse:
    """GET: the suggestion as a pre-filled claim form, in place. POST: the claim is made."""
    source = get_object_or_404(Source, pk=pk)
    suggestion, gone = _suggestion_or_gone(request, source, start, end)
    if suggestion is None:
        return gone
    if request.method != "POST":
        if request.htmx:
            context = _page_context(request, source, accepting=suggestion)
            row = next(r for r in context["rows"] if r.suggestion == suggestion)
            return render(request, "claims/source_detail.html#suggestion", {**context, "row": row})
        return _workspace(request, source, accepting=suggestion)
    # With the same initial values as the form had, so that an edited wording
    # is read again (ClaimForm.clean) unless the structured value was edited too.
    properties = {p.code: p for p in Property.objects.all()}
    initial = _accept_initial(suggestion, properties)
    # "Accept" takes the claim as suggested; "Accept…" opens the form to edit it first.
    data = _as_posted(initial) if request.POST.get("as_proposed") else request.POST
    form = AcceptForm(data, initial=initial, suggestion=suggestion, language=source.language)
    if not form.is_valid():
        return _workspace(request, source, accepting=suggestion, accept_form=form)
    data = form.cleaned_data
    try:
        accepted = claiming.accept_suggestion(
            suggestion,
            source=source,
            by=request.user,
            statement=data["statement"],
            subject=data["subject"],
            property=form.chosen_property(),
            value_fields={name: data[name] for name in claiming.VALUE_FIELDS if name in data},
            quote=data["quote"],
            language=request_language(),
        )
    except workflow.NotAllowed as refused:
        raise PermissionDenied(refused.message) from refused
    except (workflow.WorkflowError, VocabularyError) as error:
        form.add_error(None, error.message)
        return _workspace(request, source, accepting=suggestion, accept_form=form)
    claim = accepted.claim
    if accepted.created:
        notice = _("Claim #%(id)s created: “%(statement)s”.")
    else:
        notice = _(
            "This is claim #%(id)s, which the workbench already had (“%(statement)s”): "
            "the quote was added to it rather than making a duplicate."
        )
    notice %= {"id": claim.pk, "statement": claim.statement}
    if request.htmx:
        return _workspace(request, source, notice=notice)
    messages.success(request, notice)
    anchor = f"#appearance-{accepted.appearance.pk}"
    return redirect(reverse("source_detail", args=[source.pk]) + anchor)


@require_POST
@reviewer_required
def suggestion_dismiss(request: HttpRequest, pk: int, start: int, end: int) -> HttpResponse:
    source = get_object_or_404(Source, pk=pk)
    suggestion, gone = _suggestion_or_gone(request, source, start, end)
    if suggestion is None:
        return gone
    try:
        claiming.dismiss_suggestion(suggestion, source=source, by=request.user)
    except workflow.NotAllowed as refused:
        raise PermissionDenied(refused.message) from refused
    notice = _("Suggestion dismissed: “%(exact)s” will not be suggested again.") % {
        "exact": suggestion.exact
    }
    if request.htmx:
        return _workspace(request, source, notice=notice)
    messages.success(request, notice)
    return redirect(source)
