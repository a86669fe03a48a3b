"""GX Data Docs rewritten to need no network (expectations/offline_docs.py), on a page
shaped like the ones GX 1.24 writes."""

import re

from expectations.offline_docs import make_site_offline

GX_LIKE_INDEX = """<!doctype html><html><head>
<link rel="stylesheet" href="https://cdn.example.org/bootstrap.min.css"/>
<link rel="shortcut icon" href="./static/images/favicon.ico"/>
<script src="https://cdn.example.org/jquery.min.js"></script>
<style>.x{background: url('https://assets.example.org/logo.png') 0 0 no-repeat;}</style>
</head><body>
<img src="https://assets.example.org/logo-long.png?d=1" alt="logo">
<p>Made with <a href="https://greatexpectations.io">Great Expectations</a>.</p>
<button onclick="clearTableFilters('t1')">Clear Filters</button>
<form action="https://newsletter.example.org/"><input name="email"></form>
<table id="t1" data-toggle="table"></table>
<script>
  $('#t1').bootstrapTable(
    Object.assign(
      {
        columns: [{'field': 'status', 'title': 'Status'}, {'field': 'suite', 'title': 'Expectation Suite'}],
        data: [{'status': '<i class="fas fa-times text-danger"></i>', 'suite': 'facts', '_table_row_link_path': 'validations/facts/run.html'}],
        onClickRow: function (row) {}
      }
    )
  );
</script>
</body></html>"""


def test_pages_lose_every_outside_reference_and_keep_their_tables(tmp_path):
    (tmp_path / "static" / "images").mkdir(parents=True)
    (tmp_path / "static" / "images" / "logo-long.png").write_bytes(b"png")
    page = tmp_path / "index.html"
    page.write_text(GX_LIKE_INDEX, encoding="utf-8")
    (tmp_path / ".gx").mkdir()
    (tmp_path / ".gx" / "inner.html").write_text('<a href="https://example.org">kept</a>')

    make_site_offline(tmp_path)

    text = page.read_text(encoding="utf-8")
    assert not re.findall(r"https?://", text)
    assert "<script" not in text and "<form" not in text and "Clear Filters" not in text
    assert 'src="static/images/logo-long.png"' in text
    assert '<a href="validations/facts/run.html"><i class="fas fa-times text-danger"></i></a>' in text
    assert "<td>facts</td>" in text and "<th>Expectation Suite</th>" in text
    assert "favicon.ico" in text  # local references stay
    assert "https://example.org" in (tmp_path / ".gx" / "inner.html").read_text()  # GX's own store untouched
