"""Being told: a verdict's author when it is approved or sent back, an assignee when a
claim is theirs; in the app (count in the header) and by email when email is set up."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.mail.backends.base import BaseEmailBackend

from claims import notifications, workflow
from claims.choices import Rating
from claims.models import Notification, NotificationKind
from factcheck.settings import email_settings
from tests.factories import make_claim

LOCMEM = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}


class BrokenMailServer(BaseEmailBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def proposed(reviewer):
    claim = make_claim(statement="Exemple was founded in 2019.")
    verdict = workflow.propose_verdict(
        claim, by=reviewer, rating=Rating.FALSE, rationale="The registry says 2023."
    )
    return claim, verdict


# --- who is told what ---------------------------------------------------------------


def test_the_author_is_told_when_their_verdict_is_approved(reviewer, editor, proposed) -> None:
    claim, verdict = proposed
    workflow.approve_verdict(verdict, by=editor, comment="Well sourced.")
    notification = Notification.objects.get()
    assert (notification.recipient, notification.actor, notification.claim) == (
        reviewer,
        editor,
        claim,
    )
    assert notification.kind == NotificationKind.VERDICT_APPROVED
    assert notification.data["comment"] == "Well sourced."
    assert notifications.unread_count(reviewer) == 1
    assert notifications.unread_count(editor) == 0


def test_the_author_is_told_what_is_missing_when_sent_back(reviewer, editor, proposed) -> None:
    _claim, verdict = proposed
    workflow.send_back_verdict(verdict, by=editor, comment="Cite the registry extract.")
    notification = Notification.objects.get(recipient=reviewer)
    assert notification.kind == NotificationKind.VERDICT_SENT_BACK
    assert notification.data["comment"] == "Cite the registry extract."


def test_an_assignee_is_told_but_not_someone_who_takes_a_claim_themselves(reviewer, editor) -> None:
    claim = make_claim()
    workflow.assign(claim, by=reviewer, assignee=reviewer)
    assert not Notification.objects.exists()
    workflow.assign(claim, by=reviewer, assignee=editor)
    notification = Notification.objects.get()
    assert (notification.recipient, notification.kind) == (editor, NotificationKind.CLAIM_ASSIGNED)
    # The same assignment again changes nothing and tells nobody twice.
    workflow.assign(claim, by=reviewer, assignee=editor)
    assert Notification.objects.count() == 1


def test_a_bulk_assignment_is_one_notification(reviewer, editor) -> None:
    claims = [make_claim() for _ in range(3)]
    assert workflow.bulk_assign(claims, by=reviewer, assignee=editor) == 3
    notification = Notification.objects.get()
    assert notification.kind == NotificationKind.CLAIMS_ASSIGNED
    assert notification.data["count"] == 3
    assert notification.target_url() == f"/claims/?assignee={editor.pk}"


def test_a_refused_action_tells_nobody(reviewer, proposed) -> None:
    _claim, verdict = proposed
    with pytest.raises(workflow.NotAllowed):
        workflow.approve_verdict(verdict, by=reviewer)
    assert not Notification.objects.exists()


# --- email --------------------------------------------------------------------------


def test_no_email_is_sent_while_no_mail_server_is_set_up(
    reviewer, editor, proposed, django_capture_on_commit_callbacks
) -> None:
    reviewer.email = "rita@example.org"
    reviewer.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve_verdict(proposed[1], by=editor)
    assert Notification.objects.count() == 1
    assert mail.outbox == []


def test_an_email_follows_when_a_mail_server_is_set_up(
    settings, reviewer, editor, proposed, django_capture_on_commit_callbacks
) -> None:
    settings.MAILERS = LOCMEM
    settings.FACTCHECK_BASE_URL = "https://factcheck.example.org"
    reviewer.email = "rita@example.org"
    reviewer.save()
    claim, verdict = proposed
    with django_capture_on_commit_callbacks(execute=True):
        workflow.send_back_verdict(verdict, by=editor, comment="Cite the registry extract.")
    [message] = mail.outbox
    assert message.to == ["rita@example.org"]
    assert message.subject == "[Factcheck] Verdict sent back"
    assert "eddie sent your verdict on “Exemple was founded in 2019.” back" in message.body
    assert "Cite the registry extract." in message.body
    assert f"https://factcheck.example.org/claims/{claim.pk}/" in message.body


def test_a_mail_server_that_fails_loses_nothing(
    settings, reviewer, editor, proposed, django_capture_on_commit_callbacks, caplog
) -> None:
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.BrokenMailServer"}}
    reviewer.email = "rita@example.org"
    reviewer.save()
    with django_capture_on_commit_callbacks(execute=True):
        workflow.approve_verdict(proposed[1], by=editor)
    proposed[1].refresh_from_db()
    assert proposed[1].status == "approved"
    assert Notification.objects.filter(recipient=reviewer).exists()
    assert "the email could not be sent" in caplog.text


def test_email_is_off_unless_the_environment_configures_it() -> None:
    assert email_settings({})["MAILERS"] == {}
    smtp = email_settings(
        {
            "DJANGO_EMAIL_URL": "smtp://fc:s%40cret@mail.example.org:587/?tls=True",
            "DJANGO_DEFAULT_FROM_EMAIL": "factcheck@example.org",
        }
    )
    assert smtp["MAILERS"]["default"] == {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": "mail.example.org",
            "port": 587,
            "username": "fc",
            "password": "s@cret",
            "use_tls": True,
            "use_ssl": False,
            "timeout": 10,
        },
    }
    assert smtp["DEFAULT_FROM_EMAIL"] == "factcheck@example.org"
    usual = email_settings({"EMAIL_HOST": "mail.example.org", "EMAIL_USE_SSL": "1"})
    assert usual["MAILERS"]["default"]["OPTIONS"]["use_ssl"] is True
    assert usual["MAILERS"]["default"]["OPTIONS"]["port"] == 25


@pytest.mark.parametrize(
    "environ",
    [
        {"DJANGO_EMAIL_URL": "carrier-pigeon://loft"},
        {"EMAIL_HOST": "mail.example.org", "EMAIL_PORT": "twenty-five"},
        {"EMAIL_HOST": "mail.example.org", "EMAIL_USE_TLS": "1", "EMAIL_USE_SSL": "1"},
    ],
    ids=["unknown scheme", "port not a number", "tls and ssl"],
)
def test_a_bad_email_setting_stops_start_up(environ) -> None:
    with pytest.raises(ImproperlyConfigured):
        email_settings(environ)


# --- the pages ---------------------------------------------------------------------------


def test_the_header_counts_unread_notifications_and_the_list_opens_them(
    client, reviewer, editor, proposed
) -> None:
    claim, verdict = proposed
    workflow.approve_verdict(verdict, by=editor, comment="Well sourced.")
    client.force_login(reviewer)
    page = client.get("/").content.decode()
    assert '<span class="count">1<span class="visually-hidden"> unread' in page
    listing = client.get("/notifications/").content.decode()
    notification = Notification.objects.get()
    assert "eddie approved your verdict “false” on “Exemple was founded in 2019.”" in listing
    assert "Well sourced." in listing
    response = client.post("/notifications/read/", {"notification": notification.pk})
    assert response.status_code == 302 and response["Location"] == f"/claims/{claim.pk}/"
    notification.refresh_from_db()
    assert notification.read_at is not None
    assert 'class="count"' not in client.get("/").content.decode()


def test_someone_elses_notification_is_not_found(client, reviewer, editor, proposed) -> None:
    workflow.approve_verdict(proposed[1], by=editor)
    client.force_login(editor)
    notification = Notification.objects.get()
    response = client.post("/notifications/read/", {"notification": notification.pk})
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_mark_all_as_read(client, reviewer, editor) -> None:
    for _ in range(3):
        workflow.assign(make_claim(), by=editor, assignee=reviewer)
    client.force_login(reviewer)
    assert client.post("/notifications/read/").status_code == 302
    assert notifications.unread_count(reviewer) == 0
    assert client.get("/notifications/read/").status_code == 405


@pytest.mark.parametrize("rows", [1, 30])
def test_the_list_query_count_is_flat(client, reviewer, editor, django_assert_num_queries, rows):
    for _ in range(rows):
        workflow.assign(make_claim(), by=editor, assignee=reviewer)
    client.force_login(reviewer)
    # session, user, roles, the paginator's count, one page of notifications with their
    # actor, claim and dispute joined, the header's unread notifications.
    with django_assert_num_queries(6):
        assert client.get("/notifications/").status_code == 200


def test_a_reviewers_dashboard_shows_where_each_proposed_verdict_stands(
    client, reviewer, editor
) -> None:
    approved = workflow.propose_verdict(
        make_claim(statement="Approved one."), by=reviewer, rating=Rating.TRUE, rationale="Yes."
    )
    workflow.approve_verdict(approved, by=editor)
    sent_back = workflow.propose_verdict(
        make_claim(statement="Sent back one."), by=reviewer, rating=Rating.FALSE, rationale="No."
    )
    workflow.send_back_verdict(sent_back, by=editor, comment="Which registry?")
    workflow.propose_verdict(
        make_claim(statement="Waiting one."), by=reviewer, rating=Rating.MIXED, rationale="Half."
    )
    client.force_login(reviewer)
    page = client.get("/").content.decode()
    panel = page[page.index('id="my-verdicts-heading"') :]
    panel = panel[: panel.index("</section>")]
    assert (
        panel.index("Waiting one.") < panel.index("Sent back one.") < panel.index("Approved one.")
    )
    assert "waiting for an editor" in panel
    assert "Which registry?" in panel
    assert panel.count("by eddie") == 2


# --- password reset ---------------------------------------------------------------------


def test_password_reset_is_hidden_while_no_email_can_be_sent(client) -> None:
    assert "Forgotten your password?" not in client.get("/accounts/login/").content.decode()
    assert client.get("/accounts/password_reset/").status_code == 404


def test_password_reset_sends_a_link_when_email_is_set_up(settings, client, reviewer) -> None:
    settings.MAILERS = LOCMEM
    reviewer.email = "rita@example.org"
    reviewer.save()
    assert "Forgotten your password?" in client.get("/accounts/login/").content.decode()
    response = client.post("/accounts/password_reset/", {"email": "rita@example.org"})
    assert response.status_code == 302
    [message] = mail.outbox
    assert message.subject == "[Factcheck] Reset your password"
    assert "/accounts/reset/" in message.body
