// Read a page the way a first-time customer sees it. Evaluated by pathwalk's recorder.
({
  visible(el) {
    if (!el.getClientRects().length) return false;
    const style = getComputedStyle(el);
    return style.visibility !== "hidden" && style.display !== "none";
  },
  text(el) { return (el ? (el.innerText || el.textContent || "") : "").replace(/\s+/g, " ").trim(); },
  labelOf(el) {
    const ids = el.getAttribute("aria-labelledby");
    if (ids) return ids.split(/\s+/).map((id) => this.text(document.getElementById(id))).join(" ").trim();
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
    if (tag === "textarea") return "textbox";
    if (tag === "input") {
      if (["submit", "button", "reset", "image"].includes(type)) return "button";
      if (["checkbox", "radio"].includes(type)) return type;
      return "textbox";
    }
    return "";
  },
  describe(el) {
    const tag = el.tagName.toLowerCase();
    const field = ["input", "select", "textarea"].includes(tag);
    const label = field ? this.labelOf(el) : (el.getAttribute("aria-label") || "").trim();
    const name = label || this.text(el) || (el.value && !field ? String(el.value) : "") || el.getAttribute("title") || "";
    return {
      role: this.roleOf(el), name: name.slice(0, 200), label: label.slice(0, 200),
      field_name: el.getAttribute("name") || "", autocomplete: el.getAttribute("autocomplete") || "",
      input_type: tag === "input" ? (el.getAttribute("type") || "text").toLowerCase() : "", tag,
    };
  },
  leadsOn(a) {
    const href = (a.getAttribute("href") || "").trim();
    if (!href || href.toLowerCase().startsWith("javascript:")) return false;
    const target = new URL(a.href, location.href);
    const samePage = target.origin === location.origin && target.pathname === location.pathname
      && target.search === location.search;
    return !(samePage && href.startsWith("#"));
  },
  page() {
    // At most LIMIT candidates of each kind are read, so a page with a huge DOM stays quick to read.
    const LIMIT = 2000;
    const all = (sel) => Array.from(document.querySelectorAll(sel)).slice(0, LIMIT).filter((el) => this.visible(el));
    const nav = performance.getEntriesByType("navigation")[0];
    const skip = ["hidden", "submit", "button", "image", "reset"];
    const fields = all("input, select, textarea")
      .filter((el) => !skip.includes((el.getAttribute("type") || "").toLowerCase()))
      .map((el) => ({
        label: this.labelOf(el).slice(0, 200), field_name: el.getAttribute("name") || "",
        autocomplete: el.getAttribute("autocomplete") || "",
        input_type: el.tagName.toLowerCase() === "input" ? (el.getAttribute("type") || "text").toLowerCase() : "",
        required: el.required === true,
      }));
    return {
      document: performance.timeOrigin, url: location.href, scale: devicePixelRatio,
      opened: window.__pathwalkOpened || 0, status: nav ? (nav.responseStatus || null) : null,
      title: document.title, heading: this.text(document.querySelector("h1")).slice(0, 200),
      links: all("a[href]").filter((a) => this.leadsOn(a)).length,
      buttons: all("button, input[type=submit], input[type=button], input[type=image], [role=button]")
        .filter((b) => !b.disabled).length,
      forms: all("form").length,
      fields,
      // The start of the visible text (the recorder redacts secrets, then keeps 1,000 characters).
      text: this.text(document.body).slice(0, 4000),
      broken_images: all("img[src]").filter((img) => img.getAttribute("src").trim() && img.complete
        && img.naturalWidth === 0).length,
      scroll_height: Math.max(document.documentElement?.scrollHeight || 0, document.body?.scrollHeight || 0),
      viewport_height: innerHeight,
    };
  },
})
