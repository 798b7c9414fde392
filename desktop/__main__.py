"""``partner-desk``: the GUI with no subcommand, headless subcommands otherwise."""

from __future__ import annotations

import gc
import sys


def _plain_gui_args(argv: list[str]) -> dict[str, str | None] | None:
    """``[--db X] [--lang Y]`` only: the common GUI start, parsed without argparse."""
    options: dict[str, str | None] = {"--db": None, "--lang": None}
    rest = list(argv)
    while rest:
        flag = rest.pop(0)
        name, _, value = flag.partition("=")
        if name not in options or options[name] is not None:
            return None
        if not value:
            if not rest or rest[0].startswith("-"):
                return None
            value = rest.pop(0)
        if name == "--lang" and value not in ("zh_CN", "en"):
            return None
        options[name] = value
    return options


def main(argv: list[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else argv
    plain = _plain_gui_args(arguments)
    if plain is None:
        # Subcommands, --help, --version and anything unusual: the full parser.
        from desktop.cli import build_parser, run_command

        args = build_parser().parse_args(arguments)
        if args.self_test:
            from desktop.self_test import run

            return run()
        if getattr(args, "command", None):
            return run_command(args)
        plain = {"--db": args.db, "--lang": args.lang}
    # Start-up creates some hundred thousand long-lived objects (SQLAlchemy's and
    # Qt's modules, the ORM mapping) and no garbage worth collecting; the cyclic
    # collector would walk them all again and again (~30 ms). It is paused until
    # the first frame, when desktop.app.resume_garbage_collection sets those
    # objects aside for good and turns it back on.
    gc.disable()
    # Load the Qt-free core before Qt: PySide6 wraps the import machinery, so
    # every module imported after it costs more (a measurable part of start-up).
    import sqlalchemy.dialects.sqlite  # noqa: F401

    import models.db
    import models.identity
    import models.migrate  # noqa: F401
    from desktop.app import run_gui

    return run_gui(plain["--db"], plain["--lang"])


if __name__ == "__main__":
    sys.exit(main())
