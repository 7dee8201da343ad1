"""A Pelican reader for Markdown pages with YAML front matter, the same format as institution files."""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from pelican.readers import BaseReader

from careermitra.site.builder.content import split_front_matter
from careermitra.site.builder.model import render_markdown

# Pelican parses these itself (dates, status, ...): hand them over as strings.
PELICAN_KEYS = {"title", "slug", "summary", "date", "modified", "status", "template", "url", "save_as", "lang"}


class YamlMarkdownReader(BaseReader):
    """Reads `content/pages/*.md`: a YAML front matter block, then Markdown."""

    enabled = True
    file_extensions: ClassVar[list[str]] = ["md"]

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        with open(source_path, encoding="utf-8") as handle:
            meta, body = split_front_matter(handle.read(), source_path)
        metadata: dict[str, Any] = {}
        for key, value in meta.items():
            name = key.lower()
            if name in PELICAN_KEYS:
                text = value.isoformat() if isinstance(value, dt.date) else str(value)
                metadata[name] = self.process_metadata(name, text)
            else:
                metadata[name] = value
        return render_markdown(body), metadata
