"""The site builder: content in, pages out, without Pelican. `site_build.SiteBuild` is its one entry point.

Pelican (see careermitra/site/plugin.py) renders only the editorial pages and copies the theme's static files;
everything about institutions and reviews is built here, by full builds and incremental ones alike.
"""
