"""The parser version: a digest of what decides the extraction's output.

It covers the syntax tree of every module in `transforms/` with docstrings removed
(comments never reach the tree) and the bytes of every data file in `transforms/data/`.
So a rule or a word list that changes re-parses every report once; a comment, a
docstring or a reformatting does not.
"""

import ast
import hashlib
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR / "data"


def _without_docstrings(tree: ast.AST) -> ast.AST:
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if not isinstance(body, list) or not body:
            continue
        first = body[0]
        is_docstring = isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
        if is_docstring and isinstance(first.value.value, str):
            node.body = body[1:] or [ast.Pass()]
    return tree


def code_digest(source: str) -> str:
    """Digest of a module's behaviour-bearing code: no comments, docstrings or layout."""
    tree = _without_docstrings(ast.parse(source))
    return hashlib.sha256(ast.dump(tree, include_attributes=False).encode()).hexdigest()


def parser_version(package_dir: Path = PACKAGE_DIR) -> str:
    digest = hashlib.sha256()
    for path in sorted(package_dir.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(code_digest(path.read_text(encoding="utf-8")).encode())
    data_dir = package_dir / "data"
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]
