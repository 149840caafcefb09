"""Keep each claim's search text and its group's dispute current, whichever path
changed them.

Fixture loading (``raw``) is skipped: related rows may not exist yet, and the
loader rebuilds the search text (and recomputes the disputes) once it is done.
"""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from claims import disputes, search
from claims.models import Appearance, Claim, Evidence, Subject, SubjectAlias

# The claim's own fields that its search texts are made of.
SEARCHED_CLAIM_FIELDS = {"statement", "short_statement", "value_text", "subject", "subject_id"}


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


# --- disputes: claims about one subject and property are compared ------------------


def _compared_fields_touched(update_fields) -> bool:
    return update_fields is None or bool(set(update_fields) & disputes.COMPARED_FIELDS)


@receiver(pre_save, sender=Claim)
def claim_group_before(
    sender, instance: Claim, raw: bool = False, update_fields=None, **kwargs
) -> None:
    """Remember the group an edited claim leaves, so that its dispute is recomputed too."""
    instance._dispute_group_before = None
    if raw or instance.pk is None or not _compared_fields_touched(update_fields):
        return
    instance._dispute_group_before = (
        Claim.objects.filter(pk=instance.pk).values_list("subject_id", "property_id").first()
    )


@receiver(post_save, sender=Claim)
def claim_compared(
    sender, instance: Claim, raw: bool = False, update_fields=None, **kwargs
) -> None:
    if raw or not _compared_fields_touched(update_fields):
        return
    groups = [(instance.subject_id, instance.property_id)]
    before = getattr(instance, "_dispute_group_before", None)
    if before is not None:
        groups.append(before)
    disputes.refresh_groups(groups)


@receiver(post_delete, sender=Claim)
def claim_removed(sender, instance: Claim, **kwargs) -> None:
    disputes.refresh_group(instance.subject_id, instance.property_id)


@receiver(post_save, sender=Appearance)
@receiver(post_delete, sender=Appearance)
def appearance_changed(sender, instance: Appearance, raw: bool = False, **kwargs) -> None:
    """A quote added in another article makes its claim stated by two sources: the
    group compares again (a claim quoted twice corroborates itself)."""
    if raw:
        return
    group = Claim.objects.filter(pk=instance.claim_id).values_list("subject_id", "property_id")
    for subject_id, property_id in group:
        disputes.refresh_group(subject_id, property_id)
