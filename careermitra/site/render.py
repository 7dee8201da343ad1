"""Render the plugin's pages with the theme: one Jinja environment for full and incremental builds alike.

The full build (inside Pelican) and the incremental rebuild (in the rebuild Lambda, without running Pelican)
both render through this class, so the same content gives byte-identical pages either way.
"""

from __future__ import annotations

import os
from typing import Any

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup

from careermitra.domain.review import ASPECT_LABELS
from careermitra.site.formatting import JINJA_FILTERS
from careermitra.site.pages import PageSpec
from careermitra.site.settings import SiteSettings

# The only Pelican settings the plugin's templates read; named here so nothing else leaks in.
TEMPLATE_SETTINGS = ("SITENAME", "SITE_TAGLINE", "POLICY_VERSION")


class Renderer:
    """Turns PageSpecs into HTML with the theme's templates."""

    def __init__(self, settings: dict[str, Any], site: SiteSettings) -> None:
        templates = os.path.join(settings["THEME"], "templates")
        # One Renderer per build: templates never change during it, so Jinja need not stat them on every use.
        options = {"auto_reload": False, **settings["JINJA_ENVIRONMENT"]}
        self.env = Environment(loader=FileSystemLoader(templates), **options)
        self.env.filters.update(JINJA_FILTERS)
        self.globals = {name: settings[name] for name in TEMPLATE_SETTINGS}
        self.globals["ASPECT_CHOICES"] = list(ASPECT_LABELS.items())
        self.globals["site_origin"] = site.site_origin
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
