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

from careermitra.publish.headers import SECURITY_HEADERS, cache_control_for, content_type_for

logger = logging.getLogger(__name__)


class SiteHandler(SimpleHTTPRequestHandler):
    """Static files from the output folder, with the same headers CloudFront adds, and the site's 404 page."""

    def end_headers(self) -> None:
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        self.send_header("Cache-Control", "no-cache" if self.path.endswith("/") else cache_control_for(self.path))
        super().end_headers()

    def guess_type(self, path: str | os.PathLike[str]) -> str:
        return content_type_for(str(path))

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        not_found = Path(self.directory) / "404.html"
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
    handler = partial(SiteHandler, directory=str(root))
    server = ThreadingHTTPServer((host, port), handler)
    server.daemon_threads = True
    return server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Serve the built Career Mitra site on loopback.")
    parser.add_argument("--root", default="output", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", default=8000, type=int)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    server = make_server(args.root, args.host, args.port)
    host, port = str(server.server_address[0]), server.server_port
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
