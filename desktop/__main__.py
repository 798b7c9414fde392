"""``partner-desk``: the GUI with no subcommand, headless subcommands otherwise."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from desktop.cli import build_parser, run_command

    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if getattr(args, "command", None):
        return run_command(args)
    # Load the Qt-free core before Qt: PySide6 wraps the import machinery, so
    # every module imported after it costs more (a measurable part of start-up).

    import models.db
    import models.identity
    import models.migrate  # noqa: F401
    from desktop.app import run_gui

    return run_gui(args.db, args.lang)


if __name__ == "__main__":
    sys.exit(main())
