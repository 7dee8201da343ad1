"""Which institutions exist: the slugs are the file names under content/institutions, nothing more is read."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Protocol


class Catalogue(Protocol):
    def exists(self, slug: str) -> bool: ...


class InstitutionCatalogue:
    """The published institutions' slugs, listed once per process from the folder packaged with the function."""

    def __init__(self, folder: Path) -> None:
        self._folder = folder

    @cached_property
    def slugs(self) -> frozenset[str]:
        return frozenset(path.stem for path in self._folder.rglob("*.md"))

    def exists(self, slug: str) -> bool:
        return slug in self.slugs
