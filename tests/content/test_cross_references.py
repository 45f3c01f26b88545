"""Cross-references in the built pages.

Two rules, both read from data/xrefs.yml so that one file says which page
is which topic and which page must link where:

* every required link (the source article's own links from a section to a
  topic) is present on the page that holds that section;
* on every page, the first mention of one of the four linked topics (dosage,
  finding treatment, treatment-resistant depression, side effects) in the
  author's prose is a link to that topic's page. The topic's own page is
  exempt. Headings and macro output are not prose (see site.NOT_PROSE).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from tests.content.site import link_targets, prose_root, resolve, topic_pages, xrefs
from tests.support.pages import markdown_pages, page_url

PAGES = markdown_pages()
IDS = [page_url(p) for p in PAGES]

# How readers' words name each topic that must link on first mention.
MENTIONS = {
    "dosage": re.compile(r"\bdos(?:e|es|age|ing)\b", re.IGNORECASE),
    "near-me": re.compile(
        r"\bnear (?:you|me)\b|\bfind(?:ing)? (?:a |safe )*(?:treatment|provider|clinic)s?\b",
        re.IGNORECASE,
    ),
    "trd": re.compile(r"\btreatment-resistant depression\b|\bTRD\b", re.IGNORECASE),
    "side-effects": re.compile(r"\bside[ -]effects?\b", re.IGNORECASE),
}
RULES = [
    (Path(rule["page"]), topic) for rule in xrefs()["required_links"] for topic in rule["topics"]
]


@pytest.mark.parametrize(("page", "topic"), RULES, ids=[f"{p}->{t}" for p, t in RULES])
def test_required_link_is_on_the_page(built_site: Path, page: Path, topic: str) -> None:
    target = page_url(topic_pages()[topic])
    assert target in link_targets(page, prose_root(built_site, page)), (
        f"docs/{page}: no link to the '{topic}' topic ({target}); "
        f'add {{{{ xref("{topic}") }}}} where the page discusses it'
    )


def first_mention(root: LexborNode, pattern: re.Pattern[str]) -> LexborNode | None:
    """The text node holding the first match of `pattern` under `root`, in reading order."""
    for node in root.traverse(include_text=True):
        if node.tag == "-text" and pattern.search(node.text_content or ""):
            return node
    return None


def enclosing_link(node: LexborNode) -> str | None:
    """The href of the link that contains `node`, if any."""
    parent = node.parent
    while parent is not None:
        if parent.tag == "a":
            return parent.attributes.get("href")
        parent = parent.parent
    return None


def unlinked_first_mentions(page: Path, root: LexborNode) -> list[str]:
    """Each topic whose first mention on `page` is not a link to the topic's page."""
    problems = []
    for topic, pattern in MENTIONS.items():
        target = topic_pages()[topic]
        node = first_mention(root, pattern)
        if target == page or node is None:
            continue
        href = enclosing_link(node)
        if href is None or resolve(page, href) != page_url(target):
            problems.append(f"{topic}: first mention {node.text_content.strip()!r} is not linked")
    return problems


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_first_mention_of_a_topic_links_to_it(built_site: Path, page: Path) -> None:
    problems = unlinked_first_mentions(page, prose_root(built_site, page))
    assert not problems, f"docs/{page}: " + "; ".join(problems)


def test_the_check_finds_an_unlinked_first_mention() -> None:
    html = (
        '<article><p>Ask about the dose.</p><p><a href="../ketamine-infusion-dosage/">dose</a>'
        '</p><p>See <a href="../ketamine-infusion-side-effects/">side effects</a>.</p></article>'
    )
    root = LexborHTMLParser(html).css_first("article")
    assert unlinked_first_mentions(Path("benefits.md"), root) == [
        "dosage: first mention 'Ask about the dose.' is not linked"
    ]
