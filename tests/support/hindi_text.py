"""Reading a built page as a reader of the Hindi site meets it (issue 16): the text outside what is marked English,
the runs of English words in it, and the links that leave the Hindi site."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from careermitra.i18n import is_page_url

# The words of English interface text: the commonest English words and the site's own. A run of three of them
# in a row is an English phrase a Hindi reader meets; brand names, codes and single terms (B.Tech, OTP) are not.
COMMON_ENGLISH_WORDS = """
a about after again all also an and any are as at back be because been before being below between both but by
can cannot could did do does done each even every few for from further had has have he her here his how i if
in into is it its just least less let like made make many may me more most much must my near need needs never
new next no none nor not now of off on once one only or other our out over own per please same see she should
show shown so some such than that the their them then there these they this those through to too under until
up upon us very was we were what when where which while who whom why will with within without would yet you
your yours
account accept address analytics answer answers change choose city code confirm contact copy data date delete
details device email form full help institution institutions keep kept last link list message mobile name
nominee number page phone policy privacy read reason reasons register reply report request review reviews rule
save send sent sign signed student students submit thanks updated version withdraw write written
"""
COMMON_ENGLISH = frozenset(COMMON_ENGLISH_WORDS.split())
# Names, not words to translate: the site's name (the brand keeps its spelling in Hindi, as the policy writes it).
NAMES = ("Career Mitra",)
EMAIL = re.compile(r"\S+@\S+")
URL = re.compile(r"https?://\S+|www\.\S+")
WORD = re.compile(r"[A-Za-z]+(?:['\u2019][A-Za-z]+)?|[\u0900-\u097f]+")
SKIPPED = {"code", "script", "style", "template", "kbd", "samp"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
READ_ATTRIBUTES = ("alt", "aria-label", "title", "placeholder")


class ReadText(HTMLParser):
    """The text a reader of the page meets (element text and the attributes read aloud), leaving out what is
    marked English (lang="en…" and everything inside), code, scripts and what is hidden from everyone
    (aria-hidden: the honeypot)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.skipping: list[str] = []  # the open elements inside a skipped one, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        skip = (tag in SKIPPED or (values.get("lang") or "").lower().startswith("en")
                or values.get("aria-hidden") == "true")
        if self.skipping or skip:
            if tag not in VOID:
                self.skipping.append(tag)
            return
        self.parts.extend(values[name] or "" for name in READ_ATTRIBUTES if values.get(name))
        if tag == "input" and values.get("type") in {"submit", "button"} and values.get("value"):
            self.parts.append(values["value"] or "")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping and tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def read_text(html: str) -> str:
    parser = ReadText()
    parser.feed(html)
    text = " ".join(parser.parts)
    for name in NAMES:
        text = text.replace(name, " ")
    return URL.sub(" ", EMAIL.sub(" ", text))


def english_runs(html: str) -> list[str]:
    """Every run of three or more common English words in a row in the text a reader meets."""
    runs: list[str] = []
    run: list[str] = []
    for word in [*WORD.findall(read_text(html)), "।"]:
        if word.lower() in COMMON_ENGLISH:
            run.append(word)
            continue
        if len(run) >= 3:
            runs.append(" ".join(run))
        run = []
    return runs


def links_off_the_hindi_site(html: str) -> list[str]:
    """Links and form actions of the page that lead to a page of the English site (the language switch, which
    leads to the English page on purpose, aside)."""
    anchors = [tag for tag in re.findall(r"<a\b[^>]*>", html) if "data-language-switch" not in tag]
    targets = [match for tag in anchors for match in re.findall(r'\bhref="([^"]*)"', tag)]
    targets += re.findall(r'<form\b[^>]*\baction="([^"]*)"', html)
    targets += re.findall(r'\bdata-done="([^"]*)"', html)
    return [url for url in targets
            if url.startswith("/") and not url.startswith("//") and is_page_url(url)
            and not (url == "/hi/" or url.startswith("/hi/"))]
