"""A trigram index on the directory's search column, on PostgreSQL only.

Directory search filters with ``search_text LIKE '%word%'`` (a ``contains``
lookup on folded text). Without an index PostgreSQL reads every listed
profile: about half a second per search with 100,000 profiles on a 2-core
machine (``bench/directory.py``, ``docs/performance.md``). A GIN index with
``gin_trgm_ops`` answers such patterns from the index, without any change in
the selector.

The index lives in the database only, not in the model's state: SQLite (the
embedded default) has no trigram indexes, and a model-level index would
either fail there or be migrated away again. Like ``btree_gist`` in
``bookings.0001``, the extension is created only on PostgreSQL (``pg_trgm``
is a trusted extension: the database owner may create it); migrating back
drops the index and keeps the extension.
"""

from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX_NAME = "profile_search_trgm"


class KeepTrigramExtension(TrigramExtension):
    """``pg_trgm``, created on PostgreSQL and left in place when migrating back.

    Other indexes may come to use it, and Django's own reverse asks
    ``pg_extension`` even on SQLite, where it does not exist.
    """

    def database_backwards(self, *args, **kwargs):
        return None


def _index() -> GinIndex:
    return GinIndex(fields=["search_text"], opclasses=["gin_trgm_ops"], name=INDEX_NAME)


def add_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.add_index(apps.get_model("community", "Profile"), _index())


def remove_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.remove_index(apps.get_model("community", "Profile"), _index())


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0002_curated_vocabulary"),
    ]

    operations = [
        KeepTrigramExtension(),
        migrations.RunPython(add_index, remove_index, elidable=False),
    ]
