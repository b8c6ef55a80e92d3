"""Database constraints that only some databases can enforce.

Django's :class:`~django.contrib.postgres.constraints.ExclusionConstraint`
emits PostgreSQL-only SQL without asking which database it talks to. The
embedded SQLite default cannot express it; there the service enforces the
same rule inside a write-locked transaction instead (see
``docs/decisions/0005-no-double-booking.md``).
"""

from __future__ import annotations

from typing import Any

from django.contrib.postgres.constraints import ExclusionConstraint


class PostgresExclusionConstraint(ExclusionConstraint):
    """An exclusion constraint that is silently absent on other databases.

    Validation in ``full_clean`` is skipped everywhere: the services check
    the same rule under a lock first, and on PostgreSQL the database has the
    last word, raising ``IntegrityError`` if anything slipped through.
    """

    def _is_postgres(self, schema_editor: Any) -> bool:
        return bool(schema_editor.connection.vendor == "postgresql")

    def constraint_sql(self, model: Any, schema_editor: Any) -> Any:
        if not self._is_postgres(schema_editor):
            return None
        return super().constraint_sql(model, schema_editor)

    def create_sql(self, model: Any, schema_editor: Any) -> Any:
        if not self._is_postgres(schema_editor):
            return None
        return super().create_sql(model, schema_editor)

    def remove_sql(self, model: Any, schema_editor: Any) -> Any:
        if not self._is_postgres(schema_editor):
            return None
        return super().remove_sql(model, schema_editor)

    def validate(self, *args: Any, **kwargs: Any) -> None:
        return None
