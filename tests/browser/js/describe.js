// Shared helper, prepended to the other probes: a short, readable name for an element.
const describe = (el) => {
  let name = el.tagName.toLowerCase();
  if (el.id) name += `#${el.id}`;
  const classes = typeof el.className === "string" ? el.className.trim().split(/\s+/) : [];
  if (classes[0]) name += "." + classes.filter(Boolean).slice(0, 2).join(".");
  const text = (el.textContent || "").replace(/\s+/g, " ").trim().slice(0, 50);
  return text ? `${name} "${text}"` : name;
};
