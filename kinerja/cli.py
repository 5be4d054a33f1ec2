"""The ``kinerja`` command: a thin wrapper over Django's management commands.

On a machine with no ``SECRET_KEY`` in the environment (a laptop, a fresh clone) the command
runs with ``DEBUG`` on unless ``DEBUG`` itself is set, so that ``kinerja demo`` serves its
pages and static files with no further configuration. A production server sets
``SECRET_KEY`` (and leaves ``DEBUG`` off).
"""

import getpass
import os
import sys


def main(argv: list[str] | None = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinerja.settings")
    if not os.environ.get("SECRET_KEY"):
        os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    from kinerja.audit.context import written_by

    # Changes made by the command are recorded with its name and the operating-system
    # account that ran it, also when no --user of the application is given.
    with written_by(command_source(args)):
        execute_from_command_line(["kinerja", *args])


def command_source(args: list[str]) -> str:
    """``"kinerja import (budi)"``: the subcommand (the first argument, as Django reads it)
    and the account running the process, when the system can tell it."""
    name = args[0] if args else ""
    try:
        account = getpass.getuser()
    except (KeyError, OSError):  # no login name and no password entry (some containers)
        account = ""
    text = " ".join(filter(None, ("kinerja", name)))
    return f"{text} ({account})" if account else text


if __name__ == "__main__":
    main()
