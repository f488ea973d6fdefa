"""The import contracts in pyproject.toml hold, and they do fail when an app imports against the layers."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

BASIS = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"
PAKKETTEN = ("molenlanden", "thema", "dorpen", "rapportage", "inbreng")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, env={"PYTHONPATH": str(cwd)}
    )


@pytest.fixture
def kopie(tmp_path) -> Path:
    """The project's packages and contracts in a folder of their own, to break on purpose."""
    for pakket in PAKKETTEN:
        shutil.copytree(BASIS / pakket, tmp_path / pakket, ignore=shutil.ignore_patterns("__pycache__", "*.json"))
    shutil.copy(BASIS / "pyproject.toml", tmp_path)
    return tmp_path


def test_the_project_keeps_its_contracts():
    result = _lint_imports(BASIS)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "5 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("bestand", "regel", "contract"),
    [
        ("thema/kleuren.py", "import rapportage.models", "thema imports neither dorpen, rapportage nor inbreng"),
        ("dorpen/models.py", "import rapportage.builder", "dorpen imports neither rapportage nor inbreng"),
        ("rapportage/builder.py", "import inbreng.rapport", "rapportage does not import inbreng"),
        ("thema/models.py", "import inbreng.models", "thema imports neither dorpen, rapportage nor inbreng"),
        ("molenlanden/common/formatting.py", "import thema.models", "The shared basics import no app"),
        ("rapportage/builder.py", "import molenlanden.demo.programma", "No app imports the project glue"),
    ],
)
def test_a_forbidden_import_breaks_a_contract(kopie, bestand, regel, contract):
    pad = kopie / bestand
    pad.write_text(pad.read_text() + f"\n{regel}  # noqa\n")
    result = _lint_imports(kopie)
    assert result.returncode == 1
    uitslag = [r for r in result.stdout.splitlines() if r.startswith(contract) and (" KEPT" in r or " BROKEN" in r)]
    assert uitslag and " BROKEN" in uitslag[0], result.stdout
