"""The pure modules of the multi-year area import only the standard library and
``kinerja.core`` and never use floats, like ``kinerja.core`` itself."""

import ast
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parents[2] / "kinerja" / "multiyear"
PURE = [HERE / "compute.py", HERE / "ikm.py"]


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path.name}: relative import"
            names.append(node.module or "")
    return names


@pytest.mark.parametrize("path", PURE, ids=lambda p: p.name)
def test_imports_only_stdlib_and_core(path):
    bad = [
        name
        for name in _imports(path)
        if not (
            name.split(".")[0] in sys.stdlib_module_names
            or name == "kinerja.core"
            or name.startswith("kinerja.core.")
        )
    ]
    assert bad == []


@pytest.mark.parametrize("path", PURE, ids=lambda p: p.name)
def test_no_float(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    floats = [
        node.lineno
        for node in ast.walk(tree)
        if (isinstance(node, ast.Constant) and isinstance(node.value, float))
        or (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id == "float"
        )
    ]
    assert floats == []
