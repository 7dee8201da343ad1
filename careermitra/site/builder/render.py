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
                 "js/session.js")


def compact_script(source: bytes) -> bytes:
    """A script without its comment lines, blank lines and indentation: a third lighter, and the same program
    (line breaks stay, so automatic semicolons fall where they did). A script with a template literal, whose
    text may span lines, or a line ending in a backslash is kept as it is."""
    lines = [_without_trailing_comment(line.strip()) for line in source.decode("utf-8").split("\n")]
    code = [line for line in lines if line and not line.startswith("//")]
    if any("`" in line or line.endswith("\\") for line in code):
        return source
    return ("\n".join(code) + "\n").encode("utf-8")


def _without_trailing_comment(line: str) -> str:
    """A line without its closing ` // comment`, when no quote or slash before it could make that `//` part of
    a string or a regular expression."""
    code, found, _ = line.partition(" //")
    return code.rstrip() if found and code and not _QUOTE_OR_SLASH.search(code) else line


_QUOTE_OR_SLASH = re.compile(r"[\"'/`]")
# Between two tags of which one is a block (or a table's, a list's, the head's), a line break is never drawn:
# the institution pages, the ones issue 13 weighs, drop them. A page with <pre> or <textarea> keeps its text.
_BLOCKS = frozenset({
    "p", "div", "section", "article", "header", "footer", "main", "nav", "ul", "ol", "li", "dl", "dt", "dd", "table",
    "caption", "thead", "tbody", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "details", "summary", "form",
    "meta", "link", "script", "head", "body", "html", "title"})
_BREAK_AFTER_TAG = re.compile(r"<!?/?([a-zA-Z][\w-]*)[^<>]*>\n(?=</?([a-zA-Z][\w-]*))")
COMPACTED_TEMPLATES = ("institution.html",)


def compact_html(html: str) -> str:
    """A page without the line breaks between block tags: the same page drawn, a little lighter."""
    if "<pre" in html or "<textarea" in html:
        return html
    return _BREAK_AFTER_TAG.sub(_joined, html)


def _joined(match: re.Match[str]) -> str:
    before, after = match.group(1).lower(), match.group(2).lower()
    return match.group(0)[:-1] if before in _BLOCKS or after in _BLOCKS else match.group(0)


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
        return compact_script(source) if name.endswith(".js") else source

    def fingerprinted_files(self) -> dict[str, bytes]:
        """The fingerprinted copies of the theme files pages link with static_url, by output path."""
        return {self._fingerprinted_path(name): self._copy_of(name) for name in FINGERPRINTED}

    def render(self, spec: PageSpec) -> str:
        template = self.env.get_template(spec.template)
        context = {name: localize(value, spec.lang) for name, value in spec.context.items()}
        html = template.render({**self.globals, **context, "lang": spec.lang, "page_url": spec.url})
        return compact_html(html) if spec.template in COMPACTED_TEMPLATES else html
