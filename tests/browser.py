"""Headless Chromium (Debian's `chromium` package) for tests of the HTML pages we write.

Driven from its command line: --dump-dom prints the DOM after the page's scripts ran, so a
test appends a probe script to a copy of a page to ask the browser what it shows (boxes,
computed colours, tooltips). Tests skip when no Chromium is installed.
"""

import html
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

FLAGS = [
    "--headless",
    "--no-sandbox",  # CI containers run as root
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
]


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run does it)")
    return found


def _run(args: list[str], profile: Path) -> str:
    command = [chromium(), *FLAGS, f"--user-data-dir={profile}", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)
    return done.stdout


def dump_dom(page: Path, profile: Path) -> str:
    return _run(["--dump-dom", page.resolve().as_uri()], profile)


def screenshot(page: Path, out: Path, profile: Path, size: str = "1200,900") -> Path:
    _run([f"--window-size={size}", f"--screenshot={out.resolve()}", page.resolve().as_uri()], profile)
    return out


def probe(page: Path, script: str, profile: Path) -> object:
    """Run `script` (JavaScript ending in an expression assigned to `result`) in a copy of
    the page beside it, and return `result` as the browser computed it."""
    copy = page.with_name(f".probe-{page.name}")
    wrapper = (
        "<script>window.addEventListener('load', () => {let result;"
        + script
        + ";const out=document.createElement('pre');out.id='probe-result';"
        "out.textContent=JSON.stringify(result);document.body.append(out);});</script>"
    )
    copy.write_text(page.read_text(encoding="utf-8") + wrapper, encoding="utf-8")
    try:
        dom = dump_dom(copy, profile)
    finally:
        copy.unlink(missing_ok=True)
    found = re.search(r'<pre id="probe-result">(.*?)</pre>', dom, re.DOTALL)
    assert found, "the probe script did not run"
    return json.loads(html.unescape(found.group(1)))
