// Map of places and events: an offline SVG world map (Natural Earth via
// world-atlas TopoJSON) with the geocoded places of the matching articles.
import {h, s, put, clear, card, fmtNum, errorBox} from '../lib/dom.js';
import {api} from '../lib/api.js';

const W = 960, H = 470, LAT_TOP = 84, LAT_BOTTOM = -58;
const px = lon => (lon + 180) / 360 * W;
const py = lat => (LAT_TOP - lat) / (LAT_TOP - LAT_BOTTOM) * H;

let worldPaths = null;

// countryPaths turns the TopoJSON countries into SVG path strings, breaking
// rings where they cross the antimeridian.
async function countryPaths() {
  if (worldPaths) return worldPaths;
  const resp = await fetch('vendor/countries-110m.json');
  if (!resp.ok) throw new Error('cannot load the world map');
  const world = await resp.json();
  if (!window.topojson) throw new Error('topojson-client did not load');
  const fc = window.topojson.feature(world, world.objects.countries);
  worldPaths = fc.features.map(f => {
    const g = f.geometry;
    if (!g) return null;
    const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    let d = '';
    for (const poly of polys) for (const ring of poly) {
      let prev = null;
      for (const [lon, lat] of ring) {
        const cmd = prev === null || Math.abs(lon - prev) > 180 ? 'M' : 'L';
        d += cmd + px(lon).toFixed(1) + ',' + py(Math.max(LAT_BOTTOM, Math.min(LAT_TOP, lat))).toFixed(1);
        prev = lon;
      }
      d += 'Z';
    }
    return {d, name: (f.properties && f.properties.name) || ''};
  }).filter(Boolean);
  return worldPaths;
}

function mapSVG(paths, places) {
  const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, class: 'worldmap', role: 'img', 'aria-label': 'map of places'});
  svg.append(s('rect', {x: 0, y: 0, width: W, height: H, class: 'sea'}));
  for (const p of paths) svg.append(s('path', {d: p.d, class: 'land'}, s('title', null, p.name)));
  const max = Math.max(1, ...places.map(p => p.articles));
  for (const p of [...places].sort((a, b) => b.articles - a.articles)) {
    const r = 3 + 14 * Math.sqrt(p.articles / max);
    const c = s('circle', {cx: px(p.lon).toFixed(1), cy: py(p.lat).toFixed(1), r: r.toFixed(1),
      class: 'place' + (p.killed > 0 ? ' deadly' : p.events > 0 ? ' eventful' : '')},
    s('title', null, `${p.name} (${p.country}): ${p.articles} articles, ${p.events} events, ${p.killed} killed, ${p.wounded} wounded`));
    c.addEventListener('click', () => { location.hash = '#/search?place=' + encodeURIComponent(p.name); });
    svg.append(c);
  }
  return svg;
}

export async function render(root, sp, arg, alive) {
  const params = {};
  for (const k of ['q', 'from', 'to', 'event_type', 'place']) if (sp.get(k)) params[k] = sp.get(k);
  const q = h('input', {type: 'search', name: 'q', value: params.q || '', placeholder: 'limit the map to a search', 'aria-label': 'query'});
  const f = h('form', {class: 'searchform'}, h('div', {class: 'qrow'}, q, h('button', {type: 'submit'}, 'Show')));
  f.addEventListener('submit', ev => {
    ev.preventDefault();
    location.hash = '#/map' + (q.value.trim() ? '?q=' + encodeURIComponent(q.value.trim()) : '');
  });
  const mapBox = h('div', {id: 'map'}, h('p', {class: 'muted'}, 'Loading map…'));
  const tableBox = h('div');
  const aggBox = h('div');
  put(root, f, h('div', {class: 'layout'},
    h('div', {class: 'maincol'}, card('Places', mapBox,
      h('p', {class: 'legend'}, h('span', {class: 'key dot deadly'}, 'casualties reported'),
        h('span', {class: 'key dot eventful'}, 'events'), h('span', {class: 'key dot'}, 'mentioned'))),
    card('Casualties by day and place', aggBox)),
    h('aside', {class: 'side'}, card('Most named places', tableBox))));
  try {
    const evParams = {};
    for (const k of ['from', 'to']) if (params[k]) evParams[k] = params[k];
    if (params.event_type) evParams.type = params.event_type;
    const [paths, res, evs] = await Promise.all([countryPaths(), api('api/places', params), api('api/events', {...evParams, limit: 1})]);
    if (!alive()) return;
    put(mapBox, mapSVG(paths, res.places));
    put(tableBox, res.places.length ? h('table', {class: 'list'},
      h('thead', null, h('tr', null, ['Place', 'Articles', 'Events', 'Killed', 'Wounded'].map(t => h('th', null, t)))),
      h('tbody', null, res.places.slice(0, 40).map(p => h('tr', null,
        h('td', null, h('a', {href: '#/search?place=' + encodeURIComponent(p.name)}, p.name), ' ', h('span', {class: 'muted'}, p.country)),
        h('td', {class: 'num'}, fmtNum(p.articles)), h('td', {class: 'num'}, fmtNum(p.events)),
        h('td', {class: 'num'}, fmtNum(p.killed)), h('td', {class: 'num'}, fmtNum(p.wounded))))))
      : h('p', {class: 'muted'}, 'No geocoded places.'));
    const aggs = evs.aggregates.filter(a => a.killed || a.wounded || a.arrested).slice(0, 30);
    put(aggBox, ...(aggs.length ? [h('table', {class: 'list'},
      h('thead', null, h('tr', null, ['Day', 'Place', 'Killed', 'Wounded', 'Arrested', 'Reports'].map(t => h('th', null, t)))),
      h('tbody', null, aggs.map(a => h('tr', null, h('td', {class: 'nowrap'}, a.day), h('td', null, a.place || '—'),
        h('td', {class: 'num'}, fmtNum(a.killed)), h('td', {class: 'num'}, fmtNum(a.wounded)),
        h('td', {class: 'num'}, fmtNum(a.arrested)), h('td', {class: 'num'}, fmtNum(a.articles)))))),
      h('p', {class: 'muted'}, 'For each day and place, the largest figure any one report gives: reports of one event are not added up.')]
      : [h('p', {class: 'muted'}, 'No casualty figures.')]));
  } catch (e) {
    if (alive()) put(mapBox, errorBox(e));
  }
}
