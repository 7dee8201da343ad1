"""The real sample content of `content/`, read once: its institutions and their approved reviews."""

from __future__ import annotations

from careermitra.site.builder.content import load_institutions, load_reviews
from tests.support.site import SAMPLE_CONTENT

INSTITUTIONS, _ = load_institutions(SAMPLE_CONTENT / "institutions")
REVIEWS = load_reviews(SAMPLE_CONTENT / "reviews", INSTITUTIONS)
