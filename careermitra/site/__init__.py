"""The Pelican plugin that turns institutions and reviews into the site's pages."""

from careermitra.site.plugin import register

__all__ = ["register"]
