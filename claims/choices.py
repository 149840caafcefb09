"""Vocabularies shared by the models, the value parser and the exports.

They live apart from ``models.py`` so that pure modules (the value parser, the
suggester) can use them without importing the ORM.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _


class ValueKind(models.TextChoices):
    QUANTITY = "quantity", _("quantity")
    MONEY = "money", _("money")
    PERCENTAGE = "percentage", _("percentage")
    DATE = "date", _("date")
    DURATION = "duration", _("duration")
    RANK = "rank", _("rank")
    TEXT = "text", _("text")


class DatePrecision(models.TextChoices):
    """How much of a date is known: "2021" is a year, "mai 2023" a month."""

    YEAR = "year", _("year")
    MONTH = "month", _("month")
    DAY = "day", _("day")


class Qualifier(models.TextChoices):
    """How a figure is hedged in the text: "about $450", "up to 96 %", "from $0.14"."""

    EXACT = "exact", _("exactly")
    ABOUT = "about", _("about")
    AT_LEAST = "at_least", _("at least")
    AT_MOST = "at_most", _("at most")


class ClaimStatus(models.TextChoices):
    NEW = "new", _("new")
    IN_RESEARCH = "in_research", _("in research")
    VERDICT_PROPOSED = "verdict_proposed", _("verdict proposed")
    PUBLISHED = "published", _("published")
    NOT_CHECKABLE = "not_checkable", _("not checkable")


class Stance(models.TextChoices):
    SUPPORTS = "supports", _("supports")
    REFUTES = "refutes", _("refutes")
    MIXED = "mixed", _("mixed")
    CONTEXT = "context", _("context")


class Rating(models.TextChoices):
    TRUE = "true", _("true")
    MOSTLY_TRUE = "mostly_true", _("mostly true")
    MIXED = "mixed", _("mixed")
    MOSTLY_FALSE = "mostly_false", _("mostly false")
    FALSE = "false", _("false")
    MISLEADING = "misleading", _("misleading")
    UNVERIFIABLE = "unverifiable", _("unverifiable")

    @property
    def numeric_value(self) -> int | None:
        """The rating on schema.org's 1 (worst) to 5 (best) scale; None when unrated.

        "Misleading" sits with "mostly false": the facts may be right but the
        reader is led to a false conclusion. "Unverifiable" is not a point on the
        truth scale at all, so it has no number rather than a made-up one.
        """
        return RATING_SCALE[self]


RATING_SCALE: dict[str, int | None] = {
    Rating.TRUE: 5,
    Rating.MOSTLY_TRUE: 4,
    Rating.MIXED: 3,
    Rating.MISLEADING: 2,
    Rating.MOSTLY_FALSE: 2,
    Rating.FALSE: 1,
    Rating.UNVERIFIABLE: None,
}
BEST_RATING = 5
WORST_RATING = 1

# Tolerance under which two quantities are taken to agree (relative difference).
DEFAULT_TOLERANCE = Decimal("0.05")


class ValueRank(models.TextChoices):
    """A claim's standing within its subject and property, as Wikidata ranks statements.

    When a dispute is resolved, the value the evidence supports becomes preferred
    and the others are kept, marked superseded: nothing is deleted.
    """

    PREFERRED = "preferred", _("preferred")
    NORMAL = "normal", _("normal")
    SUPERSEDED = "superseded", _("superseded")


class Agreement(models.TextChoices):
    """How the values claimed for one subject and property relate."""

    CONFLICT = "conflict", _("conflict")
    CORROBORATION = "corroboration", _("corroboration")
    NOT_COMPARABLE = "not_comparable", _("not comparable")


class DisputeStatus(models.TextChoices):
    OPEN = "open", _("open")
    RESOLVED = "resolved", _("resolved")
