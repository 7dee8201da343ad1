"""The editors' content reaches the rebuild from the build-state bucket, not inside its package (issue 17: a
national directory's Markdown passes Lambda's 250 MB package near 80,000 institutions)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from careermitra.full_build.settings import load_full_build_settings
from careermitra.function_settings import FunctionSettingsError
from careermitra.publish.cdn import NoCdn
from careermitra.publish.content_store import ContentStore, StoredContent, part_slugs
from careermitra.publish.state import S3State
from careermitra.publish.sync import ContentPublication, publish_site
from careermitra.publish.targets import S3Target
from careermitra.rebuild.settings import load_rebuild_settings
from careermitra.site.build import site_build_for
from careermitra.site.builder.state import FolderStore
from careermitra.store.publication import DynamoPublicationState
from tests.support.rebuild import LambdaContext, PublishedSite, approve, new_review
from tests.support.site import FIXTURE_SITE
from tests.support.stored_content import (
    content_store,
    full_build_of,
    load_rebuild_from_bucket,
    publish_content,
)


def stored_keys(published: PublishedSite) -> set[str]:
    return set(content_store(published).store.names("content/"))


def test_publish_writes_the_content_once_then_only_what_changed_and_deletes_what_was_removed(
        published: PublishedSite) -> None:
    # Given the fixture site's content published for the functions
    first = publish_content(published)
    files = [p for p in (published.root / "content").rglob("*") if p.is_file() and "reviews" not in p.parts]
    assert first.uploaded == len(files)  # every file of the checkout but its reviews, once
    assert not [key for key in stored_keys(published) if "reviews" in key]
    # When nothing changed, publishing again uploads nothing
    assert publish_content(published).uploaded == 0
    # When an editor changes one institution, only its file is uploaded and its old version deleted
    alpha = published.root / "content/institutions/alpha-college.md"
    alpha.write_text(alpha.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    changed = publish_content(published)
    assert (changed.uploaded, changed.removed, changed.parts_written) == (1, 1, 1)
    # When an editor removes an institution, its file leaves the bucket and the manifest
    (published.root / "content/institutions/beta-university.md").unlink()
    removed = publish_content(published)
    assert (removed.uploaded, removed.removed) == (0, 1)
    manifest = content_store(published).manifest()
    assert manifest is not None and "beta-university" not in manifest.institutions
    assert sorted(manifest.institutions) == ["alpha-college", "gamma-classes"]
    assert manifest.institutions["alpha-college"].source == "alpha-college.md"
    assert any(path.startswith("pages/") for path in manifest.shared)


def test_an_institution_carries_the_photos_and_logo_it_names(tmp_path: Path) -> None:
    # The repository's own content has institutions with a logo and photos beside their files
    store = ContentStore(FolderStore(tmp_path / "state"))
    root = Path(__file__).resolve().parents[2]
    store.publish(root / "content", "institutions", ("reviews",))
    manifest = store.manifest()
    assert manifest is not None
    files = set(manifest.institutions["deccan-institute-of-technology"].files)
    assert {"institutions/deccan-institute-of-technology.md",
            "institutions/images/deccan-institute-of-technology/logo.png"} <= files
    assert not any(path.startswith("institutions/") for path in manifest.shared)


def test_the_rebuild_with_no_content_in_its_package_publishes_what_a_full_build_writes(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Given the content published to the build-state bucket, and a rebuild package without content/institutions
    publish_content(published)
    app = load_rebuild_from_bucket(published, monkeypatch, tmp_path)
    # When a moderator approves a review and the stream delivers it
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    event = published.stream.event()
    assert event is not None
    assert app.lambda_handler(event, LambdaContext()) == {"batchItemFailures": []}
    # Then the page shows it, and the whole bucket is byte for byte what a full build of the content writes
    assert "Review fx-g-2" in published.page("institutions/gamma-classes/index.html")
    assert published.objects() == full_build_of(published, tmp_path / "full")
    # And only the approved institution's files (and the shared ones) were read into the function's /tmp
    mirrored = {str(p.relative_to(tmp_path / "lambda-tmp/careermitra-content")) for p in
                (tmp_path / "lambda-tmp/careermitra-content").rglob("*") if p.is_file()}
    assert "institutions/gamma-classes.md" in mirrored
    assert not any("alpha-college" in path or "beta-university" in path for path in mirrored)


def test_an_edit_published_between_batches_reaches_the_next_rebuild_of_a_warm_container(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    publish_content(published)
    app = load_rebuild_from_bucket(published, monkeypatch, tmp_path)
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    assert app.lambda_handler(published.stream.event(), LambdaContext()) == {"batchItemFailures": []}
    # An editor adds a paragraph to Gamma's description and `make publish` writes the content
    gamma = published.root / "content/institutions/gamma-classes.md"
    gamma.write_text(gamma.read_text(encoding="utf-8") + "\nA new paragraph from the editors.\n", encoding="utf-8")
    assert publish_content(published).uploaded == 1
    approve(published, "gamma-classes", new_review("fx-g-3", 4, 21))
    assert app.lambda_handler(published.stream.event(), LambdaContext()) == {"batchItemFailures": []}
    assert "A new paragraph from the editors." in published.page("institutions/gamma-classes/index.html")


def test_a_missing_institution_object_is_refused_as_a_missing_file_is(
        published: PublishedSite, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Given Alpha's file gone from the published content (the state still lists its pages)
    (published.root / "content/institutions/alpha-college.md").unlink()
    publish_content(published)
    app = load_rebuild_from_bucket(published, monkeypatch, tmp_path)
    before = {key: sha for key, sha in published.objects().items() if "alpha-college" in key}
    # When a review of Alpha is approved
    approve(published, "alpha-college", new_review("fx-a-9", 5, 21))
    answer = app.lambda_handler(published.stream.event(), LambdaContext())
    # Then the batch fails, Alpha's pages stay as they were, and the moderator sees why, with the file named
    assert answer["batchItemFailures"]
    assert {key: sha for key, sha in published.objects().items() if "alpha-college" in key} == before
    shown = DynamoPublicationState(published.tables["ReviewsTable"]).state_of("fx-a-9")
    assert shown is not None and shown.startswith("approved, not yet published (ContentError")
    assert "alpha-college.md" in shown and "is missing" in shown


class CountingStore(FolderStore):
    """A folder store that counts its reads, as S3 would bill them."""

    reads: list[str]

    def read(self, name: str) -> bytes | None:
        self.reads.append(name)
        return super().read(name)


def test_a_warm_mirror_reads_only_the_index_when_nothing_changed(tmp_path: Path) -> None:
    store = CountingStore(tmp_path / "state")
    store.reads = []
    ContentStore(store).publish(FIXTURE_SITE, "institutions", ("reviews",))
    mirror = StoredContent(ContentStore(store), tmp_path / "mirror")
    mirror.prepare_shared()
    mirror.prepare_institutions({"gamma-classes"})
    assert (tmp_path / "mirror/institutions/gamma-classes.md").read_bytes() == (
        FIXTURE_SITE / "institutions/gamma-classes.md").read_bytes()
    store.reads = []
    mirror.prepare_institutions({"gamma-classes"})
    assert store.reads == ["content/index.json"]
    # A full build's plan lists every institution from the manifest
    assert mirror.institution_slugs() == ["alpha-college", "beta-university", "gamma-classes"]
    assert json.loads(store.read("content/index.json") or b"{}")["format"] == 1


def test_make_publish_writes_the_content_between_the_pages_and_the_build_state(
        published: PublishedSite, tmp_path: Path) -> None:
    # As `careermitra publish` calls it: the content a build with these settings reads
    build = site_build_for(str(published.root / "pelicanconf.py"))
    report = publish_site(tmp_path / "output", S3Target(published.s3, published.bucket),
                          S3State(published.s3, published.state_bucket), NoCdn(), ContentPublication.of(build))
    assert report.uploaded == () and report.content is not None and report.content.uploaded > 0
    manifest = content_store(published).manifest()
    assert manifest is not None and sorted(manifest.institutions) == ["alpha-college", "beta-university",
                                                                      "gamma-classes"]
    assert not any(key.startswith("content/") for key in published.objects())  # never in the public bucket


def test_a_mirror_past_its_size_forgets_its_institutions_and_reads_them_again(tmp_path: Path) -> None:
    store = ContentStore(FolderStore(tmp_path / "state"))
    store.publish(FIXTURE_SITE, "institutions", ("reviews",))
    mirror = StoredContent(store, tmp_path / "mirror")
    mirror.MAX_INSTITUTION_BYTES = 1
    mirror.prepare_institutions({"alpha-college", "beta-university"})
    mirror.prepare_institutions({"gamma-classes"})
    assert sorted(p.name for p in (tmp_path / "mirror/institutions").iterdir()) == ["gamma-classes.md"]
    assert (tmp_path / "mirror/pages").is_dir()  # the shared files stay


def test_the_functions_need_the_content_folder_or_the_content_prefix_with_its_bucket(tmp_path: Path) -> None:
    environment = {"REVIEWS_TABLE": "reviews", "SITE_ROOT": str(tmp_path), "SITE_BUCKET": "site",
                   "STATE_BUCKET": "build-state"}
    with pytest.raises(FunctionSettingsError, match="CONTENT_PREFIX"):
        load_rebuild_settings(environment)  # a package without content/institutions, and no prefix
    assert load_rebuild_settings({**environment, "CONTENT_PREFIX": "content/"}).content_prefix == "content/"
    with pytest.raises(FunctionSettingsError, match="CONTENT_PREFIX"):
        load_rebuild_settings({"REVIEWS_TABLE": "reviews", "SITE_ROOT": str(tmp_path), "SITE_FOLDER": str(tmp_path),
                               "CONTENT_PREFIX": "content/"})
    with pytest.raises(FunctionSettingsError, match="CONTENT_PREFIX"):
        load_full_build_settings({**environment, "REVIEWS_TABLE": "reviews"})
    assert load_full_build_settings({**environment, "CONTENT_PREFIX": "content/"}).content_prefix == "content/"


def test_a_warm_shard_forgets_an_institution_the_content_no_longer_has(tmp_path: Path) -> None:
    # Given a warm container that mirrored every institution for an earlier run
    content = tmp_path / "checkout"
    shutil.copytree(FIXTURE_SITE, content)
    store = ContentStore(FolderStore(tmp_path / "state"))
    store.publish(content, "institutions", ("reviews",))
    mirror = StoredContent(store, tmp_path / "mirror")
    mirror.prepare_range("alpha-college", "gamma-classes")
    # When an editor removes Beta, `make publish` runs, and the next run's shard reads its range again
    (content / "institutions/beta-university.md").unlink()
    store.publish(content, "institutions", ("reviews",))
    mirror.prepare_range("alpha-college", "gamma-classes")
    # Then the shard does not render Beta from the old copy
    assert sorted(p.name for p in (tmp_path / "mirror/institutions").iterdir()) == ["alpha-college.md",
                                                                                  "gamma-classes.md"]


def test_a_warm_shard_keeps_only_its_own_range(tmp_path: Path) -> None:
    store = ContentStore(FolderStore(tmp_path / "state"))
    store.publish(FIXTURE_SITE, "institutions", ("reviews",))
    mirror = StoredContent(store, tmp_path / "mirror")
    mirror.prepare_range("alpha-college", "beta-university")
    mirror.prepare_range("gamma-classes", "gamma-classes")
    assert sorted(p.name for p in (tmp_path / "mirror/institutions").iterdir()) == ["gamma-classes.md"]


def test_an_added_institution_rewrites_one_part_of_the_manifest(tmp_path: Path) -> None:
    # Given the fixture's three institutions in parts of one each
    content = tmp_path / "checkout"
    shutil.copytree(FIXTURE_SITE, content)
    store = ContentStore(FolderStore(tmp_path / "state"), part_size=1)
    assert store.publish(content, "institutions", ("reviews",)).parts_written == 3
    # When an editor adds an institution that sorts between two others
    text = (content / "institutions/beta-university.md").read_text(encoding="utf-8")
    (content / "institutions/delta-institute.md").write_text(text, encoding="utf-8")
    report = store.publish(content, "institutions", ("reviews",))
    # Then only the part it falls in is written again, the later ones stay as the rebuilds cached them
    assert (report.uploaded, report.parts_written) == (0, 1)  # the same bytes as Beta's: no new blob
    assert [(part.first, part.last) for part in store.index().parts] == [
        ("alpha-college", "alpha-college"), ("beta-university", "delta-institute"), ("gamma-classes", "gamma-classes")]
    assert part_slugs([str(n) for n in range(10)], (), 4) == [["0", "1", "2", "3"], ["4", "5", "6", "7"], ["8", "9"]]
