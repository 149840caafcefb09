"""Forms validate what people type; the workflow functions do the saving."""

from __future__ import annotations

from collections.abc import Iterator

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.forms.models import ModelChoiceIterator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from claims import fetch
from claims.choices import ClaimStatus, Rating
from claims.dates import DATE_HELP, DateField
from claims.files import max_bytes, too_big_message
from claims.models import Claim, Evidence, Property, Source, property_label
from claims.roles import EDITOR, REVIEWER
from claims.values import parse_value, to_claim_fields, unit_code, unit_name
from claims.weblinks import MAX_URL, clean_web_url

# An optional choice left unset, in words rather than Django's "---------".
NOT_SET = _("not set")

MAX_TEXT = 20_000


class WebURLField(forms.CharField):
    """A web address under ``claims.weblinks``' rule, the API's too; one clear error."""

    widget = forms.URLInput

    def to_python(self, value: str | None) -> str:
        return clean_web_url(super().to_python(value))


class ReadChoices(ModelChoiceIterator):
    """A model choice field's choices read in one plain query, as a list's rows are.

    Django reads them with ``QuerySet.iterator()``, which on PostgreSQL declares a
    server-side cursor WITH HOLD (DECLARE, FETCH, CLOSE, the result materialised at
    commit) for the dozen people of a select, on every list and claim page.
    """

    def __iter__(self) -> Iterator[tuple]:
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class ReadChoiceField(forms.ModelChoiceField):
    iterator = ReadChoices


def team_members() -> QuerySet:
    """People claims can be assigned to."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=[REVIEWER, EDITOR]) | Q(is_superuser=True))
        .distinct()
        .order_by("username")
    )


class EvidenceForm(forms.ModelForm):
    url = WebURLField(label=_("URL"), required=False, max_length=MAX_URL)
    excerpt = forms.CharField(
        label=_("Excerpt"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The passage that matters, quoted exactly."),
    )
    note = forms.CharField(
        label=_("Note"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Evidence
        fields = ["stance", "url", "title", "excerpt", "note"]

    def clean(self) -> dict:
        data = super().clean()
        if (
            not data.get("url")
            and "url" not in self.errors
            and not data.get("source")
            and not (self.instance.pk and self.instance.source_id)
        ):
            self.add_error("url", _("Give the URL of the evidence."))
        return data


class AddEvidenceForm(EvidenceForm):
    """New evidence: a web page by its URL, or a source already in the workbench with
    an excerpt selected in its text (the offsets) or typed (found by the workflow)."""

    source = forms.ModelChoiceField(
        queryset=Source.objects.defer("text"), required=False, widget=forms.HiddenInput
    )
    keep_copy = forms.BooleanField(
        label=_("Keep a copy of the page"),
        required=False,
        help_text=_("The workbench fetches the page now and keeps its text and its file."),
    )
    excerpt_start = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    excerpt_end = forms.IntegerField(required=False, min_value=1, widget=forms.HiddenInput)

    field_order = ["source", "stance", "excerpt", "url", "keep_copy", "title", "note"]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if not fetch.enabled() or self["source"].value():
            # Nothing to fetch: no server calls, or a source already in the workbench.
            del self.fields["keep_copy"]
        if self["source"].value():
            self.fields["url"].help_text = _("Optional: the article's own address is kept.")
            self.fields["excerpt"].help_text = _(
                "Select the passage in the article's text below, or type it as the article "
                "words it."
            )


class AttachForm(forms.Form):
    """A file to cite as evidence; what it is and its text are read by claims.files."""

    file = forms.FileField(
        label=_("File"),
        help_text=_("A PDF, an image (PNG, JPEG, WebP), a saved web page or a text file."),
        error_messages={"required": _("Choose the file to attach.")},
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=500,
        help_text=_("Left empty: the document's own title, or the file's name."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > max_bytes():
            # Refused before it is read.
            raise ValidationError(too_big_message())
        return upload


class VerdictForm(forms.Form):
    rating = forms.ChoiceField(label=_("Rating"), choices=[("", _("Choose…")), *Rating.choices])
    # The waiting verdict the reviewer saw when writing, if any: see propose_verdict.
    replaces = forms.IntegerField(required=False, widget=forms.HiddenInput)
    rationale = forms.CharField(
        label=_("Rationale"),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the evidence shows, in words a reader understands."),
    )


class ReviewForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 2})
    )


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 3})
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Move to"), choices=ClaimStatus.choices)
    reason = forms.CharField(
        label=_("Reason (needed for “not checkable”)"),
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class AssignForm(forms.Form):
    assignee = ReadChoiceField(
        label=_("Assignee"), queryset=team_members(), required=False, empty_label=_("nobody")
    )


class BulkForm(forms.Form):
    ACTIONS = [("assign", _("Assign to")), ("status", _("Move to status"))]

    claims = forms.TypedMultipleChoiceField(coerce=int, choices=[], label=_("Claims"))
    action = forms.ChoiceField(label=_("Action"), choices=ACTIONS)
    assignee = ReadChoiceField(
        label=_("Assignee"), queryset=team_members(), required=False, empty_label=_("nobody")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[
            ("", "—"),
            (ClaimStatus.NEW, ClaimStatus.NEW.label),
            (ClaimStatus.IN_RESEARCH, ClaimStatus.IN_RESEARCH.label),
        ],
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Any claim id is acceptable here; the view refuses the lot if one is gone.
        self.fields["claims"].valid_value = lambda value: True

    def clean(self) -> dict:
        data = super().clean()
        if data.get("action") == "status" and not data.get("status"):
            self.add_error("status", _("Choose the status to move the claims to."))
        return data


class ClaimForm(forms.ModelForm):
    """What a claim says. The version travels with the form so no edit is lost."""

    subject = forms.CharField(
        label=_("Subject"),
        max_length=200,
        help_text=_("A name or an alias; a new name creates a new subject."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    statement = forms.CharField(
        label=_("Statement"), max_length=MAX_TEXT, widget=forms.Textarea(attrs={"rows": 2})
    )

    class Meta:
        model = Claim
        fields = [
            "statement",
            "short_statement",
            "property",
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
        field_classes = {"value_date": DateField}

    def __init__(self, *args, language: str = "fr", **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.language = language
        self.fields["value_date"].help_text = DATE_HELP
        self.fields["property"].queryset = Property.objects.order_by(property_label(), "code")
        self.fields["property"].empty_label = _("Choose…")
        for field in self.fields.values():
            choices = getattr(field, "choices", None)
            if isinstance(field, forms.TypedChoiceField) and choices and choices[0][0] == "":
                field.choices = [("", NOT_SET), *choices[1:]]
        if self.instance.pk and not self.is_bound:
            self.initial["subject"] = self.instance.subject.name
            self.initial["version"] = self.instance.version
        if unit := self.initial.get("value_unit"):
            # The unit in the reader's language ("jeton"), stored by its code ("token"); the
            # initial value too, so that an untouched unit does not count as changed.
            self.initial["value_unit"] = unit_name(unit, get_language() or "en")

    def clean_value_unit(self) -> str:
        return unit_code(self.cleaned_data.get("value_unit", ""))

    def clean_value_currency(self) -> str:
        code = self.cleaned_data.get("value_currency", "").strip().upper()
        if code and not (len(code) == 3 and code.isalpha()):
            raise ValidationError(_("Use a three-letter ISO 4217 code, such as USD or EUR."))
        return code

    STRUCTURED = (
        "value_kind",
        "value_qualifier",
        "value_number",
        "value_unit",
        "value_per",
        "value_currency",
        "value_date",
        "value_date_precision",
    )

    def clean(self) -> dict:
        data = super().clean()
        if "value_text" in self.changed_data and not set(self.STRUCTURED) & set(self.changed_data):
            # New wording, structured fields untouched: read the value from the wording,
            # in the language of the article the claim was quoted from.
            parsed = parse_value(data.get("value_text", ""), self.language)
            if parsed is not None:
                data.update(to_claim_fields(parsed))
                data["value_text"] = self.cleaned_data["value_text"]
        if data.get("value_date") and not data.get("value_date_precision"):
            self.add_error("value_date_precision", _("Say how precise the date is."))
        return data

    def changes(self) -> dict:
        """The cleaned fields, named as ``workflow.update_claim`` takes them."""
        return {
            name: self.cleaned_data[name]
            for name in ("subject", *self.Meta.fields)
            if name in self.cleaned_data
        }
