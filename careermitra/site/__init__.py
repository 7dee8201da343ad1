"""The site: `builder/` makes the directory's pages without Pelican; `plugin.py`, `reader.py`, `settings.py` and
`build.py` are the thin Pelican adapter (PLUGINS = ["careermitra.site.plugin"]) and the build command.

Nothing is imported here, so `import careermitra.site.builder...` never loads Pelican.
"""
