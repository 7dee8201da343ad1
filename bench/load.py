"""`make load`: many concurrent clients against the local stack, then checks of what the tables hold.

The stack is `make dev` itself (careermitra.local.dev) in a subprocess on a free loopback port, with its own
temporary state and output folders, so the clients' threads do not share a GIL with the server they measure.
Each client is a thread with its own loopback address (127.0.0.2, 127.0.0.3, ...): the local gateway sets
CloudFront-Viewer-Address from the socket's peer address, so each client is a different visitor to the per-IP
limits. A client runs a bounded loop (at most `max_requests`, until the deadline) mixing page and asset fetches,
analytics beacons (after accepting the consent cookie) and the steps of its persona's plan: registrations, the
verification link read from the outbox, and reviews.

Every submission step carries the answer the API's rules say it must get (202, 303, 409, or 429 past a limit
of careermitra.api.form_specs.LIMITED), so the checks are exact: each step got its expected status, the
tables hold exactly the accepted registrations, reviews and page views, and there was no 5xx, no reset, no
refused connection and no timeout. Results: bench/load-results.json; the exit status is 1 when a check fails.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from http.cookies import SimpleCookie
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from careermitra.api.form_specs import LIMITED
from careermitra.domain.abuse import RateLimit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "load-results.json"
HOST = "127.0.0.1"
START_TIMEOUT = 180.0  # seconds for the stack to build the site and start serving
REQUEST_TIMEOUT = 30.0
MAX_CLIENTS = 250  # client i speaks from 127.0.0.(i + 2)
EXPECTED_STATUSES = {  # anything else is reported and fails the run
    "page": {200}, "asset": {200}, "search": {200}, "form-token": {200}, "consent": {200}, "beacon": {204},
    "register": {202, 429}, "verify": {303}, "review": {202, 409, 429},
}
# One beacon in ten requests, about one per five page views: the local API runs one handler call at a time (see
# careermitra.local.gateway.ApiRunner), so this keeps the clients' API share within what it answers in time.
BEACON_SHARE = 0.1
ASPECTS = ("faculty", "infrastructure", "placements", "campus_life", "value_for_money")


def limit(form: str, per: str) -> RateLimit:
    """The rate limit the API applies to `form` (or the beacon) per `per`, declared once in its spec."""
    return LIMITED[form].limits_per(per)[0]


# --- the stack ----------------------------------------------------------------------------------------
@dataclass
class Stack:
    """`make dev` in a subprocess: where it serves, its moto endpoint, table names and outbox."""

    site: str
    endpoint: str
    tables: dict[str, str]
    outbox: Path
    output: Path
    process: subprocess.Popen[str]
    log: list[str]

    @property
    def port(self) -> int:
        return urlsplit(self.site).port or 80


@contextmanager
def running_stack(work: Path, min_fill_seconds: int | None = None) -> Iterator[Stack]:
    """Start careermitra.local.dev on a free port with state and output in `work`; stop it with SIGINT after.

    `min_fill_seconds` overrides the API's minimum form fill time (MIN_FILL_SECONDS) for a brief run."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("AWS_")}
    env["PYTHONIOENCODING"] = "utf-8"
    if min_fill_seconds is not None:
        env["MIN_FILL_SECONDS"] = str(min_fill_seconds)
    state, output = work / "state", work / "output"
    process = subprocess.Popen(
        [sys.executable, "-m", "careermitra.local.dev", "--host", HOST, "--port", "0", "--state-dir", str(state),
         "--output", str(output)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        encoding="utf-8", errors="replace")
    log: list[str] = []
    ready = threading.Event()

    def drain() -> None:  # the stack prints every mail's link: keep reading, or its pipe fills and it blocks
        assert process.stdout is not None
        for line in process.stdout:
            log.append(line)
            if "is running at" in line:
                ready.set()
        ready.set()

    threading.Thread(target=drain, name="stack-log", daemon=True).start()
    try:
        if not ready.wait(START_TIMEOUT) or process.poll() is not None:
            raise RuntimeError("the local stack did not start:\n" + "".join(log[-40:]))
        described = json.loads((state / "stack.json").read_text(encoding="utf-8"))
        yield Stack(described["site"], described["endpoint"], described["tables"], Path(described["outbox"]),
                    output, process, log)
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


class Outbox:
    """The verification links in the stack's outbox, by recipient; read as the mails arrive."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._seen: set[str] = set()
        self._links: dict[str, list[str]] = defaultdict(list)
        self._lock = threading.Lock()

    def link_for(self, email: str) -> str | None:
        with self._lock:
            if not self._links.get(email):
                self._read_new()
            links = self._links.get(email)
            return links[0] if links else None

    def _read_new(self) -> None:
        for path in sorted(self.folder.glob("*.eml")):
            if path.name in self._seen:
                continue
            self._seen.add(path.name)
            mail = message_from_bytes(path.read_bytes(), policy=policy.default)
            body = mail.get_body(("plain",))
            found = re.findall(r"https?://\S+/api/verify\?token=\S+", body.get_content() if body else "")
            if found:
                self._links[str(mail["To"])].extend(found)


# --- what the clients send ----------------------------------------------------------------------------
@dataclass
class Sample:
    """One request: its kind, the status (0 when no answer came), its latency and the failure if any."""

    kind: str
    status: int
    seconds: float
    failure: str | None = None  # "reset", "refused", "timeout", "error"


@dataclass
class Step:
    """One submission of a persona's plan and the status the API's rules say it must get."""

    kind: str  # "register", "verify" or "review"
    expected: int
    email: str = ""
    review: dict[str, Any] = field(default_factory=dict)
    limited_by: RateLimit | None = None  # the limit this step's expected status depends on
    status: int = 0
    link_refused: bool = False  # a verification link answered with the link-expired page
    answer_id: str | None = None
    windows: tuple[int, int] = (0, 0)  # the limit's window number when sent and when answered


@dataclass(frozen=True)
class Site:
    """What the clients fetch and submit: page and asset paths from the built site, slugs, the policy."""

    pages: list[str]
    assets: list[str]
    searches: list[str]
    slugs: list[str]
    policy_version: str


def site_of(output: Path) -> Site:
    """Paths a visitor asks for, read from the built site: home, institutions, listings, assets, search."""
    from pelican.settings import get_settings_from_file

    pages = ["/"]
    for folder in ("institutions", "cities", "states", "types", "courses"):
        for index in sorted((output / folder).glob("*/index.html")):
            pages.append(f"/{folder}/{index.parent.name}/")
    assets = sorted(f"/{path.relative_to(output).as_posix()}" for pattern in ("*.css", "*.js")
                    for path in output.rglob(pattern) if "_build" not in path.parts and "pagefind" not in path.parts)
    slugs = sorted(path.stem for path in (ROOT / "content" / "institutions").glob("*.md"))
    policy_version = get_settings_from_file(str(ROOT / "pelicanconf.py"))["POLICY_VERSION"]
    searches = ["/search/", "/search/?q=engineering", "/search/?q=pune", "/search/?q=mba&sort=fees"]
    return Site(pages, assets[:20], searches, slugs, str(policy_version))


def review_of(slug: str, number: int, variant: str = "") -> dict[str, Any]:
    """A plain review (no link, email or phone in it), distinct per `number` and `variant`."""
    rating = 1 + number % 5
    return {"institution": slug, "rating": rating, "aspects": dict.fromkeys(ASPECTS, rating),
            "title": f"Load review number {number}{variant}",
            "body": f"The faculty explain well and the library is open late. Written by load client {number}"
                    f"{variant}, about the course and the campus.",
            "course": "B.Tech", "graduation_year": 2024, "connection": "none"}


def plan_for(index: int, run: str, site: Site) -> list[Step]:
    """The submissions of client `index`: the first three clients each push one limit past its end."""
    own = f"load-{run}-{index}@example.com"
    email_limit, ip_limit, user_limit = limit("register", "email"), limit("register", "ip"), limit("review", "user")
    if index == 0:  # one address registered again and again: past the per-email limit, 429
        return [Step("register", 202 if k < email_limit.limit else 429, own, limited_by=email_limit)
                for k in range(email_limit.limit + 3)]
    if index == 1:  # many addresses from one IP: past the per-IP limit, 429
        return [Step("register", 202 if k < ip_limit.limit else 429, f"load-{run}-{index}-{k}@example.com",
                     limited_by=ip_limit) for k in range(ip_limit.limit + 4)]
    steps = [Step("register", 202, own), Step("verify", 303, own)]
    if index == 2:  # a verified user writing review after review: past the per-user limit, 429
        return [*steps, *(Step("review", 202 if k < user_limit.limit else 429,
                                    review=review_of(site.slugs[k % len(site.slugs)], k), limited_by=user_limit)
                               for k in range(user_limit.limit + 4))]
    slugs = random.Random(index).sample(site.slugs, 3)
    first = review_of(slugs[0], index)
    return [
        *steps,
        Step("review", 202, review=first),
        Step("review", 202, review=review_of(slugs[1], index)),
        Step("review", 202, review=review_of(slugs[2], index)),
        Step("review", 202, review=first),  # the same review sent again (a retry): the same id, no new item
        Step("review", 409, review=review_of(slugs[0], index, " (second thoughts)")),  # one per institution
        Step("register", 202, f"load-{run}-{index}-friend@example.com"),
    ]


class Client(threading.Thread):
    """One visitor from its own loopback address: pages, beacons and its plan's submissions, until done."""

    def __init__(self, index: int, stack: Stack, site: Site, outbox: Outbox, plan: list[Step],
                 deadline: float, max_requests: int) -> None:
        super().__init__(name=f"load-client-{index}", daemon=True)
        self.address = f"127.0.0.{index + 2}"
        self.stack, self.site, self.outbox, self.plan = stack, site, outbox, plan
        self.deadline, self.max_requests = deadline, max_requests
        self.random = random.Random(1000 + index)
        self.samples: list[Sample] = []
        self.cookies: dict[str, str] = {}
        self.tokens: dict[str, str] = {}
        self.tokens_ready_at = 0.0
        self.beacons_left = min(limit("events", "visitor").limit, limit("events", "ip").limit) // 2
        self.submit_chance = 1.0 if index < 3 else 0.25

    def run(self) -> None:
        self._start()
        next_step = 0
        while len(self.samples) < self.max_requests and time.monotonic() < self.deadline:
            due = next_step < len(self.plan) and time.monotonic() >= self.tokens_ready_at
            if due and self.random.random() < self.submit_chance and self._submit(self.plan[next_step]):
                next_step += 1
            elif self.beacons_left and self.random.random() < BEACON_SHARE:
                self._beacon()
            else:
                self._browse()

    # --- the visitor's requests ---------------------------------------------------------------------
    def _start(self) -> None:
        """Open the forms (fill-time tokens, reusable once old enough) and accept analytics."""
        wait = 0.0
        for form in ("register", "review"):
            status, _, body = self._request("form-token", "GET", f"/api/form-token?form={form}")
            if status == 200:
                answer = json.loads(body)
                self.tokens[form] = answer["token"]
                wait = max(wait, float(answer["min_seconds"]))  # the token's age counts whole seconds up
        self.tokens_ready_at = time.monotonic() + wait
        self._request("consent", "POST", "/api/consent", {"choice": "accept", "adult": True})

    def _browse(self) -> None:
        roll = self.random.random()
        if roll < 0.6:
            self._request("page", "GET", self.random.choice(self.site.pages))
        elif roll < 0.85 and self.site.assets:
            self._request("asset", "GET", self.random.choice(self.site.assets))
        else:
            self._request("search", "GET", self.random.choice(self.site.searches))

    def _beacon(self) -> None:
        self.beacons_left -= 1
        self._request("beacon", "POST", "/api/events",
                      {"path": self.random.choice(self.site.pages), "seconds": self.random.randint(1, 300)})

    def _submit(self, step: Step) -> bool:
        """Send one step of the plan; False when it cannot be sent yet (its mail has not arrived)."""
        if step.kind == "verify":
            link = self.outbox.link_for(step.email)
            if link is None:
                return False
            parts = urlsplit(link)
            status, headers, _ = self._request("verify", "GET", f"{parts.path}?{parts.query}")
            step.status = status
            step.link_refused = headers.get("location", "").endswith("/account/link-expired/")
            return True
        window_sent = self._window(step)
        if step.kind == "register":
            fields = {"name": "Load Tester", "email": step.email, "phone": "9812345678", "city": "Pune",
                      "consent": True, "adult": True, "policy_version": self.site.policy_version}
            status, _, body = self._request("register", "POST", "/api/register",
                                            {**fields, "form_token": self.tokens.get("register", "")})
        else:
            status, _, body = self._request("review", "POST", "/api/reviews",
                                            {**step.review, "form_token": self.tokens.get("review", "")})
            if status == 202:
                step.answer_id = json.loads(body)["id"]
        step.status, step.windows = status, (window_sent, self._window(step))
        self._renew_token("register" if step.kind == "register" else "review")
        return True

    def _renew_token(self, form: str) -> None:
        """A token works once: fetch the next one as the form's script does, keeping the form's opening time."""
        sent = quote(self.tokens.get(form, ""))
        status, _, body = self._request("form-token", "GET", f"/api/form-token?form={form}&renew={sent}")
        if status == 200:
            self.tokens[form] = json.loads(body)["token"]

    @staticmethod
    def _window(step: Step) -> int:
        seconds = int(step.limited_by.window.total_seconds()) if step.limited_by else 1
        return int(time.time()) // seconds

    def _request(self, kind: str, method: str, path: str,
                 payload: dict[str, Any] | None = None) -> tuple[int, dict[str, str], bytes]:
        """One request on a new connection (the local server speaks HTTP/1.0) from this client's address."""
        headers = {"Accept": "application/json", "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) CareerMitraLoad/1"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        data = None
        if payload is not None:
            data = json.dumps(payload).encode("utf-8")
            headers.update({"Content-Type": "application/json", "Origin": self.stack.site})
        started = time.perf_counter()
        connection = http.client.HTTPConnection(HOST, self.stack.port, timeout=REQUEST_TIMEOUT,
                                                source_address=(self.address, 0))
        try:
            connection.request(method, path, body=data, headers=headers)
            response = connection.getresponse()
            body = response.read()
            answer_headers = {name.lower(): value for name, value in response.getheaders()}
            for value in response.headers.get_all("Set-Cookie") or []:
                cookie = SimpleCookie()
                cookie.load(value)
                self.cookies.update({name: morsel.value for name, morsel in cookie.items()})
            self.samples.append(Sample(kind, response.status, time.perf_counter() - started))
            return response.status, answer_headers, body
        except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
            failure = "reset"
        except ConnectionRefusedError:
            failure = "refused"
        except TimeoutError:
            failure = "timeout"
        except (OSError, http.client.HTTPException):
            failure = "error"
        finally:
            connection.close()
        self.samples.append(Sample(kind, 0, time.perf_counter() - started, failure))
        return 0, {}, b""


# --- the report and the checks ------------------------------------------------------------------------
def percentile(sorted_seconds: list[float], fraction: float) -> float:
    """Nearest-rank percentile, in milliseconds."""
    if not sorted_seconds:
        return 0.0
    rank = max(0, min(len(sorted_seconds) - 1, round(fraction * len(sorted_seconds) + 0.5) - 1))
    return round(sorted_seconds[rank] * 1000, 1)


def latency_report(samples: list[Sample], seconds: float) -> dict[str, Any]:
    """Totals, requests per second, and per kind the count, latency percentiles and statuses."""
    kinds: dict[str, Any] = {}
    for kind in sorted({sample.kind for sample in samples}):
        mine = [sample for sample in samples if sample.kind == kind]
        times = sorted(sample.seconds for sample in mine)
        kinds[kind] = {"requests": len(mine), "p50_ms": percentile(times, 0.5), "p90_ms": percentile(times, 0.9),
                       "p99_ms": percentile(times, 0.99), "max_ms": round(times[-1] * 1000, 1),
                       "statuses": dict(sorted(Counter(str(sample.status) for sample in mine).items()))}
    failures = Counter(sample.failure for sample in samples if sample.failure)
    return {
        "requests": len(samples), "seconds": round(seconds, 1),
        "requests_per_second": round(len(samples) / seconds, 1) if seconds else 0.0,
        "statuses": dict(sorted(Counter(str(sample.status) for sample in samples).items())),
        "errors": {"5xx": sum(1 for sample in samples if sample.status >= 500),
                   "resets": failures["reset"], "refused": failures["refused"], "timeouts": failures["timeout"],
                   "other": failures["error"]},
        "kinds": kinds,
    }


@dataclass(frozen=True)
class TableCounts:
    """The items the checks compare: users and address items, review ids, stored page views."""

    users: int
    emails: int
    review_ids: frozenset[str]
    page_views: int


def table_counts(stack: Stack) -> TableCounts:
    """Read the tables through boto3 against the stack's moto endpoint."""
    import boto3

    client = boto3.client("dynamodb", endpoint_url=stack.endpoint, region_name="ap-south-1",
                          aws_access_key_id="local", aws_secret_access_key="local")

    def keys(table: str, attribute: str) -> list[str]:
        found: list[str] = []
        for page in client.get_paginator("scan").paginate(TableName=stack.tables[table],
                                                          ProjectionExpression=attribute):
            found.extend(item[attribute]["S"] for item in page["Items"])
        return found

    users = keys("UsersTable", "pk")
    events = keys("AnalyticsTable", "pk")
    return TableCounts(users=sum(pk.startswith("USER#") for pk in users),
                       emails=sum(pk.startswith("EMAIL#") for pk in users),
                       review_ids=frozenset(keys("ReviewsTable", "id")),
                       page_views=sum(pk.startswith("EVENTS#") for pk in events))


def check(name: str, passed: bool, detail: str) -> dict[str, Any]:
    return {"name": name, "passed": passed, "detail": detail}


def checks_of(report: dict[str, Any], plans: list[list[Step]], before: TableCounts,
              after: TableCounts, samples: list[Sample]) -> list[dict[str, Any]]:
    """Exact checks: statuses as the rules say, the tables hold what was accepted, no failure of any kind."""
    steps = [step for plan in plans for step in plan if step.status]
    # a plan whose limited steps fell in two windows of the limit (an hour turned over) cannot be judged exactly
    crossed = [plan for plan in plans if len({window for step in plan if step.limited_by and step.status
                                              for window in step.windows}) > 1]
    judged = [step for step in steps if not any(step in plan for plan in crossed)]
    wrong = [f"{step.kind} expected {step.expected}, got {step.status}"
             + (" to the link-expired page" if step.link_refused else "")
             for step in judged if step.status != step.expected or step.link_refused]
    registered = {step.email for step in steps if step.kind == "register" and step.status == 202}
    # An account exists only once its verification link is followed (a registration alone reserves nothing).
    verified = {step.email for step in steps if step.kind == "verify" and step.status == 303 and not step.link_refused}
    reviewed = {step.answer_id for step in steps if step.kind == "review" and step.answer_id}
    new_reviews = after.review_ids - before.review_ids
    page_views = sum(1 for sample in samples if sample.kind == "beacon" and sample.status == 204)
    unexpected = Counter(f"{sample.kind} {sample.status}" for sample in samples
                         if sample.status and sample.status not in EXPECTED_STATUSES[sample.kind])
    limits: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for step in judged:
        if step.limited_by and step.expected == 429:
            counts = limits[f"{step.limited_by.action} per {step.limited_by.per} ({step.limited_by.limit})"]
            counts[0] += 1
            counts[1] += step.status == 429
    errors = report["errors"]
    return [
        check("every submission got the answer the rules say", not wrong,
              f"{len(judged)} steps judged ({len(steps) - len(judged)} sent across a limit's window left out); "
              + ("; ".join(wrong[:10]) if wrong else "all as expected")),
        check("429 where the limits must fire", bool(limits) and all(a == b for a, b in limits.values()),
              ", ".join(f"{name}: {fired} of {due} due" for name, (due, fired) in sorted(limits.items()))
              or "no limit was reached in this run"),
        check("users table holds exactly the verified registrations",
              after.users - before.users == len(verified) == after.emails - before.emails
              and verified <= registered,
              f"{len(registered)} addresses accepted, {len(verified)} verified; "
              f"{after.users - before.users} new users, "
              f"{after.emails - before.emails} new address items"),
        check("reviews table holds exactly the accepted reviews", new_reviews == reviewed,
              f"{len(reviewed)} review ids accepted, {len(new_reviews)} new items"
              + ("" if new_reviews == reviewed else f", {len(new_reviews ^ reviewed)} differ")),
        check("analytics table holds exactly the accepted beacons", after.page_views - before.page_views == page_views,
              f"{page_views} beacons answered 204, {after.page_views - before.page_views} new events"),
        check("no unexpected status", not unexpected,
              ", ".join(f"{name}: {count}" for name, count in sorted(unexpected.items())) or "none"),
        check("zero 5xx", errors["5xx"] == 0, f"{errors['5xx']} answers of 500 or more"),
        check("zero resets, refusals, timeouts", errors["resets"] + errors["refused"] + errors["timeouts"]
              + errors["other"] == 0,
              f"resets {errors['resets']}, refused {errors['refused']}, timeouts {errors['timeouts']}, "
              f"other {errors['other']}"),
    ]


def stack_problems(log: list[str]) -> list[str]:
    """Lines of the stack's console that tell of a crash (a traceback, a handler that raised)."""
    return [line.strip() for line in log if "Traceback" in line or "raised" in line or line.startswith("!")]


# --- the run ------------------------------------------------------------------------------------------
def run_load(clients: int, duration: float, max_requests: int, out: Path,
             min_fill_seconds: int | None = None) -> dict[str, Any]:
    """Start the stack, run the clients, check the tables; the report (also written to `out`)."""
    if not 1 <= clients <= MAX_CLIENTS:
        raise ValueError(f"clients must be between 1 and {MAX_CLIENTS}")
    work = Path(tempfile.mkdtemp(prefix="careermitra-load-"))
    try:
        with running_stack(work, min_fill_seconds) as stack:
            site = site_of(stack.output)
            run = dt.datetime.now(dt.UTC).strftime("%H%M%S")
            plans = [plan_for(index, run, site) for index in range(clients)]
            before = table_counts(stack)
            outbox = Outbox(stack.outbox)
            started = time.monotonic()
            threads = [Client(index, stack, site, outbox, plans[index], started + duration, max_requests)
                       for index in range(clients)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            seconds = time.monotonic() - started
            samples = [sample for thread in threads for sample in thread.samples]
            time.sleep(1.0)  # let the stream worker finish what the last reviews started
            after = table_counts(stack)
            report = latency_report(samples, seconds)
            checks = checks_of(report, plans, before, after, samples)
            problems = stack_problems(stack.log)
            checks.append(check("the stack logged no crash", not problems, "; ".join(problems[:5]) or "none"))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result = {"settings": {"clients": clients, "duration_seconds": duration, "max_requests_per_client": max_requests,
                           "min_fill_seconds": min_fill_seconds, "cpus": os.cpu_count()},
              **report, "checks": checks, "passed": all(item["passed"] for item in checks)}
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return result


def print_report(result: dict[str, Any]) -> None:
    print(f"{result['requests']} requests in {result['seconds']} s: {result['requests_per_second']} requests/s, "
          f"{result['settings']['clients']} clients")
    print(f"{'kind':<11}{'requests':>9}{'p50 ms':>9}{'p90 ms':>9}{'p99 ms':>9}{'max ms':>9}  statuses")
    for kind, row in result["kinds"].items():
        statuses = ", ".join(f"{status}: {count}" for status, count in row["statuses"].items())
        print(f"{kind:<11}{row['requests']:>9}{row['p50_ms']:>9}{row['p90_ms']:>9}{row['p99_ms']:>9}"
              f"{row['max_ms']:>9}  {statuses}")
    errors = result["errors"]
    print(f"5xx {errors['5xx']} · resets {errors['resets']} · refused {errors['refused']} · "
          f"timeouts {errors['timeouts']} · other failures {errors['other']}")
    for item in result["checks"]:
        print(f"{'ok  ' if item['passed'] else 'FAIL'} {item['name']}: {item['detail']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Load the local stack with concurrent clients, then check it.")
    parser.add_argument("--clients", type=int, default=50, help=f"concurrent clients (1-{MAX_CLIENTS})")
    parser.add_argument("--duration", type=float, default=60.0, help="seconds the clients run")
    parser.add_argument("--max-requests", type=int, default=20_000, help="requests per client at most")
    parser.add_argument("--out", type=Path, default=RESULTS, help="where the JSON report goes")
    parser.add_argument("--min-fill-seconds", type=int, help="the API's minimum form fill time (default: its own)")
    args = parser.parse_args(argv)
    result = run_load(args.clients, args.duration, args.max_requests, args.out, args.min_fill_seconds)
    print_report(result)
    print(f"written to {args.out}")
    return 0 if result["passed"] else 1


if __name__ == "__main__":
    sys.exit(main())
