// tidings dashboard: a hash router over the pages. Each page is a module
// exporting render(root, params, path) that builds its DOM from API data.
import {put, clear, errorBox} from './lib/dom.js';
import * as search from './pages/search.js';
import * as article from './pages/article.js';
import * as entity from './pages/entity.js';
import * as map from './pages/map.js';
import * as network from './pages/network.js';

const routes = {'': search, search, article, entity, map, network};

// parseHash turns "#/entity/Donald%20Trump?from=…" into its parts.
export function parseHash(hash) {
  const raw = (hash || '').replace(/^#\/?/, '');
  const [path, query] = raw.split('?', 2);
  const parts = path.split('/').map(p => { try { return decodeURIComponent(p); } catch (e) { return p; } });
  return {page: parts[0] || '', arg: parts.slice(1).join('/'), params: new URLSearchParams(query || '')};
}

let generation = 0;

async function route() {
  const root = document.getElementById('app');
  const {page, arg, params} = parseHash(location.hash);
  const mod = routes[page];
  document.querySelectorAll('[data-nav]').forEach(a =>
    a.classList.toggle('active', a.dataset.nav === (page || 'search') ||
      (a.dataset.nav === 'search' && (page === 'article' || page === 'entity'))));
  const gen = ++generation;
  if (!mod) {
    put(root, errorBox('No such page: ' + page));
    return;
  }
  try {
    await mod.render(root, params, arg, () => gen === generation);
  } catch (e) {
    if (gen === generation) put(root, errorBox(e));
  }
  document.body.dataset.ready = page || 'search';
}

window.addEventListener('hashchange', route);
route();
