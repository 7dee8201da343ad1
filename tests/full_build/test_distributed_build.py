"""The full build on AWS (plan, a Lambda per shard, finish), run in-process against moto: the bucket then holds
what a local full build of the same content writes, and a broken institution file fails the run by name."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from careermitra.domain.errors import ContentError
from careermitra.site.build import site_build_for
from careermitra.site.builder.shards import Shard, plan_shards
from careermitra.site.builder.state import S3Store, read_whole
from tests.support.full_build import FullBuildStack, full_build_stack


def local_full_build(stack: FullBuildStack, output: Path) -> dict[str, bytes]:
    """What `make build`'s builder writes for the same content, in its process pool."""
    build = site_build_for(str(stack.source / "pelicanconf.py"), {"PATH": str(stack.source / "content")})
    build.full(output)
    return {str(path.relative_to(output)): path.read_bytes() for path in output.rglob("*") if path.is_file()}


def search_index_shape(files: dict[str, bytes]) -> tuple[Counter[str], dict[str, int]]:
    """Pagefind's files with their digests left out, and how many pages it indexed per language."""
    names = Counter(re.sub(r"_[0-9a-f]{7,}", "_", path) for path in files if path.startswith("pagefind/"))
    entry = json.loads(files["pagefind/pagefind-entry.json"])
    return names, {language: meta["page_count"] for language, meta in entry["languages"].items()}


def test_plan_shards_and_finish_fill_the_bucket_with_what_a_local_full_build_writes(
        aws: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given the fixture site's content in the build-state bucket (none in the functions' package), its approved
    # reviews in DynamoDB, an empty site bucket
    stack = full_build_stack(tmp_path, monkeypatch, shard_size=2)
    assert not (stack.root / "content/institutions").exists()
    # When the state machine's steps run: plan, each shard of the manifest, finish
    report = stack.run()
    # Then the bucket holds exactly the files a local full build writes, byte for byte
    bucket = stack.bucket()
    local = local_full_build(stack, tmp_path / "local")
    assert report["institutions"] == 3
    pages = {path for path in local if not path.startswith("pagefind/")}
    assert {path for path in bucket if not path.startswith("pagefind/")} == pages
    assert sorted(path for path in pages if bucket[path] != local[path]) == []
    # Pagefind's output differs from run to run (its files are named by digests of content it orders as it
    # likes): the same files, one per language and kind, indexing the same pages.
    assert search_index_shape(bucket) == search_index_shape(local)
    assert {"institutions/alpha-college/index.html", "hi/institutions/alpha-college/index.html",
            "cities/pune/index.html", "hi/cities/pune/index.html", "sitemap.xml", "pagefind/pagefind.js"} <= set(bucket)
    # And the rebuild finds the site index in the private build state, with every institution's card
    index = read_whole(S3Store(stack.s3, "build-state"))
    assert sorted(index.cards) == ["alpha-college", "beta-university", "gamma-classes"]


def test_the_plan_writes_contiguous_shards_of_sorted_slugs_to_the_private_build_state(
        aws: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stack = full_build_stack(tmp_path, monkeypatch, shard_size=2)
    plan = stack.invoke("plan", {"build": "run-7"})
    assert plan["manifest"] == {"Bucket": "build-state", "Key": "full-builds/run-7/manifest.json"}
    manifest = json.loads(stack.s3.get_object(Bucket="build-state", Key=plan["manifest"]["Key"])["Body"].read())
    assert manifest == [{"shard": 0, "first": "alpha-college", "last": "beta-university", "count": 2},
                        {"shard": 1, "first": "gamma-classes", "last": "gamma-classes", "count": 1}]
    assert plan["shards"] == 2 and stack.bucket() == {}


def test_a_shard_with_a_broken_institution_file_fails_naming_the_file_and_the_field_and_uploads_nothing(
        aws: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Given an editor's typo in one institution of the first shard, published to the content the functions read
    stack = full_build_stack(tmp_path, monkeypatch, shard_size=2)
    broken = stack.source / "content/institutions/beta-university.md"
    text = broken.read_text(encoding="utf-8")
    broken.write_text(text.replace("established: ", "established: 2090 #", 1), encoding="utf-8")
    assert stack.publish_content().uploaded == 1
    # When the run reaches that shard
    with pytest.raises(ContentError) as failure:
        stack.run()
    # Then it fails (the Distributed Map tolerates no failed shard) with the file and the field named
    assert "content/institutions/beta-university.md" in str(failure.value)
    assert "established" in str(failure.value)
    # And that shard put none of its pages in the bucket, so nothing of the broken build is half published
    assert not [key for key in stack.bucket() if "alpha-college" in key or "beta-university" in key]


def test_a_shard_run_again_uploads_nothing(aws: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The state machine retries a shard after a transient Lambda error: the retry must not publish twice
    stack = full_build_stack(tmp_path, monkeypatch, shard_size=3)
    stack.run()
    item = {"shard": 0, "first": "alpha-college", "last": "gamma-classes", "count": 3}
    assert stack.invoke("shard", {"build": "run-1", "shard": item})["uploaded"] == 0


def test_a_request_with_a_bad_build_name_is_refused_before_any_work(
        aws: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stack = full_build_stack(tmp_path, monkeypatch)
    with pytest.raises(ValueError, match="build"):
        stack.invoke("plan", {"build": "../site"})
    assert stack.s3.list_objects_v2(Bucket="build-state", Prefix="full-builds/").get("KeyCount") == 0


def test_shards_cover_every_slug_once_in_sorted_contiguous_ranges() -> None:
    slugs = ["e", "a", "d", "b", "c"]
    shards = plan_shards(slugs, 2)
    assert shards == [Shard(0, "a", "b", 2), Shard(1, "c", "d", 2), Shard(2, "e", "e", 1)]
    assert all(sum(shard.holds(slug) for shard in shards) == 1 for slug in slugs)
    assert plan_shards([], 2) == []
