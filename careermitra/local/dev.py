"""`make dev`: the whole product on one machine, no AWS account.

A moto server on loopback holds what template.yaml defines; the same API and rebuild handlers as in AWS run
against it; one HTTP server serves the site and routes /api/* to the API; a worker feeds the reviews
table's stream to the rebuild, which publishes into the folder the server serves. Mail goes to the outbox.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import secrets
import shutil
import signal
import socket
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SENDER = "no-reply@careermitra.local"
GRIEVANCE_OFFICER = "grievance-officer@careermitra.local"
SECRET_NAME = "careermitra-session"
ORIGIN_SECRET_NAME = "careermitra-origin"  # the gateway sends it as CloudFront does; new on every start
logger = logging.getLogger("careermitra.local")


def say(message: str) -> None:
    print(message, flush=True)


@dataclass
class LocalStack:
    """Everything `make dev` starts; `stop` ends all of it (threads only: no process is left behind)."""

    state_dir: Path
    host: str = "127.0.0.1"
    port: int = 8000
    keep_state: bool = False
    output: Path = ROOT / "output"
    threads: list[threading.Thread] = field(default_factory=list)
    stopping: threading.Event = field(default_factory=threading.Event)

    def start(self) -> str:
        """Start the stack; returns the site's URL."""
        started = time.perf_counter()
        if not self.keep_state and self.state_dir.exists():
            shutil.rmtree(self.state_dir)
        self.state_dir.mkdir(parents=True, exist_ok=True)
        listener = socket.create_server((self.host, self.port))  # claim the port before anything else
        self.port = listener.getsockname()[1]
        self.origin = f"http://{self.host}:{self.port}"
        self._start_moto()
        self._create_resources()
        self._fill_tables()
        self._build_site()
        self._start_server(listener)
        self._start_stream_worker()
        self._start_outbox_watcher()
        (self.state_dir / "stack.json").write_text(json.dumps({
            "endpoint": self.endpoint, "tables": self.tables, "site": self.origin,
            "outbox": str(self.state_dir / "outbox"), "output": str(self.output),
            "parked": str(self.parked)}, indent=2), encoding="utf-8")
        say(f"Ready in {time.perf_counter() - started:.1f} s.")
        return self.origin

    # --- AWS, locally -------------------------------------------------------------------------------
    def _start_moto(self) -> None:
        from moto.server import ThreadedMotoServer

        self.moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
        self.moto.start()
        host, port = self.moto.get_host_and_port()
        self.endpoint = f"http://{host}:{port}"
        os.environ.update({"AWS_ENDPOINT_URL": self.endpoint, "AWS_ACCESS_KEY_ID": "local",
                           "AWS_SECRET_ACCESS_KEY": "local", "AWS_DEFAULT_REGION": "ap-south-1",
                           "AWS_REGION": "ap-south-1"})
        os.environ.pop("AWS_PROFILE", None)
        say(f"• moto (DynamoDB with streams, Secrets Manager, SES) on {self.endpoint}")

    def _create_resources(self) -> None:
        from careermitra.local.resources import create_tables
        from careermitra.store.dynamodb import aws_client

        self.dynamodb = aws_client("dynamodb")
        self.tables = create_tables(self.dynamodb)
        saved_secret = self._saved_state().get("secret")
        secretsmanager = aws_client("secretsmanager")
        secretsmanager.create_secret(Name=SECRET_NAME, SecretString=saved_secret or secrets.token_urlsafe(48))
        self.origin_secret = secrets.token_urlsafe(48)  # the API reads it from moto, the gateway gets it from here
        secretsmanager.create_secret(Name=ORIGIN_SECRET_NAME, SecretString=self.origin_secret)
        aws_client("ses").verify_email_identity(EmailAddress=SENDER)
        say(f"• created from template.yaml: {', '.join(sorted(self.tables.values()))}")

    def _saved_state(self) -> dict[str, Any]:
        path = self.state_dir / "state.json"
        return json.loads(path.read_text(encoding="utf-8")) if self.keep_state and path.is_file() else {}

    def _fill_tables(self) -> None:
        saved = self._saved_state()
        if saved:
            for name, items in saved["tables"].items():
                for item in items:
                    self.dynamodb.put_item(TableName=name, Item=item)
            say(f"• restored the saved state ({sum(map(len, saved['tables'].values()))} items)")
            return
        from careermitra.local.seed import seed_sample_data
        from careermitra.wiring import DynamoStores, TableNames

        stores = DynamoStores(TableNames.from_resources(self.tables))
        users, reviews = seed_sample_data(ROOT / "content", stores.users, stores.reviews)
        say(f"• seeded {users} sample users and {reviews} approved reviews")

    def save_state(self) -> None:
        tables: dict[str, list[Any]] = {}
        for name in self.tables.values():
            items: list[Any] = []
            for page in self.dynamodb.get_paginator("scan").paginate(TableName=name):
                items.extend(page["Items"])
            tables[name] = items
        from careermitra.store.dynamodb import aws_client

        secret = aws_client("secretsmanager").get_secret_value(SecretId=SECRET_NAME)["SecretString"]
        path = self.state_dir / "state.json"
        path.write_text(json.dumps({"tables": tables, "secret": secret}), encoding="utf-8")
        path.chmod(0o600)
        say(f"• state saved to {path} (start again with --keep-state to resume)")

    # --- the site -----------------------------------------------------------------------------------
    def _environment(self) -> dict[str, str]:
        from pelican.settings import get_settings_from_file

        policy = get_settings_from_file(str(ROOT / "pelicanconf.py"))["POLICY_VERSION"]
        return {
            "USERS_TABLE": self.tables["UsersTable"], "REVIEWS_TABLE": self.tables["ReviewsTable"],
            "LISTINGS_TABLE": self.tables["ListingsTable"], "TICKETS_TABLE": self.tables["TicketsTable"],
            "RATE_LIMITS_TABLE": self.tables["RateLimitsTable"], "ANALYTICS_TABLE": self.tables["AnalyticsTable"],
            "REPORTS_TABLE": self.tables["ReportsTable"],
            "SITE_ORIGIN": self.origin,
            "SENDER_EMAIL": SENDER, "GRIEVANCE_EMAIL": GRIEVANCE_OFFICER, "SESSION_SECRET_ID": SECRET_NAME,
            "ORIGIN_SECRET_ID": ORIGIN_SECRET_NAME,
            "CONTENT_DIR": str(ROOT / "content" / "institutions"), "POLICY_VERSION": policy,
            "MAIL_OUTBOX_DIR": str(self.state_dir / "outbox"), "POWERTOOLS_SERVICE_NAME": "careermitra-local",
            "POWERTOOLS_METRICS_NAMESPACE": "CareerMitraLocal", "POWERTOOLS_TRACE_DISABLED": "true",
            "POWERTOOLS_METRICS_DISABLED": "true",
            "POWERTOOLS_DEV": "false", "POWERTOOLS_LOG_LEVEL": "WARNING",
            "SITE_ROOT": str(ROOT), "SITE_SETTINGS": "pelicanconf.py", "SITE_FOLDER": str(self.output),
        }

    def _build_site(self) -> None:
        from careermitra.site.build import build_with_approved_reviews
        from careermitra.wiring import DynamoStores, TableNames

        os.environ.update(self._environment())
        started = time.perf_counter()
        approved = DynamoStores(TableNames.from_resources(self.tables)).approved_reviews
        build_with_approved_reviews(str(ROOT / "pelicanconf.py"), self.output, approved)
        pages = sum(1 for _ in self.output.rglob("*.html"))
        say(f"• built {pages} pages into {self.output} in {time.perf_counter() - started:.1f} s "
            f"(reviews exported from DynamoDB)")

    # --- serving, the stream, the outbox ----------------------------------------------------------------
    def _start_server(self, listener: socket.socket) -> None:
        from http.server import ThreadingHTTPServer

        from careermitra.local.functions import load_function
        from careermitra.local.gateway import make_gateway

        api = load_function("api").lambda_handler
        listener.close()
        self.server: ThreadingHTTPServer = make_gateway(self.output, api, self.origin_secret, self.host, self.port)
        self._thread(self.server.serve_forever, "http")

    @property
    def parked(self) -> Path:
        """Where the stream worker parks the records the rebuild failed three times (`careermitra rebuild retry`)."""
        return self.state_dir / "failed-records.jsonl"

    def _start_stream_worker(self) -> None:
        from careermitra.local.functions import load_function
        from careermitra.local.gateway import LambdaContext
        from careermitra.local.streams import StreamReader, StreamWorker, streams_client

        rebuild = load_function("rebuild")
        reader = StreamReader(self.dynamodb, streams_client(), self.tables["ReviewsTable"])
        reader.poll()  # the seeding (or restore) is already in the site
        worker = StreamWorker(reader, lambda event: rebuild.lambda_handler(event, LambdaContext()), self.parked)

        def work() -> None:
            delay = 0.3
            while not self.stopping.wait(delay):
                delay = worker.step()

        self._thread(work, "stream-worker")
        say("• stream worker: reviews table → rebuild → output/")

    def _start_outbox_watcher(self) -> None:
        outbox = self.state_dir / "outbox"
        outbox.mkdir(parents=True, exist_ok=True)
        seen = set(outbox.iterdir())

        def watch() -> None:
            from email import message_from_bytes, policy

            while not self.stopping.wait(0.3):
                for path in sorted(set(outbox.iterdir()) - seen):
                    seen.add(path)
                    mail = message_from_bytes(path.read_bytes(), policy=policy.default)
                    body = mail.get_body(("plain",))
                    text = body.get_content() if body else ""
                    links = re.findall(r"https?://\S+", text)
                    say(f"✉ mail “{mail['Subject']}” → {path.relative_to(self.state_dir.parent)}")
                    for link in links:
                        say(f"    {link}")

        self._thread(watch, "outbox")
        say(f"• mail is not sent: it is written to {outbox} and its links printed here")

    def _thread(self, target: Any, name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self.threads.append(thread)

    def stop(self) -> None:
        self.stopping.set()
        if hasattr(self, "server"):
            self.server.shutdown()
            self.server.server_close()
        for thread in self.threads:
            thread.join(timeout=10)
        if self.keep_state and hasattr(self, "tables"):
            self.save_state()
        if hasattr(self, "moto"):
            self.moto.stop()


def interrupt_once() -> None:
    """SIGTERM and SIGINT stop the stack, once: later signals are ignored so they cannot cut the shutdown short.

    Stopping `make dev` by its process group signals both make and Python, and make passes its signal on, so
    Python gets two; a second Ctrl-C is common too. Either, raised inside `stop`, would lose the saved state."""
    signalled = threading.Event()

    def interrupt(signum: int, frame: object) -> None:
        if signalled.is_set():
            return
        signalled.set()
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run Career Mitra locally: site, API, rebuild, mail outbox.")
    parser.add_argument("--host", default="127.0.0.1", help="loopback address to serve on")
    parser.add_argument("--port", type=int, default=8000, help="0 picks a free port")
    parser.add_argument("--state-dir", type=Path, default=ROOT / ".dev", help="where state, mail and logs go")
    parser.add_argument("--output", type=Path, default=ROOT / "output", help="the site folder to serve")
    parser.add_argument("--keep-state", action="store_true",
                        help="resume the saved users, reviews and tickets (and save them again on exit)")
    args = parser.parse_args(argv)
    if hasattr(sys.stdout, "reconfigure"):  # a terminal without UTF-8 gets '?' for the bullets, not a crash
        sys.stdout.reconfigure(errors="replace")
    logging.basicConfig(level=logging.INFO, format="  %(message)s", stream=sys.stdout)
    for noisy in ("botocore", "boto3", "urllib3", "werkzeug", "pelican", "moto"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    stack = LocalStack(args.state_dir.resolve(), args.host, args.port, args.keep_state, args.output.resolve())
    interrupt_once()
    try:
        url = stack.start()
        say(f"\nCareer Mitra is running at {url}/")
        say("  Register at /account/register/, follow the link printed here, write a review, then moderate:")
        say("  .venv/bin/careermitra reviews list    ·    .venv/bin/careermitra reviews approve ID")
        say("  Ctrl-C stops everything.\n")
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        say("\nStopping…")
    finally:
        stack.stop()
        say("Stopped.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
