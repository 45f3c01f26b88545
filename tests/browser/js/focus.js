// The focus indicator of the element that has keyboard focus now, or null.
() => {
  const el = document.activeElement;
  return !el || el === document.body ? null : focusIndicator(el);
}
