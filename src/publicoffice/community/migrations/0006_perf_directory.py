"""Indexes that keep the directory's pages cheap however many profiles it holds.

* ``profile_name_order`` on ``(search_name, id)``, both databases: the
  directory's order. A page of listed profiles, with or without a common
  word, is read in this order and the reading stops at the page's end,
  instead of sorting every listed profile (``profile_directory_order``
  starts with ``visibility``, which an ``IN`` of two values cannot walk in
  name order).
* ``profile_name_trgm``, PostgreSQL only: a trigram GIN index on
  ``search_name``, so "name matches first" finds those few profiles from the
  index (``pg_trgm`` comes from ``0003``). It lives in the database only,
  as ``0003``'s does; SQLite skips it.
"""

from django.contrib.postgres.indexes import GinIndex
from django.db import migrations, models

TRIGRAM_INDEX = "profile_name_trgm"


def _trigram_index() -> GinIndex:
    return GinIndex(fields=["search_name"], opclasses=["gin_trgm_ops"], name=TRIGRAM_INDEX)


def add_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("community", "Profile"), _trigram_index())


def remove_trigram_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("community", "Profile"), _trigram_index())


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0005_moderation_hidden"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="profile",
            index=models.Index(fields=["search_name", "id"], name="profile_name_order"),
        ),
        migrations.RunPython(add_trigram_index, remove_trigram_index, elidable=False),
    ]
