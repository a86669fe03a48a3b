"""How the Makefile builds the venv: from which interpreter (dry runs of `make`: nothing is built), and with bytecode."""

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")


def _venv_command(tmp_path: Path, **variables: str) -> str:
    """The command `make` would run to create a venv at tmp_path/venv."""
    venv = tmp_path / "venv"
    settings = [f"{name}={value}" for name, value in variables.items()]
    # (not the settings of a `make test` this runs under: they would reach this make too)
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "PYTHON")}
    done = subprocess.run(
        ["make", "-n", "-C", str(ROOT), f"VENV={venv}", *settings, f"{venv}/bin/python"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    lines = [line for line in done.stdout.splitlines() if not line.startswith("make")]
    return lines[0]


@pytest.mark.skipif(importlib.util.find_spec("ensurepip") is None, reason="this Python cannot make a venv")
def test_the_venv_is_built_from_the_distribution_python_when_it_can_make_one(tmp_path):
    command = _venv_command(tmp_path, DISTRO_PYTHON=sys.executable)
    assert command == f"{sys.executable} -m venv {tmp_path}/venv"


def test_without_a_distribution_python_the_venv_is_built_from_python3(tmp_path):
    command = _venv_command(tmp_path, DISTRO_PYTHON=str(tmp_path / "no-such-python"))
    assert command == f"python3 -m venv {tmp_path}/venv"


def test_a_python_named_on_the_command_line_wins(tmp_path):
    command = _venv_command(tmp_path, PYTHON="/opt/other/python3.11", DISTRO_PYTHON=sys.executable)
    assert command == f"/opt/other/python3.11 -m venv {tmp_path}/venv"


def test_the_dependencies_are_installed_with_their_bytecode():
    # (the venv running the tests was built by the Makefile: its install compiled every
    # module, so a shell with PYTHONDONTWRITEBYTECODE does not compile them at each run)
    import great_expectations

    source = Path(great_expectations.__file__)
    assert Path(importlib.util.cache_from_source(str(source))).is_file()
