"""Claims in and out: the CSV export of the list, ClaimReview JSON-LD, the CSV import."""

from __future__ import annotations

import json
from collections.abc import Iterator

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core import signing
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_http_methods, require_safe

from claims import exports, imports, publishing
from claims.filters import ClaimFilter, PublicCheckFilter
from claims.models import Claim
from claims.views import public
from claims.views.access import reviewer_required

JSON_LD = "application/ld+json"
# How long a previewed import may wait for its confirmation.
IMPORT_MAX_AGE = 60 * 60


def _base_url(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}"


@require_safe
@reviewer_required
def claim_export(request: HttpRequest) -> StreamingHttpResponse:
    """The claims the list shows for these same query parameters, as CSV (all pages)."""
    claims = ClaimFilter(request.GET, queryset=Claim.objects.all()).qs
    lines = exports.csv_lines(
        claims, base_url=_base_url(request), bom=request.GET.get("bom") != "0"
    )
    return StreamingHttpResponse(
        lines,
        content_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{exports.export_filename()}"',
            "Cache-Control": "no-store",
        },
    )


# --- ClaimReview --------------------------------------------------------------------
# Published verdicts are public by nature: fact-check aggregators read these
# without an account, and nothing unpublished is ever served here.


@login_not_required
@require_safe
def claim_review(request: HttpRequest, pk: int) -> JsonResponse:
    """One check's ClaimReview; its ``url`` is the check's public page."""
    claim = exports.published_claims().filter(pk=pk).first()
    if claim is None or not claim.approved_verdicts:
        raise Http404
    document = exports.claim_review(claim, claim_url=publishing.public_url(claim, request))
    return JsonResponse(
        document,
        content_type=JSON_LD,
        json_dumps_params={"ensure_ascii": False},
        headers={"Link": f'<{publishing.public_url(claim, request)}>; rel="canonical"'},
    )


def _json_array(documents: Iterator[dict]) -> Iterator[str]:
    yield "["
    for n, document in enumerate(documents):
        yield ("," if n else "") + json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False)
    yield "]"


@login_not_required
@require_safe
def claim_review_feed(request: HttpRequest) -> StreamingHttpResponse:
    """Every published verdict's ClaimReview, as one JSON array, streamed.

    It takes the public index's filters (rating, language, search) and points to
    the index and the Atom feed in a Link header, as they point to it.
    """
    checks = PublicCheckFilter(request.GET, queryset=Claim.objects.all()).qs
    documents = exports.claim_reviews(
        checks, url_for=lambda claim: publishing.public_url(claim, request)
    )
    return StreamingHttpResponse(
        _json_array(documents),
        content_type=JSON_LD,
        headers={"Link": public.alternate_links_header(request)},
    )


# --- import ---------------------------------------------------------------------------


class ImportUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("CSV file"),
        help_text=gettext_lazy("The columns of a CSV export; UTF-8, at most 1 MB."),
    )

    def clean_file(self) -> str:
        upload = self.cleaned_data["file"]
        if upload.size > imports.MAX_IMPORT_BYTES:
            # Refused before it is read.
            raise forms.ValidationError(imports.too_big_message())
        try:
            return imports.read_upload(upload.read())
        except imports.ImportRefused as refused:
            raise forms.ValidationError(refused.message) from None


def _signer_salt(request: HttpRequest) -> str:
    # Bound to the user: a preview signed for one person cannot be replayed by another.
    return f"claims.import:{request.user.pk}"


def _preview_page(
    request: HttpRequest,
    form: ImportUploadForm,
    preview: imports.ImportPreview | None,
    *,
    error: str = "",
) -> HttpResponse:
    payload = ""
    if preview is not None and preview.is_valid:
        payload = signing.dumps(preview.text, salt=_signer_salt(request), compress=True)
    context = {"form": form, "preview": preview, "payload": payload, "error": error}
    # A refused file or row is a form to correct, shown with 200 like every form here.
    return render(request, "claims/claim_import.html", context)


@require_http_methods(["GET", "HEAD", "POST"])
@reviewer_required
def claim_import(request: HttpRequest) -> HttpResponse:
    """Upload a CSV, see every row checked, then confirm: all rows are created, or none.

    Between the preview and the confirmation the CSV travels in the page itself,
    signed, so the server keeps no file and no state.
    """
    if request.method != "POST":
        return _preview_page(request, ImportUploadForm(), None)
    if "payload" in request.POST:
        return _confirm_import(request)
    form = ImportUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return _preview_page(request, form, None)
    try:
        preview = imports.parse_claims_csv(form.cleaned_data["file"])
    except imports.ImportRefused as refused:
        form.add_error("file", refused.message)
        return _preview_page(request, form, None)
    return _preview_page(request, form, preview)


def _confirm_import(request: HttpRequest) -> HttpResponse:
    form = ImportUploadForm()
    try:
        text = signing.loads(
            request.POST["payload"], salt=_signer_salt(request), max_age=IMPORT_MAX_AGE
        )
        # Checked again: the workbench may have changed since the preview.
        preview = imports.parse_claims_csv(text)
    except signing.BadSignature:
        error = _("This preview has expired or was altered: upload the file again.")
        return _preview_page(request, form, None, error=error)
    except imports.ImportRefused as refused:
        return _preview_page(request, form, None, error=refused.message)
    if not preview.is_valid:
        return _preview_page(request, form, preview)
    claims = imports.import_claims(preview, by=request.user)
    messages.success(
        request,
        ngettext(
            "%(count)d claim imported. It is new: research it like any other.",
            "%(count)d claims imported. They are new: research them like any other.",
            len(claims),
        )
        % {"count": len(claims)},
    )
    return redirect("claim_list")
