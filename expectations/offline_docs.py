"""Make GX's Data Docs readable with no network.

GX 1.24 pages load Bootstrap, jQuery, bootstrap-table, Vega and Font Awesome from public
CDNs, and the index page's tables are filled in by bootstrap-table from data inside a
script: offline the index is blank. Rather than vendoring ~2 MB of other people's
JavaScript, each page is rewritten after the build: every reference to an outside host is
removed (scripts, stylesheets, images, links, forms), the scripts that need jQuery are
dropped, the index's tables are written out as plain HTML from the data GX embedded, and a
small inline stylesheet stands in for Bootstrap. Collapsed sections and tabs stay open,
since nothing can open them without scripts.
"""

import ast
import os
import re
from pathlib import Path

from bs4 import BeautifulSoup

EXTERNAL = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*['"]?(?:https?:)?//[^)]*\)""", re.IGNORECASE)

# GX's index: $('#<table id>').bootstrapTable(Object.assign({columns: [...], data: [...], ...
# columns and data are Python literals (GX renders them with repr), one line each.
TABLE_INIT = re.compile(
    r"""
    \$\('\#(?P<id>[\w-]+)'\)\.bootstrapTable\(   # the table being filled
    .*?columns:\s*(?P<columns>\[.*?\]),\s*\n     # its column definitions, on one line
    \s*data:\s*(?P<data>\[.*?\]),?\s*\n          # its rows, on one line
    """,
    re.DOTALL | re.VERBOSE,
)

OFFLINE_CSS = """
body{font-family:system-ui,sans-serif;margin:0;color:#222;background:#fff}
.container-fluid{padding:1em 2em}.row{display:block}
nav.navbar{padding:.5em 2em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0;font-size:.9em}
td,th{border:1px solid #ddd;padding:.25em .6em;vertical-align:top;text-align:left}
th{background:#f3f4f6}.alert{padding:.5em 1em;background:#f3f4f6;border:1px solid #ddd;margin:.5em 0}
.nav-tabs{list-style:none;padding:0;display:flex;gap:1em}.tab-pane{display:block!important;opacity:1!important}
.collapse{display:block!important}.d-none{display:none}.text-success{color:#15803d}.text-danger{color:#b91c1c}
.fa-check-circle::before{content:"\\2714"}.fa-times::before{content:"\\2718"}
.cooltip .top{display:none}pre,code{white-space:pre-wrap}
"""


def _local_logo(page: Path, site: Path) -> str | None:
    logo = site / "static" / "images" / "logo-long.png"
    return os.path.relpath(logo, page.parent) if logo.exists() else None


def _static_table(soup: BeautifulSoup, columns: list[dict], rows: list[dict]) -> str:
    """The rows GX meant bootstrap-table to show, as a plain table; a row's link (GX
    makes whole rows clickable) goes on its first cell."""
    parts = ["<tr>" + "".join(f"<th>{c.get('title', c['field'])}</th>" for c in columns) + "</tr>"]
    for row in rows:
        cells = [str(row.get(c["field"], "")) for c in columns]
        link = row.get("_table_row_link_path")
        if link and cells:
            cells[0] = f'<a href="{link}">{cells[0] or "open"}</a>'
        parts.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>")
    return "".join(parts)


def _fill_tables(soup: BeautifulSoup) -> None:
    for script in soup.find_all("script"):
        for match in TABLE_INIT.finditer(script.string or ""):
            table = soup.find(id=match["id"])
            try:
                columns, rows = ast.literal_eval(match["columns"]), ast.literal_eval(match["data"])
            except (ValueError, SyntaxError):
                continue  # an unexpected shape: the table stays empty rather than wrong
            if table is not None:
                table.clear()
                table.append(BeautifulSoup(_static_table(soup, columns, rows), "html.parser"))


def _strip_outside(soup: BeautifulSoup, logo: str | None) -> None:
    for tag in soup.find_all(["script", "link", "form", "iframe"]):
        if tag.name in ("script", "form", "iframe") or EXTERNAL.match(tag.get("href") or ""):
            tag.decompose()
    for button in soup.find_all("button", onclick=True):
        button.decompose()  # filters and toggles that only scripts can work
    for img in soup.find_all("img"):
        if EXTERNAL.match(img.get("src") or ""):
            if logo:
                img["src"] = logo
            else:
                img.decompose()
    for tag in soup.find_all(True):
        for attr in ("href", "src", "action", "data-href", "srcset"):
            if EXTERNAL.match(tag.get(attr) or ""):
                del tag[attr]


def make_page_offline(page: Path, site: Path) -> None:
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    _fill_tables(soup)
    _strip_outside(soup, _local_logo(page, site))
    style = soup.new_tag("style")
    style.string = OFFLINE_CSS
    (soup.head or soup).append(style)
    text = CSS_URL.sub("none", str(soup))  # background images in GX's inline styles
    text = re.sub(r"https?://(?:www\.)?greatexpectations\.io\S*", "greatexpectations.io", text)
    page.write_text(text, encoding="utf-8")


def make_site_offline(site: Path) -> None:
    """Rewrite every page of the Data Docs site at `site` (GX's own context folder aside)."""
    for page in site.rglob("*.html"):
        if not any(part.startswith(".") for part in page.relative_to(site).parts):
            make_page_offline(page, site)
