// SVG charts drawn from API data: attention over time (bars, or lines for
// split series) and horizontal bar lists.
import {s, h, fmtNum, eventColor} from './dom.js';

const W = 760, H = 210, PAD = {l: 44, r: 12, t: 12, b: 28};

function niceMax(v) {
  if (v <= 0) return 1;
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function label(t, interval) {
  const d = String(t);
  return interval === 'hour' ? d.slice(5, 13).replace('T', ' ') + 'h' : d.slice(0, 10);
}

const SERIES_COLORS = ['#1565c0', '#c62828', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#8d6e63', '#ad1457'];

// timelineChart draws a timeline: mode 'count' shows matching articles,
// 'ratio' their share of all stored articles. With series (a split) it
// draws one line per series over the bars.
export function timelineChart(tl, mode, onPick) {
  const buckets = tl.buckets || [];
  if (!buckets.length) return h('p', {class: 'muted'}, 'No dated articles match.');
  const val = b => mode === 'ratio' ? b.ratio : b.count;
  let max = Math.max(...buckets.map(val));
  const series = (tl.series || []).filter(x => x.buckets && x.buckets.length);
  for (const x of series) max = Math.max(max, ...x.buckets.map(val));
  max = niceMax(max);
  const iw = W - PAD.l - PAD.r, ih = H - PAD.t - PAD.b;
  const n = buckets.length, bw = iw / n;
  const y = v => PAD.t + ih - (v / max) * ih;
  const svg = s('svg', {viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img',
    'aria-label': 'attention over time', 'data-buckets': n});
  const fracs = mode === 'count' && max % 2 ? [0, 1] : [0, 0.5, 1];
  for (const f of fracs) {
    const v = max * f;
    svg.append(s('line', {x1: PAD.l, x2: W - PAD.r, y1: y(v), y2: y(v), class: 'grid'}),
      s('text', {x: PAD.l - 6, y: y(v) + 4, class: 'axis', 'text-anchor': 'end'},
        mode === 'ratio' ? (v * 100).toFixed(v * 100 < 10 && v > 0 ? 1 : 0) + '%' : fmtNum(Math.round(v))));
  }
  buckets.forEach((b, i) => {
    const v = val(b), top = y(v);
    const w = Math.min(Math.max(bw * 0.8, 1), 56);
    const bar = s('rect', {x: PAD.l + i * bw + (bw - w) / 2, y: top, width: w,
      height: Math.max(PAD.t + ih - top, 0), class: series.length ? 'bar faint' : 'bar'},
    s('title', null, `${label(b.date, tl.interval)}: ${fmtNum(b.count)} of ${fmtNum(b.total)} articles (${(b.ratio * 100).toFixed(1)}%)`));
    if (onPick) bar.addEventListener('click', () => onPick(b));
    svg.append(bar);
  });
  series.forEach((x, k) => {
    const byDate = new Map(x.buckets.map(b => [b.date, b]));
    const pts = buckets.map((b, i) => {
      const sb = byDate.get(b.date);
      return `${PAD.l + i * bw + bw / 2},${y(sb ? val(sb) : 0)}`;
    });
    svg.append(s('polyline', {points: pts.join(' '), class: 'series',
      stroke: SERIES_COLORS[k % SERIES_COLORS.length]}, s('title', null, x.key)));
  });
  const ticks = n <= 3 ? [...Array(n).keys()] : [0, Math.floor((n - 1) / 2), n - 1];
  for (const i of ticks) {
    svg.append(s('text', {x: PAD.l + i * bw + bw / 2, y: H - 8, class: 'axis',
      'text-anchor': i === 0 && n > 1 ? 'start' : i === n - 1 && n > 1 ? 'end' : 'middle'},
    label(buckets[i].date, tl.interval)));
  }
  const wrap = h('div', {class: 'chart-wrap'}, svg);
  if (series.length) {
    wrap.append(h('div', {class: 'legend'}, series.map((x, k) =>
      h('span', {class: 'key'}, h('i', {class: 'swatch', 'data-color': k}), x.key || '(none)'))));
    wrap.querySelectorAll('.swatch').forEach(el => {
      el.style.background = SERIES_COLORS[Number(el.dataset.color) % SERIES_COLORS.length];
    });
  }
  return wrap;
}

// barList draws a ranked list: label (a node), count and a proportional bar.
export function barList(items, labelOf, countOf) {
  if (!items || !items.length) return h('p', {class: 'muted'}, 'None.');
  const max = Math.max(...items.map(countOf), 1);
  return h('ol', {class: 'bars'}, items.map(it => {
    const bar = h('span', {class: 'barfill'});
    bar.style.width = (100 * countOf(it) / max).toFixed(1) + '%';
    return h('li', null, h('span', {class: 'barlabel'}, labelOf(it)),
      h('span', {class: 'barcount'}, fmtNum(countOf(it))), bar);
  }));
}

export function eventChip(type) {
  const el = h('span', {class: 'chip event-chip'}, type || '?');
  el.style.borderColor = eventColor(type);
  el.style.color = eventColor(type);
  return el;
}
