"""`python -m bench.generate`: a synthetic content tree in the real formats, the same bytes for the same seed.

Institutions are `institutions/<slug>.md` (YAML front matter + Markdown), reviews `reviews/<slug>.yaml`, and the
editorial pages are copied from content/pages so the footer links resolve. Reviews follow a Zipf spread over
institutions (most have a few, a handful have hundreds); one institution is pinned to exactly SAMPLE_REVIEWS and
one to at least HEAVY_REVIEWS so the page-weight measurements have their subjects, named in bench-manifest.json.

Institution front matter is written by hand rather than with yaml.dump (ten times faster); every string goes
through json.dumps, and a JSON string is a valid YAML double-quoted scalar. Reviews files are written by the
rebuild's own exporter, so they are byte for byte what production holds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import shutil
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from bench import vocabulary as words
from careermitra.domain import geography
from careermitra.domain.review import ASPECTS, AspectRatings, PublishedReview
from careermitra.domain.slugs import slugify
from careermitra.site.builder.reviews_file import reviews_yaml

ROOT = Path(__file__).resolve().parent.parent
PAGES_SOURCE = ROOT / "content" / "pages"
SAMPLE_IMAGES = ROOT / "content" / "institutions" / "images" / "sahyadri-university"
MANIFEST = "bench-manifest.json"
SAMPLE_REVIEWS = 20
MIN_DESCRIPTION_WORDS = 150
MAX_DESCRIPTION_WORDS = 400
HEAVY_REVIEWS = 520
FIRST_REVIEW_DAY = dt.date(2016, 1, 1)
LAST_REVIEW_DAY = dt.date(2026, 10, 31)
SEATS = (30, 40, 60, 60, 90, 120, 120, 180, 240, 300, 400)
# The facts students decide by (issue 13): which exams a pool's courses take, and who owns what.
EXAMS_BY_POOL: dict[str, tuple[str, ...]] = {
    "engineering": ("JEE Main", "MHT CET", "KCET", "WBJEE"), "medical": ("NEET UG",),
    "pharmacy": ("NEET UG", "MHT CET"),
    "arts": ("CUET UG", "Class 12 marks"), "management": ("CAT", "XAT", "CMAT"), "law": ("CLAT", "AILET"),
    "education": ("Class 12 marks", "Institution's own test"), "architecture": ("NATA", "JEE Main"),
    "nursing": ("NEET UG", "Class 12 marks"), "university": ("CUET UG", "JEE Main", "CLAT"),
    "school": ("Institution's own test", "Interview"),
}
RANKED_POOLS = frozenset({"engineering", "medical", "architecture"})
OWNERSHIP = {"university": ("state", "private", "deemed", "central"),
             "college": ("private", "government", "government-aided"),
             "school": ("private", "government-aided", "government", "central"), "coaching": ("private",)}
SOURCES = (("verified", "Institution's mandatory disclosure", "https://{host}.example.edu.in/disclosure/"),
           ("self-reported", "Figures sent by the institution", None),
           ("public-dataset", "NIRF data submitted by the institution", "https://www.nirfindia.org/"))
RECRUITERS = ("Infosys", "TCS", "Wipro", "HCLTech", "Accenture", "Deloitte", "Larsen & Toubro", "Tata Motors",
              "HDFC Bank", "ICICI Bank", "Apollo Hospitals", "Cipla", "Sun Pharma", "Mahindra", "Capgemini")


@dataclass(frozen=True)
class Plan:
    """What is generated: one record per institution, enough to write its file and its reviews."""

    slug: str
    name: str
    type: str
    pool: str
    city: str
    state: str
    courses: tuple[str, ...]  # course titles, for the reviews' `course` field
    text: str  # the whole institution file


def q(text: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(text)


def city_weights() -> list[tuple[str, str, int]]:
    """(city, state, weight) from the places file: metros draw most institutions, state capitals more than the rest."""
    weighted = []
    places = geography.places()
    for state in geography.STATES_AND_UNION_TERRITORIES:
        for index, city in enumerate(places.cities_of(state)):
            weighted.append((city.name, state, 12 if city.name in words.METROS else 4 if index == 0 else 1))
    return weighted


def choose_places(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """A (city, state) per institution; every city gets at least one when count allows."""
    weighted = city_weights()
    places = [(city, state) for city, state, _ in weighted]
    rng.shuffle(places)
    places = places[:count]
    population = [(city, state) for city, state, _ in weighted]
    weights = [weight for *_, weight in weighted]
    places += rng.choices(population, weights, k=count - len(places))
    rng.shuffle(places)
    return places


def choose_types(rng: random.Random, count: int) -> list[str]:
    """An institution type per institution; all four appear when count allows."""
    kinds = list(words.TYPE_WEIGHTS)
    chosen = kinds[:count] + rng.choices(kinds, list(words.TYPE_WEIGHTS.values()), k=max(0, count - len(kinds)))
    rng.shuffle(chosen)
    return chosen


def rupees(amount: int) -> str:
    """₹ with Indian digit grouping (₹1,50,000), as the site prints fees."""
    digits = str(amount)
    if len(digits) <= 3:
        return f"₹{digits}"
    head, tail = digits[:-3], digits[-3:]
    groups: list[str] = []
    while len(head) > 2:
        groups.insert(0, head[-2:])
        head = head[:-2]
    return "₹" + ",".join([head, *groups, tail])


def provenance_lines(rng: random.Random, indent: str, host: str, since: int = 2024) -> list[str]:
    """source, source_url, as_of (not before `since`, the year the figures are of) and basis of a block."""
    basis, source, url = rng.choice(SOURCES)
    lines = [f"{indent}source: {q(source)}"]
    if url:
        lines.append(f"{indent}source_url: {q(url.format(host=host))}")
    return [*lines, f"{indent}as_of: {max(since, rng.choice((2024, 2025, 2025, 2026)))}", f"{indent}basis: {basis}"]


def provenance_flow(key: str, source: str, url: str | None, basis: str, as_of: int) -> str:
    """One approvals figure's provenance as a flow mapping: `  naac_provenance: {source: ..., basis: ...}`."""
    link = f", source_url: {q(url)}" if url else ""
    return f"  {key}: {{source: {q(source)}{link}, as_of: {as_of}, basis: {basis}}}"


def admissions_lines(rng: random.Random, pool: str, kind: str, host: str) -> list[str]:
    """A course's admissions block: exams, the application window, closing ranks for ranked courses."""
    exams = rng.sample(EXAMS_BY_POOL[pool], rng.randint(1, min(2, len(EXAMS_BY_POOL[pool]))))
    opens = dt.date(2026, rng.randint(1, 4), rng.randint(1, 28))
    closes = opens + dt.timedelta(days=rng.randint(30, 90))
    lines = ["    admissions:", f"      exams: [{', '.join(q(exam) for exam in exams)}]",
             f"      application: {{opens: {opens.isoformat()}, closes: {closes.isoformat()}}}"]
    ranked = [exam for exam in exams if exam not in ("Class 12 marks", "Institution's own test", "Interview")]
    if kind != "school" and pool in RANKED_POOLS and ranked and rng.random() < 0.6:
        lines.append("      closing_ranks:")
        base = rng.randint(2_000, 150_000)
        for year in (2025, 2024):
            for category, share in (("General", 1.0), ("OBC-NCL", 1.6), ("SC", 4.0)):
                lines.append(f"        - {{year: {year}, exam: {q(ranked[0])}, round: {rng.randint(1, 6)}, "
                             f"category: {category}, rank: {int(base * share * (1.05 if year == 2024 else 1))}}}")
    return lines + provenance_lines(rng, "      ", host, 2025 if lines[-1].startswith("        - ") else 2024)


def course_lines(rng: random.Random, pool: str, kind: str = "college",
                 host: str = "example") -> tuple[list[str], list[str], list[int]]:
    """YAML lines of a few courses from the pool, their titles and their fees."""
    templates = words.COURSE_POOLS[pool]
    picked = rng.sample(templates, rng.randint(min(2, len(templates)), min(9, len(templates))))
    lines, titles, fees = [], [], []
    for course in picked:
        fee = rng.randrange(course.fee_low, course.fee_high + 1, 500)
        lines.append(f"  - name: {q(course.name)}")
        if course.specialisation:
            lines.append(f"    specialisation: {q(course.specialisation)}")
        lines += [f"    level: {course.level}", f"    duration: {course.duration}", f"    fees_inr: {fee}",
                  f"    seats: {rng.choice(SEATS)}"]
        if pool in EXAMS_BY_POOL and rng.random() < 0.5:
            lines += admissions_lines(rng, pool, kind, host)
        titles.append(f"{course.name} {course.specialisation}" if course.specialisation else course.name)
        fees.append(fee)
    return lines, titles, fees


def approvals_lines(rng: random.Random, kind: str, pool: str, state: str) -> list[str]:
    if kind == "coaching":
        return ["approvals: {}"]
    basis, source = rng.choice((("verified", "Approval letter"), ("self-reported", "Figures sent by the institution")))
    approved = provenance_flow("provenance", source, None, basis, rng.choice((2024, 2025, 2026)))
    if kind == "school":
        return ["approvals:", f"  bodies: [{rng.choice(words.APPROVALS_BY_POOL['school'])}]", approved]
    bodies = list(words.APPROVALS_BY_POOL[pool])
    if kind == "university" and rng.random() < 0.4:
        bodies.append("AICTE")
    lines = ["approvals:", f"  bodies: [{', '.join(bodies)}]"]
    if kind == "college":
        lines.append(f"  affiliated_to: {q(f'{state} State University')}")
    lines.append(approved)
    if rng.random() < 0.7:
        lines.append(f"  naac_grade: {q(rng.choice(('A++', 'A+', 'A', 'A', 'B++', 'B+', 'B', 'C')))}")
        lines.append(provenance_flow("naac_provenance", "NAAC accreditation certificate", None, "verified",
                                     rng.randint(2021, 2025)))
    if rng.random() < 0.1:
        lines.append(f"  nirf_rank: {rng.randint(1, 300)}")
        lines.append(provenance_flow("nirf_provenance", "NIRF India Rankings", "https://www.nirfindia.org/",
                                     "public-dataset", 2025))
    return lines


def description(rng: random.Random, facts: dict[str, str]) -> str:
    """Three to six paragraphs from sentence templates, 150 to 400 words in all."""
    target = rng.randint(MIN_DESCRIPTION_WORDS, MAX_DESCRIPTION_WORDS - 40)
    themes = list(words.DESCRIPTION_SENTENCES)
    paragraphs: list[str] = []
    count = 0
    while count < target:
        theme = themes[len(paragraphs) % len(themes)]
        pool = list(words.DESCRIPTION_SENTENCES[theme])
        sentences = [s.format(**facts) for s in rng.sample(pool, rng.randint(2, min(4, len(pool))))]
        while sentences and count + len(" ".join(sentences).split()) > MAX_DESCRIPTION_WORDS:
            sentences.pop()
        if not sentences:
            break
        paragraph = " ".join(sentences)
        count += len(paragraph.split())
        paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def facts_lines(rng: random.Random, kind: str, host: str) -> list[str]:
    """Placements (colleges and universities) and the cost of a year besides tuition."""
    lines = []
    if kind in ("college", "university") and rng.random() < 0.7:
        lines.append("placements:")
        eligible = rng.randint(60, 900)
        for year in (2025, 2024):
            placed = int(eligible * rng.uniform(0.45, 0.95))
            median = rng.randrange(250_000, 1_200_000, 10_000)
            recruiters = ", ".join(q(name) for name in rng.sample(RECRUITERS, 4))
            lines += [f"  - year: {year}", f"    eligible: {eligible}", f"    placed: {placed}",
                      f"    median_package_inr: {median}", f"    highest_package_inr: {median * rng.randint(3, 8)}",
                      f"    top_recruiters: [{recruiters}]", *provenance_lines(rng, "    ", host, year)]
    if kind != "coaching" or rng.random() < 0.3:
        lines.append("cost_of_attendance:")
        if kind != "school" or rng.random() < 0.2:
            lines += [f"  hostel_inr: {rng.randrange(30_000, 150_000, 1_000)}",
                      f"  mess_inr: {rng.randrange(25_000, 70_000, 1_000)}"]
        lines += [f"  other_fees_inr: {rng.randrange(2_000, 40_000, 500)}", *provenance_lines(rng, "  ", host)]
    return lines


def plan_institution(rng: random.Random, kind: str, city: str, state: str, taken: set[str],
                     pincodes: dict[str, list[str]]) -> Plan:
    pattern, pool = rng.choice(words.INSTITUTION_KINDS[kind])
    prefix = city if rng.random() < 0.25 else rng.choice(words.NAME_PREFIXES)
    name = pattern.format(p=prefix)
    if slugify(name) in taken:
        name = f"{name}, {city}"
    base, number = name, 2
    while slugify(name) in taken:
        name, number = f"{base} Campus {number}", number + 1
    slug = slugify(name)
    taken.add(slug)

    host = slug[:40].rstrip("-")
    courses, titles, fees = course_lines(rng, pool, kind, host)
    facility_pool = words.FACILITIES["school" if kind == "school" else "coaching" if kind == "coaching" else "higher"]
    facilities = rng.sample(facility_pool, rng.randint(3, 7))
    road = rng.choice(words.ROADS)
    pincode = rng.choice(pincodes[state])
    established = rng.randint(1857, 2022) if kind != "coaching" else rng.randint(1985, 2023)
    second = titles[1] if len(titles) > 1 else titles[0]
    facts = {"name": name, "city": city, "state": state, "established": str(established), "road": road,
             "facility": facilities[0].lower(), "facility2": facilities[1].lower(), "course": titles[0],
             "course2": second, "fee_low": rupees(min(fees)), "fee_high": rupees(max(fees))}
    lines = ["---", f"name: {q(name)}", f"type: {kind}", f"city: {q(city)}", f"state: {q(state)}",
             f"established: {established}", f"website: {q(f'https://{host}.example.edu.in/')}",
             f"ownership: {rng.choice(OWNERSHIP[kind])}",
             *approvals_lines(rng, kind, pool, state), "courses:", *courses, "facilities:",
             *(f"  - {q(item)}" for item in facilities), "contact:",
             f"  address: {q(f'{rng.randint(1, 250)} {road}, {city}')}", f"  pincode: {q(pincode)}"]
    if rng.random() < 0.8:
        lines.append(f"  phone: {q(f'+91 {rng.randint(20, 99)} {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}')}")
    lines += [*facts_lines(rng, kind, host), "---", description(rng, facts), ""]
    return Plan(slug, name, kind, pool, city, state, tuple(titles), "\n".join(lines))


def review_counts(rng: random.Random, count: int, total: int, heavy: int, sample: int) -> list[int]:
    """Reviews per institution: a Zipf spread (rank r gets ∝ 1/(r+k)) in shuffled order, summing to total.

    Institution 0 after the shuffle holds the largest share and at least `heavy`; the one nearest `sample`
    is set to exactly `sample`. The rest is rebalanced from (or onto) the biggest remaining counts.
    """
    if count < 2 or total < heavy + sample:
        raise ValueError(f"need at least 2 institutions and {heavy + sample} reviews for the pinned extremes")
    offset = max(2, round(count / 1000))
    weights = [rng.lognormvariate(0, 0.3) / (rank + offset) for rank in range(1, count + 1)]
    weights.sort(reverse=True)
    scale = total / sum(weights)
    counts = [int(w * scale) for w in weights]
    remainders = sorted(range(count), key=lambda i: (weights[i] * scale - counts[i], -i), reverse=True)
    for i in remainders[: total - sum(counts)]:
        counts[i] += 1
    counts[0] = max(counts[0], heavy)
    pinned = min(range(1, count), key=lambda i: (abs(counts[i] - sample), i))
    counts[pinned] = sample
    _rebalance(counts, total, frozen={0, pinned})
    order = list(range(count))
    rng.shuffle(order)
    shuffled = [0] * count
    for institution, rank in enumerate(order):
        shuffled[institution] = counts[rank]
    return shuffled


def _rebalance(counts: list[int], total: int, frozen: set[int]) -> None:
    """Bring sum(counts) to total, taking from (or giving to) the largest unfrozen counts one at a time."""
    movable = sorted((i for i in range(len(counts)) if i not in frozen), key=lambda i: (-counts[i], i))
    diff = sum(counts) - total
    step = 1 if diff > 0 else -1
    position = 0
    while diff:
        i = movable[position % len(movable)]
        position += 1
        if step > 0 and counts[i] == 0:
            continue
        counts[i] -= step
        diff -= step
    if any(c < 0 for c in counts):
        raise AssertionError("rebalancing produced a negative count")


def review(rng: random.Random, number: int, plan: Plan) -> PublishedReview:
    """One approved review, its ratings and words agreeing with each other."""
    rating = rng.choices((1, 2, 3, 4, 5), (6, 8, 18, 38, 30))[0]
    aspects = {a: min(5, max(1, rating + rng.choice((-1, 0, 0, 0, 1)))) for a in ASPECTS}
    tone = "good" if rating >= 4 else "mixed" if rating == 3 else "bad"
    course = rng.choice(plan.courses)
    facts = {"course": course, "city": plan.city}
    sentences = [s.format(**facts) for s in rng.sample(words.REVIEW_SENTENCES[tone], rng.randint(2, 5))]
    if tone != "mixed" and rng.random() < 0.5:
        sentences.append(rng.choice(words.REVIEW_SENTENCES["mixed"]).format(**facts))
    cut = rng.randint(1, len(sentences))
    body = " ".join(sentences[:cut]) + ("\n\n" + " ".join(sentences[cut:]) if cut < len(sentences) else "")
    best = max(ASPECTS, key=lambda a: (aspects[a], a))
    worst = min(ASPECTS, key=lambda a: (aspects[a], a))
    if rating >= 4:
        title = f"{rng.choice(words.PRAISE)} {words.ASPECT_NOUNS[best]} in {course}"
    else:
        title = f"{rng.choice(words.CRITICISM)} {words.ASPECT_NOUNS[worst]}, think before joining"
    published = FIRST_REVIEW_DAY + dt.timedelta(days=rng.randint(0, (LAST_REVIEW_DAY - FIRST_REVIEW_DAY).days))
    name = f"{rng.choice(words.FIRST_NAMES)} {rng.choice(words.INITIALS)}."
    return PublishedReview(id=f"r{number:07d}", display_name=name, rating=rating, aspects=AspectRatings(**aspects),
                           title=title[:120], body=body, course=course[:120],
                           graduation_year=min(2030, published.year + rng.randint(-4, 3)), published=published)


def generate(out: Path, institutions: int, reviews: int, seed: int, heavy: int = HEAVY_REVIEWS,
             sample: int = SAMPLE_REVIEWS) -> dict[str, object]:
    """Write the content tree under `out` (replacing any earlier one) and return its manifest."""
    if out.resolve() == PAGES_SOURCE.parent.resolve():
        raise ValueError(f"{out} is the real content folder; generate somewhere else (bench/out is git-ignored)")
    rng = random.Random(seed)
    places = choose_places(rng, institutions)
    kinds = choose_types(rng, institutions)
    taken: set[str] = set()
    # Real PIN codes of each state (India Post's directory), so generated files pass the same checks.
    pincodes = {state: geography.pincodes_of(state) for state in sorted({state for _, state in places})}
    plans = [plan_institution(rng, kind, city, state, taken, pincodes)
             for kind, (city, state) in zip(kinds, places, strict=True)]
    counts = review_counts(rng, institutions, reviews, heavy, sample)

    for folder in ("institutions", "reviews", "pages"):
        shutil.rmtree(out / folder, ignore_errors=True)
    (out / "institutions").mkdir(parents=True)
    (out / "reviews").mkdir()
    shutil.copytree(PAGES_SOURCE, out / "pages")
    number = 0
    for plan, count in zip(plans, counts, strict=True):
        (out / "institutions" / f"{plan.slug}.md").write_text(plan.text, encoding="utf-8")
        if count:
            # Exactly what a publish exports from DynamoDB (reviews_file.reviews_yaml).
            items = [review(rng, number + i + 1, plan) for i in range(count)]
            number += count
            (out / "reviews" / f"{plan.slug}.yaml").write_text(reviews_yaml(items), encoding="utf-8")

    manifest = make_manifest(plans, counts, seed, heavy, sample)
    for key in ("sample_institution", "heavy_institution"):
        add_sample_images(out / "institutions", manifest[key]["slug"])  # type: ignore[index]
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def add_sample_images(institutions: Path, slug: str) -> None:
    """Give a measured institution the sample logo and photos (content/institutions/images/), so the page-weight
    rows count a page's images above the fold as a real page has them."""
    target = institutions / "images" / slug
    shutil.copytree(SAMPLE_IMAGES, target, dirs_exist_ok=True)
    lines = [f"logo: {{file: images/{slug}/logo.png, alt: 'Crest of this institution'}}", "photos:"]
    lines += [f"  - {{file: images/{slug}/{photo.name}, alt: 'A view of the campus: {photo.stem}'}}"
              for photo in sorted(SAMPLE_IMAGES.glob("*.png")) if photo.stem != "logo"]
    path = institutions / f"{slug}.md"
    head, body = path.read_text(encoding="utf-8")[4:].split("\n---\n", 1)
    path.write_text("---\n" + head + "\n" + "\n".join(lines) + "\n---\n" + body, encoding="utf-8")


def make_manifest(plans: list[Plan], counts: list[int], seed: int, heavy: int, sample: int) -> dict[str, object]:
    """The parameters and the slugs the benchmark measures (pinned extremes, the biggest city listing)."""
    by_count = sorted(zip(counts, (p.slug for p in plans), strict=True), key=lambda pair: (-pair[0], pair[1]))
    cities = Counter(slugify(p.city) for p in plans)
    sample_slug = next(slug for c, slug in sorted(zip(counts, (p.slug for p in plans), strict=True)) if c == sample)
    heavy_plan = next(plan for plan in plans if plan.slug == by_count[0][1])
    return {
        "seed": seed,
        "institutions": len(plans),
        "reviews": sum(counts),
        "cities": len(cities),
        "states": len({p.state for p in plans}),
        "types": dict(sorted(Counter(p.type for p in plans).items())),
        "sample_institution": {"slug": sample_slug, "reviews": sample},
        "heavy_institution": {"slug": by_count[0][1], "reviews": by_count[0][0], "city": heavy_plan.city},
        "heavy_threshold": heavy,
        "institutions_over_500_reviews": sum(1 for c in counts if c > 500),
        "institutions_without_reviews": sum(1 for c in counts if c == 0),
        "median_reviews": sorted(counts)[len(counts) // 2],
        "largest_city_listing": cities.most_common(1)[0][0],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic Career Mitra content tree.")
    parser.add_argument("--institutions", type=int, default=10_000)
    parser.add_argument("--reviews", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, required=True, help="content folder to (re)write")
    parser.add_argument("--heavy", type=int, default=HEAVY_REVIEWS, help="minimum reviews of the largest institution")
    parser.add_argument("--sample", type=int, default=SAMPLE_REVIEWS, help="exact reviews of the sample institution")
    args = parser.parse_args(argv)
    manifest = generate(args.out, args.institutions, args.reviews, args.seed, args.heavy, args.sample)
    json.dump(manifest, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
