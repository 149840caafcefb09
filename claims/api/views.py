"""The API's endpoints: reads from the pages' querysets, writes through the workflow.

Authentication (token or session), the reviewer-or-editor rule, pagination
and the error answers are set once in ``REST_FRAMEWORK`` (factcheck/settings.py);
a workflow refusal becomes 403 or 409 in ``claims.api.errors``.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound as NotFoundError
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from claims import files, snapshots, workflow
from claims.api.serializers import (
    ClaimDetailSerializer,
    ClaimSerializer,
    EvidenceSerializer,
    EvidenceUpdateSerializer,
    EvidenceWriteSerializer,
    FileUploadSerializer,
    ReviewSerializer,
    SendBackSerializer,
    SnapshotSerializer,
    SourceDetailSerializer,
    SourceSerializer,
    VerdictProposeSerializer,
    VerdictSerializer,
)
from claims.filters import ClaimFilter, VerdictFilter
from claims.models import (
    Appearance,
    Claim,
    Evidence,
    Snapshot,
    Source,
    StoredFile,
    Verdict,
    disputed_claims,
)
from claims.views.files import file_response

# Ids are whole numbers: anything else is a 404 from the URL resolver.
ID = r"\d+"

# Evidence as the API shows it: who added it, the file it cites, its copies; the
# cited source's text is left in the database.
EVIDENCE_READ = (
    Evidence.objects.select_related("added_by", "source__file")
    .defer("source__text")
    .prefetch_related(
        Prefetch(
            "snapshots",
            queryset=Snapshot.objects.select_related("file", "fetched_by").order_by(
                "-fetched_at", "-pk"
            ),
        )
    )
)

NOT_ALLOWED = OpenApiResponse(description="Not your role, or the four-eyes rule says no.")
CONFLICT = OpenApiResponse(
    description="The claim or verdict does not allow this now (for example: published and locked)."
)
STALE = OpenApiResponse(
    description="Someone else saved this evidence since your version; `current` holds theirs."
)


@extend_schema_view(
    list=extend_schema(
        summary="Claims, filtered and sorted as on the claims page",
        description="Takes the claims page's filters (the same `ClaimFilter`), paginated.",
    ),
    retrieve=extend_schema(summary="A claim with its appearances, evidence and verdicts"),
)
class ClaimViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_class = ClaimFilter
    lookup_value_regex = ID

    def get_queryset(self) -> QuerySet[Claim]:
        if self.action == "list":
            return Claim.objects.for_list()
        if self.action == "retrieve":
            return (
                Claim.objects.for_detail()
                .annotate(is_disputed=disputed_claims())
                .prefetch_related(
                    Prefetch(
                        "appearances",
                        queryset=Appearance.objects.select_related("source").defer("source__text"),
                    ),
                    Prefetch("evidence", queryset=EVIDENCE_READ),
                    Prefetch(
                        "verdicts",
                        queryset=Verdict.objects.select_related("author", "reviewed_by"),
                    ),
                )
            )
        # Writes: the workflow locks and re-reads the claim itself.
        return Claim.objects.all()

    def filter_queryset(self, queryset: QuerySet[Claim]) -> QuerySet[Claim]:
        # The filters choose rows of the list; they never hide the claim a URL names.
        if self.action != "list":
            return queryset
        return super().filter_queryset(queryset)

    def get_serializer_class(self) -> type[BaseSerializer]:
        return ClaimSerializer if self.action == "list" else ClaimDetailSerializer

    @extend_schema(
        summary="Add evidence to a claim",
        description=(
            "A web page by its `url` (with `keep_copy`, the page is fetched now and a copy "
            "kept, or nothing is added), or a `source` of the workbench (an article, or a "
            "file uploaded with `POST /api/files/`) with an `excerpt` anchored in its text."
        ),
        request=EvidenceWriteSerializer,
        responses={201: EvidenceSerializer, 403: NOT_ALLOWED, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="evidence")
    def add_evidence(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        form = EvidenceWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        fields = dict(form.validated_data)
        if fields.pop("keep_copy"):
            evidence = snapshots.add_evidence_with_copy(claim, by=request.user, **fields)
        else:
            evidence = workflow.add_evidence(claim, by=request.user, **fields)
        evidence = EVIDENCE_READ.get(pk=evidence.pk)
        return Response(EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Propose a verdict; another editor approves it",
        request=VerdictProposeSerializer,
        responses={201: VerdictSerializer, 403: NOT_ALLOWED, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="verdicts")
    def propose_verdict(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        form = VerdictProposeSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        verdict = workflow.propose_verdict(claim, by=request.user, **form.validated_data)
        return Response(VerdictSerializer(verdict).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    retrieve=extend_schema(summary="One piece of evidence, with its version, file and copies")
)
class EvidenceViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    serializer_class = EvidenceSerializer
    lookup_value_regex = ID

    def get_queryset(self) -> QuerySet[Evidence]:
        return EVIDENCE_READ

    @extend_schema(
        summary="Keep a copy of the evidence's page now (again: to compare)",
        description=(
            "The server fetches the URL (http and https only, public addresses only, at "
            "most 5 redirects, 10 s and 5 MB) and keeps the final URL, the status, the "
            "text and the raw bytes. A page that cannot be kept is a 409 saying why."
        ),
        request=None,
        responses={201: SnapshotSerializer, 403: NOT_ALLOWED, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="snapshots")
    def keep_copy(self, request: Request, pk: str) -> Response:
        snapshot = snapshots.keep_copy(self.get_object(), by=request.user)
        snapshot = Snapshot.objects.select_related("file", "fetched_by").get(pk=snapshot.pk)
        return Response(SnapshotSerializer(snapshot).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Change evidence, unless someone saved it since your version",
        request=EvidenceUpdateSerializer,
        responses={200: EvidenceSerializer, 403: NOT_ALLOWED, 409: STALE},
    )
    def partial_update(self, request: Request, pk: str) -> Response:
        evidence = self.get_object()
        form = EvidenceUpdateSerializer(evidence, data=request.data)
        form.is_valid(raise_exception=True)
        changes = dict(form.validated_data)
        version = changes.pop("version")
        evidence = workflow.update_evidence(
            evidence, by=request.user, expected_version=version, **changes
        )
        return Response(EvidenceSerializer(evidence).data)

    @extend_schema(
        summary="Remove evidence (the claim's timeline keeps it, to restore)",
        responses={204: None, 403: NOT_ALLOWED, 409: CONFLICT},
    )
    def destroy(self, request: Request, pk: str) -> Response:
        workflow.remove_evidence(self.get_object(), by=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)


@extend_schema_view(
    list=extend_schema(summary="Verdicts, newest first; filter by claim, status or rating"),
    retrieve=extend_schema(summary="One verdict"),
)
class VerdictViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Verdict.objects.select_related("author", "reviewed_by")
    serializer_class = VerdictSerializer
    filterset_class = VerdictFilter
    lookup_value_regex = ID

    @extend_schema(
        summary="Approve a verdict, which publishes the claim (an editor, not its author)",
        request=ReviewSerializer,
        responses={200: VerdictSerializer, 403: NOT_ALLOWED, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"])
    def approve(self, request: Request, pk: str) -> Response:
        verdict = self.get_object()
        form = ReviewSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        verdict = workflow.approve_verdict(verdict, by=request.user, **form.validated_data)
        return Response(VerdictSerializer(verdict).data)

    @extend_schema(
        summary="Send a verdict back to research, saying what is missing (an editor)",
        request=SendBackSerializer,
        responses={200: VerdictSerializer, 403: NOT_ALLOWED, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="send-back")
    def send_back(self, request: Request, pk: str) -> Response:
        verdict = self.get_object()
        form = SendBackSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        verdict = workflow.send_back_verdict(verdict, by=request.user, **form.validated_data)
        return Response(VerdictSerializer(verdict).data)


@extend_schema_view(
    list=extend_schema(summary="Sources: articles and cited documents, without their text"),
    retrieve=extend_schema(summary="A source with its full text"),
)
class SourceViewSet(viewsets.ReadOnlyModelViewSet):
    filterset_fields = ["language", "kind"]
    lookup_value_regex = ID

    def get_queryset(self) -> QuerySet[Source]:
        sources = Source.objects.select_related("file").order_by(*Source._meta.ordering, "pk")
        return sources.defer("text") if self.action == "list" else sources

    def get_serializer_class(self) -> type[BaseSerializer]:
        return SourceSerializer if self.action == "list" else SourceDetailSerializer


@extend_schema_view(
    create=extend_schema(
        summary="Upload a file to cite as evidence",
        description=(
            "Multipart, field `file`: a PDF, an image (PNG, JPEG, WebP), a saved web page "
            "or a text file, at most `FACTCHECK_EVIDENCE_MAX_MB` (20 MB by default). Its type "
            "is read from its content; its text becomes a source of kind `document`, to cite "
            "with `POST /api/claims/{id}/evidence/` and an excerpt. The same file again "
            "answers with the same source. A file that is not what it claims, damaged or "
            "too big is a 400 saying why, and nothing is stored."
        ),
        request={"multipart/form-data": FileUploadSerializer},
        responses={201: SourceSerializer, 400: OpenApiResponse(description="Refused file.")},
    ),
    retrieve=extend_schema(
        summary="Download a stored file by its SHA-256",
        responses={(200, "*/*"): OpenApiTypes.BINARY},
    ),
)
class FileViewSet(mixins.CreateModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = StoredFile.objects.all()
    lookup_field = "sha256"
    lookup_value_regex = "[0-9a-f]{64}"
    parser_classes = [MultiPartParser]
    serializer_class = FileUploadSerializer

    def create(self, request: Request) -> Response:
        form = FileUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        upload = form.validated_data["file"]
        if upload.size > files.max_bytes():
            raise ValidationError({"file": [files.too_big_message()]})
        try:
            source = files.attach_document(
                name=upload.name,
                data=upload.read(),
                by=request.user,
                title=form.validated_data["title"],
            )
        except files.FileRefused as refused:
            raise ValidationError({"file": [refused.message]}) from None
        source = Source.objects.select_related("file").defer("text").get(pk=source.pk)
        return Response(SourceSerializer(source).data, status=status.HTTP_201_CREATED)

    def retrieve(self, request: Request, sha256: str) -> FileResponse:
        return file_response(self.get_object())


class NotFound(APIView):
    """No operation at this address: 404 in JSON, whatever the method."""

    schema = None

    def http_method_not_allowed(self, request: Request, *args: object, **kwargs: object) -> None:
        raise NotFoundError()

    get = post = put = patch = delete = http_method_not_allowed
