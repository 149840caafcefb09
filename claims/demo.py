"""The DeepSeek demo case and its two demo accounts, for `make run`."""

from __future__ import annotations

import json
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction

from claims import disputes, search
from claims.models import Appearance, Claim, Comment, Dispute, Evidence, Source, Verdict
from claims.roles import EDITOR, REVIEWER

DEMO_FIXTURE = "deepseek"
# Kept beside the database, out of git: the demo passwords are made on this
# machine the first time and shown again on every later `make run`.
PASSWORD_FILE = Path(settings.BASE_DIR) / ".demo-passwords"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    password: str
    role: str


# Two editors: an editor's own verdict or resolution needs another editor (four eyes).
DEMO_USERS = [
    ("reviewer", "Rita", "Reviewer", REVIEWER),
    ("editor", "Eddie", "Editor", EDITOR),
    ("editor2", "Edna", "Editor", EDITOR),
]


def load_demo_case() -> bool:
    """Load the DeepSeek articles and claims unless they are already there.

    Loading over existing rows would overwrite what reviewers did to the demo
    claims, so a second run leaves them alone. Returns whether it loaded.
    """
    fixture = Path(settings.BASE_DIR) / "fixtures" / f"{DEMO_FIXTURE}.json"
    hashes = {
        obj["fields"]["text_sha256"]
        for obj in json.loads(fixture.read_text())
        if obj["model"] == "claims.source"
    }
    if Source.objects.filter(text_sha256__in=hashes).exists():
        return False
    with transaction.atomic():
        call_command("loaddata", DEMO_FIXTURE, verbosity=0)
        _start_history()
        search.refresh_all()
        disputes.refresh_all()
    return True


def _start_history() -> None:
    """A "created" record for each loaded row: loaddata saves without history, and a
    claim's first change would otherwise show every field as new, from nothing."""
    for model in (Claim, Appearance, Evidence, Verdict, Comment, Dispute):
        missing = model.objects.exclude(pk__in=model.history.values("id"))
        model.history.bulk_history_create(list(missing))


def _stored_passwords() -> dict[str, str]:
    if not PASSWORD_FILE.exists():
        return {}
    lines = PASSWORD_FILE.read_text().splitlines()
    return dict(line.split(":", 1) for line in lines if ":" in line)


@transaction.atomic
def ensure_demo_accounts() -> list[DemoAccount]:
    """Create the demo reviewer and two editors; keep their passwords across runs."""
    user_model = get_user_model()
    stored = _stored_passwords()
    accounts = []
    for username, first_name, last_name, role in DEMO_USERS:
        password = stored.get(username) or secrets.token_urlsafe(12)
        user, _created = user_model.objects.get_or_create(
            username=username, defaults={"first_name": first_name, "last_name": last_name}
        )
        if not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        user.groups.add(Group.objects.get(name=role))
        accounts.append(DemoAccount(username, password, role))
    PASSWORD_FILE.write_text("".join(f"{a.username}:{a.password}\n" for a in accounts))
    PASSWORD_FILE.chmod(0o600)
    return accounts
