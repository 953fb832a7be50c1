// pathwalk's observer: added to every document before the site's own scripts (Walk.open adds it
// as an init script). It counts what the page does in answer to the customer, so the recorder
// reads everything in one evaluate after an action (window.__pathwalk.read):
// - mutations: DOM changes (MutationObserver on the document: nodes, attributes, text), counted
//   from DOMContentLoaded on (the parser building the page is not an answer to anyone);
// - routes: client-side route changes (the URL changed within the document: history.pushState,
//   replaceState, back/forward, hash), from the Navigation API, or the History API where absent;
// - resources: resource loads that finished (Resource Timing), so a request alone ends a watch;
// - first: when the first of these (or a window.open) happened after the recorder's last mark (ms);
// - opened: windows the page opened (window.open, or a link with a target);
// - lcp, cls, inp: the current view's Web Vitals (ms, score, ms), reset by a route change.
// Nothing the site can see changes except window.open, which is wrapped (and still called), and a
// capturing click listener that only reads.
(() => {
  if (Object.prototype.hasOwnProperty.call(window, "__pathwalk")) return;
  const now = () => performance.now();
  const state = {
    opened: 0, mutations: 0, routes: 0, resources: 0, since: 0, first: null,
    lcp: null, cls: null, inp: null, session: { value: 0, start: 0, last: 0 },
  };
  const effect = (at) => {
    if (at >= state.since && (state.first === null || at < state.first)) state.first = at;
  };

  const open = window.open;
  window.open = function (...args) { state.opened += 1; effect(now()); return open.apply(this, args); };
  // A link with a target (target="_blank", a named window) opens a window without window.open;
  // counted once the click's own handlers have run, unless one of them stopped it.
  const STAY = ["", "_self", "_parent", "_top"];
  window.addEventListener("click", (event) => {
    const link = event.target instanceof Element ? event.target.closest("a[href][target]") : null;
    if (!link || STAY.includes((link.getAttribute("target") || "").trim().toLowerCase())) return;
    setTimeout(() => { if (!event.defaultPrevented) { state.opened += 1; effect(now()); } }, 0);
  }, true);

  // pathwalk's own nodes (marked data-pathwalk, e.g. an injected checker) and its masks over
  // secret fields (data-pathwalk-mask, see mask.js) are not the site's answer.
  const own = (node) => !!node && node.nodeType === 1 && node.hasAttribute("data-pathwalk");
  const counted = (records) => {
    let n = 0;
    for (const r of records) {
      if (own(r.target) || (r.type === "childList" && own(r.addedNodes[0] || r.removedNodes[0]))) continue;
      if (r.type === "attributes" && r.attributeName === "data-pathwalk-mask") continue;  // mask.js's
      n += 1;
    }
    if (n) { state.mutations += n; effect(now()); }
  };
  const watchDom = () => new MutationObserver(counted).observe(document,
    { subtree: true, childList: true, attributes: true, characterData: true });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watchDom, { once: true });
  else watchDom();

  const observers = [];  // [observer, handler]: read() takes their pending entries first
  const observe = (type, handle, options) => {
    try {
      const observer = new PerformanceObserver((list) => handle(list.getEntries()));
      observer.observe({ type, buffered: true, ...options });
      observers.push([observer, handle]);
      return true;
    } catch (error) {
      return false;  // an entry type this browser does not report
    }
  };
  let routeView = false, viewStart = 0;
  const newView = () => {
    // LCP is defined for page loads only; a route view gets a CLS and an INP of its own.
    routeView = true; viewStart = now();
    state.lcp = null; state.inp = null; state.cls = state.cls === null ? null : 0;
    state.session = { value: 0, start: 0, last: 0 };
  };
  observe("largest-contentful-paint", (entries) => {
    if (!routeView && entries.length) state.lcp = entries[entries.length - 1].startTime;
  });
  // CLS as Core Web Vitals define it: shifts without recent input, grouped in session windows
  // (gaps under 1 s, at most 5 s long); the view's CLS is its largest window.
  const clsMeasured = observe("layout-shift", (entries) => {
    for (const e of entries) {
      if (e.hadRecentInput || e.startTime < viewStart) continue;
      const s = state.session;
      if (s.value && e.startTime - s.last < 1000 && e.startTime - s.start < 5000) s.value += e.value;
      else { s.value = e.value; s.start = e.startTime; }
      s.last = e.startTime;
      state.cls = Math.max(state.cls || 0, s.value);
    }
  });
  if (clsMeasured && state.cls === null) state.cls = 0;
  // INP approximated as web-vitals does below 50 interactions: the longest interaction.
  const interaction = (duration) => { state.inp = Math.max(state.inp || 0, duration); };
  observe("event", (entries) => {
    for (const e of entries) if (e.interactionId && e.startTime >= viewStart) interaction(e.duration);
  }, { durationThreshold: 16 });
  for (const type of ["pointerdown", "keydown"]) {
    addEventListener(type, (e) => { if (e.isTrusted) interaction(0); }, { capture: true, passive: true });
  }
  observe("resource", (entries) => {
    for (const e of entries) { state.resources += 1; effect(e.startTime); }
  });

  let href = location.href;
  const route = () => {
    if (location.href === href) return;
    href = location.href;
    state.routes += 1;
    newView();
    effect(now());
  };
  if (window.navigation && typeof navigation.addEventListener === "function") {
    navigation.addEventListener("currententrychange", route);
  } else {
    for (const name of ["pushState", "replaceState"]) {
      const original = history[name];
      history[name] = function (...args) { const result = original.apply(this, args); route(); return result; };
    }
    addEventListener("popstate", route);
    addEventListener("hashchange", route);
  }

  const api = {
    // Everything counted so far; with mark, "first" starts again from now.
    read(mark) {
      for (const [observer, handle] of observers) handle(observer.takeRecords());
      const at = now();
      const out = {
        origin: performance.timeOrigin, at, url: location.href, mutations: state.mutations,
        routes: state.routes, resources: state.resources, opened: state.opened,
        first: state.first === null ? null : state.first - state.since,
        lcp: state.lcp, cls: state.cls, inp: state.inp,
      };
      if (mark) { state.since = at; state.first = null; }
      return out;
    },
    answered() { return state.first !== null; },
  };
  Object.defineProperty(window, "__pathwalk", { value: api });
  Object.defineProperty(window, "__pathwalkOpened", { get: () => state.opened });
})();
