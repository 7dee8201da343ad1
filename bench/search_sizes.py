"""The filters' and search's downloads at a national size, without a full build: `make bench` measures the
same in its built site (page_weight.search_payload, listing_data_sizes); this is the quick way to see them.

    .venv/bin/python -m bench.search_sizes --institutions 10000 --reviews 100000

It generates the content (bench.generate), reads every institution into its card as the build does, writes
each listing's and each institution's data file, the names index and the search page, and runs Pagefind over
the search records; then it measures that output.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from bench.generate import generate
from bench.page_weight import browser_search_bytes, listing_data_sizes, search_payload
from careermitra.site.build import site_build_for
from careermitra.site.builder.assemble import machine_files
from careermitra.site.builder.content import institution_files, parse_institution
from careermitra.site.builder.index import SiteIndex
from careermitra.site.builder.listing_data import institution_data_file, listing_data_files
from careermitra.site.builder.model import SiteModel, make_entry
from careermitra.site.builder.pages import search_page
from careermitra.site.builder.reviews_file import read_reviews
from careermitra.site.builder.search import build_search_index
from careermitra.site.builder.search_vocabulary import NAMES_INDEX_PATH

ROOT = Path(__file__).resolve().parents[1]


def measure(institutions: int, reviews: int, seed: int, work: Path) -> dict[str, object]:
    started = time.perf_counter()
    content, output = work / "content", work / "output"
    generate(content, institutions, reviews, seed)
    build = site_build_for(str(ROOT / "pelicanconf.py"), {"PATH": str(content)}, {"search_index": True})
    files, errors = institution_files(content / "institutions")
    assert not errors, errors
    cards = {}
    for slug, path in sorted(files.items()):
        entry = make_entry(parse_institution(path.read_text(encoding="utf-8"), str(path), slug),
                           read_reviews(content / "reviews" / f"{slug}.yaml"))
        cards[slug] = entry.card
    model = SiteModel(cards, (), {})
    written = dict(listing_data_files(model.all_listings()))
    written.update(institution_data_file(card) for card in cards.values())
    index = SiteIndex(cards, (), (), {})
    written[NAMES_INDEX_PATH] = machine_files(model, build.site, index)[NAMES_INDEX_PATH]
    written["search/index.html"] = build.renderer.render(search_page(model))
    for name, text in written.items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text(text, encoding="utf-8")
    for name, data in build.renderer.fingerprinted_files().items():
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_bytes(data)
    build_search_index(output, cards.values(), build.renderer, workers=2)
    return {"institutions": institutions, "reviews": reviews, "seconds": round(time.perf_counter() - started, 1),
            "search": search_payload(output), "listing_data": listing_data_sizes(output),
            "browser": browser_search_bytes(output)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--institutions", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="careermitra-sizes-") as work:
        print(json.dumps(measure(args.institutions, args.reviews, args.seed, Path(work)), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
