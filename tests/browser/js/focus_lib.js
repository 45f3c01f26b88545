// Shared helper: the focus indicator of element `el` while it has keyboard focus: outline or
// box-shadow, and whether it shows against what is behind it (WCAG 2.4.7 and the 3:1 of 1.4.11).
const focusIndicator = (el) => {
  // Material hides some radio inputs and draws their label instead (the palette toggle).
  let target = el;
  if (el.matches("input") && el.getBoundingClientRect().width < 2) {
    const drawn = [el.nextElementSibling, ...(el.labels || [])]
      .filter((l) => l && l.matches("label"));
    target = drawn.find((l) => l.checkVisibility()) || drawn[0] || el;
  }
  const background = (node) => {
    // The indicator sits around the element, so what is behind it is the parent's background.
    for (let p = node.parentElement; p; p = p.parentElement) {
      const c = parse(getComputedStyle(p).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const style = getComputedStyle(target);
  const colours = [];
  if (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) {
    colours.push(parse(style.outlineColor));
  }
  if (style.boxShadow && style.boxShadow !== "none") {
    for (const m of style.boxShadow.matchAll(/rgba?\([^)]+\)/g)) colours.push(parse(m[0]));
  }
  const behind = background(target);
  const best = Math.max(0, ...colours.filter((c) => c && c.a > 0.5).map((c) => contrast(c, behind)));
  const box = target.getBoundingClientRect();
  // WCAG 2.4.11: something else (a sticky header) drawn over the middle of the focused element.
  const hit = document.elementFromPoint(
    Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1),
    Math.min(Math.max(box.top + box.height / 2, 0), innerHeight - 1));
  const covered = hit && !(target.contains(hit) || hit.contains(target) || el.contains(hit));
  return {
    obscuredBy: covered ? describe(hit) : null,
    name: describe(el),
    indicator: colours.length > 0,
    contrast: Math.round(best * 100) / 100,
    width: box.width,
    height: box.height,
    shown: target.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    inViewport: box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth,
  };
};
