"""The local gateway answers every request, however malformed or slow, as API Gateway and CloudFront would."""

from __future__ import annotations

import base64
import json
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from careermitra.local.gateway import ApiRunner, api_event, make_gateway

SECRET = "s" * 48


class FakeApi:
    """Answers 200 with the event it got; `hold` makes a call hang until the test releases it."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.hold = threading.Event()
        self.hold.set()
        self.entered = threading.Event()

    def __call__(self, event: dict[str, Any], context: Any) -> dict[str, Any]:
        self.events.append(event)
        self.entered.set()
        self.hold.wait()
        return {"statusCode": 200, "headers": {"Content-Type": "application/json"}, "body": json.dumps({"ok": True})}


@pytest.fixture
def site(tmp_path: Path) -> Path:
    (tmp_path / "index.html").write_text("<p>home</p>", encoding="utf-8")
    (tmp_path / "404.html").write_text("<p>We could not find that page</p>", encoding="utf-8")
    for folder in ("_build", "pagefind", "theme", "feeds"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "thing.json").write_text("{}", encoding="utf-8")
    return tmp_path


@pytest.fixture
def api() -> FakeApi:
    return FakeApi()


def serve(site: Path, api: FakeApi, runner: ApiRunner | None = None) -> Iterator[tuple[str, int]]:
    server = make_gateway(site, api, SECRET, runner=runner)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield str(server.server_address[0]), server.server_address[1]
    api.hold.set()
    server.shutdown()
    server.server_close()


@pytest.fixture
def gateway(site: Path, api: FakeApi) -> Iterator[tuple[str, int]]:
    yield from serve(site, api)


def exchange(address: tuple[str, int], raw: bytes) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes, read the whole answer (the server closes or answers one request)."""
    with socket.create_connection(address, timeout=30) as connection:
        connection.sendall(raw)
        connection.shutdown(socket.SHUT_WR)
        data = b""
        while chunk := connection.recv(65536):
            data += chunk
    assert data, "the connection was dropped without an answer"
    head, _, body = data.partition(b"\r\n\r\n")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {name.lower(): value.strip() for name, _, value in (line.partition(":") for line in header_lines)}
    return int(status_line.split()[1]), headers, body


def post(address: tuple[str, int], body: bytes, length: str | None = None, path: str = "/api/contact") -> bytes:
    return (f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body) if length is None else length}\r\nConnection: close\r\n\r\n").encode() + body


@pytest.mark.parametrize("body", [b"\xff\xfe\x00garbage", b'{"name": "\xc0\xaf"}'])
def test_a_body_that_is_not_utf8_reaches_the_api_base64_encoded(gateway: tuple[str, int], api: FakeApi,
                                                                  body: bytes) -> None:
    status, _, _ = exchange(gateway, post(gateway, body))

    assert status == 200
    [event] = api.events
    assert event["isBase64Encoded"] is True
    assert base64.b64decode(event["body"]) == body


def test_a_utf8_body_reaches_the_api_as_text() -> None:
    event = api_event("POST", "/api/contact", {}, "नमस्ते".encode(), "127.0.0.1")
    assert (event["body"], event["isBase64Encoded"]) == ("नमस्ते", False)


def test_a_body_over_the_limit_gets_the_json_413(gateway: tuple[str, int], api: FakeApi) -> None:
    status, headers, body = exchange(gateway, post(gateway, b"", length=str(2_000_000)))

    assert status == 413
    assert headers["content-type"] == "application/json"
    assert json.loads(body)["error"]["code"] == "too_large"
    assert api.events == []


@pytest.mark.parametrize("length", ["abc", "-5", "1e3"])
def test_a_content_length_that_is_not_a_number_gets_a_json_400(gateway: tuple[str, int], api: FakeApi,
                                                                length: str) -> None:
    status, _, body = exchange(gateway, post(gateway, b"{}", length=length))

    assert status == 400
    assert json.loads(body)["error"]["code"] == "bad_request"
    assert api.events == []


@pytest.mark.parametrize("raw", [
    b"GET /%00 HTTP/1.1\r\nHost: x\r\n\r\n",
    b"GET /theme/%00.css HTTP/1.1\r\nHost: x\r\n\r\n",
    b"NONSENSE\r\n\r\n",
    b"GET / HTTP/9.9 extra\r\n\r\n",
    b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
])
def test_a_malformed_request_gets_a_4xx_not_a_dropped_connection(gateway: tuple[str, int], raw: bytes) -> None:
    status, _, _ = exchange(gateway, raw)

    assert 400 <= status < 500


def test_a_nul_in_an_api_path_reaches_the_api_as_any_other_path(gateway: tuple[str, int], api: FakeApi) -> None:
    status, _, _ = exchange(gateway, b"GET /api/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")

    assert status == 200
    assert api.events[0]["path"] == "/api/%00"


def test_fifty_clients_at_once_are_all_answered(gateway: tuple[str, int]) -> None:
    # Open all connections before the server reads any: a listen queue of 5 resets most of them.
    connections = [socket.create_connection(gateway, timeout=30) for _ in range(50)]
    statuses = []
    for connection in connections:
        with connection:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            data = b""
            while chunk := connection.recv(65536):
                data += chunk
            statuses.append(int(data.split()[1]))

    assert statuses == [200] * 50


def test_the_listen_queue_is_deeper_than_http_servers_default(gateway: tuple[str, int], site: Path,
                                                              api: FakeApi) -> None:
    server = make_gateway(site, api, SECRET)
    try:
        assert server.request_queue_size >= 64
    finally:
        server.server_close()


def test_a_hung_api_call_is_answered_504_and_the_next_requests_503_while_pages_are_served(
        site: Path, api: FakeApi) -> None:
    api.hold.clear()
    for address in serve(site, api, ApiRunner(api, timeout=0.5, wait=0.2)):
        status, headers, body = exchange(address, post(address, b"{}"))
        assert status == 504
        assert json.loads(body)["error"]["code"] == "timeout"

        status, headers, body = exchange(address, post(address, b"{}"))
        assert status == 503
        assert headers["retry-after"] == "5"
        assert json.loads(body)["error"]["code"] == "busy"

        assert exchange(address, b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")[0] == 200

        api.hold.set()  # the hung call returns: the API answers again
        assert exchange(address, post(address, b"{}"))[0] == 200


@pytest.mark.parametrize("path", ["/_build/", "/_build/site-index.json", "/_build", "//_build/thing.json",
                                  "/x/../_build/thing.json", "/pagefind/", "/theme/", "/feeds/"])
def test_no_directory_listing_and_no_build_state(gateway: tuple[str, int], path: str) -> None:
    status, _, body = exchange(gateway, f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())

    assert status == 404
    assert b"We could not find that page" in body


def test_files_inside_public_folders_are_still_served(gateway: tuple[str, int]) -> None:
    raw = b"GET /pagefind/thing.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
    assert exchange(gateway, raw)[0] == 200


def test_a_burst_of_fifty_api_requests_waits_its_turn_instead_of_503(api: FakeApi) -> None:
    # Given a call that holds the API while fifty more requests arrive
    runner = ApiRunner(api, timeout=60, wait=60)
    api.hold.clear()
    answers: list[int] = []
    first = threading.Thread(target=lambda: answers.append(runner.run({"n": 0})["statusCode"]))
    first.start()
    assert api.entered.wait(10)
    burst = [threading.Thread(target=lambda n=n: answers.append(runner.run({"n": n})["statusCode"]))
             for n in range(1, 51)]
    for thread in burst:
        thread.start()
    # When the held call returns
    api.hold.set()
    for thread in [first, *burst]:
        thread.join(60)
    # Then every request was answered by the API, none turned away as busy
    assert answers == [200] * 51


def test_waiting_requests_get_their_turn_in_the_order_they_came(api: FakeApi) -> None:
    runner = ApiRunner(api, timeout=60, wait=60)
    api.hold.clear()
    threads = [threading.Thread(target=runner.run, args=({"n": n},)) for n in range(6)]
    threads[0].start()
    assert api.entered.wait(10)
    for n, thread in enumerate(threads[1:], start=1):
        thread.start()
        while len(runner._turn._waiting) < n:  # the request is in the queue before the next one comes
            threading.Event().wait(0.01)
    api.hold.set()
    for thread in threads:
        thread.join(60)

    assert [event["n"] for event in api.events] == list(range(6))
