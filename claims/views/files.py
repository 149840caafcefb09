"""Evidence files, served only to reviewers and editors, never sniffed by the browser."""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_safe

from claims.models import StoredFile
from claims.views.access import reviewer_required


@require_safe
@reviewer_required
def stored_file(request: HttpRequest, sha256: str) -> FileResponse:
    """The file with the type read from its content when it was stored; shown in place
    only if it is an image or a PDF, downloaded otherwise (an HTML page must never run
    in the workbench's origin)."""
    return file_response(get_object_or_404(StoredFile, sha256=sha256))


def file_response(stored: StoredFile) -> FileResponse:
    """The stored file's bytes with the headers that keep a browser from misreading them."""
    try:
        handle = stored.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing from storage.") from None
    response = FileResponse(
        handle,
        content_type=stored.content_type,
        as_attachment=not stored.shown_inline,
        filename=stored.original_name or stored.sha256,
    )
    response["X-Content-Type-Options"] = "nosniff"
    # Private to the people who may see it: no shared cache keeps a copy.
    response["Cache-Control"] = "private, max-age=3600"
    if not stored.is_image and stored.content_type != "application/pdf":
        response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response
