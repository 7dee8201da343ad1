"""The privacy notice as people read it (issue 15): the register form links the version it asks consent to,
in English and Hindi; the notice names the contact person and the Board; every page's footer links the
grievance form; the account page offers correction, nomination and deletion."""

from __future__ import annotations

import re
from pathlib import Path

from pelican.settings import get_settings_from_file

from tests.site.html import language_of, site_link
from tests.support.site import ROOT

VERSION = get_settings_from_file(str(ROOT / "pelicanconf.py"))["POLICY_VERSION"]


def page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


def test_the_register_form_links_the_notice_it_asks_consent_to_by_version(sample_site: Path) -> None:
    form = page(sample_site, "account/register")
    links = re.findall(r'<label for="r-consent">.*?</label>', form, flags=re.S)[0]
    english, hindi = re.findall(r'href="([^"]+)"', links)
    assert (english, hindi) == (f"/privacy-policy/#version-{VERSION}", f"/hi/privacy-policy/#version-{VERSION}")
    assert f'name="policy_version" value="{VERSION}"' in form
    for link, version in ((english, "Version"), (hindi, "संस्करण")):
        path, fragment = link.strip("/").split("#")
        target = page(sample_site, path.rstrip("/"))
        assert re.search(rf'id="{re.escape(fragment)}">{version} {re.escape(VERSION)} ', target), link
    assert 'name="adult"' in form and "required" in re.findall(r'<input id="r-adult"[^>]*>', form)[0]


def test_the_hindi_notice_is_hindi_and_the_same_version(sample_site: Path) -> None:
    hindi = page(sample_site, "hi/privacy-policy")
    assert hindi.startswith("<!doctype html>\n<html lang=\"hi-IN\">") and '<article class="prose">' in hindi
    assert "भारतीय डेटा संरक्षण बोर्ड" in hindi and "नामांकन" in hindi and "18 वर्ष" in hindi


def test_the_notice_itemises_each_piece_of_data_and_names_the_contact_and_the_board(sample_site: Path) -> None:
    policy = page(sample_site, "privacy-policy")
    [items] = re.findall(r"<table>.*?</table>", policy.split("What we collect, why", 1)[1], flags=re.S)[:1]
    header = re.findall(r"<th>(.*?)</th>", items)
    assert header == ["personal data", "what we use it for", "how long we keep it", "how to withdraw consent"]
    rows = re.findall(r"<tr>\s*<td>(.*?)</td>", items, flags=re.S)
    for item in ("your name", "your email address", "your phone number", "your city"):
        assert item in rows
    assert all(len(re.findall(r"<td>", row)) == 4 for row in re.findall(r"<tr>.*?</tr>", items, flags=re.S)[1:])
    for right in ("to know what we hold", "to correct and complete your data", "to erase your data",
                  "to withdraw consent", "to nominate", "to have a grievance answered"):
        assert right in policy
    assert "Data Protection Contact:" in policy and "Data Protection Board of India" in policy


def test_every_page_links_the_grievance_form_in_its_footer(sample_site: Path) -> None:
    pages = list(sample_site.rglob("*.html"))
    assert len(pages) > 50
    for html in pages:
        text = html.read_text(encoding="utf-8")
        if "<footer" in text:
            footer = text.split("<footer", 1)[1]
            assert site_link(language_of(sample_site, html), "/contact/", "Contact and grievances") in footer, html


def test_the_account_page_offers_correction_nomination_and_deletion_with_a_confirmation(sample_site: Path) -> None:
    account = page(sample_site, "account")
    assert 'action="/api/account/details"' in account and 'action="/api/account/nominee"' in account
    delete = account.split('<details class="confirm-delete">', 1)[1].split("</details>", 1)[0]
    assert "<summary>Delete my account</summary>" in delete and 'name="confirm"' in delete
