// Actor network: who did what to whom. Nodes are actors, edges events,
// coloured by PLOVER type; the layout is a small force simulation.
import {h, s, put, clear, card, errorBox, eventColor} from '../lib/dom.js';
import {api} from '../lib/api.js';
import {eventChip} from '../lib/chart.js';

const W = 900, H = 560;
const TYPES = ['AGREE', 'CONSULT', 'SUPPORT', 'CONCEDE', 'COOPERATE', 'AID', 'RETREAT', 'REQUEST',
  'ACCUSE', 'REJECT', 'THREATEN', 'PROTEST', 'SANCTION', 'MOBILIZE', 'COERCE', 'ASSAULT'];

// layout places nodes with a Fruchterman–Reingold simulation; deterministic
// (initial positions on a circle) so the picture is stable.
function layout(nodes, edges) {
  const n = nodes.length;
  const idx = new Map(nodes.map((nd, i) => [nd.id.toLowerCase(), i]));
  const pos = nodes.map((_, i) => ({x: W / 2 + 200 * Math.cos(2 * Math.PI * i / n), y: H / 2 + 200 * Math.sin(2 * Math.PI * i / n)}));
  const links = edges.map(e => [idx.get(e.actor.toLowerCase()), idx.get(e.recipient.toLowerCase())]).filter(([a, b]) => a !== undefined && b !== undefined && a !== b);
  const k = Math.min(Math.sqrt((W * H) / Math.max(n, 1)) * 0.45, 110);
  let temp = W / 10;
  for (let it = 0; it < 400; it++) {
    const disp = pos.map(() => ({x: 0, y: 0}));
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) {
      let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
      const d = Math.max(Math.hypot(dx, dy), 0.01);
      if (d > 3 * k) continue; // far groups need not push each other off the canvas
      const f = k * k / d;
      dx /= d; dy /= d;
      disp[i].x += dx * f; disp[i].y += dy * f; disp[j].x -= dx * f; disp[j].y -= dy * f;
    }
    for (const [a, b] of links) {
      let dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
      const d = Math.max(Math.hypot(dx, dy), 0.01), f = d * d / k;
      dx /= d; dy /= d;
      disp[a].x -= dx * f; disp[a].y -= dy * f; disp[b].x += dx * f; disp[b].y += dy * f;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps separate groups of actors on the canvas, near the middle.
      disp[i].x += (W / 2 - pos[i].x) * 0.05;
      disp[i].y += (H / 2 - pos[i].y) * 0.08;
      const d = Math.max(Math.hypot(disp[i].x, disp[i].y), 0.01);
      pos[i].x = Math.min(W - 90, Math.max(90, pos[i].x + disp[i].x / d * Math.min(d, temp)));
      pos[i].y = Math.min(H - 50, Math.max(40, pos[i].y + disp[i].y / d * Math.min(d, temp)));
    }
    temp = Math.max(temp * 0.985, 1);
  }
  return {pos, idx};
}

function networkSVG(net) {
  const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, class: 'network', role: 'img', 'aria-label': 'actor network'});
  const defs = s('defs');
  TYPES.forEach((t, i) => defs.append(s('marker', {id: 'arrow-' + i, viewBox: '0 0 10 10', refX: 10, refY: 5,
    markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse'}, s('path', {d: 'M0,0L10,5L0,10z', fill: eventColor(t)}))));
  defs.append(s('marker', {id: 'arrow-x', viewBox: '0 0 10 10', refX: 10, refY: 5, markerWidth: 7, markerHeight: 7,
    orient: 'auto-start-reverse'}, s('path', {d: 'M0,0L10,5L0,10z', fill: eventColor('')})));
  svg.append(defs);
  const {pos, idx} = layout(net.nodes, net.edges);
  const maxE = Math.max(1, ...net.nodes.map(n => n.events));
  const radius = nd => 6 + 16 * Math.sqrt(nd.events / maxE);
  const seen = new Map();
  for (const e of net.edges) {
    const a = idx.get(e.actor.toLowerCase()), b = idx.get(e.recipient.toLowerCase());
    if (a === undefined || b === undefined || a === b) continue;
    const pairKey = a + '-' + b;
    const nth = seen.get(pairKey) || 0;
    seen.set(pairKey, nth + 1);
    const p = pos[a], q = pos[b];
    const dx = q.x - p.x, dy = q.y - p.y, d = Math.max(Math.hypot(dx, dy), 1);
    const rb = radius(net.nodes[b]) + 2;
    const ex = q.x - dx / d * rb, ey = q.y - dy / d * rb;
    const bend = 18 + 14 * nth;
    const cx = (p.x + ex) / 2 - dy / d * bend, cy = (p.y + ey) / 2 + dx / d * bend;
    const ti = TYPES.indexOf(e.type);
    svg.append(s('path', {d: `M${p.x.toFixed(1)},${p.y.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
      class: 'edge', stroke: eventColor(e.type), 'stroke-width': (1.2 + Math.log2(e.count + 1)).toFixed(1),
      'marker-end': `url(#arrow-${ti >= 0 ? ti : 'x'})`}, s('title', null, `${e.actor} → ${e.recipient}: ${e.type} ×${e.count}`)));
  }
  net.nodes.forEach((nd, i) => {
    const g = s('g', {class: 'node', transform: `translate(${pos[i].x.toFixed(1)},${pos[i].y.toFixed(1)})`},
      s('circle', {r: radius(nd).toFixed(1)}),
      s('text', {y: radius(nd) + 13, 'text-anchor': 'middle'}, nd.id.length > 28 ? nd.id.slice(0, 27) + '…' : nd.id),
      s('title', null, `${nd.id}${nd.country ? ' (' + nd.country + ')' : ''}: ${nd.events} events`));
    g.addEventListener('click', () => { location.hash = '#/entity/' + encodeURIComponent(nd.id); });
    svg.append(g);
  });
  return svg;
}

export async function render(root, sp, arg, alive) {
  const params = {};
  for (const k of ['type', 'actor', 'recipient', 'country', 'place', 'from', 'to']) if (sp.get(k)) params[k] = sp.get(k);
  const type = h('select', {name: 'type', 'aria-label': 'event type'}, h('option', {value: ''}, 'All event types'),
    TYPES.map(t => h('option', {value: t}, t)));
  type.value = params.type || '';
  const country = h('input', {name: 'country', value: params.country || '', placeholder: 'country (RUS)', size: 8});
  const f = h('form', {class: 'searchform'}, h('div', {class: 'qrow'}, type, country, h('button', {type: 'submit'}, 'Show')));
  f.addEventListener('submit', ev => {
    ev.preventDefault();
    const np = new URLSearchParams();
    if (type.value) np.set('type', type.value);
    if (country.value.trim()) np.set('country', country.value.trim());
    location.hash = '#/network' + (np.toString() ? '?' + np : '');
  });
  const box = h('div', {id: 'network'}, h('p', {class: 'muted'}, 'Loading…'));
  put(root, f, card('Who did what to whom', box));
  try {
    const net = await api('api/network', {...params, limit: 80});
    if (!alive()) return;
    if (!net.edges.length) {
      put(box, h('p', {class: 'muted'}, 'No events with both an actor and a recipient.'));
      return;
    }
    const types = [...new Set(net.edges.map(e => e.type))];
    put(box, networkSVG(net), h('div', {class: 'legend'}, types.map(eventChip)),
      h('p', {class: 'muted'}, 'Arrows point from actor to recipient; width grows with the number of events. Click an actor for its page.'));
  } catch (e) {
    if (alive()) put(box, errorBox(e));
  }
}
