"""Slugs: the lowercase ASCII names used in file names and URLs."""

import re
from functools import lru_cache

from unidecode import unidecode

SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@lru_cache(maxsize=65536)  # a directory repeats the same cities, states and course names thousands of times
def slugify(text: str) -> str:
    """Turn a name such as 'B.Tech' or 'Tamil Nadu' into a URL slug ('b-tech', 'tamil-nadu')."""
    ascii_text = unidecode(text).lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text))


def is_slug(text: str) -> bool:
    """Whether text is already a valid slug."""
    return bool(SLUG_PATTERN.match(text))
