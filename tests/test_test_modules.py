"""Test modules stand alone: helpers live in tests/support/, fixtures in conftest.py, never in another test module.

A test module that imports another one runs that module's set-up (and, through pytest, can collect its tests
twice or depend on the order modules run in)."""

from __future__ import annotations

import ast
from pathlib import Path

TESTS = Path(__file__).resolve().parent


def imported_test_modules(source: str) -> list[str]:
    """The `test_*` modules a module's source imports, by any form of import statement."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names if _names_a_test_module(alias.name)]
        elif isinstance(node, ast.ImportFrom):
            module = "." * node.level + (node.module or "")
            if _names_a_test_module(module):
                found.append(module)
            found += [f"{module}.{alias.name}" for alias in node.names if alias.name.startswith("test_")]
    return found


def _names_a_test_module(dotted: str) -> bool:
    return any(part.startswith("test_") for part in dotted.split("."))


def test_the_check_sees_every_form_of_import() -> None:
    assert imported_test_modules("from tests.site.test_incremental import SETTINGS") == ["tests.site.test_incremental"]
    assert imported_test_modules("from tests.e2e import test_review_journey as j") == ["tests.e2e.test_review_journey"]
    assert imported_test_modules("import tests.backend.test_cli") == ["tests.backend.test_cli"]
    assert imported_test_modules("from .test_publish import new_review") == [".test_publish"]
    assert imported_test_modules("from tests.support.rebuild import new_review\nimport pytest") == []


def test_no_test_module_imports_another_test_module() -> None:
    offenders = {str(path.relative_to(TESTS)): names for path in sorted(TESTS.rglob("test_*.py"))
                 if (names := imported_test_modules(path.read_text(encoding="utf-8")))}
    assert not offenders, f"move shared helpers to tests/support/ (fixtures to conftest.py): {offenders}"
