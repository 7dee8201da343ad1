"""The facts students decide by: each block reachable from the model, and each bad value refused by name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from careermitra.domain.errors import ContentError
from careermitra.domain.facts import Basis, Ownership
from careermitra.domain.institution import Institution
from careermitra.domain.listing import institution_file_text, proposed_institution
from careermitra.domain.problems import InvalidInput
from careermitra.site.builder.content import parse_institution
from tests.support.site import FIXTURE_SITE, build_site, copy_tree

ALPHA = FIXTURE_SITE / "institutions" / "alpha-college.md"
NEXT_YEAR = dt.date.today().year + 1


def alpha_text() -> str:
    return ALPHA.read_text(encoding="utf-8")


def load(text: str, folder: Path | None = None) -> Institution:
    path = (folder or ALPHA.parent) / "alpha-college.md"
    return parse_institution(text, str(path), "alpha-college")


def refusal(old: str, new: str, folder: Path | None = None) -> str:
    text = alpha_text()
    assert old in text, f"{old!r} not in the fixture"
    with pytest.raises(ContentError) as caught:
        load(text.replace(old, new, 1), folder)
    return str(caught.value)


def test_the_fixture_blocks_are_reachable_from_the_model() -> None:
    alpha = load(alpha_text())
    assert alpha.ownership is Ownership.PRIVATE
    admissions = alpha.courses[0].admissions
    assert admissions is not None and admissions.exams == ["JEE Main", "MHT CET"]
    assert admissions.application is not None and admissions.application.closes == dt.date(2026, 4, 30)
    assert [r.rank for r in admissions.closing_ranks_for("MHT CET", 2025)] == [12000, 41000]
    assert admissions.provenance == "Verified, 2025" and str(admissions.source_url).endswith("/admissions/")
    assert alpha.accepted_exams == ["JEE Main", "MHT CET"]
    placed = alpha.latest_placements
    assert placed is not None and placed.placed_share == 0.8 and placed.top_recruiters == ["Fixture Systems"]
    assert placed.provenance == "Self-reported, 2025"
    # Cost of a year: tuition (fees_inr) plus hostel, mess and other fees.
    assert alpha.course_fee("b-tech") == 150000 and alpha.course_fee("mba") == 1250000
    assert alpha.course_fee("mbbs") is None
    assert alpha.total_cost_per_year("b-tech") == 150000 + 60000 + 40000 + 10000
    assert alpha.total_cost_range == (260000, 1360000)
    assert alpha.cost_of_attendance is not None and alpha.cost_of_attendance.basis is Basis.PUBLIC_DATASET
    assert alpha.city_other_names == ("Poona",)
    # Approvals, NAAC and NIRF each carry their own provenance, like the other blocks.
    approvals = alpha.approvals
    assert approvals.provenance is not None and approvals.provenance.provenance == "Verified, 2025"
    assert approvals.naac_provenance is not None and approvals.naac_provenance.as_of == 2023
    assert str(approvals.naac_provenance.source_url) == "https://naac.example.gov.in/alpha"
    assert approvals.nirf_provenance is None


def test_every_block_is_optional() -> None:
    beta = parse_institution((FIXTURE_SITE / "institutions/beta-university.md").read_text(encoding="utf-8"),
                             str(FIXTURE_SITE / "institutions/beta-university.md"), "beta-university")
    assert beta.ownership is None and beta.placements == [] and beta.cost_of_attendance is None
    assert beta.total_cost_per_year("mba") is None and beta.total_cost_range is None and beta.logo is None


@pytest.mark.parametrize(("old", "new", "expected"), [
    ("state: Maharashtra", "state: Maharastra",
     "state: 'Maharastra' is not a state or union territory of India; did you mean 'Maharashtra'?"),
    ("city: Pune", "city: Poona", "city: write 'Pune'; 'Poona' is kept as a search alias"),
    ("city: Pune", "city: Lonavala", "city: 'Lonavala' is not a city of Maharashtra in content/data/places.yaml"),
    ("established: 1990", f"established: {NEXT_YEAR}", f"established: {NEXT_YEAR} is after this year"),
    ('pincode: "411038"', 'pincode: "560011"',
     "contact: pincode '560011' is a PIN code of Karnataka, not of Maharashtra"),
    ('pincode: "411038"', 'pincode: "411999"', "contact: pincode '411999' is not in India Post's PIN code directory"),
    ("ownership: private", "ownership: deemed", "ownership: a college is not deemed; use one of government"),
    ("ownership: private", "ownership: public", "ownership: Input should be"),
    ("exams: [JEE Main, MHT CET]", "exams: [JEE Mains, MHT CET]",
     "courses[0].admissions.exams: unknown exam 'JEE Mains'; did you mean 'JEE Main'?"),
    ("exams: [JEE Main, MHT CET]", "exams: [JEE Main]",
     "courses[0].admissions: closing_ranks[0].exam: 'MHT CET' is not among this course's exams"),
    ("category: SC", "category: Scheduled", "courses[0].admissions.closing_ranks[1].category: unknown category"),
    ("round: 1, category: General", "round: 0, category: General",
     "courses[0].admissions.closing_ranks[0].round: Input should be greater than or equal to 1"),
    ("{year: 2025, exam: MHT CET", f"{{year: {NEXT_YEAR}, exam: MHT CET",
     f"courses[0].admissions.closing_ranks[0].year: {NEXT_YEAR} is after this year"),
    ("closes: 2026-04-30", "closes: 2026-01-01", "courses[0].admissions.application: application.closes is before"),
    ("as_of: 2025-06-30", "as_of: 2024-06-30", "closing_ranks[0].year: 2025 is after as_of (2024)"),
    ("as_of: 2025-06-30", f"as_of: {NEXT_YEAR}-01-01", "courses[0].admissions.as_of:"),
    ("      basis: verified", "      basis: official", "courses[0].admissions.basis: Input should be 'verified'"),
    ("      source: Fixture brochure\n", "", "courses[0].admissions.source: this required field is missing"),
    ("placed: 80", "placed: 120", "placements[0]: placed (120) is more than eligible (100)"),
    ("median_package_inr: 500000", "median_package_inr: 5000000",
     "placements[0]: median_package_inr is more than highest_package_inr"),
    ("  - year: 2024\n    eligible", f"  - year: {NEXT_YEAR}\n    eligible", "placements[0].year:"),
    ("    as_of: 2025\n    basis: self-reported", "    as_of: 2023\n    basis: self-reported",
     "placements[0]: as_of (2023) is before the placement year 2024"),
    ("hostel_inr: 60000", "hostel_inr: sixty thousand", "cost_of_attendance.hostel_inr: Input should be"),
    ("mess_inr: 40000", "mess_inr: -1", "cost_of_attendance.mess_inr: Input should be greater than or equal to 0"),
    ("  as_of: 2025\n  basis: public-dataset", "  basis: public-dataset",
     "cost_of_attendance.as_of: this required field is missing"),
    ("as_of: 2023, basis: verified}", "as_of: 2023, basis: official}",
     "approvals.naac_provenance.basis: Input should be 'verified'"),
    ("as_of: 2023, basis: verified}", f"as_of: {NEXT_YEAR}, basis: verified}}",
     f"approvals.naac_provenance.as_of: {NEXT_YEAR} is after this year"),
    ("{source: AICTE approval letter, as_of", "{as_of", "approvals.provenance.source: this required field is missing"),
    ("  naac_grade: A\n", "", "approvals: naac_provenance is given without naac_grade"),
    ("  naac_grade: A\n", "  naac_grade: A\n  nirf_provenance: {source: NIRF, as_of: 2025, basis: public-dataset}\n",
     "approvals: nirf_provenance is given without nirf_rank"),
    ("  bodies: [AICTE]\n  affiliated_to: Test University\n", "",
     "approvals: provenance is given but neither bodies nor affiliated_to"),
])
def test_a_bad_fact_is_refused_naming_the_file_and_the_field(old: str, new: str, expected: str) -> None:
    message = refusal(old, new)
    assert "alpha-college.md: " in message
    assert expected in message


def test_a_school_gives_no_closing_ranks_and_coaching_no_placements() -> None:
    school = alpha_text().replace("type: college", "type: school").replace("ownership: private\n", "")
    school = school.split("placements:")[0] + "---\n" + school.split("\n---\n", 1)[1]
    with pytest.raises(ContentError, match=r"courses: courses\[0\]\.admissions\.closing_ranks: schools admit"):
        load(school)
    coaching = alpha_text().replace("type: college", "type: coaching")
    with pytest.raises(ContentError, match="placements: a coaching institute has no campus placements"):
        load(coaching)


def test_a_year_of_placements_is_given_once_and_listed_newest_first() -> None:
    text = alpha_text()
    block = text.split("placements:\n")[1].split("cost_of_attendance:")[0]
    newer = block.replace("year: 2024", "year: 2025", 1)
    assert [p.year for p in load(text.replace(block, block + newer, 1)).placements] == [2025, 2024]
    assert "placements: a year is given twice" in refusal(block, block + block)


def test_an_image_must_exist_beside_the_file_and_have_alt_text(tmp_path: Path) -> None:
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "alpha-logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    logo = "logo: {file: images/alpha-logo.png, alt: Alpha College crest}\n"
    text = alpha_text().replace("placements:", logo + "placements:", 1)
    alpha = load(text, tmp_path)
    assert alpha.logo is not None and alpha.logo.alt == "Alpha College crest"

    def refused(line: str) -> str:
        with pytest.raises(ContentError) as caught:
            load(alpha_text().replace("placements:", line + "placements:", 1), tmp_path)
        return str(caught.value)

    assert "logo.file: no file 'images/missing.png' next to alpha-college.md" in refused(
        "logo: {file: images/missing.png, alt: Alpha College crest}\n")
    assert "logo.alt: String should have at least 5 characters" in refused(
        "logo: {file: images/alpha-logo.png, alt: Logo}\n")
    assert "photos[0].alt: this required field is missing" in refused("photos: [{file: images/alpha-logo.png}]\n")
    assert "photos[0].file: write the image's path relative" in refused(
        "photos: [{file: images/alpha-logo.txt, alt: A view of the campus}]\n")
    assert "photos[0].alt: String should have at most 200 characters" in refused(
        f"photos: [{{file: images/alpha-logo.png, alt: {'x' * 201}}}]\n")


def test_a_proposal_through_the_api_is_checked_the_same_way_and_cannot_bring_images() -> None:
    facts = {"name": "Omega College", "type": "college", "city": "Bangalore", "state": "Karnataka",
             "established": 1999, "website": "https://omega.example.edu.in/", "ownership": "private",
             "approvals": {}, "courses": [{"name": "BBA", "level": "undergraduate", "duration": "3 years",
                                           "fees_inr": 90000, "seats": 60}],
             "facilities": ["Library"], "contact": {"address": "1 MG Road, Bengaluru", "pincode": "560001"},
             "description": "A proposed college, long enough to describe."}
    with pytest.raises(InvalidInput) as caught:
        proposed_institution(facts)
    assert "write 'Bengaluru'" in caught.value.fields["city"]
    institution = proposed_institution({**facts, "city": "Bengaluru"})
    # The editor's export keeps the new fields.
    assert "ownership: private\n" in institution_file_text(institution)
    with pytest.raises(InvalidInput) as caught:
        proposed_institution({**facts, "city": "Bengaluru", "logo": {"file": "logo.png", "alt": "Omega crest"}})
    assert "added by an editor" in caught.value.fields["logo.file"]


def test_a_new_editors_typos_fail_the_build_naming_the_file_and_field(tmp_path: Path) -> None:
    # Given the fixture tree, when a new editor writes a misspelt state and a future year
    tree = copy_tree(FIXTURE_SITE, tmp_path / "content")
    path = tree / "institutions/alpha-college.md"
    text = path.read_text(encoding="utf-8").replace("state: Maharashtra", "state: Maharastra")
    path.write_text(text.replace("established: 1990", f"established: {NEXT_YEAR}"), encoding="utf-8")
    # Then the build stops, and no listing for a state that does not exist is opened
    with pytest.raises(ContentError) as caught:
        build_site(tree, tmp_path / "out", search_index=False)
    message = str(caught.value)
    assert "institutions/alpha-college.md: state: 'Maharastra' is not a state or union territory of India; " \
           "did you mean 'Maharashtra'?" in message
    assert f"institutions/alpha-college.md: established: {NEXT_YEAR} is after this year" in message
    assert not (tmp_path / "out" / "states" / "maharastra").exists()
