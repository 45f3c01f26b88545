"""The server behind `make serve`: `mkdocs serve`, answering with an error page while a
rebuild has failed.

MkDocs holds every page request until the site builds again, so after a failed rebuild the
browser waits with no word of what is wrong. Here the server remembers the failure (the
warnings and errors logged during that build, and the exception that ended it) and answers
page requests with a page that names it, reloading itself until a build succeeds. MkDocs
offers no hook for this, so its server class is extended; the attributes used are those of
the pinned MkDocs 1.6, and tests/test_preview.py fails if they change.

Run by scripts/preview.py as `python -m scripts.preview_server [mkdocs serve options]`.
"""

from __future__ import annotations

import html
import logging
import sys
from collections.abc import Callable, Iterable
from typing import Any

from mkdocs.__main__ import cli
from mkdocs.commands import serve as serve_command
from mkdocs.livereload import LiveReloadServer
from mkdocs.livereload import _Handler as MkDocsRequestHandler

# How often the error page asks the browser to try again, in seconds.
RETRY_S = 2
# The error page's status: the site is unavailable until a build succeeds.
UNAVAILABLE = 503


def error_page(problem: str) -> bytes:
    """An HTML page naming `problem` (escaped), which reloads itself until the site builds."""
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="refresh" content="{RETRY_S}">'
        "<title>Preview: the site could not be built</title></head><body>"
        "<h1>The site could not be built</h1>"
        "<p>Fix the problem below and save the file. This page reloads by itself.</p>"
        f"<pre>{html.escape(problem)}</pre></body></html>\n"
    ).encode()


def error_headers(body: bytes) -> list[tuple[str, str]]:
    """The headers of the page shown while the site cannot be built."""
    return [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Content-Length", str(len(body))),
        ("Cache-Control", "no-store"),
        ("Retry-After", str(RETRY_S)),
    ]


class _Problems(logging.Handler):
    """Collects what MkDocs and its plugins log as warnings or errors during one build."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


class _RequestHandler(MkDocsRequestHandler):
    """Logs the error page's answers quietly: MkDocs logs other failed requests as warnings,
    and in strict mode a warning logged during a rebuild fails it, so a browser reloading
    the error page would keep the build failing."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        if str(code) == str(UNAVAILABLE):
            logging.getLogger("mkdocs.livereload").debug('"%s" code %s', self.requestline, code)
        else:
            # mkdocs' livereload handler has no type hints
            super().log_request(code, size)  # type: ignore[no-untyped-call]


class PreviewServer(LiveReloadServer):
    """LiveReloadServer that answers with an error page while the last rebuild failed."""

    def __init__(self, builder: Callable[..., None], *args: Any, **kwargs: Any) -> None:
        self.problem: str | None = None
        super().__init__(self._reporting(builder), *args, **kwargs)
        self.RequestHandlerClass = _RequestHandler
        self.set_app(self._answer)

    def _reporting(self, builder: Callable[..., None]) -> Callable[..., None]:
        def build(*args: Any, **kwargs: Any) -> None:
            problems = _Problems()
            logger = logging.getLogger("mkdocs")
            logger.addHandler(problems)
            try:
                builder(*args, **kwargs)
            except BaseException as error:  # SystemExit too: mkdocs-macros calls exit()
                self._failed("\n".join([*problems.lines, _describe(error)]))
                raise
            else:
                self.problem = None
            finally:
                logger.removeHandler(problems)

        return build

    def _failed(self, problem: str) -> None:
        # MkDocs waits for the visible version of the site to catch up with the one being
        # built; after a failure it never does. Calling the failed version the wanted one
        # releases the requests already waiting, and the new ones get the error page.
        with self._epoch_cond:
            self.problem = problem
            self._wanted_epoch = self._visible_epoch
            self._epoch_cond.notify_all()

    def _answer(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        if not environ.get("PATH_INFO", "").startswith("/livereload/"):
            with self._epoch_cond:  # a build under way: wait for it to end either way
                self._epoch_cond.wait_for(
                    lambda: self.problem is not None or self._visible_epoch == self._wanted_epoch
                )
            problem = self.problem
            if problem is not None:
                body = error_page(problem)
                start_response(f"{UNAVAILABLE} Service Unavailable", error_headers(body))
                return [body]
        return self.serve_request(environ, start_response)


def _describe(error: BaseException) -> str:
    if isinstance(error, SystemExit):
        return f"The build stopped (exit status {error.code})."
    return f"{type(error).__name__}: {error}".rstrip(": ")


def main(argv: list[str]) -> None:
    """Run `mkdocs serve` with the preview's own server class."""
    # mkdocs imports the class without re-exporting it; replacing it is how serve takes ours
    serve_command.LiveReloadServer = PreviewServer  # type: ignore[attr-defined]
    cli(["serve", *argv], prog_name="mkdocs")


if __name__ == "__main__":
    main(sys.argv[1:])
