"""Telling people what happened to their work, in the app and by email.

The workflow calls ``notify`` inside its own transaction, so a notification
exists exactly when the change does. Email goes out once the transaction has
committed, only when an email backend is configured (``DJANGO_EMAIL_URL`` or
the ``EMAIL_*`` settings; see factcheck/settings.py), and a failure to send is
logged, never shown to the person who approved the verdict: the in-app list
already holds the news.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from claims.models import Claim, Dispute, Notification, NotificationKind

logger = logging.getLogger(__name__)

User = AbstractBaseUser


def email_enabled() -> bool:
    """Whether email can reach anyone: a default mailer is configured (see settings)."""
    return "default" in getattr(settings, "MAILERS", {})


def notify(
    recipient: User | None,
    *,
    kind: NotificationKind,
    actor: User | None,
    claim: Claim | None = None,
    dispute: Dispute | None = None,
    **data: Any,
) -> Notification | None:
    """Tell ``recipient`` about ``kind``; nobody is told about what they did themselves."""
    if recipient is None or not recipient.is_active:
        return None
    if actor is not None and recipient.pk == actor.pk:
        return None
    notification = Notification.objects.create(
        recipient=recipient, kind=kind, actor=actor, claim=claim, dispute=dispute, data=data
    )
    if email_enabled() and recipient.email:
        transaction.on_commit(lambda: send_notification_email(notification.pk))
    return notification


def send_notification_email(pk: int) -> bool:
    """Send one notification by email; returns whether it went out."""
    notification = Notification.objects.for_list().select_related("recipient").get(pk=pk)
    recipient = notification.recipient
    base_url = settings.FACTCHECK_BASE_URL
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "notification": notification,
            "recipient": recipient,
            "link": f"{base_url}{notification.target_url()}",
        }
        subject = render_to_string("claims/email/notification_subject.txt", context)
        body = render_to_string("claims/email/notification.txt", context)
    try:
        send_mail(
            " ".join(subject.split()),
            body,
            settings.DEFAULT_FROM_EMAIL,
            [recipient.email],
        )
    except Exception:
        # The news is in the app already; a mail server that is down must not undo it.
        logger.exception("notification %s: the email could not be sent", pk)
        return False
    return True


def unread_count(user: User) -> int:
    if not user.is_authenticated:
        return 0
    return Notification.objects.filter(recipient=user).unread().count()


def mark_read(notification: Notification) -> None:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])


def mark_all_read(user: User) -> int:
    return Notification.objects.filter(recipient=user).unread().update(read_at=timezone.now())
