"""The config file and the remembered settings: the model, its errors (file, line, key),
the keymap checks, and the settings file that survives damage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.store.config import (
    Config,
    ConfigError,
    KeySpec,
    check_keymap,
    check_theme,
    config_path,
    default_config_text,
    load_config,
    parse_config,
    write_config,
)
from tui.store.settings import (
    Settings,
    load_remembered,
    remember,
    save_remembered,
    settings_path,
)

SPECS = [
    KeySpec("quit", "App", ("q",), "Quit"),
    KeySpec("help", "App", ("f1", "question_mark"), "Help"),
    KeySpec("next-word", "Article", ("right", "w"), "Next word"),
    KeySpec("previous-word", "Article", ("left", "b"), "Previous word"),
    KeySpec("close-help", "HelpScreen", ("escape", "q"), "Close"),
]
GROUPS = {"with Article focused": {"App", "Article"}, "in HelpScreen": {"HelpScreen"}}


def error_of(text: str) -> str:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, "config.toml")
    return str(caught.value)


def test_defaults_and_the_written_default_agree() -> None:
    text = default_config_text(SPECS)
    assert parse_config(text).settings() == Settings() == Config().settings()
    assert "# next-word" in text and '"right,w"' in text  # every id listed, commented out
    assert all(len(line) <= 100 for line in text.splitlines())


def test_values_are_read_with_hyphenated_keys() -> None:
    config = parse_config(
        'theme = "zhread-light"\ninline-glosses = true\nhsk = 2.0\n'
        'sidebar-width = 50\nremember = false\n[keymap]\nnext-word = "x, l"\n'
    )
    assert config.settings() == Settings(
        theme="zhread-light", inline_glosses=True, hsk="2.0", sidebar_width=50
    )
    assert config.remember is False and config.keymap == {"next-word": "x,l"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'script = "hans"\ntones = "loud"\n',
            "config.toml:2: tones: Input should be 'off', 'pleco' or 'mdbg'",
        ),
        (
            '\n\n[keymap]\n"next-word" = ""\n',
            "config.toml:4: keymap.next-word: give one or more keys",
        ),
        (
            "[keymap]\nnext-word = 'a b'\n",
            "config.toml:2: keymap.next-word: 'a b' is not a key name",
        ),
        ('keymap = { quit = "" }\n', "config.toml:1: keymap.quit: give one or more keys"),
        ("them = 'x'\n", "config.toml:1: them: unknown setting; did you mean theme?"),
        (
            "inline-glosses = 'yes'\n",
            "config.toml:1: inline-glosses: Input should be a valid boolean",
        ),
        (
            "sidebar-width = 3\n",
            "config.toml:1: sidebar-width: Input should be greater than or equal",
        ),
        ("theme = 'x'\n\nx == 1\n", "config.toml:3: not valid TOML: Invalid value (column 4)"),
        ("theme = \n", "config.toml:1: not valid TOML:"),
    ],
)
def test_errors_name_the_file_line_and_key(text: str, expected: str) -> None:
    assert error_of(text).startswith(expected)


def test_check_keymap_accepts_a_swap_and_rejects_unknown_ids_and_conflicts() -> None:
    swapped = parse_config('[keymap]\nnext-word = "b"\nprevious-word = "w"\n')
    check_keymap(swapped, SPECS, GROUPS)
    check_keymap(parse_config('[keymap]\nquit = "ctrl+x"\nclose-help = "x"\n'), SPECS, GROUPS)

    unknown = parse_config('theme = "textual-dark"\n[keymap]\nnext-wrod = "x"\n')
    with pytest.raises(
        ConfigError,
        match=r"config.toml:3: keymap.next-wrod: no binding has "
        r"this id; did you mean next-word\?",
    ):
        check_keymap(unknown, SPECS, GROUPS)

    clash = parse_config('[keymap]\n\nquit = "w"\n')
    with pytest.raises(ConfigError) as caught:
        check_keymap(clash, SPECS, GROUPS)
    message = str(caught.value)
    assert message.startswith("config.toml:3: keymap.quit: ")
    assert "'w' is bound to both" in message and "quit" in message and "next-word" in message


def test_keys_compare_after_normalising() -> None:
    config = parse_config('[keymap]\nnext-word = "?"\n')

    def normalize(keys: str) -> str:
        return keys.replace("?", "question_mark")

    with pytest.raises(ConfigError, match="both help and next-word"):
        check_keymap(config, SPECS, GROUPS, normalize)


def test_conflicts_among_the_defaults_are_not_the_readers() -> None:
    specs = [*SPECS, KeySpec("other", "App", ("q",), "Also q")]
    check_keymap(parse_config('[keymap]\nnext-word = "x"\n'), specs, GROUPS)


def test_check_theme_suggests_a_near_name() -> None:
    with pytest.raises(
        ConfigError,
        match=r"config.toml:2: theme: no theme 'zhread-lite'; did "
        r"you mean zhread-light\?",
    ):
        check_theme(
            parse_config('tones = "off"\ntheme = "zhread-lite"\n'), {"zhread-light", "textual-dark"}
        )


def test_config_path_follows_the_environment(monkeypatch, tmp_path: Path) -> None:
    assert config_path() == tmp_path / "config" / "zhread" / "config.toml"
    assert load_config() == Config()  # no file: the defaults
    named = tmp_path / "elsewhere.toml"
    monkeypatch.setenv("ZHREAD_CONFIG", str(named))
    assert config_path() == named
    with pytest.raises(ConfigError, match="no such file"):
        load_config()
    named.write_text('tones = "mdbg"\n', encoding="utf-8")
    assert load_config().tones == "mdbg"


def test_a_file_that_is_not_utf8_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"theme = '\xff'\n")
    with pytest.raises(ConfigError, match="not UTF-8"):
        load_config(path)


def test_write_config_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "config.toml"
    write_config(path, "# one\n")
    with pytest.raises(Exception, match="already exists; use --force"):
        write_config(path, "# two\n")
    assert path.read_text() == "# one\n"
    write_config(path, "# three\n", force=True)
    assert path.read_text() == "# three\n"
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temporary left


def test_remembered_settings_round_trip() -> None:
    assert load_remembered().values == {}
    save_remembered({"tones": "pleco", "inline_glosses": True, "hsk": "2.0"})
    stored = json.loads(settings_path().read_text(encoding="utf-8"))
    assert stored["settings"]["inline-glosses"] is True
    remembered = load_remembered()
    assert remembered.values == {"tones": "pleco", "inline_glosses": True, "hsk": "2.0"}
    assert remembered.note is None
    assert Settings().with_values(remembered.values).tones == "pleco"


def test_remembering_a_change_keeps_what_another_run_remembered_meanwhile() -> None:
    """Two runs that each loaded the file before either changed anything: each lays only
    its own change over the file as it is now, so neither undoes the other's."""
    save_remembered({"theme": "nord"})
    remember({"tones": "pleco"})  # one run
    remember({"script": "hans", "theme": "zhread-light"})  # another
    assert load_remembered().values == {"tones": "pleco", "script": "hans", "theme": "zhread-light"}
    assert not list(settings_path().parent.glob(".*.lock"))  # no lock file left behind


def test_remembering_keeps_a_later_versions_keys_and_starts_over_a_damaged_file() -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text('{"version": 2, "settings": {"future": [1], "tones": "mdbg"}}')
    remember({"inline_glosses": True})
    assert json.loads(path.read_text())["settings"] == {
        "future": [1],
        "tones": "mdbg",
        "inline-glosses": True,
    }
    path.write_text("{oops")
    remember({"hsk": "2.0"})
    assert load_remembered().values == {"hsk": "2.0"}


def test_remembering_where_the_file_cannot_be_written_names_it(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("")
    with pytest.raises(Exception, match="could not remember the settings") as caught:
        remember({"tones": "pleco"}, blocked / "settings.json")
    assert str(blocked / "settings.json") in str(caught.value)


def test_unknown_remembered_keys_are_ignored() -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('{"version": 2, "settings": {"tones": "mdbg", "future": 1}}')
    assert load_remembered().values == {"tones": "mdbg"}


@pytest.mark.parametrize("content", ["{not json", '{"settings": {"tones": "loud"}}', "[]"])
def test_a_damaged_settings_file_is_moved_aside(content: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_text(content, encoding="utf-8")
    remembered = load_remembered()
    assert remembered.values == {}
    assert remembered.note and "moved aside" in remembered.note and str(path) in remembered.note
    assert not path.exists()
    assert [p.read_text() for p in path.parent.glob("settings.json.corrupt-*")] == [content]


def test_settings_changed_lists_only_the_differences() -> None:
    assert Settings().changed(Settings(tones="mdbg", theme="nord")) == {
        "tones": "mdbg",
        "theme": "nord",
    }


def test_keys_the_toolkit_takes_first_are_refused() -> None:
    config = parse_config('[keymap]\nnext-word = "right,tab"\n')
    with pytest.raises(ConfigError, match=r":2: keymap.next-word: 'tab' is taken by focus"):
        check_keymap(config, SPECS, GROUPS, reserved={"tab": "focus"})


def test_every_binding_of_the_app_has_a_unique_id_and_real_groups() -> None:
    from tui.bindings import conflict_groups, key_specs, reserved_keys

    specs = key_specs()
    ids = [spec.id for spec in specs]
    assert len(ids) == len(set(ids))
    assert {"quit", "next-word", "close-help", "add-candidate", "cancel-prompt"} <= set(ids)
    groups = conflict_groups()
    assert groups["with ArticleView focused"] == {"ReaderScreen", "ArticleView"}
    assert "in HelpScreen" in groups
    assert {"tab", "ctrl+p", "ctrl+q"} <= reserved_keys().keys()
    check_keymap(Config(), specs, groups)  # the defaults hold no conflict of the reader's
