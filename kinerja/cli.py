"""The ``kinerja`` command: a thin wrapper over Django's management commands.

On a machine with no ``SECRET_KEY`` in the environment (a laptop, a fresh clone) the command
runs with ``DEBUG`` on unless ``DEBUG`` itself is set, so that ``kinerja demo`` serves its
pages and static files with no further configuration. A production server sets
``SECRET_KEY`` (and leaves ``DEBUG`` off).
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    if not os.environ.get("SECRET_KEY"):
        os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["kinerja", *args])


if __name__ == "__main__":
    main()
