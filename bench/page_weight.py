"""What a browser downloads: HTML plus the CSS and JS a page links, and the Pagefind files of one search."""

from __future__ import annotations

import gzip
import json
import re
import statistics
from pathlib import Path
from typing import Any

ASSET = re.compile(r'<(?:link[^>]*\brel="stylesheet"[^>]*\bhref|script[^>]*\bsrc)="(/[^"]+)"')
RESULTS_SHOWN = 30  # theme/static/js/search.js loads the data (one fragment each) of the first 30 results


IMG = re.compile(r"<img\b[^>]*>")
# What CloudFront sends (Compress: true in template.yaml): gzip, or brotli, a little smaller, where accepted.
GZIP_LEVEL = 6


def transfer_size(data: bytes) -> int:
    """Bytes on the wire with gzip, the compression every browser accepts (an upper bound next to brotli)."""
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def page_bytes(output: Path, page: Path) -> dict[str, int]:
    """Bytes of one HTML page and of the same-site stylesheets and scripts it links: as files (`total`) and as
    sent compressed (`transfer`, the weight a Lighthouse budget counts)."""
    html = page.read_text(encoding="utf-8")
    assets = [path for path in sorted({output / url.lstrip("/") for url in ASSET.findall(html)}) if path.is_file()]
    linked = sum(path.stat().st_size for path in assets)
    size = page.stat().st_size
    transfer = transfer_size(page.read_bytes()) + sum(transfer_size(path.read_bytes()) for path in assets)
    return {"html": size, "css_js": linked, "total": size + linked, "transfer": transfer,
            "images_above_fold": above_the_fold_image_bytes(output, html)}


def above_the_fold_image_bytes(output: Path, html: str) -> int:
    """Bytes of the images a page loads at once (those not `loading="lazy"`), counting each at its widest
    srcset candidate: the most a sharp phone or a wide screen fetches."""
    total = 0
    for tag in IMG.findall(html):
        if 'loading="lazy"' in tag:
            continue
        srcset = re.search(r'\bsrcset="([^"]*)"', tag)
        candidates = [part.split()[0] for part in srcset.group(1).split(",")] if srcset else []
        candidates += re.findall(r'\bsrc="([^"]*)"', tag)
        files = [output / url.lstrip("/") for url in candidates]
        sizes = [path.stat().st_size for path in files if path.is_file()]
        total += max(sizes, default=0)
    return total


def institution_pages(output: Path, slug: str) -> list[Path]:
    """The institution's own page and its further pages of reviews (not the write-a-review form)."""
    folder = output / "institutions" / slug
    return sorted(p for p in folder.rglob("index.html") if "write-review" not in p.parts)


def largest_institution_page(output: Path, slug: str) -> dict[str, Any]:
    """The heaviest of an institution's pages, with how many pages it has."""
    pages = institution_pages(output, slug)
    if not pages:
        raise FileNotFoundError(f"no pages for institution {slug!r} in {output}")
    weights = {page: page_bytes(output, page) for page in pages}
    heaviest = max(weights, key=lambda page: weights[page]["total"])
    return {**weights[heaviest], "pages": len(pages), "heaviest": str(heaviest.relative_to(output))}


def pagefind_payload(output: Path, fragments: int = RESULTS_SHOWN) -> dict[str, Any]:
    """An estimate of the bytes one one-word search downloads from output/pagefind.

    Pagefind's files are stored gzipped and served as they are, so file sizes are transfer sizes. A search
    loads pagefind.js, its worker, the language's WASM and pf_meta (names from pagefind-entry.json), then the
    index chunk holding the word (we count the largest chunk, an upper bound for one word: which chunk holds a
    word is only in the binary pf_meta) and one fragment per result shown (RESULTS_SHOWN, each the median
    fragment size). Filter files are loaded only when a filter is chosen and are left out.
    """
    folder = output / "pagefind"
    entry = json.loads((folder / "pagefind-entry.json").read_text(encoding="utf-8"))
    language = next(iter(entry["languages"].values()))
    fixed = [folder / "pagefind.js", folder / "pagefind-worker.js", folder / f"wasm.{language['wasm']}.pagefind",
             folder / f"pagefind.{language['hash']}.pf_meta"]
    fixed_bytes = sum(path.stat().st_size for path in fixed if path.is_file())
    chunks = [path.stat().st_size for path in (folder / "index").glob("*.pf_index")]
    fragment_sizes = [path.stat().st_size for path in (folder / "fragment").glob("*.pf_fragment")]
    chunk = max(chunks, default=0)
    fragment_bytes = int(statistics.median(fragment_sizes)) * min(fragments, len(fragment_sizes)) if fragment_sizes \
        else 0
    return {"total": fixed_bytes + chunk + fragment_bytes, "fixed": fixed_bytes, "index_chunk": chunk,
            "fragments": fragment_bytes, "index_chunks": len(chunks), "pages_indexed": language["page_count"]}


def page_weights(output: Path, manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The pages issue 7 names, measured in one built site."""
    listing = output / "cities" / manifest["largest_city_listing"] / "index.html"
    return {
        "home": page_bytes(output, output / "index.html"),
        "listing": {**page_bytes(output, listing), "page": str(listing.relative_to(output))},
        "institution_20": largest_institution_page(output, manifest["sample_institution"]["slug"]),
        "institution_500": largest_institution_page(output, manifest["heavy_institution"]["slug"]),
        "search": pagefind_payload(output),
    }
