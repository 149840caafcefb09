"""Keep each claim's search text current, whichever path changed what it is found by.

Fixture loading (``raw``) is skipped: related rows may not exist yet, and the
loader rebuilds the search text once it is done.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from claims import search
from claims.models import Appearance, Claim, Evidence, Subject, SubjectAlias

# The claim's own fields that its search text is made of.
SEARCHED_CLAIM_FIELDS = {"statement", "value_text", "subject"}


@receiver(post_save, sender=Claim)
def claim_saved(sender, instance: Claim, raw: bool = False, update_fields=None, **kwargs) -> None:
    if raw or (update_fields is not None and not set(update_fields) & SEARCHED_CLAIM_FIELDS):
        return
    search.refresh([instance.pk])


@receiver(post_save, sender=Appearance)
@receiver(post_delete, sender=Appearance)
@receiver(post_save, sender=Evidence)
@receiver(post_delete, sender=Evidence)
def part_changed(sender, instance: Appearance | Evidence, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    if Claim.objects.filter(pk=instance.claim_id).exists():
        search.refresh([instance.claim_id])


@receiver(post_save, sender=Subject)
@receiver(post_save, sender=SubjectAlias)
@receiver(post_delete, sender=SubjectAlias)
def subject_changed(sender, instance: Subject | SubjectAlias, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    subject_id = instance.pk if isinstance(instance, Subject) else instance.subject_id
    search.refresh(Claim.objects.filter(subject_id=subject_id).values_list("pk", flat=True))
