"""Read and validate the editors' content: institutions (Markdown + YAML) and approved reviews (YAML)."""

from __future__ import annotations

import logging
from collections.abc import Collection
from pathlib import Path
from typing import Any

import yaml
from pydantic import TypeAdapter, ValidationError

from careermitra.domain.errors import ContentError, problems_of
from careermitra.domain.institution import Institution
from careermitra.domain.review import PublishedReview
from careermitra.domain.slugs import is_slug

logger = logging.getLogger(__name__)

_REVIEWS = TypeAdapter(list[PublishedReview])
# libyaml's loader is many times faster on large review files; the pure-Python one is the same language.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def split_front_matter(text: str, path: str) -> tuple[dict[str, Any], str]:
    """Split '---\\nYAML\\n---\\nMarkdown' into the parsed YAML mapping and the Markdown body."""
    lines = text.lstrip("\ufeff").split("\n")
    if lines[0].strip() != "---":
        raise ContentError(path, [("", "the file must start with '---' and a YAML front matter block")])
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            header, body = "\n".join(lines[1:number]), "\n".join(lines[number + 1 :])
            break
    else:
        raise ContentError(path, [("", "the YAML front matter is not closed by a '---' line")])
    meta = load_yaml(header, path)
    if not isinstance(meta, dict):
        raise ContentError(path, [("", "the front matter must be a YAML mapping of field: value")])
    return meta, body.strip()


def load_yaml(text: str, path: str) -> Any:
    """Parse YAML, reporting a syntax error with its line and column."""
    try:
        return yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        problem = getattr(error, "problem", None) or str(error)
        raise ContentError(path, [("", f"invalid YAML: {where}{problem}")]) from None


def parse_institution(text: str, path: str, slug: str) -> Institution:
    """Validate one institution file; any missing or wrong field raises ContentError naming it."""
    if not is_slug(slug):
        raise ContentError(path, [("", f"the file name {slug!r} is not a slug (lowercase words joined by '-')")])
    meta, body = split_front_matter(text, path)
    if "slug" in meta or "description" in meta:
        raise ContentError(path, [("slug" if "slug" in meta else "description",
                                   "comes from the file name / the Markdown body; remove it from the front matter")])
    try:
        return Institution.model_validate({**meta, "slug": slug, "description": body})
    except ValidationError as error:
        raise ContentError(path, problems_of(error)) from None


def parse_reviews(text: str, path: str) -> list[PublishedReview]:
    """Validate one reviews file: a YAML list of approved reviews."""
    data = load_yaml(text, path)
    if data is None:
        return []
    if not isinstance(data, list):
        raise ContentError(path, [("", "a reviews file is a YAML list of reviews")])
    try:
        return _REVIEWS.validate_python(data)
    except ValidationError as error:
        raise ContentError(path, problems_of(error, ("reviews",))) from None


def read_reviews(path: Path) -> list[PublishedReview]:
    """One reviews file, newest first; a missing file means no approved reviews yet."""
    if not path.is_file():
        return []
    items = parse_reviews(path.read_text(encoding="utf-8"), str(path))
    return sorted(items, key=lambda r: (r.published, r.id), reverse=True)


def load_institutions(folder: Path) -> tuple[dict[str, Institution], dict[str, Path]]:
    """Every `<slug>.md` below folder (subfolders allowed), validated, by slug; any problem fails the load."""
    institutions: dict[str, Institution] = {}
    errors: list[ContentError] = []
    first_seen: dict[str, Path] = {}
    for path in sorted(folder.rglob("*.md")):
        if path.stem in first_seen:
            errors.append(ContentError(str(path), [("slug", f"duplicate slug {path.stem!r}, "
                                                            f"already used by {first_seen[path.stem]}")]))
            continue
        first_seen[path.stem] = path
        try:
            institution = parse_institution(path.read_text(encoding="utf-8"), str(path), path.stem)
        except ContentError as error:
            errors.append(error)
            continue
        institutions[institution.slug] = institution
    _raise_all(errors)
    return institutions, first_seen


def load_reviews(folder: Path, institutions: Collection[str]) -> dict[str, list[PublishedReview]]:
    """Approved reviews by institution slug, newest first; a file for an unknown institution is an error."""
    reviews: dict[str, list[PublishedReview]] = {slug: [] for slug in institutions}
    errors: list[ContentError] = []
    seen_ids: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        if path.stem not in institutions:
            errors.append(ContentError(str(path), [("", f"no institution has the slug {path.stem!r} "
                                                        f"(expected content/institutions/{path.stem}.md)")]))
            continue
        try:
            items = read_reviews(path)
        except ContentError as error:
            errors.append(error)
            continue
        for index, review in enumerate(items):
            if review.id in seen_ids:
                errors.append(ContentError(str(path), [(f"reviews[{index}].id",
                                                        f"duplicate review id, also in {seen_ids[review.id]}")]))
            seen_ids[review.id] = str(path)
        reviews[path.stem] = items
    _raise_all(errors)
    return reviews


def _raise_all(errors: list[ContentError]) -> None:
    if len(errors) == 1:
        raise errors[0]
    if errors:
        problems = [(f"{e.path}: {field}" if field else e.path, reason) for e in errors for field, reason in e.problems]
        raise ContentError(f"{len(errors)} content files have problems", problems)
