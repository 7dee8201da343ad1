"""The editors' content in the build-state bucket (careermitra/publish/content_store.py): publishing it from the
fixture site's checkout, and the rebuild function loaded from a package that carries none of it."""

from __future__ import annotations

import dataclasses
import hashlib
import shutil
from pathlib import Path
from types import ModuleType

import pytest

from careermitra.publish.content_store import ContentReport, ContentStore
from careermitra.publish.state import S3State
from careermitra.site.build import build_with_approved_reviews
from careermitra.store.published_reviews import DynamoApprovedReviews
from tests.support.rebuild import PublishedSite, load_rebuild_function

CONTENT_PREFIX = "content/"


def content_store(published: PublishedSite) -> ContentStore:
    return ContentStore(S3State(published.s3, published.state_bucket), CONTENT_PREFIX)


def publish_content(published: PublishedSite) -> ContentReport:
    """What `careermitra publish` writes for the functions: the checkout's content, without its reviews."""
    return content_store(published).publish(published.root / "content", "institutions", ("reviews",))


def package_without_content(published: PublishedSite, tmp: Path) -> Path:
    """What `make build-RebuildFunction` packages now: the settings, the theme and content/data only."""
    package = tmp / "package-without-content"
    shutil.copytree(published.root, package, ignore=shutil.ignore_patterns("institutions", "pages", "reviews"))
    return package


def load_rebuild_from_bucket(published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp: Path) -> ModuleType:
    """The rebuild function as template.yaml deploys it: its package has no content, CONTENT_PREFIX names it."""
    package = package_without_content(published, tmp)
    assert not (package / "content/institutions").exists()
    monkeypatch.setenv("CONTENT_PREFIX", CONTENT_PREFIX)
    monkeypatch.setenv("WORK_FOLDER", str(tmp / "lambda-tmp"))
    return load_rebuild_function(dataclasses.replace(published, root=package), monkeypatch, tmp)


def full_build_of(published: PublishedSite, output: Path) -> dict[str, str]:
    """What a full build of the checkout's content with DynamoDB's approved reviews writes: path -> SHA-256."""
    build_with_approved_reviews(str(published.root / "pelicanconf.py"), output,
                                DynamoApprovedReviews(published.tables["ReviewsTable"]))
    return {str(path.relative_to(output)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in output.rglob("*") if path.is_file()}
