"""Issue 13: the compacted copies of the theme's scripts the builder's pages link (render.compact_script)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from careermitra.site.builder.render import compact_html, compact_script
from tests.support.site import ROOT


def test_a_compacted_script_is_the_same_program() -> None:
    # comments and the spaces nothing needs go; strings and regular expressions stay whole
    source = (b'// why\n"use strict";\n\n  const a = 1;  // dropped\n  if (a)\n    go("x // not a comment");\n'
              b'  go(\'y\', /a b/g, n / 2);  /* dropped */\n')
    assert compact_script(source) == b'"use strict";const a=1;if(a)\ngo("x // not a comment");go(\'y\',/a b/g,n/2);\n'
    # a line break stays where it may end a statement: after a word, a bracket, `++`; and `+ +` stays apart
    assert compact_script(b"i++\nj = k\nreturn\nx + +y\n") == b"i++\nj=k\nreturn\nx+ +y\n"
    # a script with a template literal is left alone; a string continued over a line is kept whole
    assert compact_script(b"const t = `a\n  b`;\n") == b"const t = `a\n  b`;\n"
    assert compact_script(b'const s = "a\\\n  b";\n') == b'const s="a\\\n  b";\n'


@pytest.mark.skipif(shutil.which("node") is None, reason="needs Node.js to parse the scripts")
def test_every_compacted_theme_script_still_parses(tmp_path: Path) -> None:
    for script in sorted((ROOT / "theme/static/js").glob("*.js")):
        copy = tmp_path / script.name
        copy.write_bytes(compact_script(script.read_bytes()))
        checked = subprocess.run(["node", "--check", str(copy)], capture_output=True, text=True, check=False)
        assert checked.returncode == 0, (script.name, checked.stderr)


def test_a_compacted_page_leaves_out_only_the_end_tags_the_next_tag_implies() -> None:
    html = ("<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<dl><dt>Type</dt><dd>College</dd><dt>Phone</dt><dd>1</dd></dl>"
            "<p>one</p><p>two</p><div><p>last</p></div><p>inline <a href=\"/x\">link</a></p> <span>after</span>")
    assert compact_html(html) == ("<ul><li>a<li>b</ul><dl><dt>Type<dd>College<dt>Phone<dd>1</dl>"
                                  "<p>one<p>two<div><p>last</p></div><p>inline <a href=\"/x\">link</a></p> "
                                  "<span>after</span>")
    table = "<table><caption>Ranks</caption><thead><tr><th>A</thead><tbody><tr><td>1</tbody></table>"
    assert compact_html(table) == "<table><caption>Ranks<thead><tr><th>A<tbody><tr><td>1</table>"
    # a page with preformatted text is left as it is
    assert compact_html("<pre>a\n</pre>\n<p>x</p><p>y</p>") == "<pre>a\n</pre>\n<p>x</p><p>y</p>"
