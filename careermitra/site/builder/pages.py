"""Which pages the site has and what each is rendered from: plain data, no I/O.

Each function returns PageSpecs; the generator renders and writes them. Keeping this pure is what lets an
incremental build render only the pages one institution touches.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from careermitra.domain.facts import EXAMS
from careermitra.domain.institution import APPROVAL_BODIES, NAAC_GRADES, CourseLevel, InstitutionType
from careermitra.i18n import DEFAULT_LANGUAGE, Language, Msg, localized_path
from careermitra.i18n.names import Name
from careermitra.site.builder import jsonld
from careermitra.site.builder.model import LISTING_KINDS, Card, Entry, Listing, SiteModel
from careermitra.site.builder.search_vocabulary import search_words
from careermitra.site.builder.settings import SiteSettings

T = TypeVar("T")


@dataclass(frozen=True)
class PageSpec:
    """One output file: where it goes, which template renders it and with what."""

    path: str
    template: str
    context: dict[str, Any]
    lang: Language = DEFAULT_LANGUAGE  # page functions make English specs; in_languages makes the others

    @property
    def url(self) -> str:
        return "/" + self.path.removesuffix("index.html")

    def in_language(self, lang: Language) -> PageSpec:
        """The same page in another language: under its prefix, rendered with its catalogue."""
        assert self.lang is DEFAULT_LANGUAGE, "only an English spec is translated"
        return self if lang is DEFAULT_LANGUAGE else PageSpec(localized_path(self.path, lang), self.template,
                                                              self.context, lang)


def in_languages(specs: Iterable[PageSpec], languages: Sequence[Language]) -> Iterator[PageSpec]:
    """Every page in every language of the site: each English spec, then its translations."""
    for spec in specs:
        for lang in languages:
            yield spec.in_language(lang)


def paths_in_languages(paths: Iterable[str], languages: Sequence[Language]) -> set[str]:
    """Output paths in every language: pages (.html) have one per language; data files are shared."""
    return {localized_path(path, lang) if path.endswith(".html") else path
            for path in paths for lang in languages}


@dataclass(frozen=True)
class Pagination:
    """Where page `number` of `total` sits, and the URLs of its neighbours."""

    number: int
    total: int
    first_url: str
    more_pattern: str  # e.g. "/cities/pune/page/{n}/"

    def url_for(self, number: int) -> str:
        return self.first_url if number == 1 else self.more_pattern.format(n=number)

    @property
    def previous_url(self) -> str | None:
        return self.url_for(self.number - 1) if self.number > 1 else None

    @property
    def next_url(self) -> str | None:
        return self.url_for(self.number + 1) if self.number < self.total else None

    @property
    def numbers(self) -> list[int | None]:
        """Page numbers to link, with None for a gap: the first, the last, and two either side of this one."""
        wanted = {1, self.total, *range(self.number - 2, self.number + 3)}
        shown: list[int | None] = []
        for number in sorted(n for n in wanted if 1 <= n <= self.total):
            if shown and shown[-1] is not None and number > shown[-1] + 1:
                shown.append(None)
            shown.append(number)
        return shown


def paginate(
    items: Sequence[T], size: int, first_url: str, more_pattern: str
) -> Iterator[tuple[Pagination, Sequence[T]]]:
    """Split items into pages of `size`; an empty sequence still gets its first page."""
    total = max(1, math.ceil(len(items) / size))
    for number in range(1, total + 1):
        yield Pagination(number, total, first_url, more_pattern), items[(number - 1) * size : number * size]


def _path(url: str) -> str:
    return url.lstrip("/") + "index.html"


def home_page(model: SiteModel, site: SiteSettings) -> PageSpec:
    return home_page_of(model.best_rated(site.home_best_rated, site.best_rated_min_reviews),
                        model.latest_reviews(site.home_latest_reviews), model.listings, len(model.cards),
                        model.review_count)


def home_page_of(best_rated: Sequence[Card], latest: Sequence[Any], listings: Mapping[str, Mapping[str, Any]],
                 institution_count: int, review_count: int) -> PageSpec:
    """The home page from what it shows: the incremental rebuild has these from its small aggregates
    (state.py), without every card. `listings` needs each listing's url, title and number of cards."""
    return PageSpec("index.html", "index.html", {
        "best_rated": list(best_rated),
        "latest_reviews": list(latest),
        "listings": listings,
        "institution_count": institution_count,
        "review_count": review_count,
        "page_title": None,
        "page_description": Msg("Honest reviews by registered students of colleges, universities, schools and "
                                "coaching institutes across India, with courses, fees and approvals."),
    })


def institution_pages(entry: Entry, site: SiteSettings) -> list[PageSpec]:
    """The institution page, its further pages of reviews, and its write-a-review page."""
    inst = entry.institution
    name = Name("institution", inst.name, inst.name_hi)
    trail: list[tuple[Msg, str]] = [(HOME, "/"), (Name("city", inst.city), f"/cities/{inst.city_slug}/"),
                                    (name, inst.url)]
    specs = []
    for pagination, reviews in paginate(entry.reviews, site.reviews_per_page, inst.url,
                                        inst.url + "reviews/{n}/"):
        first = pagination.number == 1
        structured = [jsonld.institution_jsonld(entry, site.site_origin)]
        if first:
            structured.append(jsonld.breadcrumbs_jsonld(trail, site.site_origin))
        specs.append(PageSpec(_path(pagination.url_for(pagination.number)), "institution.html", {
            "entry": entry,
            "inst": inst,
            "reviews": reviews,
            "pagination": pagination,
            "first_page": first,
            "trail": trail,
            "jsonld": [jsonld.dumps(item) for item in structured],
            "page_title": name if first else Msg("%(name)s: reviews, page %(number)d", name=name,
                                                 number=pagination.number),
            "page_description": Msg("%(name)s, %(city)s: courses, fees, approvals and %(count)d student reviews.",
                                    name=name, city=Name("city", inst.city), count=entry.summary.count),
            "og_type": "website",
        }))
    specs.append(PageSpec(_path(inst.url + "write-review/"), "write_review.html", {
        "entry": entry,
        "inst": inst,
        "trail": [*trail, (Msg("Write a review"), inst.url + "write-review/")],
        "page_title": Msg("Write a review of %(name)s", name=name),
        "page_description": Msg("Share your experience of %(name)s with other students.", name=name),
        "noindex": True,
    }))
    return specs


def listing_pages(listing: Listing, site: SiteSettings, numbers: Collection[int] | None = None) -> list[PageSpec]:
    """The pages of a listing (or only the given page numbers): A to Z, the best rated on the first page."""
    heading = LISTING_KINDS[listing.kind][1]
    place = Name(listing.kind, listing.title)
    trail = [(HOME, "/"), (heading, f"/{listing.folder}/"), (place, listing.url)]
    title = listing_heading(listing.kind, place)
    return [
        PageSpec(_path(pagination.url_for(pagination.number)), "listing.html", {
            "listing": listing,
            "cards": cards,
            "best_rated": listing.best_rated(site.listing_best_rated, site.best_rated_min_reviews,
                                             site.listing_page_size) if pagination.number == 1 else [],
            "pagination": pagination,
            "trail": trail,
            "heading": title,
            "page_title": title if pagination.number == 1 else Msg("%(title)s, page %(number)d", title=title,
                                                                   number=pagination.number),
            "page_description": Msg("%(title)s: %(count)d on Career Mitra, with student ratings.", title=title,
                                    count=len(listing.cards)),
        })
        for pagination, cards in paginate(listing.cards, site.listing_page_size, listing.url,
                                            listing.url + "page/{n}/")
        if numbers is None or pagination.number in numbers
    ]


def listing_page_of(listing: Listing, slug: str, site: SiteSettings) -> int | None:
    """The number of the listing page an institution is on."""
    for position, card in enumerate(listing.cards):
        if card.slug == slug:
            return position // site.listing_page_size + 1
    return None


HOME = Msg("Home")


def listing_heading(kind: str, name: Name) -> Msg:
    """'Institutions in Pune', 'Institutions offering B.Tech', 'Colleges': a listing's heading and title."""
    if kind == "type":
        return name
    if kind == "course":
        return Msg("Institutions offering %(course)s", course=name)
    return Msg("Institutions in %(place)s", place=name)


# The index page of each kind of listing: (title, description).
LISTING_INDEX_TEXT: dict[str, tuple[Msg, Msg]] = {
    "city": (Msg("Browse by city"), Msg("Every city on Career Mitra, with the number of institutions in each.")),
    "state": (Msg("Browse by state"),
              Msg("Every state and union territory on Career Mitra, with the number of institutions in each.")),
    "type": (Msg("Browse by type"), Msg("Every type of institution on Career Mitra, with how many there are.")),
    "course": (Msg("Browse by course"), Msg("Every course on Career Mitra, with the number of institutions "
                                            "offering it.")),
}


def listing_index_page(kind: str, model: SiteModel) -> PageSpec:
    return listing_index_page_of(kind, model.listings[kind].values())


def listing_index_page_of(kind: str, listings: Iterable[Any]) -> PageSpec:
    """The index page of one kind of listing from its listings (or their summaries: url, title, cards' count)."""
    folder, heading = LISTING_KINDS[kind]
    return PageSpec(f"{folder}/index.html", "listing_index.html", {
        "kind": kind,
        "listings": list(listings),
        "heading": heading,
        "trail": [(HOME, "/"), (heading, f"/{folder}/")],
        "page_title": LISTING_INDEX_TEXT[kind][0],
        "page_description": LISTING_INDEX_TEXT[kind][1],
    })


def all_institutions_page_size(site: SiteSettings) -> int:
    return site.listing_page_size * 3


A_TO_Z_URL, A_TO_Z_MORE = "/institutions/", "/institutions/page/{n}/"


def all_institutions_pages(model: SiteModel, site: SiteSettings) -> list[PageSpec]:
    return [all_institutions_page(pagination, cards)
            for pagination, cards in paginate(model.alphabetical, all_institutions_page_size(site), A_TO_Z_URL,
                                              A_TO_Z_MORE)]


def all_institutions_page(pagination: Pagination, cards: Sequence[Card]) -> PageSpec:
    """One page of the A to Z of all institutions (the rebuild renders only the page a change is on)."""
    return PageSpec(_path(pagination.url_for(pagination.number)), "all_institutions.html", {
        "cards": cards,
        "pagination": pagination,
        "trail": [(HOME, "/"), (Msg("All institutions"), A_TO_Z_URL)],
        "page_title": Msg("All institutions, A to Z"),
        "page_description": Msg("Every college, university, school and coaching institute on Career Mitra."),
    })


# Pages that only need the theme: search, the account and thank-you pages the forms lead to, and 404.
SIMPLE_PAGES: tuple[tuple[str, str, Msg, bool], ...] = (
    # (path, template, title, indexable)
    ("account/register/index.html", "register.html", Msg("Register or sign in"), True),
    ("404.html", "404.html", Msg("Page not found"), False),
    # Compare and the shortlist are filled in the browser from /compare/data/ and localStorage.
    ("compare/index.html", "compare.html", Msg("Compare institutions"), False),
    ("shortlist/index.html", "shortlist.html", Msg("Your shortlist"), False),
)


def simple_pages() -> list[PageSpec]:
    return [
        PageSpec(path, template, {"page_title": title, "noindex": not indexable})
        for path, template, title, indexable in SIMPLE_PAGES
    ]


def fixed_pages() -> list[PageSpec]:
    """The plugin's pages that no content changes: the forms and the 404 page."""
    return [*simple_pages(), listing_request_page()]


def search_page(model: SiteModel) -> PageSpec:
    """The search page; its filters offer exactly the values the index was built with."""
    return search_page_of(model.listings)


def search_page_of(listings: Mapping[str, Mapping[str, Any]]) -> PageSpec:
    """The search page from the listings (or their summaries: slug and title are enough)."""
    # (value the search record's filter holds, the English name the template shows in the page's language)
    filters = {
        "type": [InstitutionType(listing.slug).label for listing in listings["type"].values()],
        "city": [listing.title for listing in listings["city"].values()],
        "course": [(listing.slug, listing.title) for listing in listings["course"].values()],
    }
    return PageSpec("search/index.html", "search.html", {"filters": filters, "exams": EXAMS,
                                                         "page_title": Msg("Search"),
                                                         "noindex": True})


def review_page_count(review_count: int, site: SiteSettings) -> int:
    return max(1, math.ceil(review_count / site.reviews_per_page))


def institution_urls(card: Card, site: SiteSettings) -> list[str]:
    """The indexable URLs of an institution: its page and its further pages of reviews."""
    return [card.url] + [f"{card.url}reviews/{n}/" for n in range(2, review_page_count(card.count, site) + 1)]


def institution_paths(card: Card, site: SiteSettings) -> set[str]:
    """Every file an institution's pages occupy, as the full build writes them."""
    return ({_path(url) for url in institution_urls(card, site)} | {_path(card.url + "write-review/")}
            | {card.url.lstrip("/") + "data.json"})


def listing_urls(listing: Listing, site: SiteSettings) -> list[str]:
    total = max(1, math.ceil(len(listing.cards) / site.listing_page_size))
    return [listing.url] + [f"{listing.url}page/{n}/" for n in range(2, total + 1)]


def sitemap_urls(model: SiteModel, site: SiteSettings, editorial_urls: Sequence[str]) -> list[str]:
    """Every indexable URL of the site, computed from the cards so a partial rebuild can produce it too."""
    urls = ["/", *editorial_urls]
    for card in model.cards.values():
        urls.extend(institution_urls(card, site))
    for kind, listings in model.listings.items():
        urls.append(f"/{LISTING_KINDS[kind][0]}/")
        for listing in listings.values():
            urls.extend(listing_urls(listing, site))
    total = max(1, math.ceil(len(model.cards) / all_institutions_page_size(site)))
    urls.extend(["/institutions/", *[f"/institutions/page/{n}/" for n in range(2, total + 1)]])
    urls.extend(spec.url for spec in fixed_pages() if not spec.context.get("noindex"))
    return urls


def listing_request_page() -> PageSpec:
    """The list-an-institution form; its choices come from the same model the API validates against."""
    choices = {
        "types": [(kind.value, kind.label) for kind in InstitutionType],
        "levels": [level.value for level in CourseLevel],
        "bodies": list(APPROVAL_BODIES),
        "grades": list(NAAC_GRADES),
    }
    return PageSpec("listings/new/index.html", "list_institution.html", {
        "choices": choices, "page_title": Msg("List an institution"),
        "page_description": Msg("Propose a college, university, school or coaching institute for Career Mitra."),
    })


def all_pages(model: SiteModel, site: SiteSettings) -> Iterator[PageSpec]:
    """Every page the plugin writes, in a stable order."""
    yield home_page(model, site)
    for entry in model.entries.values():
        yield from institution_pages(entry, site)
    yield from all_institutions_pages(model, site)
    for kind, listings in model.listings.items():
        yield listing_index_page(kind, model)
        for listing in listings.values():
            yield from listing_pages(listing, site)
    yield search_page(model)
    yield from fixed_pages()


def search_records(cards: Iterable[Card]) -> list[PageSpec]:
    """What Pagefind indexes of each institution, one small file each, at the URL of its page.

    Only the name, type, place and courses are searched; indexing these few lines instead of the whole page
    spares Pagefind parsing 30 KB of HTML per institution (about 10 s at 10,000 institutions, issue 7).
    """
    return [PageSpec(f"institutions/{card.slug}/index.html", "search_record.html",
                     {"card": card, "words": search_words(card)})
            for card in cards]


def search_terms(card: Card) -> tuple[object, ...]:
    """The part of a card that its search record shows: when none changes, the search index stays as it is."""
    return (card.name, card.name_hi, card.type, card.city, card.state, card.course_names)
