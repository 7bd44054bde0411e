"""The ``zhread`` command: the reader by default, and subcommands that never load the TUI.

Each subcommand is a module here with ``parser()`` and ``run(args)``; subcommands import
only ``tui.core`` so that they start fast and run where no terminal is attached. The Textual
app is imported only when the reader is actually opened.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from tui.cli import (
    compare,
    completion,
    config,
    convert,
    export,
    gloss,
    glossary,
    imports,
    lookup,
    reader,
    review,
    segment,
    skim,
)
from tui.core.errors import ZhreadError, describe_import_error

COMMANDS: dict[str, ModuleType] = {
    "segment": segment,
    "convert": convert,
    "gloss": gloss,
    "glossary": glossary,
    "lookup": lookup,
    "export": export,
    "import": imports,
    "review": review,
    "skim": skim,
    "compare": compare,
    "config": config,
    "completion": completion,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit code (2 for any problem with the input)."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        command = COMMANDS.get(args[0]) if args else None
        if command is not None:
            return command.run(command.parser().parse_args(args[1:]))
        return reader.run(reader.parser(commands_help()).parse_args(args))
    except ZhreadError as error:
        print(f"zhread: {error}", file=sys.stderr)
        return 2
    except ImportError as error:  # a library imported outside the places that name their task
        print(f"zhread: {describe_import_error(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        sys.stderr.close()  # the reader of our output went away (e.g. `| head`); not an error
        return 0


def commands_help() -> str:
    """One line per subcommand, from each command's own summary."""
    width = max(map(len, COMMANDS))
    return "\n".join(f"  {name:<{width}}  {module.SUMMARY}" for name, module in COMMANDS.items())


def full_parser() -> argparse.ArgumentParser:
    """The reader's parser with every subcommand under it: what shell completion is made from."""
    top = reader.parser(commands_help())
    sub = top.add_subparsers(dest="command", metavar="COMMAND")
    for name, module in COMMANDS.items():
        child = module.parser()
        sub.add_parser(
            name,
            parents=[child],
            add_help=False,
            help=module.SUMMARY,
            description=child.description,
        )
    return top
