"""No user's email, phone or city of registration reaches any file of the built site, or any log line.

The users and reviews are seeded in DynamoDB, the approved reviews exported as the rebuild exports them, and
the whole site built from them. The log half is checked for the whole test session by the session-wide
watch in tests/conftest.py, to which this module adds the values it seeds.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from pathlib import Path

import pytest

from careermitra.domain.review import AspectRatings
from careermitra.domain.review_submission import ReviewRecord
from careermitra.domain.submission import Status
from careermitra.domain.user import User
from careermitra.local.seed import sample_user, seed_sample_data
from careermitra.site.builder.content import load_institutions, load_reviews
from careermitra.site.builder.reviews_file import write_reviews
from careermitra.store.published_reviews import DynamoApprovedReviews
from careermitra.store.reviews import DynamoReviewStore
from careermitra.store.users import DynamoUserStore
from tests.support.privacy import KNOWN_PERSONAL_DATA
from tests.support.site import ROOT, build_site

# Distinctive values, so that finding one anywhere can only mean it leaked.
SEEDED = [
    ("Kavya Raghunathan", "kavya.raghunathan.cm@example.in", "+919445566778", "Thiruvananthapuram-Vazhuthacaud",
     "deccan-institute-of-technology"),
    ("Arjun Bhattacharjee", "arjun.b.cm@example.in", "+918877665544", "Siliguri-Pradhan Nagar",
     "golconda-school-of-architecture"),
    ("Zoya Qureshi", "zoya.qureshi.cm@example.in", "+917766554433", "Aurangabad-Cidco N7", "sahyadri-university"),
]


def needles_of(user: User) -> list[str]:
    digits = user.phone.removeprefix("+91")
    return [user.email, user.phone, digits, f"{digits[:5]} {digits[5:]}"]


@pytest.fixture
def site_from_seeded_tables(aws: None, tmp_path: Path) -> tuple[Path, list[str]]:
    users, reviews = DynamoUserStore("test-UsersTable"), DynamoReviewStore("test-ReviewsTable")
    seed_sample_data(ROOT / "content", users, reviews)
    needles = []
    now = dt.datetime(2026, 3, 1, 9, tzinfo=dt.UTC)
    for index, (name, email, phone, city, slug) in enumerate(SEEDED):
        user = User(id=f"seeded-{index}", name=name, email=email, phone=phone, city=city, verified=True,
                    consent_version="2.0", consented_at=now, created_at=now)
        users.add(user)
        reviews.add(ReviewRecord(
            id=f"seeded-review-{index}", user_id=user.id, display_name=user.display_name, institution=slug,
            rating=4, aspects=AspectRatings(faculty=4, infrastructure=4, placements=3, campus_life=5,
                                            value_for_money=4),
            title="Good teachers, busy library", body="The teachers explain patiently and the library is busy "
            "before exams, so arrive early.", course="B.Tech", graduation_year=2024, flags=[],
            status=Status.APPROVED, fingerprint=f"seeded-{index}", created_at=now, decided_at=now))
        needles += [*needles_of(user), city, name.split()[-1]]  # the surname is never shown either
    institutions, _ = load_institutions(ROOT / "content" / "institutions")
    for items in load_reviews(ROOT / "content" / "reviews", institutions).values():
        needles += [needle for review in items for needle in needles_of(sample_user(review))]
    KNOWN_PERSONAL_DATA.extend(needles)

    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content, ignore=shutil.ignore_patterns("reviews"))
    for slug, approved in DynamoApprovedReviews("test-ReviewsTable").all_approved().items():
        write_reviews(content / "reviews", slug, approved)
    logging.getLogger("careermitra").info("built from %d seeded users", len(SEEDED))
    return build_site(content, tmp_path / "output"), needles


def test_no_built_file_holds_a_users_email_phone_or_city(site_from_seeded_tables: tuple[Path, list[str]]) -> None:
    output, needles = site_from_seeded_tables
    files = [path for path in output.rglob("*") if path.is_file()]
    assert len(files) > 100
    page = (output / "institutions/golconda-school-of-architecture/index.html").read_text(encoding="utf-8")
    assert "Arjun B." in page  # the seeded review is on the site, with the display name only
    leaks = [(str(path.relative_to(output)), needle) for path in files for needle in needles
             if needle.lower().encode() in path.read_bytes().lower()]
    assert not leaks
