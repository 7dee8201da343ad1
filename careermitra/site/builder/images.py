"""Institution photos and logos: resized WebP variants, named by the digest of their source.

A variant's URL carries a digest of the source file and of the encoding recipe, so a page can name its images
without encoding anything (an incremental build and the rebuild render the same `<img>` as a full build), and a
changed photo gets new URLs (no stale copy in a browser or CloudFront). Encoded variants are kept in a cache
folder outside the output, so a full build re-encodes only the images whose source changed.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from careermitra.domain.facts import Image

# Widths written for a photo and for a logo, in CSS pixels and their double for sharp screens.
PHOTO_WIDTHS = (360, 720, 1080)
LOGO_WIDTHS = (64, 128)
PHOTO_SIZES = "(min-width: 42rem) 40rem, calc(100vw - 2rem)"
LOGO_SIZES = "64px"
WEBP_QUALITY = 70
_ROTATED = (5, 6, 7, 8)  # EXIF orientations that swap width and height
_SVG_SIZE = re.compile(rb'<svg\b[^>]*?\bwidth="(\d+)"[^>]*?\bheight="(\d+)"', re.S)


@dataclass(frozen=True)
class Variant:
    """One file the build writes for an image."""

    url: str
    width: int
    height: int
    digest: str

    @property
    def cache_name(self) -> str:
        return f"{self.digest}-{self.width}{Path(self.url).suffix}"


@dataclass(frozen=True)
class Picture:
    """An image as a page shows it: alt text, its variants (narrowest first), and the `sizes` it is laid out at."""

    source: Path
    alt: str
    variants: tuple[Variant, ...]
    sizes: str

    @property
    def src(self) -> Variant:
        """The fallback `src`: the narrowest variant (browsers that read srcset pick a better one)."""
        return self.variants[0]

    @property
    def srcset(self) -> str:
        return ", ".join(f"{variant.url} {variant.width}w" for variant in self.variants)

    @property
    def is_vector(self) -> bool:
        return self.source.suffix.lower() == ".svg"


@dataclass(frozen=True)
class Pictures:
    """An institution's logo and photos, ready for its page."""

    logo: Picture | None = None
    photos: tuple[Picture, ...] = ()

    def __iter__(self) -> Iterator[Picture]:
        if self.logo is not None:
            yield self.logo
        yield from self.photos


def widths_for(source_width: int, wanted: tuple[int, ...]) -> list[int]:
    """The widths to write: each wanted width narrower than the source, and the source's own width as the
    widest (never enlarged)."""
    widths = [width for width in wanted if width < source_width]
    widths.append(min(source_width, wanted[-1]))
    return sorted(set(widths))


# Pillow is imported only when an image is met (about 60 ms): most rebuilds render pages without any.
@cache
def recipe() -> str:
    """Part of every digest: a new quality or Pillow version makes new names, never a mix of old and new bytes."""
    import PIL

    return f"webp q{WEBP_QUALITY} m6 pillow {PIL.__version__}"


def _digest(data: bytes) -> str:
    return hashlib.sha256(recipe().encode() + b"\0" + data).hexdigest()[:12]


def picture_of(image: Image, institution_file: Path, slug: str, kind: str) -> Picture:
    """The variants of a logo (`kind` 'logo') or a photo, computed from the source's header and digest only."""
    source = institution_file.parent / image.file
    data = source.read_bytes()
    digest = _digest(data)
    sizes = LOGO_SIZES if kind == "logo" else PHOTO_SIZES
    if source.suffix.lower() == ".svg":
        found = _SVG_SIZE.search(data)
        width, height = (int(found.group(1)), int(found.group(2))) if found else (64, 64)
        variant = Variant(f"/images/{slug}/{image.slug}.{digest}.svg", width, height, digest)
        return Picture(source, image.alt, (variant,), sizes)
    from PIL import Image as PillowImage

    with PillowImage.open(io.BytesIO(data)) as opened:
        width, height = opened.size
        if opened.getexif().get(0x0112) in _ROTATED:
            width, height = height, width
    variants = tuple(
        Variant(f"/images/{slug}/{image.slug}-{w}.{digest}.webp", w, max(1, round(height * w / width)), digest)
        for w in widths_for(width, LOGO_WIDTHS if kind == "logo" else PHOTO_WIDTHS))
    return Picture(source, image.alt, variants, sizes)


def encode(source: Path, variant: Variant) -> bytes:
    """One WebP variant of a source image (EXIF rotation applied, metadata dropped)."""
    from PIL import Image as PillowImage
    from PIL import ImageOps

    with PillowImage.open(source) as opened:
        upright = ImageOps.exif_transpose(opened)
        mode = "RGBA" if upright.mode in ("RGBA", "LA", "P") and upright.has_transparency_data else "RGB"
        resized = upright.convert(mode).resize((variant.width, variant.height), PillowImage.Resampling.LANCZOS)
        out = io.BytesIO()
        resized.save(out, "WEBP", quality=WEBP_QUALITY, method=6)
        return out.getvalue()


def write_picture(picture: Picture, output: Path, cache: Path) -> int:
    """Write a picture's variants into output (from the cache, encoding only what it lacks); return how many
    were encoded."""
    encoded = 0
    for variant in picture.variants:
        target = output / variant.url.lstrip("/")
        if target.is_file():
            continue
        cached = cache / variant.cache_name
        if not cached.is_file():
            data = picture.source.read_bytes() if picture.is_vector else encode(picture.source, variant)
            cache.mkdir(parents=True, exist_ok=True)
            partial = cached.with_name(f".{cached.name}.{os.getpid()}")
            partial.write_bytes(data)
            partial.replace(cached)  # whole or absent, even with processes encoding side by side
            encoded += 1
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(cached, target)
    return encoded


def pictures_of(logo: Image | None, photos: list[Image], institution_file: Path | None, slug: str) -> Pictures:
    """An institution's pictures; none without its file (images are only ever added beside one)."""
    if institution_file is None:
        return Pictures()
    return Pictures(picture_of(logo, institution_file, slug, "logo") if logo else None,
                    tuple(picture_of(photo, institution_file, slug, "photo") for photo in photos))
