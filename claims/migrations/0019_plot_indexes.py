"""Indexes for the pages with a plot at 100,000 claims: a subject's claims sorted and
paged from the index alone (the id added to subject and property); a subject's latest
quotes found by walking the articles down their publication dates; the dashboard's
claims counted by status and rating from an index, a reviewer's latest proposals and the
verdicts published in the last weeks.

Follows 0018_publishing.
"""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0018_publishing"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="claim",
            name="claim_subject_property",
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["subject", "property", "id"], name="claim_subject_property"),
        ),
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(fields=["status", "rating"], name="claim_status_rating"),
        ),
        migrations.AddIndex(
            model_name="source",
            index=models.Index(fields=["published_on"], name="source_published_on"),
        ),
        migrations.AddIndex(
            model_name="verdict",
            index=models.Index(
                fields=["author", "-created_at", "-id"], name="verdict_author_recent"
            ),
        ),
        migrations.AddIndex(
            model_name="verdict",
            index=models.Index(fields=["status", "reviewed_at"], name="verdict_status_reviewed"),
        ),
    ]
