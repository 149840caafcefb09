from __future__ import annotations

from django.contrib import admin

from claims.models import (
    Appearance,
    Claim,
    Evidence,
    Property,
    Source,
    Subject,
    SubjectAlias,
    Verdict,
)


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "language", "published_on", "created_at"]
    list_filter = ["language", "publisher"]
    search_fields = ["title", "url", "publisher", "author"]
    readonly_fields = ["text_sha256", "created_at", "created_by"]


class SubjectAliasInline(admin.TabularInline):
    model = SubjectAlias
    extra = 1
    fields = ["alias"]


@admin.register(Subject)
class SubjectAdmin(admin.ModelAdmin):
    list_display = ["name"]
    search_fields = ["name", "aliases__alias"]
    inlines = [SubjectAliasInline]


@admin.register(Property)
class PropertyAdmin(admin.ModelAdmin):
    list_display = ["label", "code", "value_kind"]
    search_fields = ["label", "code"]
    prepopulated_fields = {"code": ["label"]}


class AppearanceInline(admin.StackedInline):
    model = Appearance
    extra = 0
    raw_id_fields = ["source"]
    fields = ["source", "exact", "start", "end", "prefix", "suffix"]


class EvidenceInline(admin.StackedInline):
    model = Evidence
    extra = 0
    raw_id_fields = ["source", "added_by"]


class VerdictInline(admin.TabularInline):
    model = Verdict
    extra = 0
    fields = ["rating", "status", "author", "reviewed_by", "reviewed_at", "created_at"]
    readonly_fields = fields
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        # Verdicts go through the review workflow, where the four-eyes rule holds.
        return False


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = ["statement", "subject", "property", "value_text", "status", "assignee"]
    list_filter = ["status", "value_kind", "property"]
    list_select_related = ["subject", "property", "assignee"]
    search_fields = ["statement", "value_text", "subject__name"]
    raw_id_fields = ["subject", "assignee", "created_by"]
    readonly_fields = ["created_at", "updated_at", "version"]
    inlines = [AppearanceInline, EvidenceInline, VerdictInline]


@admin.register(Appearance)
class AppearanceAdmin(admin.ModelAdmin):
    list_display = ["exact", "claim", "source", "start", "end"]
    list_select_related = ["claim", "source"]
    raw_id_fields = ["claim", "source"]


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    list_display = ["__str__", "claim", "stance", "added_by", "created_at"]
    list_filter = ["stance"]
    list_select_related = ["claim", "source", "added_by"]
    raw_id_fields = ["claim", "source", "added_by"]


@admin.register(Verdict)
class VerdictAdmin(admin.ModelAdmin):
    list_display = ["claim", "rating", "status", "author", "reviewed_by", "created_at"]
    list_filter = ["rating", "status"]
    list_select_related = ["claim", "author", "reviewed_by"]
    raw_id_fields = ["claim", "author", "reviewed_by"]
    readonly_fields = ["created_at"]
