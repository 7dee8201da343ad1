"""The local stand-in for CloudFront: the built site from a folder, and /api/* to the Lambda handlers.

Requests to /api/* become API Gateway (REST) proxy events, exactly the shape the handlers get in AWS, with the
headers CloudFront adds there: the viewer's address and the origin secret the API checks.
"""

from __future__ import annotations

import base64
import json
import logging
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from functools import partial
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from careermitra.api.requests import ORIGIN_HEADER
from careermitra.local.serve import SiteHandler, SiteServer
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
    text, binary = _event_body(body)
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


def _event_body(body: bytes) -> tuple[str | None, bool]:
    """The body as API Gateway hands it over: text when it is valid UTF-8, otherwise base64 and flagged so."""
    if not body:
        return None, False
    try:
        return body.decode("utf-8"), False
    except UnicodeDecodeError:
        return base64.b64encode(body).decode("ascii"), True


def error_body(code: str, message: str) -> bytes:
    """The API's JSON error shape (DESIGN.md), for the answers the gateway gives before any handler runs."""
    return json.dumps({"error": {"code": code, "message": message}}).encode("utf-8")


class LambdaContext:
    """The few attributes Powertools reads from a Lambda context."""

    function_name = "careermitra-local-api"
    memory_limit_in_mb = 512
    invoked_function_arn = "arn:aws:lambda:ap-south-1:123456789012:function:careermitra-local-api"

    def __init__(self) -> None:
        self.aws_request_id = str(uuid.uuid4())


class TurnsInArrivalOrder:
    """A lock whose waiters get it in the order they asked, so none waits past its time while later ones go.

    A plain Lock lets a newly arrived thread take the lock just released before the long-waiting one wakes: under
    a steady stream of API requests some waited past `ApiRunner.wait` and were answered 503."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._waiting: deque[object] = deque()
        self._taken = False

    def acquire(self, timeout: float) -> bool:
        """Wait for this caller's turn, at most `timeout` seconds; False when the time ran out."""
        me = object()
        deadline = time.monotonic() + timeout
        with self._changed:
            self._waiting.append(me)
            while self._taken or self._waiting[0] is not me:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    self._waiting.remove(me)
                    self._changed.notify_all()  # the next in line may be free to go now
                    return False
                self._changed.wait(remaining)
            self._waiting.popleft()
            self._taken = True
            return True

    def release(self) -> None:
        with self._changed:
            self._taken = False
            self._changed.notify_all()


class ApiRunner:
    """Runs the API handler one event at a time, and never lets a slow or hung call freeze the gateway.

    One at a time because Powertools keeps the current event on its router class (Lambda runs one request per
    instance, so in AWS that is right). A request waits at most `wait` seconds for its turn (then 503, like a
    throttled Lambda), and at most `timeout` seconds for its answer (then 504, like API Gateway's integration
    timeout; the template's API function Timeout, 20 s). At most `queue` requests wait: the rest get 503 at once; by
    default as many as the server's listen queue holds, so a burst of clients is queued, not turned away.
    A hung call keeps its turn until it returns; meanwhile API requests are answered 503 and pages are served.
    """

    def __init__(self, api: Handler, timeout: float = 20.0, wait: float = 5.0,
                 queue: int = SiteServer.request_queue_size) -> None:
        self.api, self.timeout, self.wait = api, timeout, wait
        self._turn = TurnsInArrivalOrder()
        self._places = threading.BoundedSemaphore(queue)

    def run(self, event: dict[str, Any]) -> dict[str, Any]:
        """The handler's answer, or the API's JSON error when the API is busy or the call took too long."""
        if not self._places.acquire(blocking=False):
            return _gateway_error(503, "busy", "The service is busy; please try again in a minute.")
        try:
            if not self._turn.acquire(timeout=self.wait):
                return _gateway_error(503, "busy", "The service is busy; please try again in a minute.")
        finally:
            self._places.release()
        answers: list[dict[str, Any]] = []
        done = threading.Event()

        def call() -> None:
            try:
                answers.append(self.api(event, LambdaContext()))
            except Exception:  # a crash in AWS is a 502 from API Gateway; the handler logs its own
                logger.exception("the API handler raised")
            finally:
                done.set()
                self._turn.release()

        threading.Thread(target=call, name="api-call", daemon=True).start()
        if not done.wait(self.timeout):
            logger.warning("an API call took longer than %s s: answered 504", self.timeout)
            return _gateway_error(504, "timeout", "The service took too long to answer; please try again.")
        return answers[0] if answers else _gateway_error(502, "internal", "Something went wrong on our side.")


def _gateway_error(status: int, code: str, message: str) -> dict[str, Any]:
    """A proxy answer in the API's JSON error shape."""
    headers = {"Content-Type": "application/json", "Cache-Control": "no-store"}
    if status == 503:
        headers["Retry-After"] = "5"
    return {"statusCode": status, "headers": headers, "body": error_body(code, message).decode("utf-8")}


# The API's OpenAPI document, generated from the routes and committed (tests/backend/test_openapi_document.py
# keeps it current); the gateway serves it as CloudFront would serve a file, without a Lambda route.
OPENAPI_PATH = "/api/openapi.json"
OPENAPI_DOCUMENT = Path(__file__).resolve().parents[2] / "docs" / "openapi.json"


class GatewayHandler(SiteHandler):
    """Static files as SiteHandler serves them; /api/* through the API handler (see ApiRunner)."""

    runner: ApiRunner
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

    def _is_api(self) -> bool:
        path = getattr(self, "path", "")
        return path == "/api" or path.startswith(("/api/", "/api?"))

    def _api_or(self, otherwise: Callable[[], None]) -> None:
        if not self._is_api():
            otherwise()
            return
        if self.command in ("GET", "HEAD") and urlsplit(self.path).path == OPENAPI_PATH:
            self._answer({"statusCode": 200, "headers": {"Content-Type": "application/json",
                                                         "Cache-Control": "no-cache"},
                          "body": OPENAPI_DOCUMENT.read_text(encoding="utf-8")})
            return
        length = self._content_length()
        if length is None:
            self._answer(_gateway_error(400, "bad_request", "Content-Length must be a whole number of bytes."))
            self.close_connection = True  # the body's end is unknown: the connection cannot be reused
            return
        if length > MAX_BODY:
            self._answer(_gateway_error(413, "too_large", "The request body is too large."))
            self.close_connection = True  # the unread body would be taken for the next request
            return
        body = self.rfile.read(length) if length else b""
        headers = as_cloudfront_forwards(self.headers.items(), self.client_address, self.origin_secret)
        event = api_event(self.command, self.path, headers, body, self.client_address[0])
        self._answer(self.runner.run(event))

    def _content_length(self) -> int | None:
        """The declared body length; None when it is not a plain non-negative number (`abc`, `-5`)."""
        declared = (self.headers.get("Content-Length") or "0").strip()
        return int(declared) if declared.isascii() and declared.isdigit() else None

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if self._is_api():
            self._answer(_gateway_error(code, "bad_request" if code < 500 else "internal",
                                        message or "The request could not be read."))
            return
        super().send_error(code, message, explain)

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
        if self._is_api():
            for name, value in SECURITY_HEADERS.items():
                self.send_header(name, value)
            super(SiteHandler, self).end_headers()
            return
        super().end_headers()


def make_gateway(root: Path, api: Handler, origin_secret: str, host: str = "127.0.0.1",
                 port: int = 0, runner: ApiRunner | None = None) -> ThreadingHTTPServer:
    """The site in `root` and the API on one loopback origin; port 0 picks a free port.

    `origin_secret` is the value of the API's origin secret, which the gateway adds to every API request as
    CloudFront does; `runner` sets the API's time limits (ApiRunner's defaults otherwise)."""
    handler_class = type("BoundGatewayHandler", (GatewayHandler,), {"runner": runner or ApiRunner(api),
                                                                     "origin_secret": origin_secret})
    return SiteServer((host, port), partial(handler_class, directory=str(root)))
