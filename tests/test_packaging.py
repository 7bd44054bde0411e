"""An installed wheel (not only an editable checkout) carries the sample and the glossary,
and finds them from wherever it is installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from packaging.requirements import Requirement  # pytest's own dependency
from packaging.utils import canonicalize_name

from tests.conftest import ROOT


def test_wheel_ships_and_finds_its_data(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "dist"),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    wheel = next((tmp_path / "dist").glob("zhread-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/data/glossary.yaml" in names
    assert "tui/data/regional.tsv" in names  # the vetted regional words
    assert "tui/data/seeds/000_5c73e60e87bd33d6.txt" in names
    assert "tui/zhread.tcss" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import tui.core.glossary.bundled as b, tui.core.glossary.loader as g; "
        "print(b.sample_path()); print(b.builtin_glossary_path()); "
        "print(len(g.load_glossary(b.builtin_glossary_path()).entries))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env={"PYTHONPATH": str(site), "PATH": ""},
    ).stdout.split()
    sample, glossary, entries = Path(out[0]), Path(out[1]), int(out[2])
    assert site in sample.parents and sample.is_file()
    assert site in glossary.parents and glossary.is_file()
    assert entries >= 45


# --- dependencies: declared as they are imported -----------------------------------------


def _declared() -> set[str]:
    """The distributions pyproject.toml names as dependencies, normalised."""
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {canonicalize_name(Requirement(spec).name) for spec in project["dependencies"]}


def _imported_modules() -> dict[str, str]:
    """Top-level module -> a file of the package that imports it (or reads its data with
    ``resources.files``), for every module outside the standard library and ``tui``."""
    import ast

    found: dict[str, str] = {}
    for path in sorted((ROOT / "tui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            elif (
                isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "files"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                names = [str(node.args[0].value)]
            for name in names:
                top = name.split(".")[0]
                if top not in sys.stdlib_module_names and top != "tui":
                    found.setdefault(top, str(path.relative_to(ROOT)))
    return found


@pytest.mark.smoke
def test_every_library_the_code_imports_is_a_declared_dependency() -> None:
    """A library used only because another dependency happens to pull it in breaks the day
    that dependency stops doing so."""
    from importlib.metadata import packages_distributions

    providers = packages_distributions()
    declared = _declared()
    imported = _imported_modules()
    assert {"lxml", "trafilatura", "jieba", "opencc", "textual"} <= imported.keys()
    undeclared = {
        module: (where, providers.get(module))
        for module, where in imported.items()
        if not any(canonicalize_name(dist) in declared for dist in providers.get(module, []))
    }
    assert not undeclared, f"imported but not in pyproject's dependencies: {undeclared}"


@pytest.mark.smoke
def test_what_dependencies_ask_for_through_an_extra_is_declared_directly() -> None:
    """justext requires ``lxml[html_clean]``; lxml's metadata spells the extra
    ``html-clean``, and pips before 23.3 (what ``python3 -m venv`` ships with Python 3.11)
    do not see them as the same, so they install lxml without it and HTML fails on import.
    Whatever a dependency, at any depth, asks for through an extra its provider does not
    spell the same way must therefore be a dependency of zhread's own."""
    from importlib.metadata import PackageNotFoundError, distribution

    declared = _declared()
    missing: dict[str, str] = {}
    seen: set[str] = set()
    todo = sorted(declared)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            dist = distribution(name)
        except PackageNotFoundError:
            continue  # an optional dependency for another platform
        for spec in dist.requires or []:
            requirement = Requirement(spec)
            if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
                continue
            todo.append(canonicalize_name(requirement.name))
            for extra in requirement.extras:
                for needed in _spelled_apart(requirement.name, extra):
                    if needed not in declared:
                        missing[needed] = f"{dist.metadata['Name']} asks for {spec!r}"
    assert "lxml" in seen and "justext" in seen
    assert not missing, f"declare these directly in pyproject.toml: {missing}"


def _spelled_apart(provider: str, extra: str) -> list[str]:
    """What ``provider[extra]`` brings when the provider spells ``extra`` differently (so an
    old pip finds no such extra); nothing when the spelling matches."""
    from importlib.metadata import PackageNotFoundError, distribution

    try:
        metadata = distribution(provider).metadata
    except PackageNotFoundError:
        return []
    if extra in (metadata.get_all("Provides-Extra") or []):
        return []
    brought = []
    for spec in metadata.get_all("Requires-Dist") or []:
        marker = Requirement(spec).marker
        if (
            marker is not None
            and marker.evaluate({"extra": canonicalize_name(extra)})
            and not marker.evaluate({"extra": ""})
        ):
            brought.append(canonicalize_name(Requirement(spec).name))
    return brought
