"""Sample users and approved reviews for the local stack, matching content/reviews/ so the site agrees."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

from careermitra.domain.review import PublishedReview
from careermitra.domain.review_submission import ReviewRecord
from careermitra.domain.submission import Status
from careermitra.domain.trust import Relationship, Reply, Verification
from careermitra.domain.user import User
from careermitra.site.builder.content import load_institutions, load_reviews
from careermitra.store.reviews import ReviewStore
from careermitra.store.users import UserStore

SAMPLE_CITIES = ("Pune", "Mumbai", "Bengaluru", "Jaipur", "Lucknow", "Kochi", "Chennai", "Hyderabad", "Bhopal")


def sample_user(review: PublishedReview) -> User:
    """A fictional, verified author for a sample review; details derived from the review id so they are stable."""
    digest = int(hashlib.sha256(review.id.encode()).hexdigest(), 16)
    when = dt.datetime.combine(review.published, dt.time(8), tzinfo=dt.UTC) - dt.timedelta(days=3)
    return User(id=f"sample-{review.id}", name=review.display_name, email=f"sample.{review.id}@example.test",
                phone=f"+919{digest % 10**9:09d}", city=SAMPLE_CITIES[digest % len(SAMPLE_CITIES)], verified=True,
                consent_version="3.0", consented_at=when, created_at=when)


def review_record(slug: str, review: PublishedReview, user_id: str,
                  status: Status = Status.APPROVED) -> ReviewRecord:
    """The stored record of a published review (sent and, when approved, decided on its published day)."""
    when = dt.datetime.combine(review.published, dt.time(9), tzinfo=dt.UTC)
    # A sample review's badge and reply (issue 14), so the seeded database exports the same file.
    verification = Verification(relationship=Relationship(review.verified), domain=f"students.{slug}.example",
                                at=when) if review.verified else None
    reply = Reply(body=review.reply.body, status="approved", created_at=when,
                  decided_at=dt.datetime.combine(review.reply.published, dt.time(9), tzinfo=dt.UTC)) \
        if review.reply else None
    return ReviewRecord(id=review.id, user_id=user_id, display_name=review.display_name, institution=slug,
                        rating=review.rating, aspects=review.aspects, title=review.title, body=review.body,
                        course=review.course, graduation_year=review.graduation_year, flags=[], status=status,
                        fingerprint=f"sample-{review.id}", created_at=when,
                        decided_at=when if status == Status.APPROVED else None, verification=verification,
                        reply=reply)


def seed_sample_data(content: Path, users: UserStore, reviews: ReviewStore) -> tuple[int, int]:
    """Store one sample user per sample review, and the review as approved; returns (users, reviews)."""
    institutions, _ = load_institutions(content / "institutions")
    count = 0
    for slug, items in load_reviews(content / "reviews", institutions).items():
        for review in items:
            author = sample_user(review)
            users.add(author)
            reviews.add(review_record(slug, review, author.id))
            count += 1
    return count, count
