"""The vocabulary claims are compared by: subjects with their aliases, and properties.

Claims are compared within one subject and one property, so a second spelling
of a subject ("R1" for "DeepSeek-R1") must resolve to the same entity, and a
property must mean one thing. Reviewers extend both; these rules keep them
unambiguous.
"""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from claims.audit import records_actor
from claims.models import Property, Subject, SubjectAlias, normalise_name
from claims.workflow import require_reviewer


class VocabularyError(Exception):
    """The name is empty or already means something else. The message says which."""

    @property
    def message(self) -> str:
        return str(self.args[0])


@records_actor
@transaction.atomic
def add_alias(subject: Subject, alias: str, *, by: AbstractBaseUser) -> SubjectAlias:
    """Another name for ``subject``; refused if that name already belongs to any subject."""
    require_reviewer(by)
    alias = " ".join(alias.split())
    if not normalise_name(alias):
        raise VocabularyError(_("An alias cannot be empty."))
    owner = Subject.objects.resolve(alias)
    if owner == subject:
        raise VocabularyError(
            _("“%(alias)s” already names %(subject)s.")
            % {
                "alias": alias,
                "subject": subject.name,
            }
        )
    if owner is not None:
        raise VocabularyError(
            _("“%(alias)s” already names another subject, %(subject)s.")
            % {"alias": alias, "subject": owner.name}
        )
    return SubjectAlias.objects.create(subject=subject, alias=alias)


@records_actor
@transaction.atomic
def add_subject(name: str, *, by: AbstractBaseUser, description: str = "") -> Subject:
    require_reviewer(by)
    name = " ".join(name.split())
    if not normalise_name(name):
        raise VocabularyError(_("A subject needs a name."))
    owner = Subject.objects.resolve(name)
    if owner is not None:
        raise VocabularyError(
            _("“%(name)s” is already known, as %(subject)s.") % {"name": name, "subject": owner}
        )
    return Subject.objects.create(name=name, description=description.strip())


@records_actor
@transaction.atomic
def add_property(
    label: str,
    *,
    by: AbstractBaseUser,
    label_fr: str = "",
    value_kind: str = "",
    description: str = "",
    language: str = "en",
) -> Property:
    """A new property, labelled in English and French; its code is derived from the
    English label and must be new.

    Named from the French interface without a French label (the accept form's "new
    property"), the one label stands for both until someone translates it."""
    require_reviewer(by)
    label = " ".join(label.split())
    label_fr = " ".join(label_fr.split())
    code = slugify(normalise_name(label))
    if not code:
        raise VocabularyError(_("A property needs a label."))
    if not label_fr and language.startswith("fr"):
        label_fr = label
    same_label = Q(label__iexact=label) | Q(label_fr__iexact=label)
    if label_fr:
        same_label |= Q(label__iexact=label_fr) | Q(label_fr__iexact=label_fr)
    clash = Property.objects.filter(Q(code=code) | same_label).first()
    if clash is not None:
        raise VocabularyError(_("This property exists already: %(label)s.") % {"label": clash})
    return Property.objects.create(
        code=code,
        label=label,
        label_fr=label_fr,
        value_kind=value_kind,
        description=description.strip(),
    )
