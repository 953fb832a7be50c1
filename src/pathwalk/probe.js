// Read a page the way a first-time customer sees it. Evaluated by pathwalk's recorder.
({
  visible(el) {
    if (!el.getClientRects().length) return false;
    const style = el.ownerDocument.defaultView.getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
  },
  text(el) { return (el ? (el.innerText || el.textContent || "") : "").replace(/\s+/g, " ").trim(); },
  labelOf(el) {
    const ids = el.getAttribute("aria-labelledby");
    // Ids are looked up in the element's own tree: its shadow root, or its (i)frame's document.
    if (ids) return ids.split(/\s+/).map((id) => this.text(el.getRootNode().getElementById(id))).join(" ").trim();
    if (el.getAttribute("aria-label")) return el.getAttribute("aria-label").trim();
    if (el.labels && el.labels.length) return Array.from(el.labels).map((l) => this.text(l)).join(" ").trim();
    return (el.getAttribute("placeholder") || el.getAttribute("title") || "").trim();
  },
  roleOf(el) {
    const explicit = el.getAttribute("role");
    if (explicit) return explicit;
    const tag = el.tagName.toLowerCase();
    const type = (el.getAttribute("type") || "text").toLowerCase();
    if (tag === "a" && el.hasAttribute("href")) return "link";
    if (tag === "button") return "button";
    if (tag === "select") return "combobox";
    if (tag === "textarea" || el.isContentEditable) return "textbox";
    if (tag === "input") {
      if (["submit", "button", "reset", "image"].includes(type)) return "button";
      if (["checkbox", "radio"].includes(type)) return type;
      return "textbox";
    }
    return "";
  },
  // What can be a form field: native controls, the root of a rich-text editor (contenteditable)
  // and elements with a field's ARIA role that do not wrap a native control of their own.
  FIELDS: "input, select, textarea, [contenteditable]:not([contenteditable=false]), [role=textbox], "
    + "[role=searchbox], [role=combobox], [role=spinbutton], [role=slider], [role=switch], [role=checkbox], "
    + "[role=radio], [role=listbox]",
  NOT_FIELDS: ["hidden", "submit", "button", "image", "reset"],
  isField(el) {
    const tag = el.tagName.toLowerCase();
    if (tag === "input") return !this.NOT_FIELDS.includes((el.getAttribute("type") || "").toLowerCase());
    if (tag === "select" || tag === "textarea") return true;
    if (el.isContentEditable) return !el.parentElement || !el.parentElement.isContentEditable;
    return !el.querySelector("input, select, textarea");
  },
  // Shown to a person: rendered, and not transparent. A transparent checkbox or radio whose label
  // is visible is shown (styled controls draw their box in the label); any other transparent
  // control is not (it appears only on hover, say).
  shown(el) {
    if (!this.visible(el)) return false;
    if (!el.checkVisibility || el.checkVisibility({ opacityProperty: true })) return true;
    const type = (el.getAttribute("type") || "").toLowerCase();
    return ["checkbox", "radio"].includes(type) && Array.from(el.labels || [])
      .some((label) => this.visible(label) && label.checkVisibility({ opacityProperty: true }));
  },
  // A field's identity on its page, the same on every reading: its form (by id, else position)
  // and its name; radio buttons of one name are one field, other controls sharing a name are
  // numbered in order, and controls without a name are numbered by position.
  keys(fields) {
    const counts = new Map();  // per form (else per document or shadow root): how often each name came
    return fields.map((el) => {
      const form = el.form || el.closest("form");
      const scope = form || el.getRootNode();
      const where = form ? (form.id ? `#${form.id}` : `form${Array.from(el.ownerDocument.forms).indexOf(form)}`) : "";
      const name = el.getAttribute("name") || "";
      const radio = (el.getAttribute("type") || "").toLowerCase() === "radio";
      const base = `${where}|${name ? (radio ? "radio:" : "name:") + name : "unnamed"}`;
      if (!counts.has(scope)) counts.set(scope, new Map());
      const seen = counts.get(scope).get(base) || 0;
      counts.get(scope).set(base, seen + 1);
      return radio && name ? base : `${base}~${seen}`;
    });
  },
  candidates(root) {
    return Array.from(root.querySelectorAll(this.FIELDS)).filter((el) => this.isField(el));
  },
  keyOf(el) {
    const form = el.form || el.closest("form");
    const all = this.candidates(form || el.getRootNode()).filter((c) => (c.form || c.closest("form")) === form);
    const at = all.indexOf(el);
    return at < 0 ? "" : this.keys(all)[at];
  },
  field(el, key) {
    const tag = el.tagName.toLowerCase();
    return {
      label: this.labelOf(el).slice(0, 200), field_name: el.getAttribute("name") || "",
      autocomplete: el.getAttribute("autocomplete") || "",
      input_type: tag === "input" ? (el.getAttribute("type") || "text").toLowerCase() : "",
      required: el.required === true || el.getAttribute("aria-required") === "true", frame: this.frameOf(el),
      key, role: this.roleOf(el), placeholder: (el.getAttribute("placeholder") || "").trim().slice(0, 200),
      title: (el.getAttribute("title") || "").trim().slice(0, 200), value: this.fingerprint(el),
    };
  },
  // A short fingerprint of what a field holds (never the value itself), so the recorder can tell
  // a click that set a field (a stepper's "+") from a click that did nothing.
  fingerprint(el) {
    const type = (el.getAttribute("type") || "").toLowerCase();
    const held = el.isContentEditable ? el.textContent
      : ["checkbox", "radio"].includes(type) ? String(el.checked) : String(el.value ?? el.getAttribute("aria-valuenow") ?? "");
    let hash = 2166136261;
    for (let i = 0; i < held.length; i++) hash = Math.imul(hash ^ held.charCodeAt(i), 16777619) >>> 0;
    return hash.toString(16);
  },
  describe(el) {
    const tag = el.tagName.toLowerCase();
    const field = ["input", "select", "textarea"].includes(tag) || el.isContentEditable;
    const label = field ? this.labelOf(el) : (el.getAttribute("aria-label") || "").trim();
    const name = label || this.text(el) || (el.value && !field ? String(el.value) : "") || el.getAttribute("title") || "";
    try { (el.ownerDocument.defaultView.top)[Symbol.for("pathwalk.target")] = el; } catch (e) { /* cross-origin */ }
    return {
      role: this.roleOf(el), name: name.slice(0, 200), label: label.slice(0, 200),
      field_name: el.getAttribute("name") || "", autocomplete: el.getAttribute("autocomplete") || "",
      input_type: tag === "input" ? (el.getAttribute("type") || "text").toLowerCase() : "", tag,
      frame: this.frameOf(el), href: tag === "a" && el.hasAttribute("href") ? String(el.href).slice(0, 500) : "",
      key: this.isField(el) ? this.keyOf(el) : "",
      hint: ((el.getAttribute("placeholder") || "").trim() || (el.getAttribute("title") || "").trim()).slice(0, 200),
    };
  },
  // The URL of the iframe document an element is in ("" in the page itself).
  frameOf(el) {
    const view = el.ownerDocument.defaultView;
    return !view || view === view.top ? "" : el.ownerDocument.location.href;
  },
  // Where a customer's controls can be: the document, its open shadow roots and the documents of
  // its visible same-origin iframes, nested. A cross-origin iframe's document is out of reach here
  // (contentDocument is null): the recorder reads those through Playwright's frames. At most
  // SCAN elements of each tree are looked at for shadow roots, so a huge page stays quick to read.
  roots() {
    const SCAN = 20000;
    const roots = [document];
    const frames = [];
    for (let i = 0; i < roots.length && roots.length < 500; i++) {
      const elements = roots[i].querySelectorAll("*");
      for (let j = 0; j < elements.length && j < SCAN; j++) {
        const el = elements[j];
        if (el.shadowRoot) roots.push(el.shadowRoot);
        if ((el.tagName === "IFRAME" || el.tagName === "FRAME") && this.visible(el)) {
          let inner = null;
          try { inner = el.contentDocument; } catch (e) { inner = null; }
          if (inner && inner.documentElement) {
            roots.push(inner);
            frames.push(inner.location.href);
          }
        }
      }
    }
    return { roots, frames };
  },
  leadsOn(a) {
    const href = (a.getAttribute("href") || "").trim();
    if (!href || href.toLowerCase().startsWith("javascript:")) return false;
    const here = a.ownerDocument.location;
    const target = new URL(a.href, here.href);
    const samePage = target.origin === here.origin && target.pathname === here.pathname
      && target.search === here.search;
    return !(samePage && href.startsWith("#"));
  },
  page() {
    // At most LIMIT candidates of each kind are read, so a page with a huge DOM stays quick to read.
    const LIMIT = 2000;
    const { roots, frames } = this.roots();
    const all = (sel) => roots.flatMap((root) => Array.from(root.querySelectorAll(sel)).slice(0, LIMIT))
      .filter((el) => this.visible(el));
    const nav = performance.getEntriesByType("navigation")[0];
    // Every candidate is keyed (hidden ones too, so a key does not change when one appears); the
    // shown ones are kept, and the elements stashed for the recorder to ask Chromium their names.
    const candidates = roots.flatMap((root) => this.candidates(root).slice(0, LIMIT));
    const keys = this.keys(candidates);
    const shown = candidates.map((el, i) => [el, keys[i]]).filter(([el]) => this.shown(el));
    window[Symbol.for("pathwalk.fields")] = shown.map(([el]) => el);
    const fields = shown.map(([el, key]) => this.field(el, key));
    return {
      document: performance.timeOrigin, url: location.href, scale: devicePixelRatio,
      opened: window.__pathwalkOpened || 0, status: nav ? (nav.responseStatus || null) : null,
      title: document.title, heading: this.text(document.querySelector("h1")).slice(0, 200),
      links: all("a[href]").filter((a) => this.leadsOn(a)).length,
      buttons: all("button, input[type=submit], input[type=button], input[type=image], [role=button]")
        .filter((b) => !b.disabled).length,
      forms: all("form").length,
      fields, frames,
      // The start of the visible text (the recorder redacts secrets, then keeps 1,000 characters).
      text: this.text(document.body).slice(0, 4000),
      broken_images: all("img[src]").filter((img) => img.getAttribute("src").trim() && img.complete
        && img.naturalWidth === 0).length,
      scroll_height: Math.max(document.documentElement?.scrollHeight || 0, document.body?.scrollHeight || 0),
      viewport_height: innerHeight,
    };
  },
})
