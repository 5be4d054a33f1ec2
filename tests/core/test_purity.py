"""kinerja.core imports only the standard library and itself, and never uses floats."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "kinerja" / "core"
MODULES = sorted(CORE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = _module_name(path)
    if path.name != "__init__.py":
        package = package.rsplit(".", 1)[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))
    return found


def _allowed(module: str) -> bool:
    top = module.split(".")[0]
    return (
        module == "kinerja.core"
        or module.startswith("kinerja.core.")
        or (top in sys.stdlib_module_names)
    )


def test_core_has_modules():
    names = {p.stem for p in MODULES}
    assert {"numbers", "periods", "rules", "achievement", "tree", "rollup", "validation"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_imports_only_stdlib_and_core(path):
    bad = [f"{path.name}:{line} {name}" for line, name in _imports(path) if not _allowed(name)]
    assert bad == []


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_no_float_literal_or_float_call(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    bad = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, (float, complex)):
            bad.append(f"{path.name}:{node.lineno} literal {node.value!r}")
        is_name_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if is_name_call and node.func.id == "float":
            bad.append(f"{path.name}:{node.lineno} float()")
    assert bad == []


@pytest.mark.parametrize(
    ("module", "allowed"),
    [
        ("decimal", True),
        ("collections.abc", True),
        ("kinerja.core.numbers", True),
        ("kinerja.core", True),
        ("django.db", False),
        ("kinerja.plans", False),
        ("kinerja", False),
        ("kinerja.corex", False),
        ("numpy", False),
    ],
)
def test_allowed_rule_itself(module, allowed):
    assert _allowed(module) is allowed


def _top_level_modules_after(statement: str) -> set[str]:
    code = (
        f"{statement}; import sys; "
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=CORE.parent.parent,
    )
    return set(result.stdout.split())


def test_importing_core_loads_no_third_party_module():
    names = ", ".join(f"kinerja.core.{p.stem}" for p in MODULES if p.stem != "__init__")
    baseline = _top_level_modules_after("pass")
    loaded = _top_level_modules_after(f"import {names}")
    new = loaded - baseline - {"kinerja"}
    assert {m for m in new if m not in sys.stdlib_module_names} == set()
