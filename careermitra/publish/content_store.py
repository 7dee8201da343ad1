"""The editors' content in the private build-state bucket, so the functions that build pages need not carry it.

At about 80,000 institutions their Markdown alone passes Lambda's 250 MB unzipped package (issue 17): the rebuild
and the full build's functions therefore get `content/` from `BuildStateBucket`, which `careermitra publish`
(`make publish`) fills. Layout, under CONTENT_PREFIX (`content/`):

- `index.json`: the format, the SHA-256 of every shared file (everything outside the institutions and reviews
  folders: editorial pages, data), and the institution parts with the first and last slug of each;
- `institutions/<sha256>.json`: one part, up to PART_SIZE institutions of a contiguous slug range, each with its
  Markdown file's path and the files it needs (that file and the photos and logo it names) by SHA-256;
- `blobs/<sha256>`: a file's bytes, named by their digest.

Blobs and parts are named by their content, so they never change: a reader caches them for the container's
life, and a publish swaps the whole content at once by writing `index.json` last (what it no longer names is
deleted after). An approval's rebuild reads the index, the parts of its institutions and only the blobs it does
not have yet; a shard of the full build reads the parts of its slug range; the plan reads every part.

One interface for the builder, `ContentSource`: `FolderContent`, the content folder itself (`make build`,
`make dev`, the local stack, tests with a folder target), and `StoredContent`, a mirror in Lambda's /tmp of the
files read from a store (the bucket in AWS; any `Store`, so tests run it over moto or a folder).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import posixpath
import shutil
from bisect import bisect_right
from collections.abc import Collection, Iterable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from careermitra.domain.errors import ContentError
from careermitra.publish.state import BuildState
from careermitra.site.builder.content import institution_files, raise_all, split_front_matter

logger = logging.getLogger(__name__)

CONTENT_PREFIX = "content/"
CONTENT_FORMAT = 1
PART_SIZE = 2_000  # institutions per part: the full build's shard size, so a shard reads one or two parts
WORKERS = 16  # requests in flight when reading or writing many blobs (S3 serves each in tens of milliseconds)


class NoStoredContent(RuntimeError):
    """The store holds no content: `make publish` has not written it yet."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class InstitutionFiles:
    """What the builder reads of one institution: its Markdown file and the images it names."""

    source: str  # the Markdown file, relative to the institutions folder (as the build state records it)
    files: dict[str, str]  # path relative to the content folder -> SHA-256

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "files": self.files}

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> InstitutionFiles:
        return cls(str(raw["source"]), {str(path): str(digest) for path, digest in raw["files"].items()})


@dataclass(frozen=True)
class ContentManifest:
    """Every file the builder reads, by SHA-256: the shared ones and each institution's."""

    institutions_path: str
    shared: dict[str, str]
    institutions: dict[str, InstitutionFiles]

    def digests(self) -> set[str]:
        return {*self.shared.values(), *(d for item in self.institutions.values() for d in item.files.values())}


@dataclass(frozen=True)
class Part:
    """Where one part of the manifest is, and which slugs it holds."""

    key: str
    first: str
    last: str


@dataclass(frozen=True)
class ContentIndex:
    institutions_path: str
    shared: dict[str, str]
    parts: tuple[Part, ...]

    def to_bytes(self) -> bytes:
        return _dumps({"format": CONTENT_FORMAT, "institutions_path": self.institutions_path, "shared": self.shared,
                       "parts": [[part.key, part.first, part.last] for part in self.parts]})

    @classmethod
    def from_bytes(cls, data: bytes) -> ContentIndex:
        raw = json.loads(data)
        if raw.get("format") != CONTENT_FORMAT:
            raise NoStoredContent(f"the stored content is of format {raw.get('format')}, not {CONTENT_FORMAT}: "
                                  "run make publish to write it again")
        return cls(str(raw["institutions_path"]), dict(raw["shared"]),
                   tuple(Part(key, first, last) for key, first, last in raw["parts"]))

    def parts_for(self, first: str, last: str) -> list[Part]:
        """The parts that may hold slugs from `first` to `last`."""
        return [part for part in self.parts if part.first <= last and part.last >= first]

    def part_of(self, slug: str) -> Part | None:
        position = bisect_right([part.first for part in self.parts], slug) - 1
        if position < 0 or self.parts[position].last < slug:
            return None
        return self.parts[position]


def _dumps(data: object) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


# --- the writer: `careermitra publish` -------------------------------------------------------------------------
def folder_manifest(content: Path, institutions_path: str, skip: Collection[str] = (),
                    previous: ContentManifest | None = None) -> tuple[ContentManifest, dict[str, Path]]:
    """The manifest of a content folder (leaving out the folders `skip`, such as the reviews: DynamoDB holds
    them) and each file by path. The images an institution names are read from its front matter, only for the
    files that changed since `previous` (a national directory has a million of them)."""
    files: dict[str, Path] = {}
    digests: dict[str, str] = {}
    skipped = tuple(f"{folder.strip('/')}/" for folder in skip)
    for path in sorted(content.rglob("*")):
        name = path.relative_to(content).as_posix()
        if path.is_file() and not name.startswith(skipped) and not path.name.startswith("."):
            files[name] = path
            digests[name] = sha256(path.read_bytes())
    institutions_dir = content / institutions_path
    sources, errors = institution_files(institutions_dir) if institutions_dir.is_dir() else ({}, [])
    raise_all(errors)  # the checks a build makes: a misnamed file or a duplicate slug is refused here too
    prefix = f"{institutions_path.strip('/')}/"
    institutions: dict[str, InstitutionFiles] = {}
    for slug, path in sources.items():
        source = path.relative_to(institutions_dir).as_posix()
        markdown = prefix + source
        known = previous.institutions.get(slug) if previous else None
        if known is not None and known.source == source and known.files.get(markdown) == digests[markdown]:
            images = [name for name in known.files if name != markdown]
        else:
            images = _named_images(path, markdown)
        institutions[slug] = InstitutionFiles(source, {name: digests[name] for name in [markdown, *images]
                                                       if name in digests})
    shared = {name: digest for name, digest in digests.items() if not name.startswith(prefix)}
    return ContentManifest(institutions_path, shared, institutions), files


def _named_images(path: Path, markdown: str) -> list[str]:
    """The photos and logo an institution file names, as paths relative to the content folder."""
    try:
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
    except (ContentError, UnicodeDecodeError):
        return []  # the build refuses the file, naming it; the content store just carries it
    named = [meta.get("logo"), *(meta.get("photos") or [])]
    folder = posixpath.dirname(markdown)
    return sorted({posixpath.normpath(posixpath.join(folder, item["file"])) for item in named
                   if isinstance(item, dict) and isinstance(item.get("file"), str)})


@dataclass(frozen=True)
class ContentReport:
    uploaded: int  # files whose bytes were not in the store yet
    removed: int  # files no longer named by the content
    parts_written: int


class ContentStore:
    """The content layout (module docstring) over a build-state store: the bucket in AWS, a folder in tests."""

    def __init__(self, store: BuildState, prefix: str = CONTENT_PREFIX, workers: int = WORKERS,
                 part_size: int = PART_SIZE) -> None:
        self.store = store
        self.prefix = prefix
        self.workers = workers
        self.part_size = part_size

    def blob_key(self, digest: str) -> str:
        return f"{self.prefix}blobs/{digest}"

    @property
    def index_key(self) -> str:
        return f"{self.prefix}index.json"

    def index(self) -> ContentIndex:
        data = self.store.read(self.index_key)
        if data is None:
            raise NoStoredContent(f"no {self.index_key} in the build state: run make publish to write the content")
        return ContentIndex.from_bytes(data)

    def part(self, part: Part) -> dict[str, InstitutionFiles]:
        data = self.store.read(part.key)
        if data is None:
            raise NoStoredContent(f"{part.key} is missing from the build state: run make publish again")
        return {slug: InstitutionFiles.from_json(raw) for slug, raw in json.loads(data).items()}

    def blob(self, digest: str) -> bytes:
        data = self.store.read(self.blob_key(digest))
        if data is None or sha256(data) != digest:
            raise NoStoredContent(f"{self.blob_key(digest)} is missing or damaged: run make publish again")
        return data

    def manifest(self) -> ContentManifest | None:
        """Everything the store holds now, or None when it holds no content (or content of another format)."""
        try:
            index = self.index()
        except NoStoredContent:
            return None
        institutions: dict[str, InstitutionFiles] = {}
        for part in index.parts:
            institutions.update(self.part(part))
        return ContentManifest(index.institutions_path, index.shared, institutions)

    def publish(self, content: Path, institutions_path: str, skip: Collection[str] = ()) -> ContentReport:
        """Make the store hold exactly this content folder: only new bytes uploaded, what is gone deleted."""
        previous = self.manifest()
        manifest, files = folder_manifest(content, institutions_path, skip, previous)
        stored = previous.digests() if previous else set()
        missing = {digest: path for digest, path in _paths_by_digest(manifest, files).items() if digest not in stored}
        self._each(lambda item: self.store.write(self.blob_key(item[0]), item[1].read_bytes()), missing.items())
        before = self.index().parts if previous else ()
        old_parts = {part.key for part in before}
        parts, written = self._write_parts(manifest, before)
        # The index last: until it is written every reader sees the old content whole, and then the new.
        self.store.write(self.index_key, ContentIndex(institutions_path, manifest.shared, parts).to_bytes())
        gone = sorted(stored - manifest.digests())
        self._each(lambda digest: self.store.delete(self.blob_key(digest)), gone)
        for key in sorted(old_parts - {part.key for part in parts}):
            self.store.delete(key)
        logger.info("Published the content: %d files uploaded, %d removed, %d parts written", len(missing),
                    len(gone), written)
        return ContentReport(len(missing), len(gone), written)

    def _write_parts(self, manifest: ContentManifest, before: tuple[Part, ...]) -> tuple[tuple[Part, ...], int]:
        existing = {part.key for part in before}
        parts: list[Part] = []
        written = 0
        for chunk in part_slugs(sorted(manifest.institutions), before, self.part_size):
            data = _dumps({slug: manifest.institutions[slug].to_json() for slug in chunk})
            key = f"{self.prefix}institutions/{sha256(data)}.json"
            if key not in existing:
                self.store.write(key, data)
                written += 1
            parts.append(Part(key, chunk[0], chunk[-1]))
        return tuple(parts), written

    def _each(self, work: Any, items: Iterable[Any]) -> None:
        with ThreadPoolExecutor(self.workers) as pool:
            list(pool.map(work, items))


def part_slugs(slugs: list[str], before: tuple[Part, ...], size: int) -> list[list[str]]:
    """Sorted slugs cut into parts of about `size`, within the bounds of the parts `before` where there are any,
    so an institution added or removed rewrites one part (and the rebuilds' cached parts stay good), not every
    part after it; a part grown past twice the size is cut again."""
    if not before:
        return [slugs[start : start + size] for start in range(0, len(slugs), size)]
    bounds = [part.first for part in before[1:]]
    groups: list[list[str]] = [[] for _ in before]
    for slug in slugs:
        groups[bisect_right(bounds, slug)].append(slug)
    cut: list[list[str]] = []
    for group in groups:
        step = size if len(group) > 2 * size else max(len(group), 1)
        cut += [group[start : start + step] for start in range(0, len(group), step)]
    return cut


def _paths_by_digest(manifest: ContentManifest, files: Mapping[str, Path]) -> dict[str, Path]:
    """One file for each digest the manifest names (a photo two institutions share is one blob)."""
    named = {**manifest.shared, **{p: d for item in manifest.institutions.values() for p, d in item.files.items()}}
    return {digest: files[path] for path, digest in sorted(named.items())}


# --- the readers: the builder's content folder ----------------------------------------------------------------
class ContentSource(Protocol):
    """The content folder a build reads (`folder`), with what a step needs in it made present first."""

    @property
    def folder(self) -> Path:
        """The folder the builder is given as its content (Pelican's PATH)."""

    def prepare_shared(self) -> None:
        """The files every build reads: editorial pages, data."""

    def prepare_institutions(self, slugs: Collection[str]) -> None:
        """These institutions' files as the content has them now (one that is gone, gone from the folder too)."""

    def prepare_range(self, first: str, last: str) -> None:
        """The files of every institution whose slug sorts from `first` to `last` (a full build's shard)."""

    def institution_slugs(self) -> list[str]:
        """Every institution of the content, sorted."""


class FolderContent:
    """The content folder itself (locally): everything is present already."""

    def __init__(self, folder: Path, institutions_path: str = "institutions") -> None:
        self._folder = folder
        self.institutions_path = institutions_path

    @property
    def folder(self) -> Path:
        return self._folder

    def prepare_shared(self) -> None:
        pass

    def prepare_institutions(self, slugs: Collection[str]) -> None:
        pass

    def prepare_range(self, first: str, last: str) -> None:
        pass

    def institution_slugs(self) -> list[str]:
        files, errors = institution_files(self._folder / self.institutions_path)
        raise_all(errors)
        return sorted(files)


class StoredContent:
    """A mirror of the stored content in a local folder (Lambda's /tmp), filled with only what a step reads.

    Files are kept for the container's life and read again only when their digest changes, so a warm rebuild
    reads the index, one part per institution (parts are cached too) and nothing else when nothing changed.
    """

    MAX_CACHED_PARTS = 64  # parts of about 0.3 MB each kept in memory at most
    # Lambda's /tmp is 512 MB unless the function asks for more: past this many bytes of files (about 90,000
    # institutions without photos) a warm rebuild's mirror forgets its institutions and reads them again.
    MAX_INSTITUTION_BYTES = 256 * 1024 * 1024

    def __init__(self, store: ContentStore, folder: Path) -> None:
        self.store = store
        self._folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._have: dict[str, str] = {}  # path -> digest of what the mirror holds
        self._bytes = 0  # of the institutions' files the mirror holds
        self._owned: dict[str, set[str]] = {}  # slug -> the paths mirrored for it
        self._parts: dict[str, dict[str, InstitutionFiles]] = {}
        self._index: ContentIndex | None = None

    @property
    def folder(self) -> Path:
        return self._folder

    def _fresh_index(self) -> ContentIndex:
        self._index = self.store.index()
        return self._index

    def prepare_shared(self) -> None:
        index = self._fresh_index()
        shared = set(index.shared)
        prefix = f"{index.institutions_path.strip('/')}/"
        for path in [path for path in self._have if not path.startswith(prefix) and path not in shared]:
            self._drop(path)
        self._sync(index.shared)

    def prepare_institutions(self, slugs: Collection[str]) -> None:
        before = self._index
        index = self._fresh_index()
        if before is None or before.shared != index.shared:
            self.prepare_shared()
        if self._bytes > self.MAX_INSTITUTION_BYTES:
            self._forget_institutions()
        wanted: dict[str, str] = {}
        for slug in sorted(slugs):
            part = index.part_of(slug)
            wanted.update(self._own(slug, self._part(part).get(slug) if part else None))
        self._sync(wanted)

    def prepare_range(self, first: str, last: str) -> None:
        if self._index is None:
            self.prepare_shared()
        index = self._fresh_index()
        items = {slug: item for part in index.parts_for(first, last) for slug, item in self._part(part).items()
                 if first <= slug <= last}
        wanted: dict[str, str] = {}
        # What a warm container read for an earlier shard goes (a container may render 75 shards of a national
        # build: their files would fill its /tmp), and so does an institution the content no longer has.
        for slug in sorted(items.keys() | set(self._owned)):
            wanted.update(self._own(slug, items.get(slug)))
        self._sync(wanted)

    def institution_slugs(self) -> list[str]:
        index = self._fresh_index()
        return sorted(slug for part in index.parts for slug in self._part(part))

    def _own(self, slug: str, item: InstitutionFiles | None) -> dict[str, str]:
        """The files the mirror must hold for this institution; what it held of it and no longer must is
        removed (the institution, or one of its images, left the content since a warm container read it)."""
        files = dict(item.files) if item else {}
        for path in self._owned.pop(slug, set()) - set(files):
            self._drop(path)
        if files:
            self._owned[slug] = set(files)
        return files

    def _forget_institutions(self) -> None:
        for paths in self._owned.values():
            for path in paths:
                self._drop(path)
        self._owned.clear()
        self._bytes = 0

    def _part(self, part: Part) -> dict[str, InstitutionFiles]:
        if part.key not in self._parts:
            if len(self._parts) >= self.MAX_CACHED_PARTS:
                self._parts.clear()
            self._parts[part.key] = self.store.part(part)
        return self._parts[part.key]

    def _sync(self, files: Mapping[str, str]) -> None:
        """Write the files whose digest the mirror does not hold yet, read in parallel."""
        stale = sorted(path for path, digest in files.items() if self._have.get(path) != digest)
        digests = sorted({files[path] for path in stale})
        with ThreadPoolExecutor(self.store.workers) as pool:
            data = dict(zip(digests, pool.map(self.store.blob, digests), strict=True))
        for path in stale:
            target = self._folder / path
            target.parent.mkdir(parents=True, exist_ok=True)
            temporary = target.with_name(f".content-{target.name}")
            temporary.write_bytes(data[files[path]])
            os.replace(temporary, target)
            self._have[path] = files[path]
            self._bytes += len(data[files[path]])
        if stale:
            logger.info("Read %d content files from the build state", len(stale))

    def _drop(self, path: str) -> None:
        (self._folder / path).unlink(missing_ok=True)
        self._have.pop(path, None)


def stored_content(store: BuildState, work: Path, prefix: str = CONTENT_PREFIX) -> StoredContent:
    """The stored content mirrored into `work`/careermitra-content (emptied first: a new container starts from
    nothing)."""
    folder = work / "careermitra-content"
    shutil.rmtree(folder, ignore_errors=True)
    return StoredContent(ContentStore(store, prefix), folder)
