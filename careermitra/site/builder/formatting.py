"""Small, pure formatting helpers the templates use as Jinja filters."""

from __future__ import annotations

import datetime as dt

from careermitra.domain.slugs import slugify


def inr(amount: int) -> str:
    """Format rupees the Indian way: 1450000 -> '₹14,50,000'."""
    return f"{'-' if amount < 0 else ''}₹{grouped(abs(amount))}"


def grouped(number: int) -> str:
    """Digits grouped the Indian way (thousands, then lakhs and crores): 127062 -> '1,27,062'."""
    digits = str(abs(number))
    if len(digits) > 3:
        head, tail = digits[:-3], digits[-3:]
        groups: list[str] = []
        while len(head) > 2:
            groups.insert(0, head[-2:])
            head = head[:-2]
        if head:
            groups.insert(0, head)
        digits = ",".join([*groups, tail])
    return f"{'-' if number < 0 else ''}{digits}"


def stars(rating: float | None) -> str:
    """Five characters of filled and empty stars for a rating, rounded to the nearest whole star."""
    if rating is None:
        return "☆☆☆☆☆"
    filled = max(0, min(5, int(rating + 0.5)))
    return "★" * filled + "☆" * (5 - filled)


def long_date(value: dt.date) -> str:
    """'14 July 2025', the way dates read in India."""
    return f"{value.day} {value.strftime('%B %Y')}"


def count_noun(count: int, singular: str, plural: str | None = None) -> str:
    """'1 review', '12 reviews'."""
    return f"{count:,} {singular if count == 1 else (plural or singular + 's')}"


def slug(text: str) -> str:
    """The URL form of a name, as listings use it: 'B.Tech' -> 'b-tech'."""
    return slugify(text)


JINJA_FILTERS = {"inr": inr, "grouped": grouped, "stars": stars, "long_date": long_date, "count_noun": count_noun,
                 "slug": slug}
