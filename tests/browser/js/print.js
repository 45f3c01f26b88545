// The page as Chromium prints it (print media emulated): what still shows, what may split
// across sheets, which links lack their printed address, and what a scroll box would cut off.
// (Boxes of one pixel are screen-reader-only text, hidden on purpose.)
() => {
  const shown = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const hidden = [".md-header", ".md-sidebar--primary", ".md-sidebar--secondary", ".md-search",
    ".md-footer", ".md-content__button", ".md-top", "button"];
  const stillShown = hidden.flatMap((selector) =>
    [...document.querySelectorAll(selector)].filter(shown).slice(0, 1).map(describe));
  const whole = [...document.querySelectorAll("article :is(table, figure, .kt-crisis)")]
    .filter((el) => getComputedStyle(el).breakInside !== "avoid").map(describe);
  const skip = ".headerlink, .kt-cite, .kt-fig, .footnote-ref, .footnote-backref";
  const unprinted = [...document.querySelectorAll("article a[href]")].filter((a) => {
    const href = a.getAttribute("href");
    if (!shown(a) || a.matches(skip) || /^(#|mailto:|tel:)/.test(href)) return false;
    return !getComputedStyle(a, "::after").content.includes(href);
  }).map((a) => `${describe(a)} -> ${a.getAttribute("href")}`);
  const cut = [...document.querySelectorAll("article *")].filter((el) =>
    shown(el) && el.clientWidth > 2 && el.scrollWidth > el.clientWidth + 1
    && ["auto", "scroll", "hidden"].includes(getComputedStyle(el).overflowX)).map(describe);
  return {
    articleShown: !!document.querySelector("article") && shown(document.querySelector("article")),
    stillShown, whole, unprinted: unprinted.slice(0, 5), unprintedCount: unprinted.length,
    cut: cut.slice(0, 5),
  };
}
