"""The local stand-in for CloudFront: the built site from a folder, and /api/* to the Lambda handlers.

Requests to /api/* become API Gateway (REST) proxy events, exactly the shape the handlers get in AWS, with the
headers CloudFront adds there: the viewer's address and the origin secret the API checks.
"""

from __future__ import annotations

import base64
import logging
import threading
import uuid
from collections.abc import Callable
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from careermitra.api.requests import ORIGIN_HEADER
from careermitra.local.serve import SiteHandler
from careermitra.publish.headers import SECURITY_HEADERS

logger = logging.getLogger(__name__)

Handler = Callable[[dict[str, Any], Any], dict[str, Any]]
MAX_BODY = 1_048_576  # API Gateway's own limit is 10 MB; the API answers 413 far below this
VIEWER_ADDRESS = "CloudFront-Viewer-Address"


def as_cloudfront_forwards(headers: list[tuple[str, str]], peer: tuple[str, int],
                           origin_secret: str) -> dict[str, str]:
    """The browser's headers as CloudFront sends them to the API: its own viewer address and origin secret
    replace any the browser sent under those names."""
    own = {VIEWER_ADDRESS.lower(), ORIGIN_HEADER.lower()}
    forwarded = {name: value for name, value in headers if name.lower() not in own}
    host, port = peer[:2]
    forwarded[VIEWER_ADDRESS] = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    forwarded[ORIGIN_HEADER] = origin_secret
    return forwarded


def api_event(method: str, target: str, headers: dict[str, str], body: bytes, client_ip: str) -> dict[str, Any]:
    """An API Gateway REST proxy event for one request."""
    parts = urlsplit(target)
    query = parse_qs(parts.query, keep_blank_values=True)
    text = body.decode("utf-8") if body else None
    binary = False
    if body:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            text, binary = base64.b64encode(body).decode("ascii"), True
    return {
        "resource": parts.path,
        "path": parts.path,
        "httpMethod": method,
        "headers": headers,
        "multiValueHeaders": {name: [value] for name, value in headers.items()},
        "queryStringParameters": {k: v[-1] for k, v in query.items()} or None,
        "multiValueQueryStringParameters": query or None,
        "pathParameters": None,
        "stageVariables": None,
        "requestContext": {
            "resourcePath": parts.path, "httpMethod": method, "path": f"/local{parts.path}", "stage": "local",
            "requestId": str(uuid.uuid4()), "accountId": "123456789012", "apiId": "local",
            "identity": {"sourceIp": client_ip, "userAgent": headers.get("User-Agent", "")},
        },
        "body": text,
        "isBase64Encoded": binary,
    }


class LambdaContext:
    """The few attributes Powertools reads from a Lambda context."""

    function_name = "careermitra-local-api"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:ap-south-1:123456789012:function:careermitra-local-api"

    def __init__(self) -> None:
        self.aws_request_id = str(uuid.uuid4())


class GatewayHandler(SiteHandler):
    """Static files as SiteHandler serves them; /api/* through the API handler, one request at a time."""

    api: Handler
    api_lock: threading.Lock
    origin_secret: str

    def do_POST(self) -> None:
        self._api_or(lambda: self.send_error(405))

    def do_GET(self) -> None:
        self._api_or(super().do_GET)

    def do_HEAD(self) -> None:
        self._api_or(super().do_HEAD)

    def do_DELETE(self) -> None:
        self._api_or(lambda: self.send_error(405))

    do_PUT = do_PATCH = do_DELETE

    def _api_or(self, otherwise: Callable[[], None]) -> None:
        if not (self.path == "/api" or self.path.startswith(("/api/", "/api?"))):
            otherwise()
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_BODY:
            self.send_error(413)
            return
        body = self.rfile.read(length) if length else b""
        headers = as_cloudfront_forwards(self.headers.items(), self.client_address, self.origin_secret)
        event = api_event(self.command, self.path, headers, body, self.client_address[0])
        # Powertools' resolver keeps the current event on the app: Lambda runs one request per instance.
        with self.api_lock:
            answer = self.api(event, LambdaContext())
        self._answer(answer)

    def _answer(self, answer: dict[str, Any]) -> None:
        payload = answer.get("body") or ""
        data = base64.b64decode(payload) if answer.get("isBase64Encoded") else payload.encode("utf-8")
        self.send_response(int(answer.get("statusCode", 500)))
        sent = set()
        for name, values in (answer.get("multiValueHeaders") or {}).items():
            for value in values:
                self.send_header(name, value)
            sent.add(name.lower())
        for name, value in (answer.get("headers") or {}).items():
            if name.lower() not in sent:
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    def end_headers(self) -> None:
        if self.path.startswith("/api"):
            for name, value in SECURITY_HEADERS.items():
                self.send_header(name, value)
            super(SiteHandler, self).end_headers()
            return
        super().end_headers()


def make_gateway(root: Path, api: Handler, origin_secret: str, host: str = "127.0.0.1",
                 port: int = 0) -> ThreadingHTTPServer:
    """The site in `root` and the API on one loopback origin; port 0 picks a free port.

    `origin_secret` is the value of the API's origin secret, which the gateway adds to every API request as
    CloudFront does."""
    handler_class = type("BoundGatewayHandler", (GatewayHandler,), {"api": staticmethod(api),
                                                                     "api_lock": threading.Lock(),
                                                                     "origin_secret": origin_secret})
    server = ThreadingHTTPServer((host, port), partial(handler_class, directory=str(root)))
    server.daemon_threads = True
    return server
