"""An installed wheel (not only an editable checkout) carries the sample and the glossary,
and finds them from wherever it is installed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT


def test_wheel_ships_and_finds_its_data(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next((tmp_path / "dist").glob("zhread-*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    assert "tui/data/glossary.yaml" in names
    assert "tui/data/seeds/000_5c73e60e87bd33d6.txt" in names
    assert "tui/zhread.tcss" in names
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    probe = (
        "import tui.core.bundled as b, tui.core.glossary as g; "
        "print(b.sample_path()); print(b.builtin_glossary_path()); "
        "print(len(g.load_glossary(b.builtin_glossary_path()).entries))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True,
        cwd=tmp_path, env={"PYTHONPATH": str(site), "PATH": ""},
    ).stdout.split()
    sample, glossary, entries = Path(out[0]), Path(out[1]), int(out[2])
    assert site in sample.parents and sample.is_file()
    assert site in glossary.parents and glossary.is_file()
    assert entries >= 45
