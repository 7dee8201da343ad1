"""Render the builder's pages with the theme: its own Jinja environment, for full and incremental builds alike.

Full builds and incremental ones (local, or in the rebuild Lambda) all render through this class, so the same
content gives byte-identical pages either way. Pelican's own environment renders only the editorial pages.
"""

from __future__ import annotations

import hashlib
import re

from jinja2 import Environment, FileSystemLoader, pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from careermitra.domain.review import ASPECT_LABELS
from careermitra.i18n import localize
from careermitra.site import i18n as site_i18n
from careermitra.site.builder.facts_view import FACTS_FILTERS
from careermitra.site.builder.formatting import JINJA_FILTERS
from careermitra.site.builder.pages import PageSpec
from careermitra.site.builder.settings import TEMPLATE_SETTINGS, BuildSettings

# Theme files linked by their content's fingerprint (static_url); the others keep their plain names. Pages the
# builder renders link these copies, compacted (compact_script); Pelican's pages link the plain files.
FINGERPRINTED = ("js/filters.js", "js/search.js", "js/consent.js", "js/picks.js", "js/review-fold.js", "js/ui-text.js",
                 "js/session.js", "css/site.css")


def compact_script(source: bytes) -> bytes:
    """A script without its comments and the spaces and line breaks nothing needs: a third or more lighter, and
    the same program. A line break stays wherever it might end a statement (automatic semicolons fall where
    they did): after a word, a string, a closing bracket or `++`/`--`. A script with a template literal, or
    that cannot be read into tokens, is kept as it is."""
    text = source.decode("utf-8")
    tokens = _script_tokens(text)
    if tokens is None:
        return source
    out: list[str] = []
    gap = ""  # what stood between the last kept token and this one: nothing, a space or a line break
    last = before_last = ""
    for kind, token in tokens:
        if kind in {"space", "comment", "newline"}:
            gap = "\n" if kind == "newline" or "\n" in token else gap or " "
            continue
        if last:
            if gap == "\n" and not _joins(before_last, last):
                out.append("\n")
            elif gap and _needs_space(last, token):
                out.append(" ")
        out.append(token)
        before_last, last, gap = last, token, ""
    return ("".join(out) + "\n").encode("utf-8")


_TOKEN = re.compile(r"""
    (?P<space>[ \t\r]+)
  | (?P<newline>\n)
  | (?P<comment>//[^\n]*|/\*.*?\*/)
  | (?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*')
  | (?P<template>`)
  | (?P<word>[\w$]+)
  | (?P<punct>.)
""", re.S | re.X)
_REGEX = re.compile(r"/(?:[^/\\\n\[]|\\.|\[(?:[^\]\\\n]|\\.)*\])+/[a-z]*")
# A slash after one of these starts a regular expression; after anything else (a word, a bracket) it divides.
_BEFORE_REGEX = frozenset("(,=:[!&|?{};+-*%<>~^")
_WORDS_BEFORE_REGEX = frozenset({"return", "typeof", "case", "do", "else", "in", "of", "new", "delete", "void",
                                 "throw", "instanceof", "yield", "await"})
# After one of these a line break never ends a statement, so the next line may follow on the same line.
_JOINING = frozenset("{([,;:=?&|+-*%<>!~^.")


def _script_tokens(text: str) -> list[tuple[str, str]] | None:
    """The script as (kind, text) tokens, regular expressions whole; None for what this reader does not cover
    (template literals, an unclosed string)."""
    found: list[tuple[str, str]] = []
    position, previous = 0, ""
    while position < len(text):
        regex_here = text[position] == "/" and text[position + 1:position + 2] not in {"/", "*"} and (
            not previous or previous in _BEFORE_REGEX or previous in _WORDS_BEFORE_REGEX)
        match = (_REGEX if regex_here else _TOKEN).match(text, position)
        if match is None:
            return None
        kind = "regex" if regex_here else match.lastgroup or "punct"
        if kind == "template" or (kind == "punct" and match.group() in {"\\", '"', "'"}):
            return None
        found.append((kind, match.group()))
        if kind not in {"space", "newline", "comment"}:
            previous = match.group()
        position = match.end()
    return found


def _joins(before_last: str, last: str) -> bool:
    """Whether a line break after `last` can go: `last` is an operator or opening that cannot end a statement
    (and not the second half of `++` or `--`)."""
    return last in _JOINING and not (last in "+-" and before_last == last)


def _needs_space(left: str, right: str) -> bool:
    """Whether two tokens would read as other tokens without the space between them."""
    a, b = left[-1], right[0]
    return ((a.isalnum() or a in "_$") and (b.isalnum() or b in "_$")) or (a in "+-" and b == a) \
        or (a == "/" and b in "/*") or (left.isdigit() and b == ".")


def compact_css(source: bytes) -> bytes:
    """A stylesheet without its comments and the line breaks between its rules (ours are written one rule, or
    one @media block, to a line)."""
    text = _CSS_COMMENT.sub("", source.decode("utf-8"))
    return ("".join(line.strip() if line.rstrip().endswith("}") else line.strip() + " "
                    for line in text.split("\n") if line.strip()).rstrip() + "\n").encode("utf-8")


_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
# Between two tags of which one is a block (or a table's, a list's, the head's), a line break is never drawn:
# the institution pages, the ones issue 13 weighs, drop them. A page with <pre> or <textarea> keeps its text.
_BLOCKS = frozenset({
    "p", "div", "section", "article", "header", "footer", "main", "nav", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "caption", "thead", "tbody", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "form",
    "meta", "link", "script", "head", "body", "html", "title"})
_BREAK_AFTER_TAG = re.compile(r"<!?/?([a-zA-Z][\w-]*)[^<>]*>\n+(?=</?([a-zA-Z][\w-]*))")
COMPACTED_TEMPLATES = ("institution.html",)


# End tags HTML lets a page leave out where the next tag closes the element all the same (the parser's rules:
# a <li> closes the open li, <dt>/<dd> the open dt or dd, a block's start tag an open <p>, a list's end its last
# item, a table's head or body its caption or head, the table's end its body): the same DOM, a few hundred bytes
# lighter.
_OPTIONAL_END_TAG = re.compile(
    r"</li>(?=<li[\s>]|</[ou]l>)|</d[dt]>(?=<d[dt][\s>])|</dd>(?=</dl>)"
    r"|</p>(?=<(?:p|ul|ol|dl|div|table|h[1-6]|section|details|nav|header|footer|form)[\s>])"
    r"|</caption>(?=<(?:thead|tbody)[\s>])|</thead>(?=<tbody[\s>])|</tbody>(?=</table>)")


def compact_html(html: str) -> str:
    """A page without the line breaks between block tags, nor the end tags the next tag implies: the same page
    drawn, a little lighter."""
    if "<pre" in html or "<textarea" in html:
        return html
    return _OPTIONAL_END_TAG.sub("", _BREAK_AFTER_TAG.sub(_joined, html))


def _joined(match: re.Match[str]) -> str:
    before, after = match.group(1).lower(), match.group(2).lower()
    return match.group(0).rstrip("\n") if before in _BLOCKS or after in _BLOCKS else match.group(0)


class Renderer:
    """Turns PageSpecs into HTML with the theme's templates."""

    def __init__(self, settings: BuildSettings) -> None:
        # One Renderer per build: templates never change during it, so Jinja need not stat them on every use.
        options = {"auto_reload": False, **settings.jinja_options}
        self.env = Environment(loader=FileSystemLoader(settings.theme / "templates"), **options)
        self.env.filters.update(JINJA_FILTERS)
        self.env.filters.update(FACTS_FILTERS)
        site_i18n.install(self.env)
        self.globals: dict[str, object] = {name: settings.template_settings[name] for name in TEMPLATE_SETTINGS}
        self.globals["ASPECT_CHOICES"] = list(ASPECT_LABELS.items())
        self.globals["site_origin"] = settings.site.site_origin
        self.globals["fragment"] = self.fragment
        self.globals["static_url"] = self.static_url
        self.languages = settings.site.languages
        self._static = settings.theme / "static"
        self._digests: dict[str, str] = {}
        self._fragments: dict[str, Markup] = {}

    @pass_context
    def fragment(self, context: Context, name: str) -> Markup:
        """A partial that is the same on every page of a language (it sees only the settings and the language),
        rendered once per build and language."""
        lang = site_i18n.context_language(context)
        key = f"{lang}:{name}"
        if key not in self._fragments:
            self._fragments[key] = Markup(self.env.get_template(name).render({**self.globals, "lang": lang}))
        return self._fragments[key]

    def static_url(self, name: str) -> str:
        """The URL of a theme file's fingerprinted copy ('js/filters.js' -> '/theme/js/filters.3f2a….js').

        A new version of the file gets a new name, so no browser runs an old script against new data files;
        the full build writes the copies (fingerprinted_files).
        """
        return "/" + self._fingerprinted_path(name)

    def _fingerprinted_path(self, name: str) -> str:
        if name not in self._digests:
            self._digests[name] = hashlib.sha256(self._copy_of(name)).hexdigest()[:12]
        stem, _, suffix = name.rpartition(".")
        return f"theme/{stem}.{self._digests[name]}.{suffix}"

    def _copy_of(self, name: str) -> bytes:
        source = (self._static / name).read_bytes()
        if name.endswith(".js"):
            return compact_script(source)
        return compact_css(source) if name.endswith(".css") else source

    def fingerprinted_files(self) -> dict[str, bytes]:
        """The fingerprinted copies of the theme files pages link with static_url, by output path."""
        return {self._fingerprinted_path(name): self._copy_of(name) for name in FINGERPRINTED}

    def render(self, spec: PageSpec) -> str:
        template = self.env.get_template(spec.template)
        context = {name: localize(value, spec.lang) for name, value in spec.context.items()}
        html = template.render({**self.globals, **context, "lang": spec.lang, "page_url": spec.url})
        return compact_html(html) if spec.template in COMPACTED_TEMPLATES else html
