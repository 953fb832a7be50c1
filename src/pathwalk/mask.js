// pathwalk's mask over a field that holds a secret: a black box drawn by the page itself, so every
// picture of it is masked alike (pathwalk's screenshots, Playwright's trace screencast, the video),
// whichever way it is captured. Set before the secret is typed, kept for the rest of the journey.
// The style is a constructed sheet adopted by the field's document or shadow root (no node is
// added); the field gets one attribute, data-pathwalk-mask, which observer.js does not count as
// the site's answer and axe-core is told to leave out (its contrast is pathwalk's doing).
// Returns whether the field is a password field (its value is a secret even when typed plainly).
(el, force) => {
  const password = el instanceof HTMLInputElement && el.type === "password";
  if (!force && !password) return password;
  const root = el.getRootNode();
  if (root && "adoptedStyleSheets" in root && !root.__pathwalkMask) {
    const view = (el.ownerDocument && el.ownerDocument.defaultView) || window;
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(`[data-pathwalk-mask], [data-pathwalk-mask] * {
      background: #000 !important; color: #000 !important; -webkit-text-fill-color: #000 !important;
      caret-color: transparent !important; text-shadow: none !important; -webkit-text-security: disc !important;
      border-color: #000 !important; outline: none !important; box-shadow: none !important; }
    [data-pathwalk-mask]::selection, [data-pathwalk-mask] *::selection { background: #000 !important; }`);
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    Object.defineProperty(root, "__pathwalkMask", { value: true });
  }
  el.setAttribute("data-pathwalk-mask", "");
  return password;
}
