// What a 360px-wide reader would see: sideways scrolling, small or spilling text, charts that
// do not fit. Returns plain records; the Python side turns them into messages.
() => {
  const root = document.scrollingElement;
  const width = root.clientWidth;
  const shown = (el) => el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const scrolls = (el) => ["auto", "scroll", "hidden", "clip"].includes(getComputedStyle(el).overflowX);
  // Clipped by a scroll box: an absolutely positioned element escapes every box up to its
  // containing block (the nearest positioned ancestor), as sr-only text in a wide table does.
  const escapes = (el) => ["absolute", "fixed"].includes(getComputedStyle(el).position);
  const clipped = (el) => {
    let free = escapes(el);
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (free && style.position === "static" && style.transform === "none") continue;
      if (scrolls(p)) return true;
      free = escapes(p);
    }
    return false;
  };
  const outermost = (els) => els.filter((el) => !els.some((other) => other !== el && other.contains(el)));
  const deepest = (els) => els.filter((el) => !els.some((other) => other !== el && el.contains(other)));
  const all = [...document.body.querySelectorAll("*")].filter(shown);

  const wide = outermost(all.filter((el) => {
    const box = el.getBoundingClientRect();
    return box.width > 0 && box.right > width + 1 && !clipped(el);
  }));
  const sideways = root.scrollWidth > width
    ? { scrollWidth: root.scrollWidth, width, culprits: wide.slice(0, 5).map(
        (el) => `${describe(el)} reaches ${Math.round(el.getBoundingClientRect().right)}px`) }
    : null;

  const ownText = (el) => [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  // A block that lays out text itself: a text node or an inline element with text as a child.
  const holdsText = (el) => [...el.childNodes].some((n) => (n.nodeType === 3 && n.textContent.trim())
    || (n.nodeType === 1 && getComputedStyle(n).display === "inline" && n.textContent.trim()));
  const textSize = (el) => {
    const size = parseFloat(getComputedStyle(el).fontSize);
    // SVG text is scaled with its chart: what counts is the size on screen.
    return el instanceof SVGElement && el.getScreenCTM() ? size * el.getScreenCTM().a : size;
  };
  const small = all.filter((el) => ownText(el) && textSize(el) < 12)
    .slice(0, 5).map((el) => `${describe(el)} is ${textSize(el).toFixed(1)}px`);
  const bodyText = [...document.querySelectorAll(".md-content article :is(p, li)")]
    .filter((el) => shown(el) && !el.closest("table, figure, .kt-trust, .footnote"));
  const smallBody = bodyText.filter((el) => parseFloat(getComputedStyle(el).fontSize) < 16)
    .slice(0, 5).map((el) => `${describe(el)} is ${getComputedStyle(el).fontSize}`);

  // Text wider than its own block (a long address, a word that cannot wrap), unless a scroll box
  // holds it on purpose (tables). Boxes that bleed to the screen edge hold no text of their own.
  const spilling = deepest(all.filter((el) => {
    const style = getComputedStyle(el);
    return holdsText(el) && !(el instanceof SVGElement) && style.display !== "inline"
      && style.overflowX === "visible" && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1
      && !clipped(el);
  })).slice(0, 5).map((el) => `${describe(el)} needs ${el.scrollWidth}px in a ${el.clientWidth}px box`);

  // A data table reads without sideways scrolling, even inside a box that could scroll it,
  // and its caption shows whole: inside the screen and every box that clips it, not cut short.
  const tableBoxes = outermost(all.filter((el) => el.closest(".md-content") && scrolls(el)
    && el.querySelector("table") && el.scrollWidth > el.clientWidth + 1))
    .slice(0, 5).map((el) => `${describe(el)} needs ${el.scrollWidth}px in a ${el.clientWidth}px box`);
  const cutCaptions = [...document.querySelectorAll(".md-content table caption")].filter(shown)
    .filter((caption) => {
      const box = caption.getBoundingClientRect();
      if (box.width < 1 || box.left < -1 || box.right > width + 1) return true;
      if (caption.scrollWidth > caption.clientWidth + 1) return true;
      for (let p = caption.parentElement; p && p !== document.body; p = p.parentElement) {
        const room = p.getBoundingClientRect();
        if (scrolls(p) && (box.left < room.left - 1 || box.right > room.right + 1)) return true;
      }
      return false;
    }).slice(0, 5).map((caption) => describe(caption));

  const charts = [...document.querySelectorAll(".md-content svg[role='img']")].map((svg) => {
    const box = svg.getBoundingClientRect();
    const room = svg.parentElement.getBoundingClientRect();
    return { name: describe(svg), shown: shown(svg) && box.width > 0 && box.height > 0,
             left: box.left, right: box.right, width: box.width, room: room.width, viewport: width };
  });
  return { sideways, small, smallBody, spilling, tableBoxes, cutCaptions, charts };
}
