// The gift finder, a single-page app: every route is drawn here and reached with
// history.pushState; "Their email" lives in an open shadow DOM web component; the gift card is
// a form in an iframe that posts a message back when it has been sent. The simple version at
// /gifts/ asks the same questions as server-rendered pages (see gift_finder.py).
(() => {
  const data = JSON.parse(document.getElementById("gift-data").textContent);
  const app = document.getElementById("app");
  const gift = {}; // the customer's answers, kept in this page only

  const el = (tag, attributes = {}, text = "") => {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text) node.textContent = text;
    return node;
  };

  class EmailField extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      const style = el("style", {}, "label{display:block;margin-top:.75rem}input{font:inherit;padding:.25rem}");
      const label = el("label", { for: "email" }, this.getAttribute("label"));
      const input = el("input", { id: "email", type: "email", required: "",
        name: this.getAttribute("name"), autocomplete: this.getAttribute("autocomplete") || "off" });
      root.append(style, label, input);
    }

    get value() { return this.shadowRoot.querySelector("input").value; }
  }
  customElements.define("email-field", EmailField);

  const question = (q) => {
    if (q.kind === "email") return [el("email-field", { label: q.label, name: q.name, autocomplete: q.autocomplete })];
    const label = el("label", { for: q.name }, q.label);
    if (q.kind === "select") {
      const select = el("select", { id: q.name, name: q.name, required: "" });
      for (const budget of data.budgets) select.append(el("option", { value: budget.value }, budget.text));
      return [label, select];
    }
    return [label, el("input", { type: q.kind, id: q.name, name: q.name, autocomplete: q.autocomplete, required: "" })];
  };

  const show = (title, ...nodes) => {
    document.title = `${title} — Demo Shop`;
    app.replaceChildren(el("h1", {}, title), ...nodes);
  };

  const fits = (product) => gift.budget === "any" || product.pence <= Number(gift.budget) * 100;

  const routes = {
    "/app/": () => {
      const form = el("form");
      for (const q of data.start) form.append(...question(q));
      form.append(el("button", { type: "submit" }, "Show ideas"));
      form.addEventListener("submit", (event) => {
        event.preventDefault();
        gift.recipient = form.elements.recipient.value;
        gift.email = form.querySelector("email-field").value;
        gift.sender = form.elements.sender.value;
        gift.budget = form.elements.budget.value;
        go("/app/ideas");
      });
      show("Find a gift", form);
    },
    "/app/ideas": () => {
      const list = el("ul");
      for (const product of data.products.filter(fits)) {
        const choose = el("button", { type: "button" }, product.choose);
        choose.addEventListener("click", () => { gift.product = product; go("/app/send"); });
        const item = el("li", {}, `${product.name} `);
        item.append(choose);
        list.append(item);
      }
      show(`Gift ideas for ${gift.recipient}`, list);
    },
    "/app/send": () => {
      const card = el("iframe", { src: `/app/card?product=${encodeURIComponent(gift.product.slug)}`,
        title: "Gift card", style: "display:block;width:100%;height:24rem;border:0" });
      show(`Send the ${gift.product.name} to ${gift.recipient}`, card);
    },
    "/app/done": () => {
      const more = el("p");
      more.append(el("a", { href: "/products" }, "Continue shopping"));
      show("Your gift is on its way",
        el("p", {}, `The ${gift.product.name} will reach ${gift.recipient} within three working days.`), more);
    },
  };
  // A route needs the answers of the routes before it; without them the app starts again.
  const ready = { "/app/": () => true, "/app/ideas": () => "recipient" in gift,
    "/app/send": () => "product" in gift, "/app/done": () => gift.sent === true };

  const render = () => {
    let path = location.pathname;
    if (!(path in routes) || !ready[path]()) {
      path = "/app/";
      history.replaceState(null, "", path);
    }
    routes[path]();
  };

  const go = (path) => {
    history.pushState(null, "", path);
    render();
  };

  document.addEventListener("click", (event) => {
    const target = event.target.closest("a[href^='/app/']");
    if (!target || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    go(target.pathname);
  });
  window.addEventListener("popstate", render);
  window.addEventListener("message", (event) => {
    if (event.origin !== location.origin || event.data?.gift !== "sent" || location.pathname !== "/app/send") return;
    gift.sent = true;
    go("/app/done");
  });
  render();
})();
