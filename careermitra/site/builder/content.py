"""Read and validate the editors' content: institutions (Markdown + YAML) and the folder of reviews files.

The format of one reviews file is reviews_file.py's (its writer and its reader).
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from careermitra.domain.errors import ContentError, problems_of
from careermitra.domain.facts import IMAGE_SUFFIXES
from careermitra.domain.institution import Institution
from careermitra.domain.review import PublishedReview
from careermitra.domain.slugs import is_slug
from careermitra.site.builder.reviews_file import read_reviews
from careermitra.site.builder.yaml_text import load_yaml

logger = logging.getLogger(__name__)


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


def institution_files(folder: Path) -> tuple[dict[str, Path], list[ContentError]]:
    """slug -> file of every `<slug>.md` below folder (subfolders allowed), and an error per duplicate slug and
    per file that is neither an institution nor an image (a misnamed file would otherwise never become a page)."""
    first_seen: dict[str, Path] = {}
    errors: list[ContentError] = [
        ContentError(str(path), [("", "not an institution file (<slug>.md) or an image beside one; rename or "
                                      "remove it")])
        for path in sorted(folder.rglob("*")) if path.is_file() and path.suffix != ".md"
        and path.suffix.lower() not in IMAGE_SUFFIXES]
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
