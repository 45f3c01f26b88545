"""External links (only with --external): concurrent, polite, retried and cached.

Each distinct URL is requested once: HEAD first, then GET when HEAD gets an error answer
(many servers refuse or mishandle HEAD). Threads from the standard library do the waiting;
a semaphore per host keeps at most `per_host` requests open to one server. Timeouts,
connection errors, 429 and 5xx answers are retried with exponential backoff. Successful
answers are cached on disk for `cache_ttl` seconds; failures are always checked again.
"""

from __future__ import annotations

import json
import os
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from .findings import Finding
from .urls import MalformedURL, split_web_url

_RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass
class ExternalOptions:
    """How external links are fetched: timeouts, retries and requests per host."""

    timeout: float = 10.0  # seconds per request
    retries: int = 2  # extra attempts after the first
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    per_host: int = 4
    workers: int = 16
    cache: Path | None = Path(".cache/linkcheck/external.json")
    cache_ttl: float = 24 * 3600.0
    user_agent: str = "Mozilla/5.0 (compatible; site-link-check/1.0)"


@dataclass(frozen=True)
class Outcome:
    """How one URL answered: an HTTP status, or the error that stopped the request."""

    status: int | None
    error: str = ""

    @property
    def ok(self) -> bool:
        """Whether the URL answered with a status below 400."""
        return self.status is not None and self.status < 400

    @property
    def retryable(self) -> bool:
        """Whether trying again may help (no answer, or a status that may pass)."""
        return self.status is None or self.status in _RETRY_STATUSES


def check_external(
    occurrences: dict[str, list[tuple[str, str, str]]], options: ExternalOptions
) -> list[Finding]:
    """Findings for every occurrence of an external URL that does not answer successfully."""
    cache = Cache(options.cache, options.cache_ttl)
    todo = [url for url in sorted(occurrences) if not cache.fresh(url)]
    outcomes = fetch_all(todo, options)
    cache.store({url: o for url, o in outcomes.items() if o.ok})
    findings: list[Finding] = []
    for url, outcome in sorted(outcomes.items()):
        if outcome.ok:
            continue
        if outcome.status is not None:
            reason, message = "external-broken", f"external link {url} answered {outcome.status}"
        else:
            reason, message = "external-unreachable", f"external link {url} failed: {outcome.error}"
        findings.extend(
            Finding(page=page, reason=reason, message=message, href=href, element=element)
            for page, href, element in occurrences[url]
        )
    return findings


def fetch_all(urls: list[str], options: ExternalOptions) -> dict[str, Outcome]:
    """Fetch every URL in `urls`, a few at a time per host; the outcome of each."""
    gates: dict[str, threading.BoundedSemaphore] = defaultdict(
        lambda: threading.BoundedSemaphore(options.per_host)
    )
    outcomes: dict[str, Outcome] = {}
    requests: dict[str, tuple[str, str]] = {}  # URL as written -> (URL to request, host)
    for url in urls:
        try:
            host, rest = split_web_url(url)
        except MalformedURL as error:  # the page scan reports these; kept here for callers
            outcomes[url] = Outcome(None, f"malformed URL: {error}")
            continue
        requests[url] = (request_url(url, host, rest), host)
        gates[host]  # every gate made before the threads start: no race on the dict
    if not requests:
        return outcomes
    with ThreadPoolExecutor(max_workers=min(options.workers, len(requests))) as pool:
        futures = {
            url: pool.submit(check_url, target, options, gates[host])
            for url, (target, host) in requests.items()
        }
        return outcomes | {url: future.result() for url, future in futures.items()}


def request_url(url: str, host: str, rest: str) -> str:
    """The URL as a browser sends it: ASCII host, no credentials or fragment, the path and
    query percent-encoded (urllib refuses spaces and non-ASCII characters)."""
    scheme = url[: url.index(":")].lower()
    rest = rest.partition("#")[0]
    path, question, query = rest.partition("?")
    path = quote(path.replace("\\", "/"), safe="/%!$&'()*+,;=:@~")
    query = quote(query, safe="/?%!$&'()*+,;=:@~")
    return f"{scheme}://{host}{path or '/'}{question}{query}"


def check_url(url: str, options: ExternalOptions, gate: threading.BoundedSemaphore) -> Outcome:
    """One URL, retried with backoff while the failure may be passing."""
    outcome = Outcome(None, "not attempted")
    for attempt in range(options.retries + 1):
        if attempt:
            time.sleep(options.backoff * 2 ** (attempt - 1))
        with gate:
            outcome = _request(url, "HEAD", options)
            # Many servers refuse or mishandle HEAD: an error answer is asked again with GET
            # (not a timeout: the server did not answer at all).
            if not outcome.ok and outcome.status is not None:
                outcome = _request(url, "GET", options)
        if not outcome.retryable:
            break
    return outcome


def _request(url: str, method: str, options: ExternalOptions) -> Outcome:
    try:
        request = urllib.request.Request(
            url, method=method, headers={"User-Agent": options.user_agent, "Accept": "*/*"}
        )
        with urllib.request.urlopen(request, timeout=options.timeout) as response:  # noqa: S310
            if method == "GET":
                response.read(1024)  # enough to know the body starts; the rest is not needed
            return Outcome(response.status)
    except urllib.error.HTTPError as error:
        error.close()
        return Outcome(error.code)
    except urllib.error.URLError as error:
        return Outcome(None, str(error.reason))
    except (TimeoutError, OSError, ValueError) as error:
        return Outcome(None, str(error) or type(error).__name__)


class Cache:
    """Successful outcomes by URL, with the time they were seen; expired entries are ignored."""

    def __init__(self, path: Path | None, ttl: float) -> None:
        self.path = path
        self.ttl = ttl
        self.entries: dict[str, dict[str, float | int]] = {}
        if path is not None and path.is_file():
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(loaded, dict):
                    self.entries = loaded
            except (OSError, ValueError):
                self.entries = {}  # a damaged cache is only a slower run, never an error

    def fresh(self, url: str) -> bool:
        """Whether the cache holds `url` from within its lifetime."""
        entry = self.entries.get(url)
        return isinstance(entry, dict) and time.time() - float(entry.get("time", 0)) < self.ttl

    def store(self, outcomes: dict[str, Outcome]) -> None:
        """Remember `outcomes`, forget entries past their lifetime, and write the cache file."""
        if self.path is None:
            return
        now = time.time()
        for url, outcome in outcomes.items():
            self.entries[url] = {"status": outcome.status or 0, "time": now}
        self.entries = {
            u: e
            for u, e in self.entries.items()
            if isinstance(e, dict) and now - float(e.get("time", 0)) < self.ttl
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(self.entries, out, indent=0, sort_keys=True)
        os.replace(temp, self.path)
