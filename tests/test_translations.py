"""Issue 16: the Hindi catalogue holds a current translation of every interface string, and the compiled
catalogue the site, the API and the mail read is the one `make translations` writes from it."""

from __future__ import annotations

import datetime as dt
import gettext

from careermitra.i18n import Language, Msg, localized_url, long_date, neutral_url
from careermitra.i18n import gettext as translate
from careermitra.i18n.catalogue import extracted, mo_bytes, mo_path, po_path, read_catalogue, untranslated, updated


def test_every_interface_string_has_a_current_hindi_translation() -> None:
    found = extracted()
    catalogue = read_catalogue(Language.HI)
    in_catalogue = {message.id for message in catalogue if message.id}
    missing = sorted(str(m) for m in set(found) - in_catalogue)
    stale = sorted(str(m) for m in in_catalogue - set(found))
    assert not missing, f"strings with no Hindi translation (run `make translations`, then translate): {missing}"
    assert not stale, f"translations of strings no longer used (run `make translations`): {stale}"
    assert not untranslated(catalogue), f"strings left untranslated in {po_path(Language.HI)}"


def test_the_compiled_catalogue_is_the_one_made_from_the_translations() -> None:
    catalogue = updated(Language.HI, extracted())
    assert mo_path(Language.HI).read_bytes() == mo_bytes(catalogue), "run `make translations` to compile it"


def test_every_translation_keeps_the_placeholders_of_its_string() -> None:
    for message in read_catalogue(Language.HI):
        if not message.id:
            continue
        errors = list(message.check(read_catalogue(Language.HI)))
        assert not errors, f"{message.id!r}: {errors}"


def test_gettext_reads_the_hindi_catalogue() -> None:
    with mo_path(Language.HI).open("rb") as file:
        compiled = gettext.GNUTranslations(file)
    assert compiled.gettext("July") == "जुलाई"
    assert translate(Language.HI, "July") == "जुलाई"
    assert translate(Language.EN, "July") == "July"
    assert Msg("December").in_language(Language.HI) == "दिसंबर"


def test_dates_are_written_out_in_each_language() -> None:
    assert long_date(dt.date(2025, 7, 14)) == "14 July 2025"
    assert long_date(dt.date(2025, 7, 14), Language.HI) == "14 जुलाई 2025"


def test_urls_move_between_languages_and_shared_files_stay() -> None:
    assert localized_url("/cities/pune/", Language.HI) == "/hi/cities/pune/"
    assert localized_url("/hi/cities/pune/", Language.HI) == "/hi/cities/pune/"
    assert localized_url("/hi/cities/pune/", Language.EN) == "/cities/pune/"
    assert localized_url("/", Language.HI) == "/hi/"
    assert neutral_url("/hi/") == "/"
    assert neutral_url("/history/") == "/history/"
    for shared in ("/api/reviews", "/feeds/reviews.atom.xml", "/theme/css/site.css", "/compare/data/x.json",
                   "https://example.org/", "/institutions/x/data.json"):
        assert localized_url(shared, Language.HI) == shared
