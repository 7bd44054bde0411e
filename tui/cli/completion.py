"""``zhread completion SHELL``: a completion script for bash, zsh or fish, made by shtab
from the same parsers that parse the command line, so it never lags behind them."""

from __future__ import annotations

import argparse

from tui.cli.options import command_parser

SUMMARY = "print a shell completion script for bash, zsh or fish"

SHELLS = ("bash", "zsh", "fish")

EXAMPLES = """\
examples:
  zhread completion bash > ~/.local/share/bash-completion/completions/zhread
  zhread completion zsh > ~/.zfunc/_zhread     # with fpath+=(~/.zfunc) before compinit
  zhread completion fish > ~/.config/fish/completions/zhread.fish
"""

#: Arguments that name files, by destination: completed with file names.
FILE_ARGUMENTS = frozenset({"file", "glossary", "output"})


def parser() -> argparse.ArgumentParser:
    built = command_parser(
        "zhread completion",
        "Print a completion script for your shell; "
        "install it once with the line for your shell below\n(open a "
        "new shell afterwards).",
        EXAMPLES,
    )
    built.add_argument("shell", choices=SHELLS, help="bash, zsh or fish")
    return built


def run(args: argparse.Namespace) -> int:
    print(script(args.shell), end="")
    return 0


def script(shell: str) -> str:
    """The completion script for ``shell``, for the whole ``zhread`` command."""
    import shtab

    from tui.cli import full_parser

    top = full_parser()
    for each in _parsers(top):
        for action in each._actions:
            if action.dest in FILE_ARGUMENTS and action.choices is None:
                action.complete = shtab.FILE  # type: ignore[attr-defined]
    return shtab.complete(top, shell=shell)


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """``parser`` and every subcommand's parser under it, at any depth."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in dict.fromkeys(action.choices.values()):
                found += _parsers(child)
    return found
