"""What the API shows and what it accepts.

Output serializers read the querysets the views prepare (no query of their
own per row); input serializers only validate, with the browser forms' rules,
and the views hand the cleaned data to ``claims.workflow``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.choices import (
    RATING_SCALE,
    DatePrecision,
    Qualifier,
    Rating,
    Stance,
    ValueKind,
    ValueRank,
)
from claims.excerpts import ExcerptNotFound, find_excerpt
from claims.forms import MAX_TEXT
from claims.models import Appearance, Claim, Evidence, Snapshot, Source, StoredFile, Verdict
from claims.weblinks import MAX_URL, clean_web_url


@extend_schema_field(
    {
        "type": "string",
        "maxLength": MAX_URL,
        # Empty when a source of the workbench stands for the page.
        "anyOf": [{"format": "uri"}, {"maxLength": 0}],
    }
)
class WebURLField(serializers.CharField):
    """A web address under ``claims.weblinks``' rule, the browser form's too."""

    def to_internal_value(self, data: Any) -> str:
        text = super().to_internal_value(data)
        try:
            return clean_web_url(text)
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages, code=error.code) from None


class UsernameField(serializers.SlugRelatedField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="username", read_only=True, **kwargs)


def nobody_or_username(**kwargs: Any) -> UsernameField:
    """A person who may be missing (unassigned, not reviewed yet, account deleted): null then."""
    return UsernameField(allow_null=True, **kwargs)


@extend_schema_field(
    {
        "type": "string",
        "description": "An http(s) address, or empty when there is none "
        "(an article typed in, evidence citing a source of the workbench).",
    }
)
class StoredURLField(serializers.CharField):
    """A stored URL as it is: the model allows it blank, so the schema cannot promise a URI."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)


def blank_or_choice(choices: Any, **kwargs: Any) -> serializers.ChoiceField:
    """A choice that may be blank (not rated yet, date precision unknown): "" is in the enum."""
    return serializers.ChoiceField(choices=choices, allow_blank=True, read_only=True, **kwargs)


@extend_schema_field({"type": "integer", "nullable": True, "minimum": 1, "maximum": 5})
class RatingValueField(serializers.Field):
    """The rating on schema.org's 1–5 scale; null when unrated or unverifiable."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("source", "rating")
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: str) -> int | None:
        return RATING_SCALE.get(value)


# --- reading -------------------------------------------------------------------


class ValueSerializer(serializers.Serializer):
    """A claim's value, as stated and in structured form (see claims.values)."""

    kind = serializers.ChoiceField(source="value_kind", choices=ValueKind.choices, read_only=True)
    text = serializers.CharField(source="value_text", read_only=True)
    number = serializers.DecimalField(
        source="value_number",
        max_digits=40,
        decimal_places=10,
        normalize_output=True,
        allow_null=True,
        read_only=True,
    )
    unit = serializers.CharField(source="value_unit", read_only=True)
    per = serializers.DecimalField(
        source="value_per",
        max_digits=30,
        decimal_places=6,
        normalize_output=True,
        allow_null=True,
        read_only=True,
    )
    currency = serializers.CharField(source="value_currency", read_only=True)
    date = serializers.DateField(source="value_date", allow_null=True, read_only=True)
    date_precision = serializers.ChoiceField(
        source="value_date_precision",
        choices=DatePrecision.choices,
        allow_blank=True,
        read_only=True,
    )
    qualifier = serializers.ChoiceField(
        source="value_qualifier", choices=Qualifier.choices, read_only=True
    )
    rank = serializers.ChoiceField(source="value_rank", choices=ValueRank.choices, read_only=True)


class ClaimSerializer(serializers.ModelSerializer):
    """A row of the claims list."""

    subject = serializers.CharField(source="subject.name", read_only=True)
    property = serializers.CharField(source="property.label", read_only=True)
    property_code = serializers.CharField(source="property.code", read_only=True)
    value = ValueSerializer(source="*", read_only=True)
    rating_value = RatingValueField()
    disputed = serializers.BooleanField(source="is_disputed", read_only=True)
    rating = blank_or_choice(Rating.choices)
    assignee = nobody_or_username()
    web_url = serializers.CharField(source="get_absolute_url", read_only=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "statement",
            "subject",
            "property",
            "property_code",
            "value",
            "status",
            "rating",
            "rating_value",
            "disputed",
            "assignee",
            "created_at",
            "updated_at",
            "version",
            "web_url",
        ]
        read_only_fields = fields


class AppearanceSerializer(serializers.ModelSerializer):
    source_title = serializers.CharField(source="source.title", read_only=True)

    class Meta:
        model = Appearance
        fields = ["id", "source", "source_title", "exact", "prefix", "suffix", "start", "end"]
        read_only_fields = fields


class StoredFileSerializer(serializers.ModelSerializer):
    """A stored file: its type (read from its content), size, SHA-256 and address."""

    url = serializers.SerializerMethodField(help_text="Where to download it (token or session).")

    class Meta:
        model = StoredFile
        fields = ["sha256", "size", "content_type", "original_name", "url"]
        read_only_fields = fields

    def get_url(self, stored: StoredFile) -> str:
        return reverse("api:file-detail", args=[stored.sha256])


class SnapshotSerializer(serializers.ModelSerializer):
    """A copy of an evidence link as fetched: final URL, status, time, text and bytes."""

    file = StoredFileSerializer(read_only=True)
    text_source = serializers.IntegerField(
        source="source_id", read_only=True, help_text="The Source holding the page's text."
    )
    fetched_by = nobody_or_username()

    class Meta:
        model = Snapshot
        fields = [
            "id",
            "evidence",
            "requested_url",
            "final_url",
            "status_code",
            "content_type",
            "title",
            "fetched_at",
            "fetched_by",
            "text_source",
            "file",
        ]
        read_only_fields = fields


class EvidenceSerializer(serializers.ModelSerializer):
    added_by = nobody_or_username()
    url = StoredURLField()
    file = StoredFileSerializer(
        source="source.file",
        read_only=True,
        allow_null=True,
        help_text="The file the cited source was read from, for file evidence.",
    )
    snapshots = SnapshotSerializer(many=True, read_only=True)

    class Meta:
        model = Evidence
        fields = [
            "id",
            "claim",
            "source",
            "url",
            "title",
            "excerpt",
            "excerpt_start",
            "excerpt_end",
            "stance",
            "note",
            "added_by",
            "created_at",
            "updated_at",
            "version",
            "file",
            "snapshots",
        ]
        read_only_fields = fields


class VerdictSerializer(serializers.ModelSerializer):
    author = UsernameField()
    reviewed_by = nobody_or_username()
    rating_value = RatingValueField()

    class Meta:
        model = Verdict
        fields = [
            "id",
            "claim",
            "rating",
            "rating_value",
            "rationale",
            "status",
            "author",
            "created_at",
            "reviewed_by",
            "reviewed_at",
            "review_comment",
        ]
        read_only_fields = fields


class ClaimDetailSerializer(ClaimSerializer):
    """A claim with where it appears, its evidence and its verdict history."""

    appearances = AppearanceSerializer(many=True, read_only=True)
    evidence = EvidenceSerializer(many=True, read_only=True)
    verdicts = VerdictSerializer(many=True, read_only=True)

    class Meta(ClaimSerializer.Meta):
        fields = [
            *ClaimSerializer.Meta.fields,
            "not_checkable_reason",
            "appearances",
            "evidence",
            "verdicts",
        ]
        read_only_fields = fields


class SourceSerializer(serializers.ModelSerializer):
    web_url = serializers.CharField(source="get_absolute_url", read_only=True)
    file = StoredFileSerializer(read_only=True, allow_null=True)
    url = StoredURLField()
    published_precision = blank_or_choice(DatePrecision.choices)

    class Meta:
        model = Source
        fields = [
            "id",
            "kind",
            "file",
            "title",
            "url",
            "publisher",
            "author",
            "language",
            "published_on",
            "published_precision",
            "created_at",
            "web_url",
        ]
        read_only_fields = fields


class SourceDetailSerializer(SourceSerializer):
    class Meta(SourceSerializer.Meta):
        fields = [*SourceSerializer.Meta.fields, "text", "text_sha256"]
        read_only_fields = fields


# --- writing -------------------------------------------------------------------


def _text(*, max_length: int = MAX_TEXT, **kwargs: Any) -> serializers.CharField:
    return serializers.CharField(max_length=max_length, allow_blank=True, **kwargs)


class EvidenceWriteSerializer(serializers.Serializer):
    """The evidence form's fields and rules; an existing source may stand for the URL."""

    stance = serializers.ChoiceField(choices=Stance.choices)
    url = WebURLField(allow_blank=True, default="")
    title = _text(max_length=500, default="")
    excerpt = _text(default="")
    note = _text(default="")
    source = serializers.PrimaryKeyRelatedField(
        queryset=Source.objects.all(), allow_null=True, default=None
    )
    excerpt_start = serializers.IntegerField(
        min_value=0,
        allow_null=True,
        default=None,
        help_text=_(
            "With a source: where the excerpt starts in its text, in characters "
            "(source.text[excerpt_start:excerpt_end] == excerpt). Left out, the excerpt "
            "is found in the text."
        ),
    )
    excerpt_end = serializers.IntegerField(min_value=1, allow_null=True, default=None)
    keep_copy = serializers.BooleanField(
        default=False,
        help_text=_(
            "Fetch the URL now and keep a copy (text and file); if it cannot be kept, no "
            "evidence is added (409)."
        ),
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if attrs.get("keep_copy") and not attrs.get("url"):
            raise serializers.ValidationError(
                {"keep_copy": _("Only a link can have a copy kept: give the URL.")}
            )
        if not attrs.get("url") and not attrs.get("source"):
            raise serializers.ValidationError(
                {"url": _("Give the URL of the evidence.")}, code="required"
            )
        source = attrs.get("source")
        if isinstance(source, Source) and attrs.get("excerpt", "").strip():
            # Bad input is a 400 naming the field, before the workflow is asked.
            try:
                find_excerpt(
                    source.text,
                    attrs["excerpt"],
                    title=source.title,
                    start=attrs.get("excerpt_start"),
                    end=attrs.get("excerpt_end"),
                )
            except ExcerptNotFound as error:
                raise serializers.ValidationError(
                    {"excerpt": error.message}, code="not_in_source"
                ) from None
        return attrs


class EvidenceUpdateSerializer(EvidenceWriteSerializer):
    """Only the fields sent change; ``version`` is the one the client read."""

    version = serializers.IntegerField(
        min_value=1,
        help_text=_("The evidence's version when you read it: someone else's save since is a 409."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # A changed excerpt is found again in the source's text by the workflow.
        del self.fields["excerpt_start"], self.fields["excerpt_end"], self.fields["keep_copy"]
        for name, field in self.fields.items():
            if name != "version":
                field.default = serializers.empty
                field.required = False

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        evidence: Evidence = self.instance
        # Checked against the evidence as it will be: the URL may go if a source stays.
        super().validate({"url": evidence.url, "source": evidence.source_id} | attrs)
        return attrs


class VerdictProposeSerializer(serializers.Serializer):
    rating = serializers.ChoiceField(choices=Rating.choices)
    rationale = serializers.CharField(
        max_length=MAX_TEXT,
        help_text=_("What the evidence shows, in words a reader understands."),
    )
    replaces = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text=_(
            "The id of the waiting verdict you are replacing (null: you saw none). If another "
            "verdict was proposed since, nothing changes and the answer is 409. Leave it out "
            "to replace whatever is waiting."
        ),
    )


class ReviewSerializer(serializers.Serializer):
    comment = _text(default="")


class SendBackSerializer(serializers.Serializer):
    comment = serializers.CharField(
        max_length=MAX_TEXT, help_text=_("What is missing: the author sees it.")
    )


class FileUploadSerializer(serializers.Serializer):
    """A file to cite as evidence (multipart). Its type is read from its content."""

    file = serializers.FileField(
        help_text=_("A PDF, an image (PNG, JPEG, WebP), a saved web page or a text file.")
    )
    title = _text(max_length=500, default="")
