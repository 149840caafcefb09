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
from claims.forms import ClaimForm, WebURLField
from claims.highlight import paragraphs
from claims.models import Appearance, Property, Source, SourceKind
from claims.suggestions import Suggestion, find_suggestion, suggestions_for
from claims.values import SUPPORTED_LANGUAGES, format_value
from claims.views.access import reviewer_required

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
    text = forms.CharField(
        label=gettext_lazy("Or paste the text"),
        required=False,
        max_length=articles.MAX_TEXT_CHARS * 2,
        widget=forms.Textarea(attrs={"rows": 10}),
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Language"),
        choices=[(code, LANGUAGE_NAMES[code]) for code in SUPPORTED_LANGUAGES],
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
        max_length=10,
        help_text=gettext_lazy("2025-01-28 for a day, 2025-01 for a month, 2025 for a year."),
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

    def clean_published(self) -> tuple:
        try:
            return articles.parse_published(self.cleaned_data.get("published", ""))
        except articles.ArticleRefused as refused:
            raise forms.ValidationError(refused.message) from None

    def clean(self) -> dict:
        data = super().clean()
        has_text = bool(data.get("text", "").strip())
        if "file" not in self.errors:
            if data.get("file") and has_text:
                self.add_error("text", _("Upload a file or paste the text, not both."))
            elif not data.get("file") and not has_text:
                self.add_error("file", _("Upload a file or paste the article's text."))
        return data


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
        try:
            source = articles.import_read_article(
                read,
                language=data["language"],
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
            messages.success(
                request,
                _("Article imported. Its suggested claims are highlighted in the text."),
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


def _pieces(source: Source, appearances: list[Appearance], shown: list[Suggestion]):
    result = []
    for paragraph in paragraphs(source.text, [*appearances, *shown]):
        pieces = []
        for segment in paragraph.segments:
            quotes = [s for s in segment.spans if not getattr(s, "is_suggestion", False)]
            suggested = [s for s in segment.spans if getattr(s, "is_suggestion", False)]
            if quotes:
                pieces.append(
                    Piece(
                        segment.text,
                        quote=quotes[0],
                        starting=[q.pk for q in quotes if q.start == segment.start],
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


def _row(source: Source, suggestion: Suggestion, properties: dict[str, Property]) -> SuggestionRow:
    text = source.text
    value = suggestion.exact
    if suggestion.value is not None:
        value = format_value(suggestion.value, request_language())
    return SuggestionRow(
        suggestion=suggestion,
        before=text[suggestion.sentence_start : suggestion.start],
        after=text[suggestion.end : suggestion.sentence_end],
        value=value,
        property=properties.get(suggestion.property_code),
        kind_label=str(KIND_LABELS.get(suggestion.kind, suggestion.kind)),
    )


def request_language() -> str:
    """The interface language, if the value formatter speaks it (else English)."""
    code = (get_language() or "en").split("-")[0]
    return code if code in SUPPORTED_LANGUAGES else "en"


class AcceptForm(ClaimForm):
    """A claim made from a suggestion, every field pre-filled and editable."""

    field_order = ["statement", "subject", "property", "value_text"]
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
        self.suggestion = suggestion
        # Distinct ids per suggestion: the page may hold a form for each.
        self.auto_id = f"accept-{suggestion.key}-%s"


def _accept_initial(suggestion: Suggestion, properties: dict[str, Property]) -> dict[str, Any]:
    prop = properties.get(suggestion.property_code)
    fields = suggestion.claim_fields()
    return {
        "statement": suggestion.sentence,
        "subject": suggestion.subject,
        "property": prop.pk if prop else None,
        **{name: value for name, value in fields.items() if value not in (None, "")},
    }


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
    suggestions = suggestions_for(source, claimed=[(a.start, a.end) for a in appearances])
    show_all = request.GET.get("suggestions") == "all"
    shown = suggestions if show_all else suggestions[:SHOWN_SUGGESTIONS]
    if accepting is not None and accepting not in shown:
        shown = [*shown, accepting]
    properties = {p.code: p for p in Property.objects.all()}
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
        "rows": [_row(source, s, properties) for s in shown],
        "suggestion_count": len(suggestions),
        "show_all": show_all,
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
    form = AcceptForm(
        request.POST,
        initial=_accept_initial(suggestion, properties),
        suggestion=suggestion,
        language=source.language,
    )
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
            property=data["property"],
            value_fields={name: data[name] for name in claiming.VALUE_FIELDS if name in data},
            quote=data["quote"],
        )
    except workflow.NotAllowed as refused:
        raise PermissionDenied(refused.message) from refused
    except workflow.WorkflowError as error:
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
