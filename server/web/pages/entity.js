// Entity page: mentions over time, roles, quotes, events as actor and as
// recipient, co-occurring entities.
import {h, put, clear, card, fmtDate, fmtNum, errorBox} from '../lib/dom.js';
import {api} from '../lib/api.js';
import {timelineChart, eventChip} from '../lib/chart.js';

const entityHref = name => '#/entity/' + encodeURIComponent(name);
const articleHref = id => '#/article/' + encodeURIComponent(id);

function eventTable(hits, empty) {
  if (!hits.length) return h('p', {class: 'muted'}, empty);
  return h('table', {class: 'list'}, h('thead', null, h('tr', null,
    ['Date', 'Type', 'Actor', 'Recipient', 'Where', 'Sentence'].map(t => h('th', null, t)))),
  h('tbody', null, hits.map(x => {
    const ev = x.event;
    const who = a => a && a.name ? h('a', {href: entityHref(a.name)}, a.name) : '—';
    return h('tr', null, h('td', {class: 'nowrap'}, fmtDate(x.published)), h('td', null, eventChip(ev.type)),
      h('td', null, who(ev.actor)), h('td', null, who(ev.recipient)), h('td', null, ev.location || ''),
      h('td', null, h('a', {href: articleHref(x.article_id), title: x.title}, (ev.sentence && ev.sentence.text) || ev.trigger)));
  })));
}

export async function render(root, sp, id, alive) {
  put(root, h('p', {class: 'muted'}, 'Loading entity…'));
  const params = {};
  for (const [k, v] of sp.entries()) params[k] = v;
  let e;
  try {
    e = await api('api/entities/' + encodeURIComponent(id), params);
  } catch (err) {
    put(root, h('p', {class: 'crumbs'}, h('a', {href: '#/'}, '← search')), errorBox(err));
    return;
  }
  if (!alive()) return;
  const quotes = e.quotes.length ? h('ul', {class: 'quotes'}, e.quotes.map(q => h('li', null,
    h('blockquote', null, '“', q.quote.text, '”'),
    h('p', {class: 'meta'}, fmtDate(q.published), ' · ', h('a', {href: articleHref(q.article_id)}, q.title || q.article_id),
      q.quote.cue ? ' · cue “' + q.quote.cue + '”' : '')))) : h('p', {class: 'muted'}, 'No quotes attributed.');
  const co = e.co_occurring.length ? h('div', {class: 'chips'}, e.co_occurring.map(c =>
    h('a', {class: 'chip ent ent-' + c.type, href: entityHref(c.name), title: `${c.articles} shared articles`},
      c.name, h('span', {class: 'count'}, String(c.articles))))) : h('p', {class: 'muted'}, 'None.');
  put(root, 
    h('p', {class: 'crumbs'}, h('a', {href: '#/'}, '← search')),
    h('div', {class: 'entityhead card'},
      h('h1', {id: 'entity-name'}, e.name),
      h('p', {class: 'meta'}, e.type ? h('span', {class: 'chip ent ent-' + e.type}, e.type) : h('span', {class: 'chip'}, 'untagged actor or speaker'), e.country ? ' ' + e.country : '',
        ' · ', fmtNum(e.articles), e.articles === 1 ? ' article · ' : ' articles · ', fmtNum(e.mentions), e.mentions === 1 ? ' mention' : ' mentions',
        ' · ', h('a', {href: '#/search?entity=' + encodeURIComponent(e.name)}, 'search its articles')),
      e.roles.length ? h('p', {class: 'chips'}, 'Roles: ', e.roles.map(r => h('span', {class: 'chip'}, r.key, h('span', {class: 'count'}, String(r.count))))) : null),
    h('div', {class: 'layout'},
      h('div', {class: 'maincol'},
        card('Mentions over time', h('div', {id: 'entity-timeline'}, timelineChart({interval: 'day', buckets: e.timeline}, 'count'))),
        card('Events as actor', eventTable(e.as_actor, 'None.')),
        card('Events as recipient', eventTable(e.as_recipient, 'None.'))),
      h('aside', {class: 'side'},
        card('Quotes', quotes),
        card('Appears with', co))));
}
