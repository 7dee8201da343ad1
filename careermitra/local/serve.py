"""Serve the built site on loopback with the production headers: `python -m careermitra.local.serve`."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from functools import partial
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import BinaryIO
from urllib.parse import unquote, urlsplit

from careermitra.i18n import language_of_url, localized_path
from careermitra.publish.headers import SECURITY_HEADERS, cache_control_for, content_type_for

logger = logging.getLogger(__name__)
# The builder's state (site index, fingerprints) lives in the output folder but is not part of the site:
# CloudFront refuses it too (template.yaml, the viewer-request function).
PRIVATE_FOLDERS = ("_build",)


class SiteServer(ThreadingHTTPServer):
    """A threading server whose listen queue holds a burst of connections (http.server's default is 5)."""

    request_queue_size = 128
    daemon_threads = True


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files from the output folder, with the same headers CloudFront adds, and the site's 404 page.

    No directory listings and nothing under a private folder: both answer the site's 404 page."""

    # An unreadable request line is answered with a status line, not as an HTTP/0.9 body without one.
    default_request_version = "HTTP/1.0"

    def end_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        path = getattr(self, "path", "")  # unset when the request line itself could not be read
        self.send_header("Cache-Control", "no-cache" if path.endswith("/") or not path else cache_control_for(path))
        super().end_headers()

    def send_head(self) -> BinaryIO | None:
        path = unquote(urlsplit(self.path).path)
        if "\x00" in path:
            self.send_error(HTTPStatus.BAD_REQUEST, "A path cannot hold a NUL character")
            return None
        if self._is_private(Path(self.translate_path(self.path))):
            self.send_error(HTTPStatus.NOT_FOUND)
            return None
        return super().send_head()

    def _is_private(self, target: Path) -> bool:
        root = Path(self.directory).resolve()
        try:
            relative = target.resolve().relative_to(root)
        except ValueError:
            return True  # outside the site (translate_path prevents it; this keeps it so)
        return bool(relative.parts) and relative.parts[0] in PRIVATE_FOLDERS

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return content_type_for(str(path))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # A missing Hindi page gets the Hindi 404 page (CloudFront has one error page for the whole
        # distribution: the English one, which says in Hindi too where the Hindi site is).
        # A request line too broken to parse has no path yet: it gets the English page.
        lang = language_of_url(getattr(self, "path", "/"))
        not_found = Path(self.directory) / localized_path("404.html", lang)
        if code == HTTPStatus.NOT_FOUND and not_found.is_file():
            body = not_found.read_bytes()
            self.send_response(code)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:
        # The client address is personal data: log the request line and status only.
        logger.info("%s", format % args)


def make_server(root: Path, host: str = "127.0.0.1", port: int = 0) -> ThreadingHTTPServer:
    """A server for the site in `root`; port 0 picks a free port (see server.server_address)."""
    return SiteServer((host, port), partial(SiteHandler, directory=str(root)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the built Career Mitra site on loopback.")
    parser.add_argument("--root", default="output", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=8000, type=int)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = make_server(args.root, args.host, args.port)
    host, port = str(server.server_address[0]), server.server_address[1]
    print(f"Career Mitra is running at http://{host}:{port}/  (Ctrl-C stops it)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
