"""Walk a page with the Tab key and describe each stop: what it is, whether a reader can see it, and its focus ring's
contrast against what is around it (WCAG 2.2: 2.4.7 focus visible, 1.4.11 non-text contrast, 2.4.11 not obscured)."""

from __future__ import annotations

# The focused element: a short name, whether it is shown (rendered, not transparent, not clipped to nothing, inside the
# viewport's page area), the outline's width and colour, and the contrast of that colour against the colour behind
# the ring (the parent's background, composited up the tree over the page's own).
DESCRIBE = """() => {
  let el = document.activeElement;
  if (!el || el === document.body) return null;
  // The theme's colour switch is hidden radio buttons, each with a label; the one label shown is what a reader sees.
  if (el.matches('input.md-option')) el = el.form.querySelector('label:not([hidden])') || el;
  const parse = c => { const m = c.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0, 0, 0, 0];
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; };
  const over = (top, under) => { const a = top[3] + under[3] * (1 - top[3]);
    if (a === 0) return [0, 0, 0, 0];
    return [0, 1, 2].map(i => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a).concat(a); };
  const behind = node => { const layers = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor); if (c[3] > 0) layers.push(c); if (c[3] >= 1) break; }
    let color = [255, 255, 255, 1];
    for (const layer of layers.reverse()) color = over(layer, color);
    return color; };
  const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  const shown = el.checkVisibility({checkOpacity: true, checkVisibilityCSS: true}) && rect.width > 0 && rect.height > 0
    && rect.right > 0 && rect.bottom > -document.documentElement.scrollHeight && rect.left < innerWidth;
  const ring = parse(style.outlineColor);
  // A ring drawn inside the element (negative offset) lies on the element's own background.
  const back = behind(parseFloat(style.outlineOffset) < 0 ? el : el.parentElement);
  return {
    name: el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string'
      ? '.' + el.className.trim().split(/\\s+/).join('.') : '') + ' "' + (el.textContent || el.value || el.ariaLabel
      || '').replace(/\\s+/g, ' ').trim().slice(0, 40) + '"',
    shown, outline: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
    contrast: ring[3] === 0 ? 0 : ratio(over(ring, back), back),
  };
}"""


# The stop as it is once settled: every running transition or animation (a skip link sliding in, a ring or a link's
# colour fading in) is taken to its end at once (Web Animations' finish(); one that never ends is left), then the stop
# is described, with a key that tells one element from another. Waiting for the transitions instead took most of the
# walk's time (about 160 ms a stop), and what is judged is the same: the state they end in.
SETTLED_STOP = """async () => {
  const settle = () => {
    for (const a of document.getAnimations()) { try { a.finish(); } catch (e) { /* endless: left running */ } } };
  // Twice, two frames apart: what the theme's scripts start in answer to the focus (the search opening) ends too.
  settle();
  await new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)));
  settle();
  const stop = (DESCRIBE)();
  const el = document.activeElement;
  if (stop && el) { if (!el.__stop) el.__stop = Math.random(); stop.key = el.__stop; }
  return stop;
}""".replace("DESCRIBE", DESCRIBE)


# Press Tab until the focus comes round again (or `limit` stops), describing every stop in order.
def tab_stops(page, limit: int = 400) -> list[dict]:
    stops: list[dict] = []
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    seen = set()
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = page.evaluate(SETTLED_STOP)
        if stop is None:
            continue
        if not stop["shown"]:  # what opens on focus (the search on a phone) is given a moment, then judged
            page.wait_for_timeout(300)
            stop = page.evaluate(SETTLED_STOP)
        key = stop.pop("key")
        if key in seen:
            break
        seen.add(key)
        stops.append(stop)
    return stops
