"""Which institutions exist: the slugs are the file names under content/institutions; for the trust routes, the
name and the mail domains are read from one file's front matter when asked (the build has checked them)."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any, Protocol


class Catalogue(Protocol):
    def exists(self, slug: str) -> bool: ...
    def email_domains(self, slug: str) -> list[str]: ...
    def name(self, slug: str) -> str: ...


class InstitutionCatalogue:
    """The published institutions' slugs, listed once per process from the folder packaged with the function."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder
        self._facts: dict[str, dict[str, Any]] = {}

    @cached_property
    def paths(self) -> dict[str, Path]:
        return {path.stem: path for path in self._folder.rglob("*.md")}

    @cached_property
    def slugs(self) -> frozenset[str]:
        return frozenset(self.paths)

    def exists(self, slug: str) -> bool:
        return slug in self.slugs

    def _front_matter(self, slug: str) -> dict[str, Any]:
        if slug not in self._facts:
            import yaml  # only the trust routes read front matter: the other routes' cold start goes without YAML

            text = self.paths[slug].read_text(encoding="utf-8") if slug in self.paths else ""
            _, _, rest = text.partition("---\n")
            head, _, _ = rest.partition("\n---")
            loaded = yaml.load(head, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) if head else None
            self._facts[slug] = loaded if isinstance(loaded, dict) else {}
        return self._facts[slug]

    def email_domains(self, slug: str) -> list[str]:
        """The institution's own mail domains (`email_domains` in its front matter); [] when it has none."""
        domains = self._front_matter(slug).get("email_domains") or []
        return [str(domain) for domain in domains]

    def name(self, slug: str) -> str:
        return str(self._front_matter(slug).get("name") or slug)
