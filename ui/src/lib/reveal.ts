// A message that appears in answer to a click must be seen: scrolled into view if the page
// was scrolled away from it (a save at the bottom of a long form, a check far down a page).
export function reveal(node: HTMLElement): void {
  const r = node.getBoundingClientRect();
  if (r.top < 0 || r.bottom > window.innerHeight) node.scrollIntoView?.({ block: "center" });
}
