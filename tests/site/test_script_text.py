"""Which scripts' words a page carries, and the Hindi names the data files give the scripts (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

from careermitra.i18n import Language
from careermitra.site.script_text import script_names, script_text


def ui_text(site: Path, path: str) -> dict[str, object]:
    html = (site / path / "index.html").read_text(encoding="utf-8")
    if 'id="ui-text"' not in html:
        return {}
    return dict(json.loads(html.split('id="ui-text">', 1)[1].split("</script>", 1)[0]))


def test_the_scripts_a_block_loads_are_named_also_by_their_fingerprinted_copies() -> None:
    block = ('<script src="/theme/js/filters.3f2a9c0d1e2b.js" defer></script>'
             '<script src="/theme/js/search.js" defer></script><link rel="stylesheet" href="/theme/css/compare.css">')
    assert script_names(block) == ["filters.js", "search.js"]
    assert script_names("") == []


def test_hindi_words_for_hindi_pages_only() -> None:
    assert script_text(Language.EN, ["filters.js", "compare.js"]) == {}
    words = script_text(Language.HI, ["filters.js"])
    assert words["Private"] == "निजी"
    assert words["%(shown)s of %(n)s institution match."] == ["%(n)s में से %(shown)s संस्थान मेल खाते हैं।"] * 2
    assert "Facts" not in words  # compare.js's


def test_each_page_carries_the_words_of_its_own_scripts(sample_site: Path) -> None:
    listing = ui_text(sample_site, "hi/cities/pune")
    assert "No institution in this list matches. Try fewer filters." in listing  # filters.js
    assert listing["Save"] == "सहेजें"  # picks.js: its buttons are on the cards
    assert "Facts" not in listing and "Sending…" not in listing
    compare = ui_text(sample_site, "hi/compare")
    assert compare["Facts"] == "तथ्य" and "Save" not in compare
    assert "Sending…" in ui_text(sample_site, "hi/contact")  # forms.js, loaded by the contact page's block
    assert "Save" not in ui_text(sample_site, "hi/about")  # picks.js loads everywhere, its words only where used
    for path in ("cities/pune", "compare", "search", "contact"):
        assert ui_text(sample_site, path) == {}  # English pages carry nothing


def test_the_data_files_give_the_hindi_names_that_differ(sample_site: Path) -> None:
    pune = json.loads((sample_site / "cities/pune/data.json").read_text(encoding="utf-8"))
    assert pune["hi"]["names"]["Pune"] == "पुणे" and pune["hi"]["names"]["College"] == "कॉलेज"
    assert "B.Tech" not in pune["hi"]["names"]  # its Hindi name is the same
    assert [pune["rows"][n][1] for n, _ in pune["hi"]["rows"]] == ["Deccan Institute of Technology"]
    deccan = json.loads((sample_site / "compare/data/deccan-institute-of-technology.json").read_text(encoding="utf-8"))
    assert deccan["hi"]["name"] == "डेक्कन इंस्टीट्यूट ऑफ़ टेक्नोलॉजी"
    assert deccan["hi"]["names"]["Faculty"] == "शिक्षक"
    assert not (sample_site / "hi/institutions/deccan-institute-of-technology/data.json").exists()  # one file, shared
