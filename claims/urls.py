from django.urls import path, re_path

from claims.views import (
    claims,
    dashboard,
    disputes,
    exports,
    files,
    notifications,
    public,
    sources,
    vocabulary,
)

urlpatterns = [
    path("", dashboard.home, name="home"),
    path("claims/", claims.claim_list, name="claim_list"),
    path("claims/bulk/", claims.claim_bulk, name="claim_bulk"),
    path("claims/<int:pk>/", claims.claim_detail, name="claim_detail"),
    path("claims/<int:pk>/edit/", claims.claim_edit, name="claim_edit"),
    path("claims/<int:pk>/history/", claims.claim_history, name="claim_history"),
    path("claims/<int:pk>/status/", claims.claim_status, name="claim_status"),
    path("claims/<int:pk>/assign/", claims.claim_assign, name="claim_assign"),
    path("claims/<int:pk>/reopen/", claims.claim_reopen, name="claim_reopen"),
    path("claims/<int:pk>/comments/", claims.comment_add, name="comment_add"),
    path("claims/<int:pk>/evidence/", claims.evidence_add, name="evidence_add"),
    path("claims/<int:pk>/evidence/new/", claims.evidence_new, name="evidence_new"),
    path("claims/<int:pk>/evidence/attach/", claims.evidence_attach, name="evidence_attach"),
    path(
        "claims/<int:pk>/evidence/<int:evidence_pk>/copy/",
        claims.evidence_copy,
        name="evidence_copy",
    ),
    path(
        "claims/<int:pk>/evidence/<int:evidence_pk>/copies/<int:snapshot_pk>/",
        claims.evidence_copy_detail,
        name="evidence_copy_detail",
    ),
    path(
        "claims/<int:pk>/evidence/<int:evidence_pk>/",
        claims.evidence_edit,
        name="evidence_edit",
    ),
    path(
        "claims/<int:pk>/evidence/<int:evidence_pk>/remove/",
        claims.evidence_remove,
        name="evidence_remove",
    ),
    path(
        "claims/<int:pk>/evidence/<int:evidence_pk>/visibility/",
        claims.evidence_visibility,
        name="evidence_visibility",
    ),
    path(
        "claims/<int:pk>/restore/<int:event_pk>/",
        claims.evidence_restore,
        name="evidence_restore",
    ),
    path("claims/<int:pk>/verdicts/", claims.verdict_propose, name="verdict_propose"),
    path(
        "claims/<int:pk>/verdicts/<int:verdict_pk>/approve/",
        claims.verdict_approve,
        name="verdict_approve",
    ),
    path(
        "claims/<int:pk>/verdicts/<int:verdict_pk>/send-back/",
        claims.verdict_send_back,
        name="verdict_send_back",
    ),
    path("sources/<int:pk>/", sources.source_detail, name="source_detail"),
    path("subjects/", vocabulary.subject_list, name="subject_list"),
    path("subjects/<int:pk>/", vocabulary.subject_detail, name="subject_detail"),
    path("properties/", vocabulary.property_list, name="property_list"),
]

urlpatterns += [
    path("disputes/", disputes.dispute_list, name="dispute_list"),
    path("disputes/<int:pk>/", disputes.dispute_detail, name="dispute_detail"),
    path("disputes/<int:pk>/resolve/", disputes.dispute_resolve, name="dispute_resolve"),
    path(
        "disputes/<int:pk>/resolutions/<int:resolution_pk>/confirm/",
        disputes.resolution_confirm,
        name="resolution_confirm",
    ),
    path(
        "disputes/<int:pk>/resolutions/<int:resolution_pk>/send-back/",
        disputes.resolution_send_back,
        name="resolution_send_back",
    ),
    path("disputes/<int:pk>/tolerance/", disputes.dispute_tolerance, name="dispute_tolerance"),
]

# Claims in and out: CSV export and import, schema.org ClaimReview.
urlpatterns += [
    path("claims/export.csv", exports.claim_export, name="claim_export"),
    path("claims/import/", exports.claim_import, name="claim_import"),
    path("claims/<int:pk>/claimreview.json", exports.claim_review, name="claim_review"),
    path("claimreview.json", exports.claim_review_feed, name="claim_review_feed"),
]

# Articles: the list, the import, and the suggested claims of an article.
urlpatterns += [
    path("sources/", sources.source_list, name="source_list"),
    path("sources/import/", sources.article_import, name="article_import"),
    path(
        "sources/<int:pk>/suggestions/<int:start>-<int:end>/accept/",
        sources.suggestion_accept,
        name="suggestion_accept",
    ),
    path(
        "sources/<int:pk>/suggestions/<int:start>-<int:end>/dismiss/",
        sources.suggestion_dismiss,
        name="suggestion_dismiss",
    ),
]

# Evidence files: to reviewers and editors only.
urlpatterns += [
    re_path(r"^files/(?P<sha256>[0-9a-f]{64})/$", files.stored_file, name="stored_file"),
]

# What happened to my work.
urlpatterns += [
    path("notifications/", notifications.notification_list, name="notification_list"),
    path("notifications/read/", notifications.notification_read, name="notification_read"),
]

# The public side: no login, the organisation's language, cacheable.
urlpatterns += [
    path("checks/", public.check_list, name="public_check_list"),
    path("checks/feed.atom", public.check_feed, name="public_check_feed"),
    path("checks/<int:pk>/", public.check_detail, name="public_check"),
]
