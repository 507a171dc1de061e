// DOM helpers. Every piece of data reaches the page through textContent or
// setAttribute on a known attribute name: never through innerHTML.

const SVG = 'http://www.w3.org/2000/svg';

// safeHref keeps in-page links (#…) and http(s) URLs; anything else
// (javascript:, data:, …) becomes a dead link.
export function safeHref(u) {
  if (typeof u !== 'string') return '#';
  if (u.startsWith('#')) return u;
  try {
    const p = new URL(u, location.href);
    if (p.protocol === 'http:' || p.protocol === 'https:') return p.href;
  } catch (e) { /* not a URL */ }
  return '#';
}

function build(el, props, children) {
  for (const [k, v] of Object.entries(props || {})) {
    if (v == null || v === false) continue;
    if (k === 'text') el.textContent = String(v);
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'href' || k === 'src') el.setAttribute(k, safeHref(String(v)));
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else if (/^on/i.test(k)) throw new Error('event attribute ' + k);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

// append adds children: nodes, strings (as text), arrays; null is skipped.
export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c == null || c === false) continue;
    el.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// h makes an HTML element: h('a', {href: '#/x', class: 'y'}, 'text', child).
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

// s makes an SVG element.
export function s(tag, props, ...children) {
  return build(document.createElementNS(SVG, tag), props, children);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// put replaces the children of el (null children are skipped).
export function put(el, ...children) {
  return append(clear(el), children);
}

// fmtDate shows an RFC 3339 time as YYYY-MM-DD (UTC).
export function fmtDate(t) {
  return t ? String(t).slice(0, 10) : 'undated';
}

export function fmtNum(n) {
  return Number(n || 0).toLocaleString('en-US');
}

// marked turns a snippet whose matches are wrapped in U+E000 … U+E001 into
// nodes with <mark> elements.
export function marked(snippet) {
  const out = [];
  const parts = String(snippet || '').split(/([\uE000\uE001])/);
  let inMark = false;
  for (const p of parts) {
    if (p === '\uE000') { inMark = true; continue; }
    if (p === '\uE001') { inMark = false; continue; }
    if (p) out.push(inMark ? h('mark', null, p) : p);
  }
  return out;
}

// errorBox shows an error message.
export function errorBox(err) {
  return h('div', {class: 'error', role: 'alert'}, String(err && err.message || err));
}

export function card(title, ...body) {
  return h('section', {class: 'card'}, title ? h('h2', null, title) : null, ...body);
}

// eventColor gives each PLOVER event type its colour.
const EVENT_COLORS = {
  AGREE: '#2e7d32', CONSULT: '#1565c0', SUPPORT: '#00897b', CONCEDE: '#7cb342',
  COOPERATE: '#0277bd', AID: '#43a047', RETREAT: '#9e9d24', REQUEST: '#5e35b1',
  ACCUSE: '#ef6c00', REJECT: '#8d6e63', THREATEN: '#f4511e', PROTEST: '#d81b60',
  SANCTION: '#6d4c41', MOBILIZE: '#fb8c00', COERCE: '#c62828', ASSAULT: '#b71c1c',
};
export function eventColor(type) {
  return EVENT_COLORS[type] || '#607d8b';
}
