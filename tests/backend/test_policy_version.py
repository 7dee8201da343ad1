"""The privacy policy's version is written in three places; registration fails with 422 if they drift apart."""

from __future__ import annotations

import yaml
from pelican.settings import get_settings_from_file

from tests.backend.template import ROOT, template


def test_the_stack_the_site_and_the_policy_page_name_the_same_policy_version() -> None:
    stack = template()["Parameters"]["PolicyVersion"]["Default"]
    site = get_settings_from_file(str(ROOT / "pelicanconf.py"))["POLICY_VERSION"]
    page = (ROOT / "content" / "pages" / "privacy-policy.md").read_text(encoding="utf-8")
    front_matter = yaml.safe_load(page.split("---", 2)[1])
    assert stack == site == front_matter["version"], (
        f"template.yaml PolicyVersion {stack!r}, pelicanconf.py POLICY_VERSION {site!r}, "
        f"privacy-policy.md version {front_matter['version']!r}: raise all three together")
