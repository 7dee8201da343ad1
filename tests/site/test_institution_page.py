"""The institution page shows the facts people decide by, each with its source; its photos are cached WebP
variants; the compare data files carry the same figures; an incremental build stays byte-identical."""

from __future__ import annotations

import filecmp
import json
import re
from pathlib import Path

import pytest
from PIL import Image as PillowImage

from careermitra.domain.facts import Basis, CostOfAttendance, Image
from careermitra.publish.headers import cache_control_for, content_type_for
from careermitra.site.build import site_build_for
from careermitra.site.builder.facts_view import cost_rows, map_href, provenance, rank_tables, tel_href
from careermitra.site.builder.formatting import grouped, inr
from careermitra.site.builder.images import picture_of, widths_for, write_picture
from tests.site.html import page, text_of
from tests.support.sample import INSTITUTIONS, REVIEWS
from tests.support.site import FIXTURE_SITE, ROOT, build_site, copy_tree

DECCAN = "deccan-institute-of-technology"
SAHYADRI = "sahyadri-university"


@pytest.mark.parametrize(("amount", "text"), [(0, "₹0"), (999, "₹999"), (145000, "₹1,45,000"),
                                              (7560000, "₹75,60,000"), (123456789, "₹12,34,56,789")])
def test_rupees_are_grouped_the_indian_way(amount: int, text: str) -> None:
    assert inr(amount) == text
    assert grouped(amount) == text.removeprefix("₹")


@pytest.mark.parametrize(("basis", "url", "expected"), [
    (Basis.VERIFIED, "https://x.example.in/fees", "Verified by our editors against Fee notice, 2025"),
    (Basis.PUBLIC_DATASET, None, "Public dataset: Fee notice, 2025"),
    (Basis.SELF_REPORTED, None, "Self-reported, 2025"),
    (Basis.SELF_REPORTED, "https://x.example.in/fees", "Self-reported, 2025 (Fee notice)"),
])
def test_provenance_says_how_we_know_a_figure(basis: Basis, url: str | None, expected: str) -> None:
    block = CostOfAttendance.model_validate({"source": "Fee notice", "source_url": url, "as_of": 2025,
                                             "basis": basis.value, "hostel_inr": 1})
    line = provenance(block)
    assert line.text == expected
    assert line.url == url if line.source else line.url is None


def test_closing_ranks_make_one_table_per_year_and_exam_newest_first() -> None:
    admissions = INSTITUTIONS[DECCAN].courses[0].admissions
    assert admissions is not None
    tables = rank_tables(admissions)
    assert [(t.exam, t.year, t.rounds) for t in tables] == [("JEE Main", 2025, (1, 3)), ("JEE Main", 2024, (1, 3))]
    rows = dict(tables[0].rows)
    assert list(rows) == ["General", "EWS", "OBC-NCL", "SC", "ST"]
    assert rows["General"] == (26740, 40110) and rows["EWS"] == (None, 52143)


def test_the_cost_of_a_year_adds_hostel_mess_and_other_fees_to_each_tuition() -> None:
    rows = cost_rows(INSTITUTIONS[DECCAN])
    assert len(rows) == len(INSTITUTIONS[DECCAN].courses)
    assert (rows[0].course, rows[0].tuition, rows[0].total) == ("B.Tech (Computer Engineering)", 145000,
                                                                145000 + 47000 + 59000 + 27000)


def test_phone_and_map_links() -> None:
    assert tel_href("+91 20 2546 0000") == "tel:+912025460000"
    assert tel_href("020-2546 0000") == "tel:02025460000"
    assert map_href(INSTITUTIONS[DECCAN]) == ("https://www.openstreetmap.org/search?query=Survey+No.+42%2C+Karve+"
                                              "Nagar%2C+Pune%2C+Pune+411052%2C+Maharashtra")


def test_the_page_shows_every_block_with_its_source_beside_it(sample_site: Path) -> None:
    html = page(sample_site, f"institutions/{DECCAN}/")
    text = text_of(html)
    assert "Ownership Private" in text
    # Admissions: exams, window, closing ranks in Indian grouping, and the brochure as a verified source
    assert "Exams accepted JEE Main, MHT CET" in text and "27 January 2026 to 9 March 2026" in text
    assert "JEE Main closing ranks, 2025" in text and "1,80,495" in text
    assert ('Verified by our editors against <a href="https://deccan.example.edu.in/" rel="nofollow">'
            "Admission brochure and prospectus (fictional sample)</a>, 2025") in html
    assert "Public dataset: State counselling cut-off lists (fictional sample), 2025" in text
    # Placements: placed of eligible, packages in rupees, recruiters, a source per year
    assert "438 of 593 (74%)" in text and "₹8,40,000" in text and "₹75,60,000" in text
    assert "Top recruiters in 2025: Cipla, Mahindra, Capgemini" in text
    assert "Self-reported, 2025" in text and "Public dataset: NIRF data submitted by the institution" in text
    # Cost of a year: the parts, their sum, and each course's total in the courses table
    assert "Hostel ₹47,000" in text and "Mess ₹59,000" in text and "Besides tuition ₹1,33,000 a year" in text
    assert "₹2,78,000" in text  # B.Tech Computer Engineering: 1,45,000 tuition + 1,33,000
    # Tap to call, and the address on OpenStreetMap as a link
    assert '<a href="tel:+912025460000">+91 20 2546 0000</a>' in html
    assert 'href="https://www.openstreetmap.org/search?query=Survey+No.+42' in html
    assert "<iframe" not in html
    # Approvals, NAAC and NIRF: the source beside each figure, the public dataset linked
    assert ("Affiliated to Savitribai Phule Pune University Source: Verified by our editors against "
            "Approval letter 2025-26 (fictional sample), 2025") in text
    assert ("NAAC grade A+ Source: Verified by our editors against NAAC accreditation certificate "
            "(fictional sample), 2023") in text
    assert ('<dd>112<p class="source"><span class="visually-hidden">Source: </span>Public dataset: '
            '<a href="https://www.nirfindia.org/" rel="nofollow">NIRF India Rankings 2025') in html
    # Ratings: how many reviews of this site they come from
    verified = sum(1 for review in REVIEWS[DECCAN] if review.verified)
    assert (f"Source: From {len(REVIEWS[DECCAN])} reviews on this site by registered students, each read by a "
            f"moderator; {verified} verified at the institution") in text
    # The buttons are there for the script only
    assert f'<div class="picks" data-pick="{DECCAN}" data-name="Deccan Institute of Technology" hidden>' in html


def test_an_institution_without_the_new_blocks_shows_none_of_their_headings(sample_site: Path) -> None:
    bare = next(slug for slug, inst in sorted(INSTITUTIONS.items())
                if not inst.placements and inst.cost_of_attendance is None)
    html = page(sample_site, f"institutions/{bare}/")
    assert 'id="placements"' not in html and 'id="cost"' not in html and "Total a year" not in html


def test_photos_are_webp_variants_with_srcset_sizes_and_no_layout_shift(sample_site: Path) -> None:
    html = page(sample_site, f"institutions/{SAHYADRI}/")
    images = re.findall(r"<img\b[^>]*>", html)
    inst = INSTITUTIONS[SAHYADRI]
    assert inst.logo is not None
    assert len(images) == 1 + len(inst.photos)
    for tag in images:
        assert re.search(r'\bwidth="\d+" height="\d+"', tag) and ' alt="' in tag
        for url in re.findall(r"(/images/[^\s\",]+\.webp)", tag):
            with PillowImage.open(sample_site / url.lstrip("/")) as variant:
                assert variant.format == "WEBP"
                assert f"-{variant.width}." in url  # the name tells the width it has
    logo, lead, *below = images
    assert f'alt="{inst.logo.alt}"' in logo and 'loading="lazy"' not in logo
    assert 'loading="lazy"' not in lead and 'sizes="' in lead and " 1080w" in lead
    assert below and all('loading="lazy"' in tag for tag in below)


def test_variants_are_encoded_once_and_renamed_when_the_source_changes(tmp_path: Path) -> None:
    institution = tmp_path / "content" / "alpha.md"
    institution.parent.mkdir()
    source = tmp_path / "content" / "campus.png"
    PillowImage.new("RGB", (800, 400), (200, 90, 40)).save(source)
    image = Image.model_validate({"file": "campus.png", "alt": "The campus"}, context={"source": str(institution)})
    picture = picture_of(image, institution, "alpha", "photo")
    assert [v.width for v in picture.variants] == [360, 720, 800] == widths_for(800, (360, 720, 1080))
    assert [v.height for v in picture.variants] == [180, 360, 400]
    cache, first, second = tmp_path / "cache", tmp_path / "one", tmp_path / "two"
    assert write_picture(picture, first, cache) == 3
    assert write_picture(picture, second, cache) == 0  # a second build copies from the cache
    assert all(filecmp.cmp(first / v.url[1:], second / v.url[1:], shallow=False) for v in picture.variants)
    PillowImage.new("RGB", (800, 400), (20, 90, 200)).save(source)
    changed = picture_of(image, institution, "alpha", "photo")
    assert {v.url for v in changed.variants}.isdisjoint(v.url for v in picture.variants)


def test_image_variants_are_served_as_webp_and_cached_for_good() -> None:
    url = "images/alpha-college/campus-360.0123456789ab.webp"
    assert content_type_for(url) == "image/webp"
    assert cache_control_for(url) == "public, max-age=31536000, immutable"
    assert cache_control_for("compare/data/alpha-college.json") == "no-cache"  # revalidated, like pages


def test_compare_data_has_every_figure_with_its_source(sample_site: Path) -> None:
    data = json.loads((sample_site / f"compare/data/{DECCAN}.json").read_text(encoding="utf-8"))
    assert data["name"] == "Deccan Institute of Technology" and data["url"] == f"/institutions/{DECCAN}/"
    approvals = data["approvals"]
    assert {key: approvals[key] for key in ("bodies", "affiliated_to", "naac_grade", "nirf_rank")} == {
        "bodies": ["AICTE", "UGC"], "affiliated_to": "Savitribai Phule Pune University", "naac_grade": "A+",
        "nirf_rank": 112}
    assert approvals["source"]["text"] == ("Verified by our editors against Approval letter 2025-26 "
                                           "(fictional sample), 2025")
    assert approvals["naac_source"]["suffix"] == ", 2023"
    assert approvals["nirf_source"]["url"] == "https://www.nirfindia.org/"
    assert data["rating"]["source"]["text"].startswith(f"From {len(REVIEWS[DECCAN])} reviews on this site")
    course = data["courses"][0]
    assert course["fee"] == {"value": 145000, "text": "₹1,45,000"}
    assert course["total"] == {"value": 278000, "text": "₹2,78,000"}
    assert course["exams"] == ["JEE Main", "MHT CET"]
    assert course["closing_rank"] == "JEE Main 2025, General, round 3: 40,110"
    assert course["admissions_source"]["prefix"] == "Verified by our editors against "
    assert data["placements"]["percent"] == 74 and data["placements"]["source"]["text"].startswith("Self-reported")
    assert data["cost"]["source"]["url"] == "https://deccan.example.edu.in/"
    assert data["rating"]["count"] == len(REVIEWS[DECCAN]) and len(data["rating"]["aspects"]) == 5
    assert set(data) >= {"slug", "type", "city", "state", "ownership", "rating", "courses", "cost", "placements"}
    for slug in INSTITUTIONS:
        assert (sample_site / f"compare/data/{slug}.json").is_file()
    assert (sample_site / "compare/index.html").is_file() and (sample_site / "shortlist/index.html").is_file()


def test_no_personal_data_in_compare_files(sample_site: Path) -> None:
    text = "".join(path.read_text(encoding="utf-8") for path in (sample_site / "compare/data").glob("*.json"))
    assert "@" not in text and "display_name" not in text


LOGO = "logo: {file: images/alpha/logo.png, alt: Alpha College crest}\nphotos:\n" \
       "  - {file: images/alpha/campus.png, alt: The Alpha campus}\n"


def with_images(tree: Path) -> Path:
    folder = tree / "institutions" / "images" / "alpha"
    folder.mkdir(parents=True)
    PillowImage.new("RGB", (300, 300), (11, 92, 173)).save(folder / "logo.png")
    PillowImage.new("RGB", (1200, 600), (96, 148, 72)).save(folder / "campus.png")
    path = tree / "institutions" / "alpha-college.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("facilities:", LOGO + "facilities:", 1), encoding="utf-8")
    return tree


def test_an_incremental_build_with_images_is_byte_identical_to_a_full_build(tmp_path: Path) -> None:
    settings = {"search_index": False, "image_cache": str(tmp_path / "cache")}
    tree = with_images(copy_tree(FIXTURE_SITE, tmp_path / "tree"))
    out = build_site(tree, tmp_path / "out", **settings)
    assert len(list((out / "images" / "alpha-college").glob("*.webp"))) == 2 + 3  # logo 64, 128; photo 360, 720, 1080
    # A review of the institution with photos is approved: the local incremental build updates the folder
    reviews = tree / "reviews" / "alpha-college.yaml"
    reviews.write_text(reviews.read_text(encoding="utf-8").replace("rating: 4", "rating: 2", 1), encoding="utf-8")
    build = site_build_for(str(ROOT / "pelicanconf.py"), {"PATH": str(tree)}, settings)
    previous = build.previous_build(out)
    assert previous is not None
    changed = build.changes_since(previous)
    assert changed == {"alpha-college"}
    result = build.update(out, previous, changed)
    assert "compare/data/alpha-college.json" in result.files
    # Then every file is the one a full build of the same content writes
    full = build_site(tree, tmp_path / "full", **settings)
    files = {str(p.relative_to(full)) for p in full.rglob("*") if p.is_file()}
    assert files == {str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()}
    different = [name for name in sorted(files) if not filecmp.cmp(out / name, full / name, shallow=False)]
    assert different == []


def test_an_institution_taken_off_the_site_loses_its_compare_file_too(tmp_path: Path) -> None:
    settings = {"search_index": False, "image_cache": str(tmp_path / "cache")}
    tree = copy_tree(FIXTURE_SITE, tmp_path / "tree")
    out = build_site(tree, tmp_path / "out", **settings)
    assert (out / "compare/data/gamma-classes.json").is_file()
    (tree / "institutions" / "gamma-classes.md").unlink()
    (tree / "reviews" / "gamma-classes.yaml").unlink()
    build = site_build_for(str(ROOT / "pelicanconf.py"), {"PATH": str(tree)}, settings)
    previous = build.previous_build(out)
    assert previous is not None
    result = build.update(out, previous, build.changes_since(previous))
    assert "compare/data/gamma-classes.json" in result.removed
    assert not (out / "compare/data/gamma-classes.json").exists()


def test_the_builder_imports_pillow_only_when_it_meets_an_image() -> None:
    import subprocess
    import sys

    code = "import sys, careermitra.site.builder.site_build; print('PIL' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert loaded.stdout.strip() == "False"  # the rebuild's import stays as quick as before
