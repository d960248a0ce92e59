"""The floor plan stays straight as the apps grow: small modules, thin views."""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = (
    "core",
    "units",
    "submissions",
    "inspections",
    "applications",
    "scoring",
    "reports",
    "annual_reports",
    "workplans",
    "monitoring",
    "bootstrap",
    "linzi_gk",
)
MAX_MODULE_LINES = 400
MAX_VIEW_LINES = 30


def modules():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def is_views_module(path: Path) -> bool:
    return path.stem == "views" or path.stem.endswith("_views")


def is_views_support_module(path: Path) -> bool:
    return path.stem == "views_support" or path.stem.endswith("_views_support")


def functions(tree: ast.AST):
    """Every function and method, nested ones included."""
    return (node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef))


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(ROOT)): n for p in modules() if (n := len(p.read_text().splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_no_view_is_over_30_lines():
    """A view parses input, checks permission, calls one service and renders; helpers are named _x."""
    long = {}
    for path in filter(is_views_module, modules()):
        for node in ast.parse(path.read_text()).body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_"):
                lines = node.end_lineno - node.lineno + 1
                if lines > MAX_VIEW_LINES:
                    long[f"{path.relative_to(ROOT)}:{node.name}"] = lines
    assert long == {}


def test_no_view_helper_is_over_30_lines():
    """The helpers of views (their private ``_x`` functions, the ``views_support`` modules) are held
    to the same 30 lines: a long view does not become thin by moving its body next door."""
    long = {}
    for path in modules():
        if not (is_views_module(path) or is_views_support_module(path)):
            continue
        for node in functions(ast.parse(path.read_text())):
            lines = node.end_lineno - node.lineno + 1
            if lines > MAX_VIEW_LINES:
                long[f"{path.relative_to(ROOT)}:{node.name}"] = lines
    assert long == {}
