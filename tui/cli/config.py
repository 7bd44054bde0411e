"""``zhread config``: where the config file is, a commented one to start from, and a check.

``init`` and ``check`` read the binding ids and the theme names from plain tables
(:mod:`tui.bindings`, :mod:`tui.themenames`), so they run without Textual, like the other
subcommands.
"""

from __future__ import annotations

import argparse
import textwrap
from dataclasses import fields
from pathlib import Path

from tui.cli.options import command_parser
from tui.store.settings import Settings

SUMMARY = "show where the config file is, write a commented one, check it"

ABOUT = (
    "The config file is TOML: default settings ({settings}), `remember`, and a [keymap] "
    'table of binding id = "key1,key2". $ZHREAD_CONFIG names another file.'
)

EXAMPLES = """\
examples:
  zhread config path                 where zhread reads its config
  zhread config path --settings      where the reader remembers its settings
  zhread config init                 write a commented config listing every key binding
  $EDITOR "$(zhread config path)"
  zhread config check                exit status 2 and file:line: key: problem if broken
  ZHREAD_CONFIG=~/light.toml zhread story.txt
"""


def parser() -> argparse.ArgumentParser:
    settings = ", ".join(f.name.replace("_", "-") for f in fields(Settings))
    about = textwrap.fill(ABOUT.format(settings=settings), 90)  # from the model: every one
    examples = f"{about}\n\n{EXAMPLES}"
    built = command_parser("zhread config", "Work with zhread's config file.", examples)
    sub = built.add_subparsers(dest="action", required=True, metavar="ACTION")
    path = sub.add_parser(
        "path", help="print where the config file is read from (it need not exist yet)"
    )
    path.add_argument(
        "--settings",
        action="store_true",
        help="print where the settings changed in the reader are remembered instead",
    )
    init = sub.add_parser(
        "init", help="write a commented config with the defaults and every binding id"
    )
    init.add_argument("--force", action="store_true", help="replace an existing config")
    check = sub.add_parser("check", help="validate the config (default: the one zhread reads)")
    check.add_argument("file", nargs="?", help="a config file to check instead")
    return built


def run(args: argparse.Namespace) -> int:
    return {"path": _path, "init": _init, "check": _check}[args.action](args)


def _path(args: argparse.Namespace) -> int:
    from tui.store.config import config_path
    from tui.store.settings import settings_path

    print(settings_path() if args.settings else config_path())
    return 0


def _init(args: argparse.Namespace) -> int:
    from tui.bindings import key_specs
    from tui.store.config import config_path, default_config_text, write_config

    path = config_path()
    write_config(path, default_config_text(key_specs()), force=args.force)
    print(f"{path}: written")
    return 0


def _check(args: argparse.Namespace) -> int:
    from tui.bindings import conflict_groups, key_specs, normalize, reserved_keys
    from tui.store.config import check_keymap, check_theme, config_path, load_config
    from tui.themenames import THEME_NAMES

    path = Path(args.file) if args.file else config_path()
    if not args.file and not path.exists():
        print(f"{path}: no config file; zhread uses the defaults")
        return 0
    if args.file and not path.exists():
        from tui.core.errors import ZhreadError

        raise ZhreadError("no such file", path)
    config = load_config(path)
    check_theme(config, THEME_NAMES)
    check_keymap(config, key_specs(), conflict_groups(), normalize, reserved_keys())
    print(f"{path}: ok")
    return 0
