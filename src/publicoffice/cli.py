"""The ``publicoffice`` console script: Django's management commands and ours.

``publicoffice migrate``, ``publicoffice runserver``, ``publicoffice demo``
and so on, without having to know where ``manage.py`` is or which settings
module to use.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "publicoffice.settings")
    # app loading: like manage.py, Django is imported once the settings are chosen.
    from django.core.management import execute_from_command_line

    execute_from_command_line(["publicoffice", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":  # pragma: no cover
    main()
