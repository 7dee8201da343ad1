"""Render the builder's pages with the theme: its own Jinja environment, for full and incremental builds alike.

Full builds and incremental ones (local, or in the rebuild Lambda) all render through this class, so the same
content gives byte-identical pages either way. Pelican's own environment renders only the editorial pages.
"""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from careermitra.domain.review import ASPECT_LABELS
from careermitra.site.builder.facts_view import FACTS_FILTERS
from careermitra.site.builder.formatting import JINJA_FILTERS
from careermitra.site.builder.pages import PageSpec
from careermitra.site.builder.settings import TEMPLATE_SETTINGS, BuildSettings


class Renderer:
    """Turns PageSpecs into HTML with the theme's templates."""

    def __init__(self, settings: BuildSettings) -> None:
        # One Renderer per build: templates never change during it, so Jinja need not stat them on every use.
        options = {"auto_reload": False, **settings.jinja_options}
        self.env = Environment(loader=FileSystemLoader(settings.theme / "templates"), **options)
        self.env.filters.update(JINJA_FILTERS)
        self.env.filters.update(FACTS_FILTERS)
        self.globals: dict[str, object] = {name: settings.template_settings[name] for name in TEMPLATE_SETTINGS}
        self.globals["ASPECT_CHOICES"] = list(ASPECT_LABELS.items())
        self.globals["site_origin"] = settings.site.site_origin
        self.globals["fragment"] = self.fragment
        self._fragments: dict[str, Markup] = {}

    def fragment(self, name: str) -> Markup:
        """A partial that is the same on every page (it sees only the settings), rendered once per build."""
        if name not in self._fragments:
            self._fragments[name] = Markup(self.env.get_template(name).render(self.globals))
        return self._fragments[name]

    def render(self, spec: PageSpec) -> str:
        template = self.env.get_template(spec.template)
        return template.render({**self.globals, **spec.context, "page_url": spec.url})
