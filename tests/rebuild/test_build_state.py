"""The builder's state (the site index) is never a file of the public site: locally it lives beside the output
folder, in AWS in a bucket of its own that CloudFront cannot reach."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from careermitra.publish.state import FolderState
from careermitra.rebuild.service import RebuildService
from careermitra.rebuild.settings import RebuildSettings
from careermitra.site.build import site_build_for
from careermitra.site.builder.index import state_folder
from careermitra.site.builder.state import META, FolderStore, Meta, card_key, read_whole
from tests.backend.template import resources, template
from tests.support.rebuild import PublishedSite, approve, new_review
from tests.support.site import FIXTURE_SITE, ROOT


def test_a_build_keeps_its_index_beside_the_site_and_reads_it_back(fixture_site: Path) -> None:
    # Given the fixture site built into output/
    files = {str(path.relative_to(fixture_site)) for path in fixture_site.rglob("*")}
    # Then no file of the site is build state, and the index is in _state/output/ beside it
    assert not [path for path in files if "site-index" in path or path.startswith(("_build", "_state"))]
    assert state_folder(fixture_site) == fixture_site.parent / "_state" / fixture_site.name
    index = read_whole(FolderStore.beside(fixture_site))
    assert "alpha-college" in index.cards
    # And the next build finds it there (and so builds incrementally)
    build = site_build_for(str(ROOT / "pelicanconf.py"), {"PATH": str(FIXTURE_SITE),
                                                           "OUTPUT_PATH": str(fixture_site)},
                           {"reviews_per_page": 2, "listing_page_size": 1, "search_index": False})
    assert build.previous_build(fixture_site) == index


def test_a_published_site_has_no_build_state_in_its_public_bucket(published: PublishedSite) -> None:
    # Given the fixture site published as `careermitra publish` does
    keys = set(published.objects())
    # Then the public bucket holds pages, not build state; the private bucket holds the index
    assert "institutions/alpha-college/index.html" in keys
    assert not [key for key in keys if "site-index" in key or key.startswith(("_build/", "_state/"))]
    buckets = Meta.from_bytes(published.state(META) or b"").card_buckets
    assert published.state(card_key("alpha-college", buckets)) is not None


def test_the_local_rebuild_reads_and_writes_the_state_folder_beside_the_site(
        published: PublishedSite, tmp_path: Path) -> None:
    # Given the site built into a local folder, as `make dev` serves it
    output = tmp_path / "output"  # built by the `published` fixture
    before = FolderState.beside(output).read(META)
    assert before is not None
    service = RebuildService(RebuildSettings(reviews_table=published.tables["ReviewsTable"],
                                             site_root=published.root, site_settings="pelicanconf.py",
                                             site_folder=output))
    # When an approval is rebuilt into the folder
    approve(published, "gamma-classes", new_review("fx-g-2", 5, 20))
    report = service.publish({"gamma-classes"})
    # Then the pages changed, the index moved on in _state/, and nothing of it reached the served folder
    assert "institutions/gamma-classes/index.html" in report.uploaded
    after = FolderState.beside(output).read(META)
    assert after is not None and after != before
    assert not [path for path in output.rglob("*") if "site-index" in path.name or path.name in ("_build", "_state")]


def _mentions(value: Any, name: str) -> bool:
    """Whether a template value refers to the resource `name` anywhere (Ref, GetAtt, Sub)."""
    if isinstance(value, dict):
        return any(_mentions(item, name) for item in value.values()) or value.get("Ref") == name
    if isinstance(value, list):
        return any(_mentions(item, name) for item in value)
    return isinstance(value, str) and (value == name or value.startswith(f"{name}.") or f"${{{name}." in value
                                       or f"${{{name}}}" in value)


def test_cloudfront_cannot_reach_the_build_state_bucket() -> None:
    buckets = resources("AWS::S3::Bucket")
    state = buckets["BuildStateBucket"]["Properties"]
    # A private bucket: public access blocked, encrypted with the data key
    assert all(state["PublicAccessBlockConfiguration"].values())
    [encryption] = state["BucketEncryption"]["ServerSideEncryptionConfiguration"]
    assert encryption["ServerSideEncryptionByDefault"]["KMSMasterKeyID"] == {"Fn::GetAtt": ["DataKey", "Arn"]}
    # No origin of any distribution names it, and no origin access control leads there
    for distribution in resources("AWS::CloudFront::Distribution").values():
        assert not _mentions(distribution["Properties"]["DistributionConfig"]["Origins"], "BuildStateBucket")
    # Its policy allows nothing and denies CloudFront everything
    policy = next(p["Properties"] for p in resources("AWS::S3::BucketPolicy").values()
                  if p["Properties"]["Bucket"] == {"Ref": "BuildStateBucket"})
    statements = policy["PolicyDocument"]["Statement"]
    assert all(statement["Effect"] == "Deny" for statement in statements)
    assert any(statement["Principal"] == {"Service": "cloudfront.amazonaws.com"} and statement["Action"] == "s3:*"
               for statement in statements)
    # The site bucket's policy (which does let CloudFront in) does not cover it
    site_policy = next(p["Properties"] for p in resources("AWS::S3::BucketPolicy").values()
                       if p["Properties"]["Bucket"] == {"Ref": "SiteBucket"})
    assert not _mentions(site_policy, "BuildStateBucket")


@pytest.mark.parametrize("variable, resource", [("SITE_BUCKET", "SiteBucket"), ("STATE_BUCKET", "BuildStateBucket")])
def test_the_rebuild_and_publish_find_the_state_bucket(variable: str, resource: str) -> None:
    rebuild = resources("AWS::Serverless::Function")["RebuildFunction"]["Properties"]
    assert rebuild["Environment"]["Variables"][variable] == {"Ref": resource}
    granted = [s for s in rebuild["Policies"][-1]["Statement"] if _mentions(s["Resource"], resource)]
    assert granted, f"the rebuild has no right on {resource}"
    assert template()["Outputs"]["BuildStateBucketName"]["Value"] == {"Ref": "BuildStateBucket"}
