// Browser-side probes for bench/grid.bench.ts, injected into the page with addScriptTag. Plain JavaScript
// because it runs in Chromium, outside both TypeScript programs (node and web).
(() => {
  const grid = () => document.querySelector('[data-testid="entry-grid"]');

  /** Scrolls the grid by (dx, dy) once per animation frame; resolves with the rAF timestamp deltas. */
  function scroll(dx, dy, frames) {
    return new Promise((resolve) => {
      const el = grid();
      const deltas = [];
      let last = 0;
      const tick = (t) => {
        if (last) deltas.push(t - last);
        last = t;
        if (deltas.length >= frames) return resolve(deltas);
        el.scrollTop += dy;
        el.scrollLeft += dx;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
  }

  function scrollTo(left, top) {
    const el = grid();
    el.scrollTop = top;
    el.scrollLeft = left;
  }

  function reset() {
    scrollTo(0, 0);
  }

  /**
   * Arms a probe for the next keydown on the cell editor: resolves with [ms until the DOM shows the result
   * (MutationObserver), ms until the next animation frame after that (the frame that paints it)].
   */
  function armKey(mode) {
    return new Promise((resolve) => {
      const editor = document.querySelector('[data-testid="grid-editor"]');
      const active = document.querySelector('.grid-active');
      const startLeft = active.style.left;
      const startTop = active.style.top;
      let t0 = 0;
      let seen = 0;
      const done = () => {
        if (mode === 'type') return editor.classList.contains('is-editing') && editor.value.length === 1;
        if (mode === 'arrow') return active.style.left !== startLeft;
        return !editor.classList.contains('is-editing') && active.style.top !== startTop;
      };
      const observer = new MutationObserver(() => {
        if (!t0 || seen || !done()) return;
        seen = performance.now() - t0;
        observer.disconnect();
        requestAnimationFrame(() => resolve([seen, performance.now() - t0]));
      });
      observer.observe(grid(), { subtree: true, childList: true, attributes: true, characterData: true });
      editor.addEventListener('keydown', () => (t0 = performance.now()), { capture: true, once: true });
    });
  }

  window.__gridBench = { scroll, scrollTo, reset, armKey };
})();
