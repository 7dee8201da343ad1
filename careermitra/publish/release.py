"""`make publish`: the production build, and with a stack, its upload: changed files, removals, invalidation.

With `--stack NAME` (or CAREERMITRA_STACK) and AWS credentials, the approved reviews are first exported from
DynamoDB (the source of truth), so the published site shows every review moderators have approved.
Without a stack it only builds into the output folder.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def stack_outputs(stack: str) -> dict[str, str]:
    import boto3

    outputs = boto3.client("cloudformation").describe_stacks(StackName=stack)["Stacks"][0].get("Outputs", [])
    return {item["OutputKey"]: item["OutputValue"] for item in outputs}


def release(settings_file: Path, output: Path, stack: str | None) -> int:
    from pelican.settings import get_settings_from_file

    from careermitra.site.build import build

    plugin = dict(get_settings_from_file(str(settings_file))["CAREERMITRA"])
    overrides: dict[str, object] = {"OUTPUT_PATH": str(output)}
    with tempfile.TemporaryDirectory(prefix="careermitra-reviews-") as reviews_dir:
        outputs: dict[str, str] = {}
        if stack:
            from careermitra.rebuild.export import write_reviews
            from careermitra.store.published_reviews import DynamoApprovedReviews

            outputs = stack_outputs(stack)
            approved = DynamoApprovedReviews(outputs["ReviewsTableName"]).all_approved()
            for slug, reviews in approved.items():
                write_reviews(Path(reviews_dir), slug, reviews)
            plugin["reviews_path"] = reviews_dir
            print(f"Exported {sum(map(len, approved.values()))} approved reviews from {outputs['ReviewsTableName']}")
        started = time.perf_counter()
        build(str(settings_file), {**overrides, "CAREERMITRA": plugin})
        print(f"Built {output} in {time.perf_counter() - started:.1f} s")
    if not stack:
        print("No stack given (--stack or CAREERMITRA_STACK): nothing uploaded.")
        return 0
    import boto3

    from careermitra.publish.cdn import CloudFrontCdn
    from careermitra.publish.sync import sync_site
    from careermitra.publish.targets import S3Target

    report = sync_site(output, S3Target(boto3.client("s3"), outputs["SiteBucketName"]),
                       CloudFrontCdn(boto3.client("cloudfront"), outputs["DistributionId"]))
    print(f"Uploaded {len(report.uploaded)} files, removed {len(report.removed)}, "
          f"invalidated {len(report.invalidated)} paths")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--settings", type=Path, default=ROOT / "publishconf.py")
    parser.add_argument("--output", type=Path, default=ROOT / "output")
    parser.add_argument("--stack", default=os.environ.get("CAREERMITRA_STACK"))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    return release(args.settings, args.output, args.stack)


if __name__ == "__main__":
    sys.exit(main())
