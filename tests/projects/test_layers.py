"""The shape of the boards' code: modules stay small, writes stay in services, and the
modules import one another without a circle."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "projects"
MAX_LINES = 400


def _modules() -> list[Path]:
    return sorted(
        path
        for path in APP.rglob("*.py")
        if not {"migrations", "matching", "__pycache__"} & set(path.relative_to(APP).parts)
    )


def _name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(ROOT)))
def test_module_stays_under_the_size_limit(path):
    assert len(path.read_text().splitlines()) <= MAX_LINES


WRITES = (".save(", ".create(", ".update(", ".delete(", ".bulk_create(", "update_or_create(")


@pytest.mark.parametrize("layer", ["views", "tasks.py", "templatetags"])
def test_views_tasks_and_template_tags_write_nothing(layer):
    paths = [APP / layer] if layer.endswith(".py") else sorted((APP / layer).rglob("*.py"))
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in paths
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if any(write in line for write in WRITES)
    ]
    assert found == []


def _imports(path: Path) -> set[str]:
    """The projects modules that ``path`` imports at module level (not inside functions)."""
    package = _name(path) if path.name == "__init__.py" else _name(path).rpartition(".")[0]
    found = set()
    for node in ast.parse(path.read_text()).body:
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parent + ([base] if base else []))
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}
    return {name for name in found if name.startswith("projects")}


def test_no_import_circle_between_the_boards_modules():
    graph = {_name(path): _imports(path) for path in _modules()}
    known = set(graph)
    graph = {
        name: {dep for dep in deps if dep in known and dep != name} for name, deps in graph.items()
    }

    def cycle_from(start, node, seen):
        for dep in graph[node]:
            if dep == start:
                return [start]
            if dep not in seen:
                seen.add(dep)
                if (path := cycle_from(start, dep, seen)) is not None:
                    return [dep, *path]
        return None

    cycles = {name: cycle_from(name, name, {name}) for name in graph}
    assert {name: path for name, path in cycles.items() if path} == {}


def test_no_function_level_import_of_the_boards_modules():
    found = []
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.ImportFrom) and (
                        inner.level or (inner.module or "").startswith("projects")
                    ):
                        found.append(str(path.relative_to(ROOT)))
    # The app config connects its signals once the app registry is ready: Django's way.
    assert set(found) == {"projects/apps.py"}
