"""Shared test helpers: where ../shared lies, and skipping when it is absent."""

import json
from pathlib import Path

import pytest

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
SEEDS_DIR = SHARED / "corpus" / "seeds"
GOLD_DIR = SHARED / "gold"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared folder beside the project)")
    return path


@pytest.fixture
def seeds_dir() -> Path:
    return _need(SEEDS_DIR)


@pytest.fixture
def gold_dir() -> Path:
    return _need(GOLD_DIR)


def load_gold_cases() -> list[dict]:
    """The 51 one-sentence rule cases of GUIDE.md, or [] when ../shared is absent."""
    path = GOLD_DIR / "cases.jsonl"
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


WHOLLY_SLOW = "\npytestmark = pytest.mark.slow"


def pytest_ignore_collect(collection_path: Path, config: pytest.Config) -> bool | None:
    """In the quick tier (`-m "not slow"`), a module marked slow as a whole is not even
    imported: importing Great Expectations or Dagster for tests that will be deselected
    would cost the quick tier most of its time."""
    if config.getoption("markexpr", "") != "not slow" or collection_path.suffix != ".py":
        return None
    if not collection_path.name.startswith("test_"):
        return None
    return WHOLLY_SLOW in collection_path.read_text(encoding="utf-8") or None
