"""The API's endpoints: reads from the pages' querysets, writes through the workflow.

Authentication (token or session), the reviewer-or-editor rule, pagination
and the error answers are set once in ``REST_FRAMEWORK`` (factcheck/settings.py);
a workflow refusal becomes 403 or 409 in ``claims.api.errors``.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from claims import workflow
from claims.api.serializers import (
    ClaimDetailSerializer,
    ClaimSerializer,
    EvidenceSerializer,
    EvidenceUpdateSerializer,
    EvidenceWriteSerializer,
    ReviewSerializer,
    SendBackSerializer,
    SourceDetailSerializer,
    SourceSerializer,
    VerdictProposeSerializer,
    VerdictSerializer,
)
from claims.filters import ClaimFilter
from claims.models import Appearance, Claim, Evidence, Source, Verdict, disputed_claims

# Ids are whole numbers: anything else is a 404 from the URL resolver.
ID = r"\d+"

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
                    Prefetch("evidence", queryset=Evidence.objects.select_related("added_by")),
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
        request=EvidenceWriteSerializer,
        responses={201: EvidenceSerializer, 403: NOT_ALLOWED, 409: CONFLICT},
    )
    @action(detail=True, methods=["post"], url_path="evidence")
    def add_evidence(self, request: Request, pk: str) -> Response:
        claim = self.get_object()
        form = EvidenceWriteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        evidence = workflow.add_evidence(claim, by=request.user, **form.validated_data)
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


@extend_schema_view(retrieve=extend_schema(summary="One piece of evidence, with its version"))
class EvidenceViewSet(mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    queryset = Evidence.objects.select_related("added_by")
    serializer_class = EvidenceSerializer
    lookup_value_regex = ID

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
    filterset_fields = ["claim", "status", "rating"]
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
    filterset_fields = ["language"]
    lookup_value_regex = ID

    def get_queryset(self) -> QuerySet[Source]:
        sources = Source.objects.order_by(*Source._meta.ordering, "pk")
        return sources.defer("text") if self.action == "list" else sources

    def get_serializer_class(self) -> type[BaseSerializer]:
        return SourceSerializer if self.action == "list" else SourceDetailSerializer
