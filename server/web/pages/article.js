// Article page: the text with entities, quotes, events and counts
// highlighted; clicking a fact shows its sentence, extractor and fields.
import {h, put, clear, card, fmtDate, errorBox, safeHref} from '../lib/dom.js';
import {api} from '../lib/api.js';
import {eventChip} from '../lib/chart.js';

// collectFacts lists every highlightable fact with its span in code points.
function collectFacts(a) {
  const facts = [];
  (a.entities || []).forEach((e, i) => (e.mentions || []).forEach(m =>
    facts.push({kind: 'entity', key: 'e' + i, start: m.start, end: m.end, fact: e, label: e.name, cls: 'hl-entity ent-' + e.type})));
  (a.quotes || []).forEach((q, i) => {
    const f = {kind: 'quote', key: 'q' + i, start: q.start, end: q.end, fact: q, sentence: q.sentence,
      label: (q.speaker || 'unknown speaker') + ': “' + q.text + '”', cls: 'hl-quote'};
    facts.push(f);
    // The words the attribution rests on share the quote's key, so that
    // selecting the quote shows its speaker too.
    const m = q.speaker_mention;
    if (m) facts.push({...f, start: m.start, end: m.end, cls: 'hl-speaker', mention: true});
  });
  (a.events || []).forEach((ev, i) => {
    const sp = ev.trigger_span || ev.sentence;
    if (sp) facts.push({kind: 'event', key: 'v' + i, start: sp.start, end: sp.end, fact: ev, sentence: ev.sentence,
      label: actorName(ev.actor) + ' → ' + actorName(ev.recipient) + (ev.negated ? ' (negated)' : '') + (ev.hypothetical ? ' (hypothetical)' : ''),
      cls: 'hl-event'});
  });
  (a.counts || []).forEach((c, i) =>
    facts.push({kind: 'count', key: 'c' + i, start: c.start, end: c.end, fact: c, sentence: c.sentence,
      label: c.kind + ' ' + c.number + (c.location ? ' in ' + c.location : ''), cls: 'hl-count'}));
  return facts;
}

function actorName(x) {
  return x && x.name ? x.name : '?';
}

// segments splits the text at every fact boundary; each segment knows the
// facts covering it.
function segments(cps, facts) {
  const n = cps.length;
  const ok = facts.filter(f => Number.isInteger(f.start) && Number.isInteger(f.end) && f.start >= 0 && f.end <= n && f.start < f.end);
  const cuts = new Set([0, n]);
  for (const f of ok) { cuts.add(f.start); cuts.add(f.end); }
  const xs = [...cuts].sort((x, y) => x - y);
  const out = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    const a = xs[i], b = xs[i + 1];
    out.push({a, b, facts: ok.filter(f => f.start <= a && f.end >= b)});
  }
  return out;
}

// sentenceAround guesses the sentence of a span that carries none.
function sentenceAround(cps, start, end) {
  let a = start, b = end;
  while (a > 0 && !(/[.!?]/.test(cps[a - 1]) && /\s/.test(cps[a] || '')) && cps[a - 1] !== '\n') a--;
  while (b < cps.length && !/[.!?\n]/.test(cps[b - 1] || '')) b++;
  return {start: a, end: b};
}

function fieldRows(obj) {
  const rows = [];
  for (const [k, v] of Object.entries(obj || {})) {
    if (k === 'mentions' || k === 'sentence' || v == null || v === '') continue;
    const val = typeof v === 'object' ? JSON.stringify(v) : String(v);
    rows.push(h('tr', null, h('th', null, k), h('td', null, val)));
  }
  return h('table', {class: 'fields'}, h('tbody', null, rows));
}

function entityLink(name) {
  return name ? h('a', {href: '#/entity/' + encodeURIComponent(name)}, name) : null;
}

// showFact fills the evidence panel with one fact.
function showFact(panel, a, cps, f) {
  const sent = f.sentence || sentenceAround(cps, f.start, f.end);
  const s0 = Math.max(0, Math.min(sent.start, f.start)), s1 = Math.min(cps.length, Math.max(sent.end, f.end));
  const links = [];
  if (f.kind === 'entity') links.push(entityLink(f.fact.name));
  if (f.kind === 'quote') links.push(entityLink(f.fact.speaker));
  if (f.kind === 'event') links.push(entityLink(f.fact.actor && f.fact.actor.name), ' → ', entityLink(f.fact.recipient && f.fact.recipient.name));
  put(panel, 
    h('div', {class: 'evidence-head'}, h('span', {class: 'chip kind-' + f.kind}, f.kind),
      f.kind === 'event' ? eventChip(f.fact.type) : null, h('strong', null, f.label)),
    h('blockquote', {class: 'sentence', id: 'evidence-sentence'},
      cps.slice(s0, f.start).join(''), h('mark', null, cps.slice(f.start, f.end).join('')), cps.slice(f.end, s1).join('')),
    h('p', {class: 'meta'}, 'Characters ', String(f.start), '–', String(f.end), ' · extractor ',
      h('code', null, a.extractor || 'unknown')),
    links.some(Boolean) ? h('p', null, links) : null,
    fieldRows(f.fact));
}

function factList(title, items, open) {
  if (!items.length) return null;
  return h('details', {class: 'factgroup', open: open},
    h('summary', null, title, h('span', {class: 'count'}, String(items.length))), h('ul', null, items));
}

// storyBox fills box with the article's story: its other reports and what
// they say of casualties, as a range with each source's figure. Data goes
// in through text nodes only (h, put).
async function storyBox(box, a, alive) {
  let st;
  try {
    st = await api('api/stories/' + encodeURIComponent(a.story));
  } catch (e) {
    if (alive()) put(box, errorBox(e));
    return;
  }
  if (!alive()) return;
  const others = (st.reports || []).filter(r => r.id !== a.id);
  const report = r => h('li', {class: 'report'},
    h('a', {href: '#/article/' + encodeURIComponent(r.id)}, r.title || '(untitled)'),
    h('div', {class: 'meta'}, r.source || 'unknown source', ' · ', fmtDate(r.published),
      r.duplicate_of ? h('span', {class: 'chip', title: 'near-duplicate of ' + r.duplicate_of}, 'copy') : null));
  const range = c => h('li', {class: 'casualty'},
    h('strong', null, c.kind, ' ', c.min === c.max ? String(c.min) : c.min + '–' + c.max),
    h('ul', {class: 'figures'}, (c.figures || []).map(f => h('li', null,
      h('a', {href: '#/article/' + encodeURIComponent(f.article)}, f.source || f.article), ': ', String(f.number),
      f.qualifier && f.qualifier !== 'exact' ? ' (' + f.qualifier + ')' : ''))));
  put(box,
    h('p', {class: 'meta'}, String((st.reports || []).length), (st.reports || []).length === 1 ? ' report' : ' reports'),
    others.length ? h('ul', {class: 'reports', id: 'story-reports'}, others.map(report))
      : h('p', {class: 'muted'}, 'No other report of this story.'),
    (st.casualties || []).length ? h('div', null, h('h3', null, 'Casualties by source'),
      h('ul', {class: 'casualties', id: 'story-casualties'}, st.casualties.map(range))) : null);
}

export async function render(root, sp, id, alive) {
  put(root, h('p', {class: 'muted'}, 'Loading article…'));
  let a;
  try {
    a = await api('api/articles/' + encodeURIComponent(id));
  } catch (e) {
    put(root, errorBox(e));
    return;
  }
  if (!alive()) return;
  const cps = Array.from(a.text || '');
  const facts = collectFacts(a);
  const panel = h('div', {class: 'evidence', id: 'evidence'},
    h('p', {class: 'muted'}, 'Click a highlighted fact, or one in the lists below, to see the sentence it came from.'));
  const textEl = h('div', {class: 'articletext', id: 'article-text'});
  const spans = new Map();
  const select = f => {
    if (f.mention) f = facts.find(g => g.key === f.key && !g.mention) || f;
    textEl.querySelectorAll('.active').forEach(el => el.classList.remove('active'));
    for (const el of spans.get(f.key) || []) el.classList.add('active');
    const first = (spans.get(f.key) || [])[0];
    if (first) first.scrollIntoView({block: 'nearest'});
    showFact(panel, a, cps, f);
  };
  for (const seg of segments(cps, facts)) {
    const text = cps.slice(seg.a, seg.b).join('');
    if (!seg.facts.length) { textEl.append(text); continue; }
    const el = h('span', {class: 'hl ' + [...new Set(seg.facts.map(f => f.cls))].join(' '),
      dataset: {facts: seg.facts.map(f => f.key).join(' ')}, tabindex: 0}, text);
    for (const f of seg.facts) { if (!spans.has(f.key)) spans.set(f.key, []); spans.get(f.key).push(el); }
    const pick = () => select(seg.facts.reduce((x, y) => (y.end - y.start < x.end - x.start ? y : x)));
    el.addEventListener('click', pick);
    el.addEventListener('keydown', ev => { if (ev.key === 'Enter') pick(); });
    textEl.append(el);
  }
  const byKind = k => facts.filter(f => f.kind === k && !f.mention).filter((f, i, all) => all.findIndex(g => g.key === f.key) === i);
  const item = f => h('li', null, h('button', {type: 'button', class: 'factbtn', onclick: () => select(f)},
    f.kind === 'event' ? eventChip(f.fact.type) : null, f.kind === 'entity' ? h('span', {class: 'type'}, f.fact.type) : null, f.label));
  const tone = a.tone ? h('span', {class: 'chip ' + (a.tone.score < 0 ? 'neg' : 'pos')}, 'tone ' + a.tone.score.toFixed(1)) : null;
  const story = a.story ? h('div', {id: 'story'}, h('p', {class: 'muted'}, 'Loading story…')) : null;
  const link = safeHref(a.url) !== '#' ? h('a', {href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank'}, 'original') : null;
  put(root, 
    h('p', {class: 'crumbs'}, h('a', {href: '#/'}, '← search')),
    h('div', {class: 'layout article'},
      h('article', {class: 'maincol card'},
        h('h1', {id: 'article-title'}, a.title || '(untitled)'),
        h('p', {class: 'meta'}, a.source || 'unknown source', ' · ', fmtDate(a.published),
          (a.authors || []).length ? ' · ' + a.authors.join(', ') : '', a.language ? ' · ' + a.language : '',
          link ? ' · ' : '', link),
        h('p', {class: 'chips'}, tone, (a.themes || []).map(t => h('a', {class: 'chip', href: '#/search?theme=' + encodeURIComponent(t)}, t)),
          a.duplicate_of ? h('a', {class: 'chip', href: '#/article/' + encodeURIComponent(a.duplicate_of)}, 'copy of an earlier article') : null),
        h('div', {class: 'legend'}, ['entity', 'quote', 'event', 'count'].map(k => h('span', {class: 'key hl-' + k}, k))),
        textEl),
      h('aside', {class: 'side'},
        card('Evidence', panel),
        story ? card('Story', story) : null,
        card('Facts',
          factList('Entities', byKind('entity').map(item), true),
          factList('Quotes', byKind('quote').map(item), true),
          factList('Events', byKind('event').map(item), true),
          factList('Counts', byKind('count').map(item), true),
          factList('Places', (a.places || []).map(p => h('li', null, h('a', {href: '#/map?place=' + encodeURIComponent(p.name)}, p.name),
            ' ', h('span', {class: 'muted'}, `${p.country || ''} ${Number(p.lat).toFixed(2)}, ${Number(p.lon).toFixed(2)}`))), false),
          factList('Removed in cleaning', (a.removed || []).map(r => h('li', null, h('span', {class: 'type'}, r.kind), r.text)), false),
          facts.length ? null : h('p', {class: 'muted'}, 'No facts were extracted from this article.')))));
  if (story) await storyBox(story, a, alive);
}
