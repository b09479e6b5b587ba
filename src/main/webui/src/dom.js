// Small DOM helpers: no framework, no innerHTML with data (so nothing from the graph or a model can inject markup).

/** h('div', {class: 'x', onclick: fn}, child, ...) builds an element; strings become text nodes. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's content. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A message box; kind is 'error', 'ok' or 'info'. Errors are announced to screen readers. */
export function note(kind, ...children) {
  return h('div', { class: `note ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, ...children);
}

/** Pretty JSON in a <pre>. */
export function jsonBlock(value, attrs = {}) {
  return h('pre', { class: 'code', ...attrs }, JSON.stringify(value, null, 2));
}

/** Saves text as a file download (CSV, JSON). */
export function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Copies text to the clipboard; says so in the given status element, or tells the user to copy by hand. */
export async function copyText(text, status) {
  try {
    await navigator.clipboard.writeText(text);
    if (status) status.textContent = 'Copied.';
  } catch {
    if (status) status.textContent = 'The browser refused the clipboard: select the text and copy it.';
  }
}

/** The text of a duration in milliseconds. */
export function ms(value) {
  if (value === undefined || value === null) return '';
  return value < 10 ? `${Number(value).toFixed(2)} ms` : `${Math.round(value)} ms`;
}

/** A link to an external http(s) address (opened in a new tab), or plain text for anything else (never javascript:). */
export function externalLink(url) {
  return /^https?:\/\//i.test(url) ? h('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, url) : String(url);
}
