// Search page: query with FTS5 operators and filters, attention over time,
// top entities, themes, sources and event types, and the result list.
import {h, put, clear, card, marked, fmtDate, fmtNum, errorBox} from '../lib/dom.js';
import {api, exportURL} from '../lib/api.js';
import {timelineChart, barList, eventChip} from '../lib/chart.js';

// FILTERS are the filter parameters the page keeps in the URL.
const FILTERS = [
  ['entity', 'Entity', 'e.g. Donald Trump'],
  ['entity_type', 'Entity type', 'PERSON, ORG, GPE…'],
  ['event_type', 'Event type', 'ASSAULT, PROTEST…'],
  ['actor_country', 'Actor country', 'RUS, UKR…'],
  ['theme', 'Theme', 'ARMED_CONFLICT…'],
  ['place', 'Place', 'e.g. Kyiv'],
  ['source', 'Source', 'host name'],
  ['language', 'Language', 'en'],
  ['from', 'From', 'YYYY-MM-DD'],
  ['to', 'To', 'YYYY-MM-DD'],
];
const KEYS = ['q', ...FILTERS.map(f => f[0])];

function paramsOf(sp) {
  const p = {};
  for (const k of [...KEYS, 'sort', 'mode', 'interval', 'split', 'unit']) if (sp.get(k)) p[k] = sp.get(k);
  if (p.unit !== 'stories') delete p.unit;
  return p;
}

// go navigates to the search page with params.
export function searchHash(p) {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v) sp.set(k, v);
  const q = sp.toString();
  return '#/search' + (q ? '?' + q : '');
}

function form(p) {
  const q = h('input', {type: 'search', name: 'q', id: 'q', value: p.q || '', autocomplete: 'off',
    placeholder: 'kyiv AND (strike OR missile) NOT drill — "exact phrase", prefix*', 'aria-label': 'search query'});
  const fields = FILTERS.map(([k, label, ph]) => h('label', null, label,
    h('input', {name: k, value: p[k] || '', placeholder: ph, type: k === 'from' || k === 'to' ? 'date' : 'text'})));
  const sort = h('select', {name: 'sort'},
    h('option', {value: 'date'}, 'Newest first'), h('option', {value: 'relevance'}, 'Most relevant'));
  sort.value = p.sort || 'date';
  const active = FILTERS.some(([k]) => p[k]);
  const f = h('form', {class: 'searchform', role: 'search'},
    h('div', {class: 'qrow'}, q, sort, h('button', {type: 'submit', id: 'go'}, 'Search')),
    h('p', {class: 'hint'}, 'Operators: ', ['"exact phrase"', 'AND', 'OR', 'NOT', 'prefix*', 'NEAR(a b, 5)', 'title:word', '( … )']
      .map(op => h('code', null, op)), ' — filters below narrow by entity, event, place, source and date.'),
    h('details', {class: 'filters', open: active}, h('summary', null, 'Filters', active ? ' (active)' : ''),
      h('div', {class: 'filtergrid'}, fields)));
  f.addEventListener('submit', ev => {
    ev.preventDefault();
    const np = {};
    for (const [k, v] of new FormData(f).entries()) if (String(v).trim()) np[k] = String(v).trim();
    if (p.mode) np.mode = p.mode;
    if (p.unit) np.unit = p.unit;
    location.hash = searchHash(np);
  });
  return f;
}

function filterChips(p) {
  const chips = FILTERS.filter(([k]) => p[k]).map(([k, label]) => {
    const np = {...p};
    delete np[k];
    return h('a', {class: 'chip removable', href: searchHash(np), title: 'remove this filter'}, `${label}: ${p[k]} ✕`);
  });
  return chips.length ? h('div', {class: 'chips'}, chips) : null;
}

function hitItem(hit) {
  const reports = hit.reports > 1 ? h('span', {class: 'chip reports', title: 'reports of this story matching the search'},
    fmtNum(hit.reports) + ' reports') : null;
  return h('li', {class: 'hit'},
    h('a', {class: 'hit-title', href: '#/article/' + encodeURIComponent(hit.id)}, hit.title || '(untitled)'),
    h('div', {class: 'meta'}, hit.source || 'unknown source', ' · ', fmtDate(hit.published),
      hit.language ? ' · ' + hit.language : '', hit.duplicate_of ? h('span', {class: 'chip'}, 'copy') : null, reports),
    h('p', {class: 'snippet'}, marked(hit.snippet)));
}

async function results(p, box, alive) {
  const params = {...p, limit: 20};
  delete params.mode; delete params.interval; delete params.split; delete params.unit;
  // Exports list every article; counting stories collapses the list to
  // one hit per story (its earliest report).
  const exported = {...params};
  const stories = p.unit === 'stories';
  if (stories) params.collapse = 'story';
  const list = h('ol', {class: 'hits', id: 'results'});
  const res = await api('api/articles', params);
  if (!alive()) return;
  const noun = stories ? ['story', 'stories'] : ['article', 'articles'];
  const head = h('div', {class: 'resulthead'},
    h('strong', {id: 'total'}, fmtNum(res.total)), ' ', res.total === 1 ? noun[0] : noun[1],
    h('span', {class: 'spacer'}),
    h('a', {href: exportURL(exported, 'csv'), class: 'button small', download: ''}, 'CSV'),
    h('a', {href: exportURL(exported, 'jsonl'), class: 'button small', download: ''}, 'JSONL'));
  list.append(...res.articles.map(hitItem));
  const more = h('button', {class: 'more', type: 'button'}, 'More results');
  let next = res.next;
  more.hidden = !next;
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const page = await api('api/articles', {...params, cursor: next});
      list.append(...page.articles.map(hitItem));
      next = page.next;
      more.hidden = !next;
    } catch (e) {
      more.replaceWith(errorBox(e));
    }
    more.disabled = false;
  });
  put(box, head, res.articles.length ? list : h('p', {class: 'muted'}, 'No article matches.'), more);
}

// unitToggle switches what the chart, the facets and the list count:
// articles, or stories (an event covered by many outlets counts once).
function unitToggle(p) {
  const cur = p.unit === 'stories' ? 'stories' : 'articles';
  const tab = (u, label) => h('a', {class: 'tab unit-' + u + (u === cur ? ' active' : ''),
    href: searchHash({...p, unit: u === 'stories' ? u : ''}), 'aria-current': u === cur ? 'true' : null}, label);
  return h('div', {class: 'tabs unit', role: 'group', 'aria-label': 'count'},
    h('span', {class: 'muted'}, 'count: '), tab('articles', 'articles'), ' | ', tab('stories', 'stories'));
}

async function timeline(p, box, alive) {
  const mode = p.mode === 'ratio' ? 'ratio' : 'count';
  const params = {...p};
  delete params.mode; delete params.sort;
  const tl = await api('api/timeline', params);
  if (!alive()) return;
  const toggle = (m, label) => h('a', {class: 'tab' + (m === mode ? ' active' : ''), href: searchHash({...p, mode: m})}, label);
  const ivl = (i, label) => h('a', {class: 'tab' + ((p.interval || 'day') === i ? ' active' : ''), href: searchHash({...p, interval: i})}, label);
  const split = (x, label) => h('a', {class: 'tab' + ((p.split || '') === x ? ' active' : ''), href: searchHash({...p, split: x})}, label);
  const pick = b => {
    const day = String(b.date).slice(0, 10);
    location.hash = searchHash({...p, from: day, to: day});
  };
  put(box, unitToggle(p), h('div', {class: 'tabs'},
    toggle('count', p.unit === 'stories' ? 'Stories' : 'Articles'), toggle('ratio', 'Share of all'), h('span', {class: 'sep'}),
    ivl('hour', 'Hour'), ivl('day', 'Day'), ivl('week', 'Week'), h('span', {class: 'sep'}),
    split('', 'All'), split('source', 'By source'), split('event_type', 'By event type')),
  timelineChart(tl, mode, pick));
}

async function facets(p, box, alive) {
  const params = {};
  for (const k of KEYS) if (p[k]) params[k] = p[k];
  if (p.unit) params.unit = p.unit;
  const f = await api('api/facets', {...params, limit: 10});
  if (!alive()) return;
  const add = (k, v) => h('a', {href: searchHash({...p, [k]: v}), title: 'filter by this'}, v);
  put(box, unitToggle(p),
    card('Top entities', barList(f.entities, e => [
      h('a', {href: '#/entity/' + encodeURIComponent(e.id), class: 'ent ent-' + e.type}, e.name),
      h('span', {class: 'type'}, e.type)], e => e.articles)),
    card('Event types', barList(f.event_types, x => h('a', {href: searchHash({...p, event_type: x.key})}, eventChip(x.key)), x => x.count)),
    card('Themes', barList(f.themes, x => add('theme', x.key), x => x.count)),
    card('Sources', barList(f.sources, x => add('source', x.key), x => x.count)));
}

export async function render(root, sp, arg, alive) {
  const p = paramsOf(sp);
  const chartBox = h('div', {id: 'timeline'}, h('p', {class: 'muted'}, 'Loading…'));
  const resultBox = h('div', null, h('p', {class: 'muted'}, 'Searching…'));
  const side = h('aside', {class: 'side', id: 'facets'}, h('p', {class: 'muted'}, 'Loading…'));
  put(root, form(p), filterChips(p),
    h('div', {class: 'layout'},
      h('div', {class: 'maincol'}, card('Attention over time', chartBox), card(null, resultBox)),
      side));
  const guard = (fn, box) => fn(p, box, alive).catch(e => { if (alive()) put(box, errorBox(e)); });
  await Promise.all([guard(results, resultBox), guard(timeline, chartBox), guard(facets, side)]);
}
