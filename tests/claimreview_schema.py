"""The JSON Schema every ClaimReview the suite produces is checked against."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA = json.loads((Path(__file__).parent / "claimreview.schema.json").read_text())
Draft202012Validator.check_schema(SCHEMA)
VALIDATOR = Draft202012Validator(SCHEMA)


def schema_errors(document: dict[str, Any]) -> list[str]:
    """Each way the document breaks the schema, with where: empty when it is valid."""
    return [
        f"{'/'.join(map(str, error.absolute_path)) or '(document)'}: {error.message}"
        for error in sorted(VALIDATOR.iter_errors(document), key=lambda e: list(e.path))
    ]


def assert_valid_claimreview(document: dict[str, Any]) -> None:
    errors = schema_errors(document)
    assert not errors, "ClaimReview breaks tests/claimreview.schema.json:\n" + "\n".join(errors)
    # What a schema cannot say: one document's fields agreeing with each other.
    assert document["itemReviewed"]["firstAppearance"] in document["itemReviewed"]["appearance"]
    published, modified = (
        datetime.fromisoformat(document[name]) for name in ("datePublished", "dateModified")
    )
    assert modified >= published
