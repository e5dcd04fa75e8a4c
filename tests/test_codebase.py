"""Checks on the code base itself: migrations, lint, formatting, translations."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]
CATALOGS = sorted(
    p for p in ROOT.glob("**/locale/zh_Hans/LC_MESSAGES/django.po") if ".venv" not in p.parts
)


@pytest.mark.django_db
def test_no_migration_is_missing():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_ruff_lint_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "."], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout


def test_ruff_format_is_clean():
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def translation_statistics(po_file: Path) -> str:
    """Return msgfmt's count of translated, fuzzy and untranslated messages."""
    result = subprocess.run(
        ["msgfmt", "--statistics", "--check-format", "-o", "/dev/null", str(po_file)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stderr.strip()


@pytest.mark.parametrize("po_file", CATALOGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_translation_catalog_is_complete(po_file):
    statistics = translation_statistics(po_file)
    assert "fuzzy" not in statistics
    assert "untranslated" not in statistics


def test_every_app_has_a_catalog():
    owners = {p.relative_to(ROOT).parts[0] for p in CATALOGS}
    assert owners == {"locale", "mentors", "projects", "events"}


def test_catalogs_agree_on_shared_strings():
    """Django merges the catalogs, so a string translated two ways would show the wrong one."""
    result = subprocess.run(
        ["msgcat", *map(str, CATALOGS)], capture_output=True, text=True, check=True
    )
    entries = result.stdout.split("\n\n")
    # msgcat marks disagreeing translations with "#-#-#-#-#"; the headers always differ.
    conflicts = [
        entry for entry in entries if "#-#-#-#-#" in entry and 'msgid ""\nmsgstr' not in entry
    ]
    assert conflicts == []


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(cwd), "PATH": "/usr/bin:/bin"},
    )


def test_import_contracts_are_kept():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line"),
    [
        ("mentors/_contract_probe.py", "import events.models\n"),
        ("projects/matching/_contract_probe.py", "import django.db\n"),
        ("events/tasks.py", "import events.views\n"),
    ],
)
def test_import_contracts_catch_a_deliberate_break(tmp_path, module, line):
    """A copy of the tree with one forbidden import fails the contract check."""
    copy = tmp_path / "tree"
    copy.mkdir()
    for name in ("pyproject.toml", "talentbridge", "mentors", "projects", "events"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("locale", "*.pyc"))
        else:
            shutil.copy(source, copy / name)
    target = copy / module
    target.write_text((target.read_text() if target.exists() else "") + line)
    result = _lint_imports(copy)
    assert result.returncode != 0, result.stdout
    assert "BROKEN" in result.stdout


MAX_MODULE_LINES = 450


def test_no_module_passes_450_lines():
    """Layer files past their size become packages by feature (STYLE.md)."""
    too_long = {}
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in (".venv", "tests", "node_modules") or "migrations" in parts:
            continue
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_MODULE_LINES:
            too_long[str(path.relative_to(ROOT))] = lines
    assert too_long == {}
