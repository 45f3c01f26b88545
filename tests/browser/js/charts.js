// Each chart in the article as the reader gets it: its accessible name, whether it shows,
// its bars (label, figure text, drawn extent), its axis ticks, the contrast of its bars, and
// the rows of the table beside it.
() => {
  const text = (el) => (el?.textContent || "").replace(/\s+/g, " ").trim();
  const blend = (c, alpha, bg) => ({
    r: c.r * alpha + bg.r * (1 - alpha), g: c.g * alpha + bg.g * (1 - alpha),
    b: c.b * alpha + bg.b * (1 - alpha),
  });
  const background = (node) => {
    for (let p = node; p; p = p.parentElement) {
      const c = parse(getComputedStyle(p).backgroundColor);
      if (c && c.a > 0.5) return c;
    }
    return { r: 255, g: 255, b: 255, a: 1 };
  };
  const barContrast = (rect, bg) => {
    const style = getComputedStyle(rect);
    const seen = [];
    const fill = parse(style.fill);
    if (fill) seen.push(contrast(blend(fill, fill.a * parseFloat(style.fillOpacity), bg), bg));
    const stroke = parse(style.stroke);
    if (stroke && parseFloat(style.strokeWidth) > 0) {
      seen.push(contrast(blend(stroke, stroke.a * parseFloat(style.strokeOpacity), bg), bg));
    }
    return Math.max(0, ...seen);
  };

  return [...document.querySelectorAll("article svg[role='img']")].map((svg) => {
    const ids = (svg.getAttribute("aria-labelledby") || "").split(/\s+/).filter(Boolean);
    // The accessible name, in the order browsers compute it for role="img".
    const name = ids.map((id) => text(document.getElementById(id))).join(" ").trim()
      || svg.getAttribute("aria-label") || text(svg.querySelector(":scope > title"));
    const box = svg.getBoundingClientRect();
    const bg = background(svg);
    const bars = [];
    const ticks = [];
    for (const el of svg.querySelectorAll("text, rect")) {
      if (el.matches(".kt-chart__axis")) {
        ticks.push({ text: text(el), x: parseFloat(el.getAttribute("x")) });
      } else if (el.matches(".kt-chart__label")) {
        bars.push({ label: text(el), figures: [], rect: null });
      } else if (bars.length && el.matches("rect")) {
        const x = parseFloat(el.getAttribute("x"));
        bars.at(-1).rect = { x, end: x + parseFloat(el.getAttribute("width")),
                             contrast: barContrast(el, bg) };
      } else if (bars.length && el.matches("text")) {
        bars.at(-1).figures.push(text(el));
      }
    }
    // Text outside the viewBox is cut off (or spills over the page when overflow shows).
    const view = svg.viewBox.baseVal;
    const cut = view && view.width ? [...svg.querySelectorAll("text")].filter((el) => {
      const b = el.getBBox();
      return b.x < view.x - 0.5 || b.y < view.y - 0.5 || b.x + b.width > view.x + view.width + 0.5
        || b.y + b.height > view.y + view.height + 0.5;
    }).map((el) => text(el)) : [];
    const figure = svg.closest("figure") || svg;
    const holder = figure.closest(".kt-chart-pair") || figure.parentElement;
    const table = holder.querySelector("table")
      || figure.nextElementSibling?.querySelector?.("table") || null;
    const rows = table ? [...table.querySelectorAll("tbody tr")].map(
      (tr) => [...tr.children].map((cell) => text(cell))) : null;
    return {
      id: figure.id || svg.id || name.slice(0, 40),
      name,
      shown: svg.checkVisibility({ opacityProperty: true, visibilityProperty: true })
        && box.width > 0 && box.height > 0,
      bars, ticks, rows, cut,
    };
  });
}
