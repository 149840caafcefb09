"""What the OpenAPI schema says besides what drf-spectacular reads from the views.

Every operation can answer with an error its view never names: 401 without
credentials, 403 for the wrong role, 404 for an unknown id or page, 400 for a
bad filter or body, 415 for a body that is not JSON (or multipart for files).
A client generated from the schema must expect them, so they are declared here
once, with the shape DRF gives them, instead of in every ``extend_schema``.
"""

from __future__ import annotations

from typing import Any

ERROR = {
    "type": "object",
    "description": (
        "Why the request was refused: `detail` for the whole request, or one list of "
        "messages per field that was refused."
    ),
    "properties": {"detail": {"type": "string"}},
    "additionalProperties": {
        "anyOf": [
            {"type": "string"},
            {"type": "array", "items": {}},
            {"type": "object"},
        ]
    },
}

DESCRIPTIONS = {
    "400": "Refused input: a filter, a parameter or a field of the body, named in the answer.",
    "401": "No credentials, or a token that is not valid (or whose account is locked out).",
    "403": "Not a reviewer or an editor, or the workflow says no.",
    "404": "No such record, or no such page of the list.",
    "415": "The body is not of the type this operation reads.",
}


def _error(status: str) -> dict[str, Any]:
    return {
        "description": DESCRIPTIONS[status],
        "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
    }


# DRF's CharField refuses NUL (PostgreSQL cannot store it), django-filter's too.
NO_NUL = "^[^\\x00]*$"


def _plain_string(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "string" and not {"enum", "format", "pattern"} & schema.keys()


def tighten_inputs(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: what a parameter or a field may hold.

    Text that is read is text without NUL, a list in a query has an item.
    """
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if _plain_string(schema):
                    schema["pattern"] = NO_NUL
                if schema.get("type") == "array":
                    # "ordering=" reads as no list or a list of one "": neither is a
                    # sort. No sort is the parameter left out.
                    schema["minItems"] = 1
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if not name.endswith("Request"):
            continue
        for field in component.get("properties", {}).values():
            if _plain_string(field):
                field["pattern"] = NO_NUL
    return result


def declare_errors(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: the error answers every operation can give."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path, operations in result.get("paths", {}).items():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            parameters = operation.get("parameters", [])
            statuses = ["401", "403"]
            if "{" in path or any(p["name"] == "page" for p in parameters):
                statuses.append("404")
            if "requestBody" in operation or any(p["in"] == "query" for p in parameters):
                statuses.append("400")
            if "requestBody" in operation:
                statuses.append("415")
            for status in statuses:
                responses.setdefault(status, _error(status))
    return result


# OpenAPI links: where an answer's ids lead, for clients and for schemathesis's
# stateful run (a claim read, then evidence added to it, then that evidence
# changed or removed; a verdict proposed, then approved or sent back...).
BY_ID = {"id": "$response.body#/id"}
FIRST_ROW = {"id": "$response.body#/results/0/id"}
LINKS: dict[tuple[str, str, str], dict[str, tuple[str, dict[str, str]]]] = {
    ("/api/claims/", "get", "200"): {"ReadFirstClaim": ("claims_retrieve", FIRST_ROW)},
    ("/api/claims/{id}/", "get", "200"): {
        "AddEvidence": ("claims_evidence_create", BY_ID),
        "ProposeVerdict": ("claims_verdicts_create", BY_ID),
    },
    ("/api/claims/{id}/evidence/", "post", "201"): {
        "ReadEvidence": ("evidence_retrieve", BY_ID),
        "ChangeEvidence": ("evidence_partial_update", BY_ID),
        "RemoveEvidence": ("evidence_destroy", BY_ID),
        "ReadItsClaim": ("claims_retrieve", {"id": "$response.body#/claim"}),
    },
    ("/api/evidence/{id}/", "get", "200"): {
        "ChangeEvidence": ("evidence_partial_update", BY_ID),
        "RemoveEvidence": ("evidence_destroy", BY_ID),
    },
    ("/api/evidence/{id}/", "patch", "200"): {"ReadEvidence": ("evidence_retrieve", BY_ID)},
    ("/api/claims/{id}/verdicts/", "post", "201"): {
        "ReadVerdict": ("verdicts_retrieve", BY_ID),
        "Approve": ("verdicts_approve_create", BY_ID),
        "SendBack": ("verdicts_send_back_create", BY_ID),
        "ReadItsClaim": ("claims_retrieve", {"id": "$response.body#/claim"}),
    },
    ("/api/verdicts/", "get", "200"): {"ReadFirstVerdict": ("verdicts_retrieve", FIRST_ROW)},
    ("/api/verdicts/{id}/", "get", "200"): {
        "Approve": ("verdicts_approve_create", BY_ID),
        "SendBack": ("verdicts_send_back_create", BY_ID),
    },
    ("/api/verdicts/{id}/approve/", "post", "200"): {
        "ReadItsClaim": ("claims_retrieve", {"id": "$response.body#/claim"}),
    },
    ("/api/sources/", "get", "200"): {"ReadFirstSource": ("sources_retrieve", FIRST_ROW)},
    ("/api/files/", "post", "201"): {
        "ReadDocument": ("sources_retrieve", BY_ID),
        "Download": ("files_retrieve", {"sha256": "$response.body#/file/sha256"}),
    },
}


def declare_links(
    result: dict[str, Any], generator: Any, request: Any, public: bool
) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: the OpenAPI links of ``LINKS``."""
    paths = result.get("paths", {})
    for (path, method, status), links in LINKS.items():
        response = paths.get(path, {}).get(method, {}).get("responses", {}).get(status)
        if response is None:
            continue  # an operation this schema does not show (a public, partial one)
        response["links"] = {
            name: {"operationId": operation, "parameters": parameters}
            for name, (operation, parameters) in links.items()
        }
    return result
