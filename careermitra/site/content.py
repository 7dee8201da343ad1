"""Read and validate the editors' content: institutions (Markdown + YAML) and approved reviews (YAML)."""

from __future__ import annotations

import json
import logging
from collections.abc import Collection, Iterable, Sequence
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


def _json_flow(text: str) -> Any:
    """Files the rebuild exported are YAML in JSON syntax: read those with the (much faster) JSON parser."""
    if not text.lstrip().startswith("["):
        return None
    try:
        return json.loads(text)
    except ValueError:
        return None  # flow-style YAML that is not JSON: the YAML parser reads it (or says where it is wrong)


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
        # The file's path lets the model check that its images exist beside it.
        return Institution.model_validate({**meta, "slug": slug, "description": body}, context={"source": path})
    except ValidationError as error:
        raise ContentError(path, problems_of(error)) from None


def parse_reviews(text: str, path: str) -> list[PublishedReview]:
    """Validate one reviews file: a YAML list of approved reviews."""
    data = _json_flow(text)
    if data is None:
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


def institution_files(folder: Path) -> tuple[dict[str, Path], list[ContentError]]:
    """slug -> file of every `<slug>.md` below folder (subfolders allowed), and an error per duplicate slug."""
    first_seen: dict[str, Path] = {}
    errors: list[ContentError] = []
    for path in sorted(folder.rglob("*.md")):
        if path.stem in first_seen:
            errors.append(ContentError(str(path), [("slug", f"duplicate slug {path.stem!r}, "
                                                            f"already used by {first_seen[path.stem]}")]))
            continue
        first_seen[path.stem] = path
    return first_seen, errors


def orphan_reviews(folder: Path, institutions: Collection[str]) -> list[ContentError]:
    """An error for each reviews file whose institution does not exist."""
    return [ContentError(str(path), [("", f"no institution has the slug {path.stem!r} "
                                          f"(expected content/institutions/{path.stem}.md)")])
            for path in (sorted(folder.glob("*.yaml")) if folder.is_dir() else []) if path.stem not in institutions]


def duplicate_review_ids(files: Iterable[tuple[str, Sequence[str]]]) -> list[ContentError]:
    """An error for each review id used before, given (file, review ids) in order."""
    seen: dict[str, str] = {}
    errors = []
    for path, ids in files:
        for index, review_id in enumerate(ids):
            if review_id in seen:
                reason = f"duplicate review id, also in {seen[review_id]}"
                errors.append(ContentError(path, [(f"reviews[{index}].id", reason)]))
            seen.setdefault(review_id, path)
    return errors


def load_institutions(folder: Path) -> tuple[dict[str, Institution], dict[str, Path]]:
    """Every `<slug>.md` below folder (subfolders allowed), validated, by slug; any problem fails the load."""
    institutions: dict[str, Institution] = {}
    first_seen, errors = institution_files(folder)
    for path in first_seen.values():
        try:
            institution = parse_institution(path.read_text(encoding="utf-8"), str(path), path.stem)
        except ContentError as error:
            errors.append(error)
            continue
        institutions[institution.slug] = institution
    raise_all(errors)
    return institutions, first_seen


def load_reviews(folder: Path, institutions: Collection[str]) -> dict[str, list[PublishedReview]]:
    """Approved reviews by institution slug, newest first; a file for an unknown institution is an error."""
    reviews: dict[str, list[PublishedReview]] = {slug: [] for slug in institutions}
    errors = orphan_reviews(folder, institutions)
    for path in sorted(folder.glob("*.yaml")) if folder.is_dir() else []:
        if path.stem not in institutions:
            continue
        try:
            reviews[path.stem] = read_reviews(path)
        except ContentError as error:
            errors.append(error)
    errors += duplicate_review_ids((str(folder / f"{slug}.yaml"), [r.id for r in items])
                                   for slug, items in sorted(reviews.items()))
    raise_all(errors)
    return reviews


def raise_all(errors: list[ContentError]) -> None:
    """Raise the one error, or one error listing them all, so an editor sees every problem at once."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        problems = [(f"{e.path}: {field}" if field else e.path, reason) for e in errors for field, reason in e.problems]
        raise ContentError(f"{len(errors)} content files have problems", problems)
