# ruff: noqa: E501 - the templates copy Material's markup line for line, long lines included.
"""Write a synthetic static site in the shape Material for MkDocs produces, with known faults.

Running `mkdocs build` for 8,000 pages takes many minutes, so the pages are written directly:
the same head, header, navigation sidebars, table of contents, article, footer and
configuration script that Material 9 emits, with directory URLs, relative links and an
absolute canonical link to `SITE_URL`. Every page is reachable from the home page.

On top of that, `generate` injects faults (each one a link that must be reported) and traps
(valid links that naive checkers get wrong, which must not be reported). `Fault` records say
which page holds each fault and what it points at, so a benchmark can score any tool's output.
"""

from __future__ import annotations

import json
import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

SITE_URL = "https://example.org/guide/"
PAGES_PER_SECTION = 40
HEADINGS = 10
WORDS = [
    *[
        "ketamine",
        "infusion",
        "session",
        "clinic",
        "dose",
        "response",
        "depression",
        "relief",
        "monitoring",
    ],
    *[
        "blood",
        "pressure",
        "nurse",
        "treatment",
        "course",
        "weeks",
        "effect",
        "mood",
        "plan",
        "review",
        "safety",
    ],
    *[
        "evidence",
        "trial",
        "patients",
        "doctor",
        "referral",
        "symptoms",
        "brain",
        "receptor",
        "recovery",
    ],
]
ICON = (
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M12 8a3 3 0 0 0 3-3 '
    "3 3 0 0 0-3-3 3 3 0 0 0-3 3 3 3 0 0 0 3 3m0 3.54C9.64 9.35 6.5 8 3 8v11c3.5 0 6.64 1.35 9 "
    '3.54 2.36-2.19 5.5-3.54 9-3.54V8c-3.5 0-6.64 1.35-9 3.54"/></svg>'
)


@dataclass(frozen=True)
class Fault:
    """One injected problem: `page` (file under the site) holds `href`, which must be reported.

    `token` is what any tool's report of it must mention: a piece of the URL it reports on
    that page (compared percent-decoded), "" for the page's own address (an empty href), or
    None for page-level faults that no URL names (orphans, missing required links).
    """

    kind: str
    page: str
    href: str
    reason: str  # this checker's reason for it
    token: str | None


@dataclass
class Manifest:
    """What a generated site holds: pages, bytes, links and the faults planted in it."""

    pages: int
    html_bytes: int = 0
    links: int = 0
    faults: list[Fault] = field(default_factory=list)
    rules: str = ""  # path of the cross-reference rules file written beside the site

    def to_json(self) -> str:
        """The manifest as JSON."""
        return json.dumps({**asdict(self), "faults": [asdict(f) for f in self.faults]}, indent=1)


def page_paths(pages: int) -> list[str]:
    """Site-relative directories of the content pages: s000/p000/ ... in sections of 40."""
    return [f"s{i // PAGES_PER_SECTION:03d}/p{i % PAGES_PER_SECTION:03d}/" for i in range(pages)]


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n))


def _head(title: str, url: str, up: str, prev_url: str | None, next_url: str | None) -> str:
    links = [f'<link rel="canonical" href="{SITE_URL}{url}">']
    if prev_url is not None:
        links.append(f'<link rel="prev" href="{prev_url}">')
    if next_url is not None:
        links.append(f'<link rel="next" href="{next_url}">')
    joined = "\n      ".join(links)
    return f"""
<!doctype html>
<html lang="en" class="no-js">
  <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width,initial-scale=1">
      <meta name="description" content="{title}: plain-English information.">
      {joined}
      <link rel="icon" href="{up}assets/images/favicon.png">
      <meta name="generator" content="mkdocs-1.6.1, mkdocs-material-9.8.2">
      <title>{title} - Synthetic Guide</title>
      <link rel="stylesheet" href="{up}assets/stylesheets/main.57a0d79d.min.css">
      <link rel="stylesheet" href="{up}assets/stylesheets/palette.fb2fffe2.min.css">
      <link rel="stylesheet" href="{up}assets/stylesheets/site.css">
    <script>__md_scope=new URL("{up or "."}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e))</script>
    <meta property="og:type" content="article">
    <meta property="og:url" content="{SITE_URL}{url}">
  </head>
  <body dir="ltr" data-md-color-scheme="default" data-md-color-primary="indigo">
    <input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
    <input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">
    <label class="md-overlay" for="__drawer"></label>
"""


def _header(up: str, title: str, first_id: str) -> str:
    return f"""
    <div data-md-component="skip">
        <a href="#{first_id}" class="md-skip">
          Skip to content
        </a>
    </div>
<header class="md-header md-header--shadow" data-md-component="header">
  <nav class="md-header__inner md-grid" aria-label="Header">
    <a href="{up or "."}" title="Synthetic Guide" class="md-header__button md-logo" aria-label="Synthetic Guide" data-md-component="logo">
      {ICON}
    </a>
    <label class="md-header__button md-icon" for="__drawer">
      {ICON}
    </label>
    <div class="md-header__title" data-md-component="header-title">
      <div class="md-header__ellipsis">
        <div class="md-header__topic"><span class="md-ellipsis">Synthetic Guide</span></div>
        <div class="md-header__topic" data-md-component="header-topic">
          <span class="md-ellipsis">{title}</span>
        </div>
      </div>
    </div>
    <form class="md-header__option" data-md-component="palette">
      <input class="md-option" data-md-color-media="(prefers-color-scheme: light)" data-md-color-scheme="default" aria-label="Switch to dark mode" type="radio" name="__palette" id="__palette_0">
      <label class="md-header__button md-icon" title="Switch to dark mode" for="__palette_1" hidden>{ICON}</label>
      <input class="md-option" data-md-color-media="(prefers-color-scheme: dark)" data-md-color-scheme="slate" aria-label="Switch to light mode" type="radio" name="__palette" id="__palette_1">
      <label class="md-header__button md-icon" title="Switch to light mode" for="__palette_0" hidden>{ICON}</label>
    </form>
    <label class="md-header__button md-icon" for="__search">{ICON}</label>
    <div class="md-search" data-md-component="search" role="dialog">
      <label class="md-search__overlay" for="__search"></label>
      <div class="md-search__inner" role="search">
        <form class="md-search__form" name="search">
          <input type="text" class="md-search__input" name="query" aria-label="Search" placeholder="Search" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" data-md-component="search-query" required>
          <label class="md-search__icon md-icon" for="__search">{ICON}{ICON}</label>
          <nav class="md-search__options" aria-label="Search">
            <button type="reset" class="md-search__icon md-icon" title="Clear" aria-label="Clear" tabindex="-1">{ICON}</button>
          </nav>
          <div class="md-search__suggest" data-md-component="search-suggest"></div>
        </form>
        <div class="md-search__output">
          <div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>
            <div class="md-search-result" data-md-component="search-result">
              <div class="md-search-result__meta">Initializing search</div>
              <ol class="md-search-result__list" role="presentation"></ol>
            </div>
          </div>
        </div>
      </div>
    </div>
    <div class="md-header__source">
      <a href="https://github.com/example/guide" title="Go to repository" class="md-source">
        <div class="md-source__icon md-icon">{ICON}</div>
        <div class="md-source__repository">example/guide</div>
      </a>
    </div>
  </nav>
</header>
"""


def _nav_item(href: str, label: str, active: bool = False) -> str:
    cls = "md-nav__link md-nav__link--active" if active else "md-nav__link"
    return f"""
    <li class="md-nav__item">
      <a href="{href}" class="{cls}">
  <span class="md-ellipsis">
    {label}
  </span>
      </a>
    </li>"""


def _primary_nav(up: str, section: int, sections: int, section_pages: list[str], here: str) -> str:
    """The left sidebar: home, nearby sections, and the current section expanded (pruned nav)."""
    items = [_nav_item(up or ".", "Home")]
    for other in range(max(0, section - 8), min(sections, section + 9)):
        items.append(_nav_item(f"{up}s{other:03d}/", f"Section {other}"))
    for n, page in enumerate(section_pages):
        items.append(f'<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_{n}">')
        items.append(_nav_item(f"{up}{page}", page.rstrip("/").rsplit("/", 1)[-1], page == here))
    body = "".join(items)
    return f"""
<div class="md-sidebar md-sidebar--primary" data-md-component="sidebar" data-md-type="navigation">
  <div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner">
<nav class="md-nav md-nav--primary" aria-label="Navigation" data-md-level="0">
  <label class="md-nav__title" for="__drawer">
    <a href="{up or "."}" title="Synthetic Guide" class="md-nav__button md-logo" aria-label="Synthetic Guide" data-md-component="logo">{ICON}</a>
    Synthetic Guide
  </label>
  <ul class="md-nav__list" data-md-scrollfix>{body}
  </ul>
</nav>
  </div></div>
</div>"""


def _toc(heading_ids: list[str]) -> str:
    items = "".join(_nav_item(f"#{h}", h.replace("-", " ")) for h in heading_ids)
    return f"""
<div class="md-sidebar md-sidebar--secondary" data-md-component="sidebar" data-md-type="toc">
  <div class="md-sidebar__scrollwrap"><div class="md-sidebar__inner">
<nav class="md-nav md-nav--secondary" aria-label="Table of contents">
  <label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>Table of contents</label>
  <ul class="md-nav__list" data-md-component="toc" data-md-scrollfix>{items}
  </ul>
</nav>
  </div></div>
</div>"""


def _code_block(block: int, lines: int) -> str:
    rows = []
    for n in range(1, lines + 1):
        anchor = f"__codelineno-{block}-{n}"
        rows.append(
            f'<span id="{anchor}"><a id="{anchor}" name="{anchor}" href="#{anchor}"></a>'
            f'<span class="n">dose</span><span class="o">=</span><span class="mi">{n}</span>'
            "\n</span>"
        )
    return f'<div class="highlight"><pre><span></span><code>{"".join(rows)}</code></pre></div>\n'


def _footer(prev_link: tuple[str, str] | None, next_link: tuple[str, str] | None) -> str:
    parts = []
    if prev_link:
        parts.append(
            f'<a href="{prev_link[0]}" class="md-footer__link md-footer__link--prev" '
            f'aria-label="Previous: {prev_link[1]}"><div class="md-footer__button md-icon">'
            f'{ICON}</div><div class="md-footer__title"><span class="md-footer__direction">'
            f'Previous</span><div class="md-ellipsis">{prev_link[1]}</div></div></a>'
        )
    if next_link:
        parts.append(
            f'<a href="{next_link[0]}" class="md-footer__link md-footer__link--next" '
            f'aria-label="Next: {next_link[1]}"><div class="md-footer__title"><span '
            f'class="md-footer__direction">Next</span><div class="md-ellipsis">'
            f'{next_link[1]}</div></div><div class="md-footer__button md-icon">{ICON}'
            "</div></a>"
        )
    return f"""
<footer class="md-footer">
  <nav class="md-footer__inner md-grid" aria-label="Footer">
    {"".join(parts)}
  </nav>
  <div class="md-footer-meta md-typeset"><div class="md-footer-meta__inner md-grid">
    <div class="md-copyright">Made with
      <a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">Material for MkDocs</a>
    </div>
  </div></div>
</footer>"""


def _tail(up: str) -> str:
    config = json.dumps(
        {
            "annotate": None,
            "base": up.rstrip("/") or ".",
            "features": [
                "navigation.footer",
                "navigation.sections",
                "search.suggest",
                "toc.follow",
            ],
            "search": f"{up}assets/javascripts/workers/search.min.js",
            "translations": {
                "clipboard.copied": "Copied to clipboard",
                "search.result.placeholder": "Type to start searching",
            },
            "version": None,
        }
    )
    return f"""
    <div class="md-dialog" data-md-component="dialog"><div class="md-dialog__inner md-typeset"></div></div>
      <script id="__config" type="application/json">{config}</script>
      <script src="{up}assets/javascripts/bundle.min.js"></script>
  </body>
</html>
"""


@dataclass
class PageSpec:
    """What one generated page holds besides the Material chrome."""

    path: str  # site-relative directory, "" for home
    title: str
    nav_pages: list[str]
    section: int
    content_links: list[str]
    extra_html: list[str] = field(default_factory=list)
    prev_page: str | None = None
    next_page: str | None = None


def _relative(from_dir: str, to_dir: str) -> str:
    """The relative URL Material writes from page directory `from_dir` to `to_dir`."""
    up = "../" * from_dir.count("/")
    return up + to_dir if (up + to_dir) else "."


def render_page(spec: PageSpec, sections: int, rng: random.Random) -> str:
    """The HTML of one generated page, with its headings, navigation and links."""
    up = "../" * spec.path.count("/")
    slug = spec.title.lower().replace(" ", "-")
    heading_ids = [slug] + [f"h2-{n}" for n in range(1, HEADINGS + 1)]
    prev_url = _relative(spec.path, spec.prev_page) if spec.prev_page is not None else None
    next_url = _relative(spec.path, spec.next_page) if spec.next_page is not None else None
    out = [_head(spec.title, spec.path, up, prev_url, next_url), _header(up, spec.title, slug)]
    out.append(
        '<div class="md-container" data-md-component="container"><main class="md-main" '
        'data-md-component="main"><div class="md-main__inner md-grid">'
    )
    out.append(_primary_nav(up, spec.section, sections, spec.nav_pages, spec.path))
    out.append(_toc(heading_ids[1:]))
    out.append(
        '<div class="md-content" data-md-component="content"><article '
        'class="md-content__inner md-typeset">'
    )
    out.append(
        f'<a href="https://github.com/example/guide/edit/main/docs/{spec.path or "index"}'
        f'.md" title="Edit this page" class="md-content__button md-icon" rel="edit">{ICON}</a>'
    )
    out.append(
        f'<h1 id="{slug}">{spec.title}<a class="headerlink" href="#{slug}" '
        'title="Permanent link">&para;</a></h1>\n'
    )
    links = list(spec.content_links)
    for n, hid in enumerate(heading_ids[1:]):
        out.append(
            f'<h2 id="{hid}">Heading {n + 1}<a class="headerlink" href="#{hid}" '
            'title="Permanent link">&para;</a></h2>\n'
        )
        para = []
        for _ in range(3):
            link = ""
            if links:
                link = f' <a href="{links.pop()}">{_words(rng, 3)}</a>'
            para.append(f"<p>{_words(rng, 45)}{link} {_words(rng, 25)}.</p>\n")
        out.extend(para)
        if n == 3:
            out.append(_code_block(0, 8))
        if n == 5:
            out.append(
                f'<p><img src="{up}assets/images/fig.png" alt="Figure" '
                f'srcset="{up}assets/images/fig@2x.png 2x"></p>\n'
            )
    out.extend(f'<p><a href="{link}">{_words(rng, 2)}</a></p>\n' for link in links)
    out.extend(spec.extra_html)
    out.append("</article></div></div>")
    out.append(
        _footer(
            (prev_url, "Previous page") if prev_url else None,
            (next_url, "Next page") if next_url else None,
        )
    )
    out.append("</main></div>")
    out.append(_tail(up))
    return "".join(out)


def _redirect_page(target: str) -> str:
    """The stub mkdocs-redirects writes for a moved page."""
    return f"""<!doctype html>
<html lang="en">
<head>
    <meta charset="utf-8">
    <title>Redirecting...</title>
    <link rel="canonical" href="{target}">
    <meta name="robots" content="noindex">
    <script>var anchor=window.location.hash.substr(1);location.href="{target}"+(anchor?"#"+anchor:"")</script>
    <meta http-equiv="refresh" content="0; url={target}">
</head>
<body>
Redirecting...
</body>
</html>
"""


ASSETS = (
    "assets/stylesheets/main.57a0d79d.min.css",
    "assets/stylesheets/palette.fb2fffe2.min.css",
    "assets/stylesheets/site.css",
    "assets/javascripts/bundle.min.js",
    "assets/javascripts/workers/search.min.js",
    "assets/images/favicon.png",
    "assets/images/fig.png",
    "assets/images/fig@2x.png",
    "assets/images/a,b.png",
    "assets/files/guide.pdf",
)


class _Builder:
    """Holds the page specs while faults and traps are placed, then writes them out."""

    def __init__(self, pages: int, seed: int) -> None:
        self.rng = random.Random(seed)
        self.paths = page_paths(pages)
        self.sections = (pages + PAGES_PER_SECTION - 1) // PAGES_PER_SECTION
        self.specs: dict[str, PageSpec] = {}
        self.faults: list[Fault] = []
        self.extra_files: dict[str, str] = {}
        by_section: dict[int, list[str]] = {}
        for path in self.paths:
            by_section.setdefault(int(path[1:4]), []).append(path)
        self.by_section = by_section
        self._make_specs()

    def _make_specs(self) -> None:
        section_dirs = [f"s{s:03d}/" for s in range(self.sections)]
        home_links = [_relative("", d) for d in section_dirs]
        self.specs[""] = PageSpec("", "Home", [], 0, home_links)
        for s, pages in self.by_section.items():
            index = f"s{s:03d}/"
            self.specs[index] = PageSpec(index, f"Section {s}", pages, s, [])
            for k, path in enumerate(pages):
                others = self.rng.sample(self.paths, 6)
                links = [_relative(path, o) for o in others]
                links += [
                    _relative(path, o) + f"#h2-{self.rng.randint(1, HEADINGS)}"
                    for o in self.rng.sample(self.paths, 4)
                ]
                links += [f"#h2-{self.rng.randint(1, HEADINGS)}" for _ in range(3)]
                spec = PageSpec(path, f"Page {s}-{k}", pages, s, links)
                spec.prev_page = pages[k - 1] if k else index
                spec.next_page = pages[k + 1] if k + 1 < len(pages) else None
                self.specs[path] = spec

    def pick(self) -> PageSpec:
        # The first three pages carry the cross-reference rule: keep them free of extra links.
        return self.specs[self.rng.choice(self.paths[3:])]

    def write(self, out: Path) -> Manifest:
        manifest = Manifest(pages=len(self.specs), faults=self.faults)
        for asset in ASSETS:
            target = out / asset
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(b"/* asset */\n")
        for rel, text in self.extra_files.items():
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        for spec in self.specs.values():
            html = render_page(spec, self.sections, self.rng)
            target = out / spec.path / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            data = html.encode("utf-8")
            target.write_bytes(data)
            manifest.html_bytes += len(data)
            manifest.links += html.count(' href="') + html.count(' src="')
        return manifest


def _place_traps(b: _Builder) -> None:
    """Valid references that a browser follows without trouble: none may be reported."""
    up = "../../"
    traps = [
        f'<img alt="" srcset="{up}assets/images/a,b.png 1x, {up}assets/images/fig@2x.png 2x">',
        '<a href="../p001/?from=trap&amp;b=2#h2-1">query and entity</a>',
        '<a href="#top">top</a> <a href="#">top too</a> <a href="#TOP">top, any case</a>',
        '<a href="../../s000/caf%C3%A9/#r%C3%A9sum%C3%A9">encoded</a> '
        '<a href="../../s000/café/#résumé">raw</a>',
        f'<a href="{up}assets/files/guide.pdf#page=2">PDF page</a>',
        '<a href="../p002/" href="../no-such-page/">first attribute wins</a>',
        '<script>var tpl=\'<a href="../script-only/">x</a><img src="nope.png">\';</script>',
        '<a href="mailto:team@example.org">m</a> <a href="tel:+441234">t</a> '
        '<a href="javascript:void(0)">j</a> <img alt="" src="data:image/gif;base64,R0lGOD">',
        '<a href="../../s000/../s000/p003/">dot segments</a> <a href="../p001">no slash</a>',
        '<a name="legacy-target"></a><a href="#legacy-target">name on a</a>',
        '<pre><code><a href="../p004/#h2-2">link in code</a></code></pre>',
        f'<a href="{SITE_URL}s000/p005/#h2-3">absolute own address</a>',
        '<a href="../../moved/">through a redirect</a>',
    ]
    for html in traps:
        b.pick().extra_html.append(f"<p>{html}</p>\n")
    cafe = "s000/café/"
    b.specs[cafe] = PageSpec(cafe, "Cafe", b.by_section[0], 0, [])
    b.specs[cafe].extra_html.append('<h2 id="résumé">Résumé</h2>\n')
    b.specs["s000/"].content_links.append("café/")
    b.extra_files["moved/index.html"] = _redirect_page("../s000/p000/")


# (kind, this checker's reason, href, the HTML holding it or None for <a href>, token)
_FAULTS = [
    ("missing-page", "missing-page", "../p-does-not-exist/", None, "p-does-not-exist"),
    ("missing-page", "missing-page", "../../s000/p999/", None, "s000/p999"),
    ("missing-anchor", "missing-anchor", "../p003/#no-such-heading", None, "no-such-heading"),
    ("missing-anchor", "missing-anchor", "../../s001/p002/#gone", None, "#gone"),
    ("missing-anchor-local", "missing-anchor", "#missing-here", None, "missing-here"),
    ("anchor-case", "missing-anchor", "#H2-1", None, "#H2-1"),
    ("name-not-on-a", "missing-anchor", "#description", None, "#description"),
    (
        "missing-image",
        "missing-page",
        "../../assets/images/missing.png",
        '<p><img alt="" src="../../assets/images/missing.png"></p>\n',
        "images/missing.png",
    ),
    (
        "missing-srcset",
        "missing-page",
        "../../assets/images/missing@2x.png",
        '<p><img alt="" src="../../assets/images/fig.png" srcset="../../assets/images/fig.png 1x, '
        '../../assets/images/missing@2x.png 2x"></p>\n',
        "missing@2x.png",
    ),
    (
        "missing-script",
        "missing-page",
        "../../assets/javascripts/gone.js",
        '<script src="../../assets/javascripts/gone.js"></script>\n',
        "gone.js",
    ),
    ("markdown-link", "markdown-link", "../p006.md", None, "p006.md"),
    ("markdown-link", "markdown-link", "../p007.md#h2-2", None, "p007.md"),
    ("empty-href", "empty-link", "", '<p><a href="">empty</a></p>\n', ""),
    ("outside-site", "outside-site", "../../../elsewhere/", None, "elsewhere"),
    ("outside-site", "outside-site", "/outside/page.html", None, "outside/page.html"),
    ("directory-without-index", "missing-page", "../../assets/files/", None, "assets/files"),
    (
        "code-link",
        "missing-page",
        "../p-in-code/",
        '<pre><code><a href="../p-in-code/">in code</a></code></pre>\n',
        "p-in-code",
    ),
    (
        "template-only-id",
        "missing-anchor",
        "#only-in-template",
        '<template><p id="only-in-template">t</p></template><p><a href="#only-in-template">t</a></p>\n',
        "only-in-template",
    ),
    ("own-address-missing", "missing-page", f"{SITE_URL}s000/p-not-there/", None, "p-not-there"),
    ("encoded-missing", "missing-page", "../caf%C3%A9-x/", None, "café-x"),
]


def _place_faults(b: _Builder) -> None:
    """Injected problems: each must be reported, and nothing else."""
    for kind, reason, href, html, token in _FAULTS:
        spec = b.pick()
        spec.extra_html.append(html if html is not None else f'<p><a href="{href}">x</a></p>\n')
        b.faults.append(Fault(kind, spec.path + "index.html", href, reason, token))
    # A moved page whose redirect points nowhere.
    b.extra_files["old-page/index.html"] = _redirect_page("../s000/p-removed/")
    b.faults.append(
        Fault(
            "broken-redirect",
            "old-page/index.html",
            "../s000/p-removed/",
            "missing-page",
            "p-removed",
        )
    )
    b.specs["s000/"].content_links.append("../old-page/")
    # Pages nothing links to.
    for n in range(2):
        path = f"s000/orphan-{n}/"
        b.specs[path] = PageSpec(path, f"Orphan {n}", [], 0, [])
        b.faults.append(Fault("orphan-page", path + "index.html", "", "orphan-page", None))


def _write_rules(out: Path, b: _Builder) -> Path:
    """Cross-reference rules for the synthetic site: one rule is broken on purpose."""
    first, second, third = b.paths[0], b.paths[1], b.paths[2]
    has_link = b.specs[first]
    third_url = _relative(first, third)
    has_link.content_links = [u for u in has_link.content_links if not u.startswith(third_url)]
    has_link.extra_html.append(f'<p><a href="{_relative(first, second)}">second</a></p>\n')
    rules = out.parent / f"{out.name}-rules.yml"
    rules.write_text(
        "xrefs:\n  topics:\n"
        f"    - {{id: second, page: {second.rstrip('/')}.md, title: Second}}\n"
        f"    - {{id: third, page: {third.rstrip('/')}.md, title: Third}}\n"
        "  required_links:\n"
        f"    - {{page: {first.rstrip('/')}.md, topics: [second, third]}}\n",
        encoding="utf-8",
    )
    b.faults.append(Fault("required-link", first + "index.html", "", "required-link", None))
    return rules


def generate(out: Path, pages: int, seed: int = 7) -> Manifest:
    """Write a site of about `pages` content pages into `out` and return its manifest."""
    builder = _Builder(pages, seed)
    _place_traps(builder)
    _place_faults(builder)
    rules = _write_rules(out, builder)
    manifest = builder.write(out)
    manifest.rules = str(rules)
    return manifest
