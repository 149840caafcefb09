"""The fact-checking domain: sources, claims and where they appear, evidence, verdicts.

A ``Claim`` is the canonical checkable statement; an ``Appearance`` anchors it in
a ``Source`` text the way W3C Web Annotation selectors do (exact quote, prefix,
suffix and character offsets), so one claim repeated by several articles is one
claim with several appearances. ``Verdict`` rows are never overwritten: a new
proposal is a new row, and the claim's verdict history is the list of them.
"""

from __future__ import annotations

import functools
import hashlib
import unicodedata
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db import connections, models
from django.db.models import Exists, F, OuterRef, Q, Value
from django.db.models.functions import Coalesce, Lower, NullIf
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from claims.audit import history_user
from claims.choices import (
    DEFAULT_TOLERANCE,
    Agreement,
    ClaimStatus,
    DatePrecision,
    DisputeStatus,
    Qualifier,
    Rating,
    Stance,
    ValueKind,
    ValueRank,
)
from claims.glossary import NO_MEANING, Meaning, meaning_key, meaning_of

# How much context an Appearance keeps on each side of its quote: enough to find
# the quote again if the text is ever re-imported with small changes.
ANCHOR_CONTEXT = 32
# Google's limit for a ClaimReview's claimReviewed.
SHORT_STATEMENT_MAX = 75
ELLIPSIS = "…"


def shorten(text: str, limit: int) -> str:
    """The text in at most ``limit`` characters, cut between words with an ellipsis.

    A single word longer than the limit is cut inside it: better short than invalid.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]
    cut = room.rfind(" ")
    kept = room[:cut] if cut > 0 else room[:-1]
    return kept.rstrip(" ,;:.–—-") + ELLIPSIS


@functools.lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """Fold case, accents, hyphens and spacing so "DeepSeek-R1" and "deepseek r1" match."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    for separator in "-_‐‑–—.":
        stripped = stripped.replace(separator, " ")
    return " ".join(stripped.casefold().split())


def choice_display(choices: type[models.Choices], field_name: str) -> Callable[[models.Model], str]:
    """A ``get_FOO_display`` that looks the one label up instead of rebuilding them all.

    Django's own version rebuilds a dict of every choice at each call, and hashing
    the lazy labels translates every one of them: on a list of 50 claims, some 700
    translations to show 100 labels. Django keeps a method the model defines itself.
    """

    def display(self: models.Model) -> str:
        value = getattr(self, field_name)
        try:
            return str(choices(value).label)
        except ValueError:
            return value

    display.__name__ = f"get_{field_name}_display"
    return display


def stored_file_name(instance: StoredFile, filename: str) -> str:
    """Content-addressed: the same bytes are stored once, under their SHA-256."""
    return f"evidence/{instance.sha256[:2]}/{instance.sha256}"


class StoredFile(models.Model):
    """Bytes kept as evidence (an uploaded file, or the raw copy of a fetched page),
    through Django's storage API: a folder by default, an object store if configured.

    Immutable and content-addressed; its type was read from its content, never from
    its name."""

    sha256 = models.CharField(_("SHA-256"), max_length=64, unique=True)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    content_type = models.CharField(_("content type"), max_length=100)
    file = models.FileField(_("file"), upload_to=stored_file_name, max_length=200)
    original_name = models.CharField(_("original name"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    # What a browser may show in place; anything else is downloaded.
    INLINE_TYPES = frozenset({"application/pdf", "image/png", "image/jpeg", "image/webp"})

    class Meta:
        verbose_name = _("stored file")
        verbose_name_plural = _("stored files")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.original_name or self.sha256

    def get_absolute_url(self) -> str:
        return reverse("stored_file", args=[self.sha256])

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def shown_inline(self) -> bool:
        return self.content_type in self.INLINE_TYPES


class SourceKind(models.TextChoices):
    ARTICLE = "article", _("article")
    DOCUMENT = "document", _("document")
    SNAPSHOT = "snapshot", _("copy of a web page")


class Source(models.Model):
    """A document: an article claims are taken from, a file cited as evidence (its
    text extracted), or the text of a web page as it was fetched."""

    kind = models.CharField(
        _("kind"), max_length=10, choices=SourceKind, default=SourceKind.ARTICLE, db_index=True
    )
    # The file this source's text was read from (a document or a page's copy).
    file = models.ForeignKey(
        StoredFile,
        verbose_name=_("file"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="sources",
    )
    title = models.CharField(_("title"), max_length=500)
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    language = models.CharField(
        _("language"), max_length=12, help_text=_("An ISO 639 code such as fr or en.")
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    published_precision = models.CharField(
        _("publication date precision"), max_length=8, choices=DatePrecision, blank=True
    )
    text = models.TextField(
        _("text"),
        blank=True,
        help_text=_("The full text; appearances point into it by character offsets."),
    )
    text_sha256 = models.CharField(max_length=64, editable=False, db_index=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["-published_on", "title"]
        # The list's language filter offers the languages articles are in: read
        # from this index, not from a scan of every article's text.
        indexes = [
            models.Index(fields=["language"], name="source_language"),
            # The latest articles first: the sources' list, a subject's history.
            models.Index(fields=["published_on"], name="source_published_on"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_on__isnull=True, published_precision="")
                | Q(published_on__isnull=False) & ~Q(published_precision=""),
                name="source_published_precision_with_date",
            ),
        ]

    get_kind_display = choice_display(SourceKind, "kind")

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs) -> None:
        self.text_sha256 = hashlib.sha256(self.text.encode()).hexdigest()
        if "update_fields" in kwargs and "text" in (kwargs["update_fields"] or ()):
            kwargs["update_fields"] = {*kwargs["update_fields"], "text_sha256"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("source_detail", args=[self.pk])

    @classmethod
    def languages(cls, using: str = "default") -> list[str]:
        """The languages sources are written in, in code order, each found by one seek
        in the language index.

        A DISTINCT reads the whole index: a hundred thousand articles at a million
        claims, on every page that offers the filter. Asking for the next language
        after the last one found (a loose index scan) costs one seek per language.
        """
        connection = connections[using]
        table = connection.ops.quote_name(cls._meta.db_table)
        column = connection.ops.quote_name(cls._meta.get_field("language").column)
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH RECURSIVE found(code) AS ("
                f" SELECT MIN({column}) FROM {table}"
                f" UNION ALL"
                f" SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > found.code)"
                f" FROM found WHERE found.code IS NOT NULL"
                f") SELECT code FROM found WHERE code IS NOT NULL"
            )
            return [code for (code,) in cursor.fetchall()]


class SubjectQuerySet(models.QuerySet["Subject"]):
    def get_by_natural_key(self, name: str) -> Subject:
        return self.get(name=name)

    def resolve(self, name: str) -> Subject | None:
        """The subject called ``name`` or known by it as an alias, whatever its spelling;
        else, for a name made of common nouns, the one subject a name of the same meaning
        in either language names (``by_meaning``)."""
        found = self.named(name)
        return found if found is not None else self.by_meaning(name)

    def named(self, name: str) -> Subject | None:
        """The subject called ``name`` or known by it as an alias, whatever its spelling."""
        key = normalise_name(name)
        return (
            self.filter(Q(normalised_name=key) | Q(aliases__normalised_alias=key))
            .distinct()
            .first()
        )

    def by_meaning(self, name: str) -> Subject | None:
        """ "réforme des retraites" for "pension reform", "mercato anglais" for "transfer
        window": the subject one of whose names means what ``name`` means (see
        claims.glossary), when exactly one does. A name with a proper noun has no
        meaning and matches nothing here."""
        return self.by_meanings([name]).get(name)

    def by_meanings(self, names: Iterable[str]) -> dict[str, Subject]:
        """``by_meaning`` for many names: two queries, or none when no name is made of
        common nouns alone."""
        meanings = {name: m for name in names if (m := meaning_of(name)) is not None}
        if not meanings:
            return {}
        # Same concepts, whatever the places: their keys share the part before "|".
        prefixes = {m.key.partition("|")[0] + "|" for m in meanings.values()}
        query = Q()
        for prefix in prefixes:
            query |= Q(meaning__startswith=prefix)
        named: list[tuple[Meaning, Subject]] = [
            (meaning_of(subject.name) or NO_MEANING, subject) for subject in self.filter(query)
        ]
        for alias in SubjectAlias.objects.filter(query).select_related("subject"):
            named.append((meaning_of(alias.alias) or NO_MEANING, alias.subject))
        found = {}
        for name, meaning in meanings.items():
            subjects = {s.pk: s for m, s in named if meaning.matches(m)}
            if len(subjects) == 1:
                found[name] = next(iter(subjects.values()))
        return found


class Subject(models.Model):
    """What a claim is about: a company, a model, a person. One entity, many spellings."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    normalised_name = models.CharField(max_length=200, unique=True, editable=False)
    # For a name made of common nouns, what it means in either language (claims.glossary).
    meaning = models.CharField(max_length=200, blank=True, db_index=True, editable=False)
    description = models.TextField(_("description"), blank=True)

    objects = SubjectQuerySet.as_manager()

    class Meta:
        verbose_name = _("subject")
        verbose_name_plural = _("subjects")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.normalised_name = normalise_name(self.name)
        self.meaning = meaning_key(self.name)
        super().save(*args, **kwargs)

    def natural_key(self) -> tuple[str]:
        return (self.name,)


class SubjectAlias(models.Model):
    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("alias"), max_length=200)
    normalised_alias = models.CharField(max_length=200, unique=True, editable=False)
    meaning = models.CharField(max_length=200, blank=True, db_index=True, editable=False)

    class Meta:
        verbose_name = _("subject alias")
        verbose_name_plural = _("subject aliases")
        ordering = ["alias"]

    def __str__(self) -> str:
        return self.alias

    def save(self, *args, **kwargs) -> None:
        self.normalised_alias = normalise_name(self.alias)
        self.meaning = meaning_key(self.alias)
        super().save(*args, **kwargs)


class PropertyManager(models.Manager["Property"]):
    def get_by_natural_key(self, code: str) -> Property:
        return self.get(code=code)


class Property(models.Model):
    """What is claimed about a subject ("founding date", "price per unit").

    A small controlled vocabulary, seeded by a migration, that reviewers extend
    in the admin: claims about the same subject and property are compared.
    """

    code = models.SlugField(_("code"), max_length=80, unique=True)
    label = models.CharField(_("English label"), max_length=200)
    label_fr = models.CharField(
        _("French label"),
        max_length=200,
        blank=True,
        help_text=_("Shown in the French interface; the English label when empty."),
    )
    value_kind = models.CharField(
        _("expected value kind"), max_length=12, choices=ValueKind, blank=True
    )
    description = models.TextField(_("description"), blank=True)
    # The generic "other amount", "other date"... take figures whose measure is
    # unclear: comparing them would invent conflicts between unrelated figures.
    compared = models.BooleanField(
        _("compared"),
        default=True,
        help_text=_("Claims about one subject with this property are compared with each other."),
    )

    objects = PropertyManager()

    class Meta:
        verbose_name = _("property")
        verbose_name_plural = _("properties")
        ordering = ["label"]

    def __str__(self) -> str:
        return self.label_in()

    def label_in(self, language: str | None = None) -> str:
        """The label in ``language`` (the active one by default), else the English label."""
        language = language or get_language() or "en"
        if language.startswith("fr") and self.label_fr:
            return self.label_fr
        return self.label

    def natural_key(self) -> tuple[str]:
        return (self.code,)


def property_label(path: str = "", language: str | None = None) -> models.Expression:
    """The property's label in ``language`` (the active one), in lower case: what a list
    sorted by property sorts by ("PIB" among the p's, not before "aide").

    ``path`` leads from the queried model to the property ("property__" from a claim).
    """
    language = language or get_language() or "en"
    if language.startswith("fr"):
        return Lower(Coalesce(NullIf(F(f"{path}label_fr"), Value("")), F(f"{path}label")))
    return Lower(F(f"{path}label"))


# A claim's stated value: the wording and its structured form (see claims.values).
VALUE_FIELDS = (
    "value_kind",
    "value_text",
    "value_number",
    "value_unit",
    "value_per",
    "value_currency",
    "value_date",
    "value_date_precision",
    "value_qualifier",
)


class KnownCountPaginator(Paginator):
    """A paginator told how many rows there are (``PublicCheckFilter.tallied``), which
    counts them only when it is not (``known`` is None)."""

    def __init__(self, object_list, per_page: int, *, known: int | None) -> None:
        super().__init__(object_list, per_page)
        self.known = known

    @functools.cached_property
    def count(self) -> int:
        return Paginator.count.func(self) if self.known is None else self.known


def search_counted_newest_first(using: str) -> bool:
    """Whether a search's matches are counted newest first (``BoundedPaginator``).

    PostgreSQL finds a search's claims through its GIN index, in no order: counting them
    newest first walked the claims backwards testing each ("parametres" at a million
    claims: 72 ms, against 19 ms unordered).
    """
    return connections[using].vendor != "postgresql"


# What a row of the claims list shows (templates/claims/claim_list.html): 50 rows load
# in 2.81 ms instead of 3.42 without the rest of the claim and its relations.
LIST_ROW = (
    "statement",
    "value_text",
    "status",
    "rating",
    "created_at",
    "updated_at",
    "subject__name",
    "property__code",
    "property__label",
    "property__label_fr",
    "assignee__username",
)


class BoundedPaginator(Paginator):
    """A paginator that counts up to ``bound`` and no further: a search matching half a
    million claims costs the count of ten thousand. ``more`` says the count stopped."""

    def __init__(
        self,
        object_list,
        per_page: int,
        *,
        bound: int,
        counted=None,
        newest_first: bool = True,
        known: int | None = None,
    ) -> None:
        super().__init__(object_list, per_page)
        self.bound = bound
        self.more = False
        # The same rows, written as they are quickest to count (``ClaimFilter.counted``).
        self.counted = object_list if counted is None else counted
        self.newest_first = newest_first
        # How many there are, when the caller knows already (``ClaimFilter.tallied``).
        self.known = known

    @functools.cached_property
    def count(self) -> int:
        if self.known is not None:
            # Known exactly (and shown so), but paged no further than the bound, as a list
            # counted up to it is: page 20,000 of a million walks every claim before it.
            self.more = self.known > self.bound
            return min(self.known, self.bound)
        # A search counts newest first by id, the table's own order backwards: not the
        # list's order, which reads rows all over the table; and the claims that
        # ``search.share`` sampled. Other filters count in no order, through the index
        # their condition picks (claims added before a date: through ``created_at``).
        rows = self.counted.order_by("-pk") if self.newest_first else self.counted.order_by()
        counted = rows[: self.bound + 1].count()
        self.more = counted > self.bound
        return min(counted, self.bound)


class ClaimQuerySet(models.QuerySet["Claim"]):
    def paginate(
        self,
        number: str | int | None,
        per_page: int,
        *,
        bound: int | None = None,
        counted: models.QuerySet | None = None,
        searched: bool = False,
        known: int | None = None,
    ) -> Page:
        """One page of these claims, found by id first, then loaded whole.

        A deep page (page 1,000 of an archive) walks the offset over ids alone,
        through the sort's index, instead of through every joined row before it;
        only the page's own rows are then read with their relations. With ``bound``,
        the count stops there (``page.paginator.more``), and is made on ``counted``
        when given (the same claims, as they are quickest to count); a search's
        count (``searched``) reads the newest claims first.
        """
        ids_only = self.values_list("pk", flat=True)
        if bound is None:
            paginator = Paginator(ids_only, per_page)
        else:
            counted_ids = None if counted is None else counted.values_list("pk", flat=True)
            paginator = BoundedPaginator(
                ids_only,
                per_page,
                bound=bound,
                counted=counted_ids,
                newest_first=searched and search_counted_newest_first(self.db),
                known=known,
            )
        page = paginator.get_page(number)
        ids = list(page.object_list)
        rows = self.model.objects.for_list().only(*LIST_ROW).in_bulk(ids) if ids else {}
        page.object_list = [rows[pk] for pk in ids if pk in rows]
        return page

    def for_list(self) -> ClaimQuerySet:
        """Everything a list row shows, fetched in a constant number of queries."""
        return (
            self.select_related("subject", "property", "assignee")
            .defer("search_text", "public_text", "not_checkable_reason")
            .annotate(is_disputed=disputed_claims())
            .order_by(*Claim._meta.ordering)
        )

    def for_detail(self) -> ClaimQuerySet:
        return self.select_related("subject", "property", "assignee", "created_by")


class Claim(models.Model):
    """A checkable statement, with the value it states in structured form."""

    statement = models.TextField(_("statement"))
    # What the published ClaimReview names as reviewed: Google wants it under 75
    # characters and without the rating, so a long statement gets a short form.
    short_statement = models.CharField(
        _("in brief"),
        max_length=SHORT_STATEMENT_MAX,
        blank=True,
        help_text=_(
            "What the published fact-check names as checked, in at most 75 characters and "
            "without the verdict. Left empty, the statement cut at a word."
        ),
    )
    subject = models.ForeignKey(
        Subject, verbose_name=_("subject"), on_delete=models.PROTECT, related_name="claims"
    )
    property = models.ForeignKey(
        Property, verbose_name=_("property"), on_delete=models.PROTECT, related_name="claims"
    )

    # The value as stated, and its structured form (see claims.values).
    value_kind = models.CharField(
        _("value kind"), max_length=12, choices=ValueKind, default=ValueKind.TEXT
    )
    value_text = models.CharField(
        _("value as stated"),
        max_length=500,
        blank=True,
        help_text=_("The original wording, kept whatever the interface language."),
    )
    value_number = models.DecimalField(
        _("number"), max_digits=40, decimal_places=10, null=True, blank=True
    )
    value_unit = models.CharField(
        _("unit"), max_length=64, blank=True, help_text=_("What is counted: token, GPU, hour…")
    )
    value_per = models.DecimalField(
        _("per"),
        max_digits=30,
        decimal_places=6,
        null=True,
        blank=True,
        help_text=_("For a rate, how many units the value is for: 1000000 for per million."),
    )
    value_currency = models.CharField(
        _("currency"), max_length=3, blank=True, help_text=_("ISO 4217 code: USD, EUR…")
    )
    value_date = models.DateField(_("date"), null=True, blank=True)
    value_date_precision = models.CharField(
        _("date precision"), max_length=8, choices=DatePrecision, blank=True
    )
    value_qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier, default=Qualifier.EXACT
    )
    value_rank = models.CharField(
        _("rank"), max_length=10, choices=ValueRank, default=ValueRank.NORMAL
    )

    status = models.CharField(
        _("status"), max_length=20, choices=ClaimStatus, default=ClaimStatus.NEW, db_index=True
    )
    not_checkable_reason = models.TextField(_("why it is not checkable"), blank=True)
    # The rating of the claim's current verdict (proposed or published), kept
    # here by the workflow so lists filter and sort on it without a subquery.
    rating = models.CharField(_("rating"), max_length=16, choices=Rating, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assignee"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_claims",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True, db_index=True)
    # Bumped on every save so that concurrent edits can be detected, not lost.
    version = models.PositiveIntegerField(default=1, editable=False)
    # The words of the statement, quotes, subject names and evidence, folded to lower
    # case without accents, so that "parametres" finds "paramètres" on SQLite and
    # PostgreSQL. Indexed outside the model by migration 0007 (see claims/search.py).
    search_text = models.TextField(blank=True, editable=False)
    # The words of the statement and short statement alone, folded the same way: what the
    # public index's search finds a published check by (migration 0027 indexes them for
    # published claims only). Kept apart from ``search_text``, which holds internal notes.
    public_text = models.TextField(blank=True, default="", editable=False)
    # When the verdict in force was approved, kept here by the workflow so that the public
    # index sorts published checks from an index, not from a subquery per claim (which
    # took minutes at 100,000 claims on SQLite).
    verdict_approved_at = models.DateTimeField(
        _("verdict approved at"), null=True, blank=True, editable=False
    )

    objects = ClaimQuerySet.as_manager()

    # Every version of every field, whoever saved it and by whatever path (pages,
    # API, admin); the search texts are derived, so they are left out.
    history = HistoricalRecords(
        excluded_fields=["search_text", "public_text", "verdict_approved_at"],
        get_user=history_user,
    )

    get_status_display = choice_display(ClaimStatus, "status")
    get_rating_display = choice_display(Rating, "rating")
    get_value_kind_display = choice_display(ValueKind, "value_kind")
    get_value_date_precision_display = choice_display(DatePrecision, "value_date_precision")
    get_value_rank_display = choice_display(ValueRank, "value_rank")

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            # A dispute's claims; a subject's claims sorted by property and paged, read
            # from the index alone (the id too) before the page's rows are fetched.
            models.Index(fields=["subject", "property", "id"], name="claim_subject_property"),
            # The dashboard's claims by status and by rating, counted from the index.
            models.Index(fields=["status", "rating"], name="claim_status_rating"),
            # The list filtered by status, rating or assignee, in its default order,
            # read straight from an index instead of sorting every match.
            models.Index(fields=["status", "-updated_at", "-id"], name="claim_status_recent"),
            models.Index(fields=["rating", "-updated_at", "-id"], name="claim_rating_recent"),
            models.Index(fields=["assignee", "-updated_at", "-id"], name="claim_assignee_recent"),
            # The default order; with created_at in it, the "added" date filter is
            # checked in the index while it is walked, not in each claim's row.
            models.Index(fields=["-updated_at", "-id", "created_at"], name="claim_recent_added"),
            # The count of a date-filtered list, and the list sorted by date added.
            models.Index(fields=["created_at"], name="claim_added"),
            # The public index: published checks, the latest verdict first.
            models.Index(
                fields=["status", "-verdict_approved_at", "-id"], name="claim_status_approved"
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status=ClaimStatus.NOT_CHECKABLE) | ~Q(not_checkable_reason=""),
                name="claim_not_checkable_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(value_date__isnull=True) | ~Q(value_date_precision=""),
                name="claim_value_date_has_precision",
            ),
        ]

    def __str__(self) -> str:
        return self.statement[:80]

    def save(self, *args, **kwargs) -> None:
        fields = kwargs.get("update_fields")
        if fields is None or set(fields) & {
            f.removesuffix("_id") for f in self.LOCKED_WHEN_PUBLISHED
        }:
            self.clean()
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("claim_detail", args=[self.pk])

    # What a published verdict was given on; it cannot change until an editor reopens.
    LOCKED_WHEN_PUBLISHED = (
        "statement",
        "short_statement",
        "subject_id",
        "property_id",
        *VALUE_FIELDS,
    )

    def locked_changes(self) -> list[str]:
        """The locked fields this unsaved version would change on a published claim.

        Held here, in the model, so the admin and any script meet the same lock
        as the workflow (which reopens before it edits).
        """
        if self.pk is None:
            return []
        stored = (
            Claim.objects.filter(pk=self.pk, status=ClaimStatus.PUBLISHED)
            .values(*self.LOCKED_WHEN_PUBLISHED)
            .first()
        )
        if stored is None or self.status != ClaimStatus.PUBLISHED:
            return []
        return [name for name in self.LOCKED_WHEN_PUBLISHED if getattr(self, name) != stored[name]]

    def clean(self) -> None:
        if self.locked_changes():
            raise ValidationError(
                _("This claim is published and locked. An editor must reopen it first.")
            )

    # A method, not a property: ``property`` is a field name in this class body.
    def claim_reviewed(self) -> str:
        """The short statement, or the statement cut at a word to fit (see ``shorten``)."""
        return self.short_statement or shorten(self.statement, SHORT_STATEMENT_MAX)

    def source_language(self) -> str:
        """The language the claim was first quoted in: its stated value is read in it."""
        language = (
            self.appearances.order_by("pk").values_list("source__language", flat=True).first()
        )
        return language or "fr"


class GroupTally(models.Model):
    """How many claims each subject has of each property, kept by the database itself.

    As ``ClaimTally``, for a subject's page: counting its claims property by property
    read the whole of a 280,000-claim subject (14 ms on PostgreSQL, at a million
    claims). Triggers (migration 0024) add +1/-1 rows when a claim is inserted,
    deleted or moved to another subject or property; ``claims.tally`` sums a
    subject's rows and folds them now and then.
    """

    subject_id = models.BigIntegerField()
    property_id = models.BigIntegerField()
    n = models.BigIntegerField()

    class Meta:
        managed = False
        db_table = "claims_grouptally"
        # An index by (subject_id, property_id), made by the migration: Django leaves
        # the indexes of a table it does not manage alone.

    def __str__(self) -> str:
        return f"subject {self.subject_id}, property {self.property_id}: {self.n:+d}"


class DeskWeek(models.Model):
    """A week of the desk that is over, as the dashboard's charts need it, kept once read.

    A past week's numbers never change: the claims added in it, the moves between
    statuses its timeline records, the verdicts approved in it. Read again on
    every dashboard, they grew with the archive (at a million claims, some 10,000
    events and 2,000 verdicts in eight weeks: 30 ms on PostgreSQL); kept, the
    dashboard reads only the week under way (see ``claims.desk``).
    """

    # The Monday the week starts on, in ``zone``: the week's bounds are local midnights.
    starts_on = models.DateField()
    zone = models.CharField(max_length=64)
    added = models.PositiveIntegerField()
    # status → the net number of claims the week moved into it (negative: out of it).
    moves = models.JSONField(default=dict)
    # Days from each claim's creation to its verdict approved in the week, in order.
    waits = models.JSONField(default=list)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["zone", "starts_on"], name="desk_week_once"),
        ]

    def __str__(self) -> str:
        return f"{self.starts_on} ({self.zone})"


class ClaimTally(models.Model):
    """How many claims have each status and rating, kept by the database itself.

    Counting a million claims by status reads a whole index on every dashboard:
    14 ms on SQLite, 43 ms on PostgreSQL. Triggers on the claims' table (migration
    0022) add a row here for every claim inserted (+1), deleted (-1) or moved
    between statuses or ratings (-1 and +1), whatever path writes: ``save``,
    ``bulk_create``, ``update``, raw SQL, ``COPY``. Writers only ever add rows, never
    update one, so two reviewers approving at once never wait on a shared counter
    (nor deadlock over two of them). ``claims.tally`` sums the rows and now and then
    folds them back into one per status and rating.

    Not managed by Django: the test runner's flush would otherwise empty it in
    no particular order with the claims, whose deletion the triggers count.
    """

    status = models.CharField(max_length=20)
    rating = models.CharField(max_length=16, blank=True)
    n = models.BigIntegerField()

    class Meta:
        managed = False
        db_table = "claims_claimtally"

    def __str__(self) -> str:
        return f"{self.status} {self.rating or '-'}: {self.n:+d}"


class Appearance(models.Model):
    """Where a claim appears: a quote anchored in a source's text by offsets.

    The invariant ``source.text[start:end] == exact`` is checked on every save.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="appearances")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="appearances")
    exact = models.TextField(_("quote"))
    prefix = models.CharField(_("text before"), max_length=ANCHOR_CONTEXT * 2, blank=True)
    suffix = models.CharField(_("text after"), max_length=ANCHOR_CONTEXT * 2, blank=True)
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("appearance")
        verbose_name_plural = _("appearances")
        ordering = ["source_id", "start"]
        constraints = [
            models.CheckConstraint(condition=Q(end__gt=models.F("start")), name="appearance_span"),
            models.UniqueConstraint(
                fields=["claim", "source", "start", "end"], name="appearance_unique_span"
            ),
        ]
        indexes = [models.Index(fields=["source", "start"], name="appearance_source_start")]

    def __str__(self) -> str:
        return f"{self.exact[:60]} ({self.source})"

    def save(self, *args, **kwargs) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        text = self.source.text
        if not (0 <= self.start < self.end <= len(text)) or text[self.start : self.end] != (
            self.exact
        ):
            raise ValidationError(
                _("The quote does not match the article text at offsets %(start)s–%(end)s."),
                params={"start": self.start, "end": self.end},
            )

    @classmethod
    def anchor(cls, *, claim: Claim, source: Source, start: int, end: int) -> Appearance:
        """An appearance for ``source.text[start:end]``, with its prefix and suffix filled in."""
        text = source.text
        if not 0 <= start < end <= len(text):
            raise ValidationError(
                _("The quote's offsets %(start)s–%(end)s fall outside the article."),
                params={"start": start, "end": end},
            )
        return cls(
            claim=claim,
            source=source,
            exact=text[start:end],
            prefix=text[max(0, start - ANCHOR_CONTEXT) : start],
            suffix=text[end : end + ANCHOR_CONTEXT],
            start=start,
            end=end,
        )

    @classmethod
    def find(cls, *, claim: Claim, source: Source, exact: str, occurrence: int = 1) -> Appearance:
        """Anchor the ``occurrence``-th place where ``exact`` stands in the source text."""
        start = -1
        for _n in range(occurrence):
            start = source.text.find(exact, start + 1)
            if start < 0:
                raise ValidationError(
                    _("The quote “%(quote)s” is not in “%(source)s”."),
                    params={"quote": exact[:80], "source": source.title},
                )
        return cls.anchor(claim=claim, source=source, start=start, end=start + len(exact))

    def context(self, *, radius: int = 300) -> tuple[str, str, str]:
        """The quote with the text around it, cut at paragraph breaks: (before, quote, after)."""
        return text_around(self.source.text, self.start, self.end, radius=radius)


def text_around(text: str, start: int, end: int, *, radius: int = 300) -> tuple[str, str, str]:
    """``text[start:end]`` with up to ``radius`` characters of its paragraph on each side."""
    para_start = text.rfind("\n", 0, start) + 1
    para_end = text.find("\n", end)
    if para_end < 0:
        para_end = len(text)
    before_from = max(para_start, start - radius)
    after_to = min(para_end, end + radius)
    before = text[before_from:start]
    after = text[end:after_to]
    if before_from > para_start:
        before = "…" + before.lstrip()
    if after_to < para_end:
        after = after.rstrip() + "…"
    return before, text[start:end], after


class Evidence(models.Model):
    """A piece of evidence for or against a claim: a cited source or URL and its excerpt."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="evidence")
    source = models.ForeignKey(
        Source,
        verbose_name=_("source"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="cited_as_evidence",
    )
    url = models.URLField(_("URL"), max_length=2000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    excerpt = models.TextField(_("excerpt"), blank=True)
    # With a source, the excerpt is anchored in its text as an Appearance is:
    # ``source.text[excerpt_start:excerpt_end] == excerpt``, checked on every save.
    excerpt_start = models.PositiveIntegerField(_("excerpt start offset"), null=True, blank=True)
    excerpt_end = models.PositiveIntegerField(_("excerpt end offset"), null=True, blank=True)
    excerpt_prefix = models.CharField(
        _("text before the excerpt"), max_length=ANCHOR_CONTEXT * 2, blank=True
    )
    excerpt_suffix = models.CharField(
        _("text after the excerpt"), max_length=ANCHOR_CONTEXT * 2, blank=True
    )
    stance = models.CharField(_("stance"), max_length=10, choices=Stance)
    note = models.TextField(_("note"), blank=True)
    # Shown on the published fact-check only when a reviewer says so: evidence can
    # name a confidential source or a document the newsroom may not republish.
    public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Shown on the published fact-check (never its note)."),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    # Not auto_now_add: restored evidence keeps the time it was first added.
    created_at = models.DateTimeField(_("added at"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    version = models.PositiveIntegerField(default=1, editable=False)

    history = HistoricalRecords(get_user=history_user)

    get_stance_display = choice_display(Stance, "stance")

    class Meta:
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(source__isnull=False) | ~Q(url=""), name="evidence_has_source_or_url"
            ),
            models.CheckConstraint(
                condition=Q(excerpt_start__isnull=True, excerpt_end__isnull=True)
                | Q(source__isnull=False, excerpt_end__gt=models.F("excerpt_start")),
                name="evidence_excerpt_span_in_source",
            ),
        ]

    def __str__(self) -> str:
        return self.title or self.url or str(self.source)

    def save(self, *args, **kwargs) -> None:
        self.clean()
        super().save(*args, **kwargs)

    def clean(self) -> None:
        if self.excerpt_start is None:
            return
        text = self.source.text if self.source_id else ""
        start, end = self.excerpt_start, self.excerpt_end
        if end is None or not (0 <= start < end <= len(text)) or text[start:end] != self.excerpt:
            raise ValidationError(
                _("The excerpt does not match the source text at offsets %(start)s–%(end)s."),
                params={"start": start, "end": end},
            )

    @property
    def is_anchored(self) -> bool:
        return self.excerpt_start is not None

    def anchor_excerpt(self, start: int, end: int) -> None:
        """Anchor the excerpt at ``source.text[start:end]``, with its prefix and suffix."""
        text = self.source.text
        self.excerpt = text[start:end]
        self.excerpt_start, self.excerpt_end = start, end
        self.excerpt_prefix = text[max(0, start - ANCHOR_CONTEXT) : start]
        self.excerpt_suffix = text[end : end + ANCHOR_CONTEXT]

    def drop_anchor(self) -> None:
        self.excerpt_start = self.excerpt_end = None
        self.excerpt_prefix = self.excerpt_suffix = ""

    def context(self, *, radius: int = 160) -> tuple[str, str, str]:
        """The anchored excerpt with the text around it: (before, excerpt, after)."""
        return text_around(self.source.text, self.excerpt_start, self.excerpt_end, radius=radius)


class Snapshot(models.Model):
    """A copy of an evidence link as it was when fetched: the final URL, the HTTP status,
    the page's cleaned text (a Source) and its raw bytes (a StoredFile)."""

    # No database constraint: removed evidence comes back with the same id, and its
    # copies with it; a removal never deletes what was kept.
    evidence = models.ForeignKey(
        Evidence,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="snapshots",
    )
    requested_url = models.URLField(_("requested URL"), max_length=2000)
    final_url = models.URLField(_("final URL"), max_length=2000)
    status_code = models.PositiveSmallIntegerField(_("HTTP status"))
    content_type = models.CharField(_("content type"), max_length=100)
    title = models.CharField(_("title"), max_length=500, blank=True)
    source = models.ForeignKey(
        Source, verbose_name=_("text"), on_delete=models.PROTECT, related_name="snapshots"
    )
    file = models.ForeignKey(
        StoredFile, verbose_name=_("raw copy"), on_delete=models.PROTECT, related_name="+"
    )
    fetched_at = models.DateTimeField(_("fetched at"), default=timezone.now)
    fetched_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("fetched by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("copy of a page")
        verbose_name_plural = _("copies of pages")
        ordering = ["-fetched_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.final_url} ({self.fetched_at:%Y-%m-%d %H:%M})"


class VerdictStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    APPROVED = "approved", _("approved")
    SENT_BACK = "sent_back", _("sent back")
    WITHDRAWN = "withdrawn", _("withdrawn")


class Verdict(models.Model):
    """One verdict a claim was given. Rows are appended, never rewritten."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="verdicts")
    rating = models.CharField(_("rating"), max_length=16, choices=Rating)
    rationale = models.TextField(_("rationale"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.PROTECT,
        related_name="verdicts_written",
    )
    created_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=12, choices=VerdictStatus, default=VerdictStatus.PROPOSED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="verdicts_reviewed",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)

    history = HistoricalRecords(get_user=history_user)

    get_rating_display = choice_display(Rating, "rating")
    get_status_display = choice_display(VerdictStatus, "status")

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        indexes = [
            # The dashboard: my latest proposals, and the verdicts published in the
            # last weeks, read from an index rather than all verdicts.
            models.Index(fields=["author", "-created_at", "-id"], name="verdict_author_recent"),
            # Time first: led by the status, the index had SQLite (without statistics)
            # walk every approved verdict to find a page's claims' verdicts.
            models.Index(fields=["reviewed_at", "status"], name="verdict_reviewed_status"),
        ]
        constraints = [
            # The four-eyes rule, held by the database as well as by the workflow.
            models.CheckConstraint(
                condition=Q(reviewed_by__isnull=True) | ~Q(reviewed_by=models.F("author")),
                name="verdict_four_eyes",
            ),
            models.CheckConstraint(
                condition=~Q(status=VerdictStatus.APPROVED)
                | Q(reviewed_by__isnull=False, reviewed_at__isnull=False),
                name="verdict_approved_has_reviewer",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_rating_display()} — {self.claim}"

    def save(self, *args, **kwargs) -> None:
        self.clean()
        super().save(*args, **kwargs)

    @property
    def rating_value(self) -> int | None:
        return Rating(self.rating).numeric_value

    def clean(self) -> None:
        """Verdicts are appended, never rewritten: what was proposed stays as written,
        and a decided verdict (approved, sent back, withdrawn) is final."""
        if self.pk is None:
            return
        stored = (
            Verdict.objects.filter(pk=self.pk)
            .values("rating", "rationale", "author_id", "status")
            .first()
        )
        if stored is None:
            return
        if (stored["rating"], stored["rationale"], stored["author_id"]) != (
            self.rating,
            self.rationale,
            self.author_id,
        ):
            raise ValidationError(_("A verdict is never rewritten: propose a new one instead."))
        if stored["status"] != VerdictStatus.PROPOSED and stored["status"] != self.status:
            raise ValidationError(_("This verdict has been decided; it cannot change."))


class Comment(models.Model):
    """A note in a claim's discussion thread."""

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), on_delete=models.PROTECT
    )
    body = models.TextField(_("comment"))
    created_at = models.DateTimeField(_("written at"), auto_now_add=True)

    history = HistoricalRecords(get_user=history_user)

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.body[:60]


class EventKind(models.TextChoices):
    CREATED = "created", _("created")
    STATUS_CHANGED = "status_changed", _("status changed")
    ASSIGNED = "assigned", _("assigned")
    VALUE_CHANGED = "value_changed", _("value changed")
    EVIDENCE_ADDED = "evidence_added", _("evidence added")
    EVIDENCE_CHANGED = "evidence_changed", _("evidence changed")
    EVIDENCE_REMOVED = "evidence_removed", _("evidence removed")
    EVIDENCE_RESTORED = "evidence_restored", _("evidence restored")
    VERDICT_PROPOSED = "verdict_proposed", _("verdict proposed")
    VERDICT_APPROVED = "verdict_approved", _("verdict approved")
    VERDICT_SENT_BACK = "verdict_sent_back", _("verdict sent back")
    REOPENED = "reopened", _("reopened")
    COMMENTED = "commented", _("commented")
    APPEARANCE_ADDED = "appearance_added", _("quote added")
    DISPUTE_RESOLVED = "dispute_resolved", _("dispute resolved")
    EVIDENCE_COPY_KEPT = "evidence_copy_kept", _("copy of the evidence kept")
    EVIDENCE_VISIBILITY = "evidence_visibility", _("evidence made public or internal")


class ClaimEvent(models.Model):
    """One line of a claim's timeline: who did what, when, with the details that matter.

    Written by the workflow functions in the same transaction as the change
    itself, so the timeline cannot miss a step.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(_("what"), max_length=24, choices=EventKind)
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    get_kind_display = choice_display(EventKind, "kind")

    class Meta:
        verbose_name = _("claim event")
        verbose_name_plural = _("claim events")
        ordering = ["created_at", "pk"]
        indexes = [
            # The last weeks' events by kind: the desk's weeks count the status moves
            # among them, a third of the events of those weeks, and read only those
            # rows (half the time at a million claims on SQLite).
            models.Index(fields=["created_at", "kind"], name="event_recent_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} ({self.created_at:%Y-%m-%d %H:%M})"


class DisputeQuerySet(models.QuerySet["Dispute"]):
    def open_conflicts(self) -> DisputeQuerySet:
        return self.filter(agreement=Agreement.CONFLICT, status=DisputeStatus.OPEN)


class Dispute(models.Model):
    """How the values claimed for one subject and property compare.

    One row per subject and property that has claims from two or more places:
    a conflict is a dispute to resolve; a corroboration is agreement shown as
    such; values in different currencies or units are "not comparable", never
    taken for agreement.
    """

    subject = models.ForeignKey(Subject, on_delete=models.CASCADE, related_name="disputes")
    property = models.ForeignKey(Property, on_delete=models.CASCADE, related_name="disputes")
    agreement = models.CharField(_("agreement"), max_length=16, choices=Agreement)
    status = models.CharField(
        _("status"), max_length=10, choices=DisputeStatus, default=DisputeStatus.OPEN
    )
    tolerance = models.DecimalField(
        _("tolerance"),
        max_digits=6,
        decimal_places=4,
        default=DEFAULT_TOLERANCE,
        help_text=_("Quantities within this relative difference agree (0.05 is 5 %)."),
    )
    claim_count = models.PositiveIntegerField(_("claims"), default=0)
    established_value = models.CharField(
        _("established value"),
        max_length=500,
        blank=True,
        help_text=_("When the evidence shows a value that none of the claims states."),
    )
    resolution_note = models.TextField(_("resolution"), blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    detected_at = models.DateTimeField(_("detected at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = DisputeQuerySet.as_manager()

    history = HistoricalRecords(get_user=history_user)

    get_agreement_display = choice_display(Agreement, "agreement")
    get_status_display = choice_display(DisputeStatus, "status")

    class Meta:
        verbose_name = _("dispute")
        verbose_name_plural = _("disputes")
        ordering = ["-updated_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["subject", "property"], name="dispute_per_group"),
        ]
        indexes = [
            # The dashboard's open conflicts, latest first, read from the index in order
            # instead of sorting every open conflict (12,677 at a million claims).
            models.Index(
                fields=["agreement", "status", "-updated_at", "-id"], name="dispute_open_recent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subject} · {self.property}"

    def get_absolute_url(self) -> str:
        return reverse("dispute_detail", args=[self.pk])


class ResolutionStatus(models.TextChoices):
    PROPOSED = "proposed", _("proposed")
    CONFIRMED = "confirmed", _("confirmed")
    SENT_BACK = "sent_back", _("sent back")
    WITHDRAWN = "withdrawn", _("withdrawn")


class DisputeResolution(models.Model):
    """A proposed way to settle a disagreement, confirmed by an editor who did not
    propose it: the four-eyes rule of verdicts. Rows are appended, never rewritten."""

    dispute = models.ForeignKey(Dispute, on_delete=models.CASCADE, related_name="resolutions")
    supported_claim = models.ForeignKey(
        Claim,
        verbose_name=_("supported claim"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    established_value = models.CharField(_("established value"), max_length=500, blank=True)
    note = models.TextField(_("why (note)"), blank=True)
    evidence = models.ManyToManyField(
        Evidence, verbose_name=_("evidence cited"), blank=True, related_name="resolutions"
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        on_delete=models.PROTECT,
        related_name="resolutions_proposed",
    )
    proposed_at = models.DateTimeField(_("proposed at"), auto_now_add=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ResolutionStatus, default=ResolutionStatus.PROPOSED
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="resolutions_reviewed",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)

    get_status_display = choice_display(ResolutionStatus, "status")

    class Meta:
        verbose_name = _("dispute resolution")
        verbose_name_plural = _("dispute resolutions")
        ordering = ["-proposed_at", "-pk"]
        constraints = [
            # The four-eyes rule, held by the database as well as by claims.disputes.
            models.CheckConstraint(
                condition=Q(reviewed_by__isnull=True) | ~Q(reviewed_by=models.F("proposed_by")),
                name="resolution_four_eyes",
            ),
            models.CheckConstraint(
                condition=~Q(status=ResolutionStatus.CONFIRMED)
                | Q(reviewed_by__isnull=False, reviewed_at__isnull=False),
                name="resolution_confirmed_has_reviewer",
            ),
        ]
        indexes = [models.Index(fields=["status", "proposed_at"], name="resolution_waiting")]

    def __str__(self) -> str:
        return f"{self.dispute} ({self.get_status_display()})"


class SuggestionDismissal(models.Model):
    """A suggested claim a reviewer dismissed: it stays dismissed."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="dismissals")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    dismissed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("dismissed suggestion")
        verbose_name_plural = _("dismissed suggestions")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "start", "end"], name="suggestion_dismissal_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source} {self.start}–{self.end}"


class SuggestionCorrection(models.Model):
    """A reviewer corrected a suggested subject or property: the article's other
    suggestions that made the same guess follow the correction."""

    class Field(models.TextChoices):
        SUBJECT = "subject", _("subject")
        PROPERTY = "property", _("property")

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="corrections")
    field = models.CharField(_("field"), max_length=10, choices=Field)
    # The guess, folded (a subject's name) or as is (a property's code).
    guess = models.CharField(_("guess"), max_length=200)
    # For a property: the kind of figure the guess was made for ("money", "date"…).
    kind = models.CharField(_("value kind"), max_length=12, blank=True)
    correction = models.CharField(_("correction"), max_length=200)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    corrected_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("suggestion correction")
        verbose_name_plural = _("suggestion corrections")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "field", "guess", "kind"], name="suggestion_correction_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.source}: {self.guess} → {self.correction}"


def disputed_claims() -> Exists:
    """True for a claim whose subject and property have an open conflict."""
    return Exists(
        Dispute.objects.open_conflicts().filter(
            subject=OuterRef("subject_id"), property=OuterRef("property_id")
        )
    )


class NotificationKind(models.TextChoices):
    VERDICT_APPROVED = "verdict_approved", _("verdict approved")
    VERDICT_SENT_BACK = "verdict_sent_back", _("verdict sent back")
    CLAIM_ASSIGNED = "claim_assigned", _("claim assigned")
    CLAIMS_ASSIGNED = "claims_assigned", _("claims assigned")
    RESOLUTION_CONFIRMED = "resolution_confirmed", _("resolution confirmed")
    RESOLUTION_SENT_BACK = "resolution_sent_back", _("resolution sent back")


class NotificationQuerySet(models.QuerySet["Notification"]):
    def unread(self) -> NotificationQuerySet:
        return self.filter(read_at__isnull=True)

    def for_list(self) -> NotificationQuerySet:
        return self.select_related("actor", "claim", "dispute__subject", "dispute__property")


class Notification(models.Model):
    """Something a person should know happened to their work: their verdict was approved
    or sent back, a claim was assigned to them. Written by the workflow in the same
    transaction as the change; read in the app, and by email when email is set up."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("what"), max_length=24, choices=NotificationKind)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    claim = models.ForeignKey(
        Claim, verbose_name=_("claim"), on_delete=models.CASCADE, null=True, blank=True
    )
    dispute = models.ForeignKey(
        Dispute, verbose_name=_("dispute"), on_delete=models.CASCADE, null=True, blank=True
    )
    data = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    get_kind_display = choice_display(NotificationKind, "kind")

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        # The header's unread count and the list, newest first, from one index.
        indexes = [
            models.Index(fields=["recipient", "read_at", "-created_at"], name="notification_inbox")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} → {self.recipient}"

    def target_url(self) -> str:
        """Where the notification leads: the claim, the dispute, or the assignee's claims."""
        if self.claim_id:
            return reverse("claim_detail", args=[self.claim_id])
        if self.dispute_id:
            return reverse("dispute_detail", args=[self.dispute_id])
        return reverse("claim_list") + f"?assignee={self.recipient_id}"
