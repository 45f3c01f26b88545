"""Draw docs/assets/images/share.png, the 1200x630 picture link previews show (og:image).

The picture is committed, so the build needs nothing but the file. Run this again after the site's
name or description changes in mkdocs.yml:

    .venv/bin/python scripts/make_share_image.py

It renders a small HTML card in Debian's Chromium (the one the browser tests use) with a local
font, so nothing is fetched from any network font or image service.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

from playwright.sync_api import ViewportSize, sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS, missing_chromium_message
from scripts.config import config_or_empty

ROOT = Path(__file__).resolve().parents[1]

OUTPUT = ROOT / "docs/assets/images/share.png"
SIZE: ViewportSize = {"width": 1200, "height": 630}
# Material's indigo (the site's primary colour) and white: a contrast ratio above 8:1.
CARD = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><style>
  html, body {{ margin: 0; width: 1200px; height: 630px; }}
  body {{ background: #303f9f; color: #fff; font-family: "DejaVu Sans", sans-serif;
         display: flex; flex-direction: column; justify-content: center; padding: 0 88px;
         box-sizing: border-box; }}
  h1 {{ font-size: 76px; line-height: 1.1; margin: 0 0 32px; letter-spacing: -1px; }}
  p {{ font-size: 34px; line-height: 1.35; margin: 0; max-width: 980px; }}
  .note {{ position: absolute; bottom: 56px; left: 88px; font-size: 26px; opacity: .9; }}
  .bar {{ width: 120px; height: 10px; background: #fff; margin-bottom: 40px; }}
</style></head><body>
  <div class="bar"></div>
  <h1>{name}</h1>
  <p>{description}</p>
  <div class="note">Information, not medical advice</div>
</body></html>"""


def card_html(name: str, description: str) -> str:
    """The card's HTML, with the site's name and description escaped."""
    return CARD.format(name=html.escape(name), description=html.escape(description))


def main() -> int:
    """Draw the share picture from mkdocs.yml; 1 if Chromium is missing."""
    problem = missing_chromium_message()
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 1
    config = config_or_empty(ROOT)
    page = card_html(str(config["site_name"]), " ".join(str(config["site_description"]).split()))
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport=SIZE)
        tab.set_content(page)
        tab.screenshot(path=str(OUTPUT), type="png")
        browser.close()
    print(f"wrote {OUTPUT.relative_to(ROOT)} ({OUTPUT.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
