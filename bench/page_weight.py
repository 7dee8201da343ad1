"""What a browser downloads: HTML plus the CSS and JS a page links, and the Pagefind files of one search."""

from __future__ import annotations

import gzip
import json
import re
import statistics
from pathlib import Path
from typing import Any

# The path only: a version query (session.js?v=…) names the same file, which the browser downloads all the same.
ASSET = re.compile(r'<(?:link[^>]*\brel="stylesheet"[^>]*\bhref|script[^>]*\bsrc)="(/[^"?]+)')
# theme/static/js/search.js reads matches in steps (a fragment and a data file each): 30 results, or 75 matches
# when a filter or sort of the rows is chosen; "Look through more matches" reads the next step.
RESULTS_SHOWN = 30
MATCHES_NARROWED = 75


# Scripts a page loads only when it has work for them (session.js loads consent.js while no choice is made, or
# for the beacon after "accept"): not in `total`, reported beside it as `on_demand`.
ON_DEMAND = re.compile(r'\bdata-consent="(/[^"?]+)"')
IMG = re.compile(r"<img\b[^>]*>")
# What CloudFront sends (Compress: true in template.yaml): gzip, or brotli, a little smaller, where accepted.
GZIP_LEVEL = 6


def transfer_size(data: bytes) -> int:
    """Bytes on the wire with gzip, the compression every browser accepts (an upper bound next to brotli)."""
    return len(gzip.compress(data, GZIP_LEVEL, mtime=0))


def page_bytes(output: Path, page: Path) -> dict[str, int]:
    """Bytes of one HTML page and of the same-site stylesheets and scripts it links: as files (`total`) and as
    sent compressed (`transfer`, the weight a Lighthouse budget counts); `on_demand`, the scripts it loads only
    when needed (consent.js: a first visit, or after "accept")."""
    html = page.read_text(encoding="utf-8")
    assets = [path for path in sorted({output / url.lstrip("/") for url in ASSET.findall(html)}) if path.is_file()]
    linked = sum(path.stat().st_size for path in assets)
    size = page.stat().st_size
    transfer = transfer_size(page.read_bytes()) + sum(transfer_size(path.read_bytes()) for path in assets)
    on_demand = [output / url.lstrip("/") for url in set(ON_DEMAND.findall(html))]
    return {"html": size, "css_js": linked, "total": size + linked, "transfer": transfer,
            "on_demand": sum(path.stat().st_size for path in on_demand if path.is_file()),
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


LISTING_FOLDERS = ("cities", "states", "types", "courses")


def gzipped(data: bytes) -> int:
    """Bytes on the wire: CloudFront compresses JSON and JavaScript (gzip, level 6)."""
    return len(gzip.compress(data, compresslevel=6, mtime=0))


def listing_data_sizes(output: Path) -> dict[str, Any]:
    """The data files of the listings (the filters' rows): the largest file and the median, as stored and
    gzipped, and the most one filtered listing downloads: its data.json, plus for a big listing split into parts
    (a manifest) the largest part a filter loads."""
    files = [path for folder in LISTING_FOLDERS for path in (output / folder).glob("*/data.json")]
    if not files:
        return {"files": 0}
    parts = [path for folder in LISTING_FOLDERS for path in (output / folder).glob("*/data/*.json")]
    sizes = {path: path.stat().st_size for path in [*files, *parts]}
    largest = max(sizes, key=lambda path: sizes[path])
    downloads = {}
    for manifest in files:
        own = sorted((manifest.parent / "data").glob("*.json"))
        biggest = max(own, key=lambda path: path.stat().st_size) if own else None
        downloads[manifest] = gzipped(manifest.read_bytes()) + (gzipped(biggest.read_bytes()) if biggest else 0)
    heaviest = max(downloads, key=lambda path: downloads[path])
    return {"files": len(files), "parts": len(parts), "largest": str(largest.relative_to(output)),
            "largest_bytes": sizes[largest], "largest_gzip": gzipped(largest.read_bytes()),
            "median_bytes": int(statistics.median(sizes[path] for path in files)),
            "largest_download": str(heaviest.parent.relative_to(output)), "largest_download_gzip": downloads[heaviest]}


def search_payload(output: Path, results: int = MATCHES_NARROWED) -> dict[str, Any]:
    """The bytes one search downloads, all of it: Pagefind (pagefind_payload), the search page's scripts, the
    names index typos are corrected against, and the data file of each match read (the median one), gzipped; by
    default a filtered search's first step, the larger one."""
    pagefind = pagefind_payload(output, results)
    page = (output / "search" / "index.html").read_text(encoding="utf-8")
    scripts = sum(gzipped((output / url.lstrip("/")).read_bytes()) for url in ASSET.findall(page)
                  if url.endswith(".js") and (output / url.lstrip("/")).is_file())
    names = output / "search" / "names.json"
    names_bytes = gzipped(names.read_bytes()) if names.is_file() else 0
    rows = sorted((output / "institutions").glob("*/data.json"))
    step = max(1, len(rows) // 200)  # a spread of two hundred institutions is enough for the median
    row_bytes = int(statistics.median(gzipped(path.read_bytes()) for path in rows[::step])) * results if rows else 0
    return {"total": pagefind["total"] + scripts + names_bytes + row_bytes, "pagefind": pagefind["total"],
            "pagefind_parts": {key: pagefind[key] for key in ("fixed", "index_chunk", "fragments", "index_chunks")},
            "scripts": scripts, "names_index": names_bytes, "result_rows": row_bytes,
            "pages_indexed": pagefind["pages_indexed"]}


def page_weights(output: Path, manifest: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The pages issue 7 names, measured in one built site."""
    listing = output / "cities" / manifest["largest_city_listing"] / "index.html"
    hindi = output / "hi" / "institutions" / manifest["sample_institution"]["slug"] / "index.html"
    return {
        "home": page_bytes(output, output / "index.html"),
        "listing": {**page_bytes(output, listing), "page": str(listing.relative_to(output))},
        "institution_20": largest_institution_page(output, manifest["sample_institution"]["slug"]),
        # The same page in Hindi (issue 16), heavier: Devanagari is 3 bytes a character in UTF-8.
        **({"institution_20_hi": page_bytes(output, hindi)} if hindi.is_file() else {}),
        "institution_500": largest_institution_page(output, manifest["heavy_institution"]["slug"]),
        "search": pagefind_payload(output),
        "search_all": search_payload(output),
        "listing_data": listing_data_sizes(output),
    }


# What people type: a family, a place by another name, a Hindi name, a typo, a name, a filtered course search.
SEARCH_QUERIES = ("engineering", "medical", "Bangalore", "पुणे", "Decan", "university",
                  "engineering?course=b-tech&max_fee=150000&sort=fees")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def browser_search_bytes(output: Path, queries: tuple[str, ...] = SEARCH_QUERIES) -> dict[str, Any]:
    """What Chromium really downloads for each search on the built site, the search page itself left out.

    Each query runs in a fresh browser context (nothing cached) on a loopback server of `output`; every response
    after the page's HTML and stylesheet counts: Pagefind's files as stored (already gzipped), ours gzipped as
    CloudFront serves them. Needs Chromium (/usr/bin/chromium, or CHROMIUM=...).
    """
    import os
    import threading
    from urllib.parse import quote

    from playwright.sync_api import sync_playwright

    from careermitra.local.serve import make_server

    server = make_server(output)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    origin = f"http://127.0.0.1:{server.server_address[1]}"
    found: dict[str, Any] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                                 args=CHROMIUM_ARGS)
            for query in queries:
                words, _, rest = query.partition("?")
                context = browser.new_context()
                page = context.new_page()
                sizes: list[int] = []

                def counted(response: Any, sizes: list[int] = sizes) -> None:
                    path = response.url.split("?")[0]
                    if path.endswith((".html", "/", ".css")) or response.status != 200:
                        return
                    body = response.body()
                    sizes.append(len(body) if "/pagefind/" in path and not path.endswith(".js") else gzipped(body))

                page.on("response", counted)
                page.goto(f"{origin}/search/?q={quote(words)}" + (f"&{rest}" if rest else ""))
                page.wait_for_function("() => /found|match/.test(document.getElementById('search-status')"
                                       ".textContent)", timeout=30_000)
                page.wait_for_load_state("networkidle")
                found[query] = {"bytes": sum(sizes), "requests": len(sizes),
                                "status": page.locator("#search-status").inner_text()}
                context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
    return {"queries": found, "largest": max(item["bytes"] for item in found.values()) if found else 0}
