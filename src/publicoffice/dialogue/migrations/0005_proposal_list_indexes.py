"""Indexes for the proposal lists (found with ``bench/dialogue.py``, see docs/performance.md).

With 100,000 proposals the office's and the network's open lists sorted
every open proposal, joined to its office, for each page (23 and 43 ms at
PostgreSQL's default ``work_mem``); these partial indexes hand over the
first page in order. The office page's "recently answered" gets one too.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dialogue", "0004_visitors_and_answer_details"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(
                condition=models.Q(
                    ("archived_at__isnull", True),
                    ("awaiting_confirmation", False),
                    ("hidden_at__isnull", True),
                    ("state__in", ("new", "considering", "planned")),
                ),
                fields=["office", "-support_count", "-created_at", "-id"],
                name="proposal_open_office_support",
            ),
        ),
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(
                condition=models.Q(
                    ("archived_at__isnull", True),
                    ("awaiting_confirmation", False),
                    ("hidden_at__isnull", True),
                    ("state__in", ("new", "considering", "planned")),
                ),
                fields=["-support_count", "-created_at", "-id"],
                name="proposal_open_support",
            ),
        ),
        migrations.AddIndex(
            model_name="proposal",
            index=models.Index(
                fields=["office", "-state_changed_at", "-id"], name="proposal_office_changed"
            ),
        ),
    ]
