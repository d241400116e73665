// Shop analysis: is yesterday on target, the key figures against the period before and last year,
// and why sales moved (visitors × conversion × order value, then visitors by source). Every chart has
// its table beside it, and every table exports CSV.
import { mount, api, t, tOr, el, byId, table, money, major, moneyMajor, number, percent, showError, draw, addDays } from '/shell/shell.js';
import { showBehaviour } from './behaviour.js';

const { shop, can } = await mount({ bundle: 'traffic' });
const base = shop && `/api/shops/${encodeURIComponent(shop.code)}/p/traffic`;
const currency = shop ? shop.currency : 'CNY';

/** How each figure is read and shown. */
const FIGURES = [
  ['sales', 'money'], ['orders', 'count'], ['buyers', 'count'], ['uv', 'count'], ['pv', 'count'],
  ['conversionRate', 'rate'], ['aov', 'money'], ['pagesPerVisit', 'number'], ['bounceRate', 'rate'],
  ['avgStaySeconds', 'seconds'], ['refundRate', 'rate'], ['sellThrough', 'rate'], ['repeatBuyerShare', 'rate'],
  ['buyers30d', 'count'], ['gmv30d', 'money'],
];
/** Figures where a fall is the good direction. */
const LOWER_IS_BETTER = new Set(['bounceRate', 'refundRate']);

function show(value, unit) {
  if (value == null) return '—';
  switch (unit) {
    case 'money': return money(Math.round(value), currency);
    case 'rate': return number(value, { style: 'percent', maximumFractionDigits: 2 });
    case 'count': return number(Math.round(value));
    case 'seconds': return t('unit.seconds', number(Math.round(value)));
    default: return number(value, { maximumFractionDigits: 2 });
  }
}

/** The change from `before` to `now` as an arrow and a percentage, coloured by whether it is good. */
function change(now, before, name) {
  if (now == null || before == null || before === 0) return el('span', { class: 'delta muted' }, '—');
  const share = (now - before) / Math.abs(before);
  const up = share > 0;
  const good = share === 0 ? null : (up !== LOWER_IS_BETTER.has(name));
  return el('span', { class: `delta ${good == null ? '' : good ? 'good' : 'bad'}` },
    `${share === 0 ? '→' : up ? '▲' : '▼'} ${percent(Math.abs(share))}`);
}

function tile(label, value, extra = []) {
  return el('div', { class: 'kpi' }, el('div', { class: 'kpi-label' }, label), el('div', { class: 'kpi-value' }, value), ...extra);
}

async function showTarget(day) {
  const c = await api(`${base}/target-check?day=${day}`);
  byId('target-day').textContent = c.date;
  const d = c.day;
  const m = c.monthToDate;
  const e = c.monthEnd;
  const verdict = (met) => (met == null ? null : el('span', { class: `badge ${met ? 'good' : 'bad'}` }, t(met ? 'target.met' : 'target.missed')));
  const gap = (x) => (x.gap == null ? '—' : `${x.gap >= 0 ? '+' : '−'}${money(Math.abs(x.gap), currency)} (${x.gapShare == null ? '—' : percent(x.gapShare)})`);
  byId('target-tiles').replaceChildren(
    tile(t('target.day'), show(d.sales, 'money'), [el('div', { class: 'muted' }, d.target == null ? t('target.none')
      : t('target.against', show(d.target, 'money'))), el('div', {}, gap(d), ' ', verdict(d.met))]),
    tile(t('target.monthToDate'), show(m.sales, 'money'), [el('div', { class: 'muted' }, m.target == null ? t('target.none')
      : t('target.against', show(m.target, 'money'))), el('div', {}, gap(m), ' ', verdict(m.met))]),
    tile(t('target.monthEnd', e.month), show(e.forecast, 'money'), [el('div', { class: 'muted' }, e.target == null ? t('target.none')
      : t('target.against', show(e.target, 'money'))), el('div', {}, gap(e), ' ', verdict(e.onTrack)),
      e.stillNeeded == null ? null : el('div', { class: 'muted' }, t('target.stillNeeded', show(e.stillNeeded, 'money'), e.daysLeft))]));
  const parts = [
    { part: t('kpi.uv'), actual: show(d.uv, 'count'), target: show(d.uvTarget, 'count'), owner: t('target.owner.uv') },
    { part: t('kpi.conversionRate'), actual: show(d.conversionRate, 'rate'), target: show(d.conversionRateTarget, 'rate'), owner: t('target.owner.conversion') },
    { part: t('kpi.aov'), actual: show(d.aov, 'money'), target: show(d.aovTarget, 'money'), owner: t('target.owner.aov') },
  ];
  byId('target-parts').replaceChildren(table([
    { key: 'part', label: t('target.part') }, { key: 'actual', label: t('target.actual'), numeric: true },
    { key: 'target', label: t('target.target'), numeric: true }, { key: 'owner', label: t('target.ownerColumn') },
  ], parts, { csvName: `${shop.code}-target-${c.date}`, caption: t('target.title') }));
}

async function showKpis(from, to) {
  const k = await api(`${base}/kpis?from=${from}&to=${to}`);
  byId('kpi-tiles').replaceChildren(...FIGURES.map(([name, unit]) => {
    const f = k[name];
    return tile(t(`kpi.${name}`), show(f.value, unit), [
      el('div', {}, change(f.value, f.previous, name), el('span', { class: 'muted' }, ` ${t('kpis.vsPrevious')}`)),
      el('div', { class: 'muted' }, t('kpis.lastYear', show(f.lastYear, unit)))]);
  }));
  // The server's definitions are English; the page shows the translated sentence of each, if it has one.
  byId('kpi-definitions').replaceChildren(...Object.entries(k.definitions || {}).flatMap(([name, text]) => [
    el('dt', {}, tOr(`kpi.${name}`, name)), el('dd', {}, tOr(`def.${name}`, text))]));
  const rows = FIGURES.map(([name, unit]) => ({ name, unit, ...k[name] }));
  const csvValue = (v, unit) => (v == null ? '' : unit === 'money' ? major(Math.round(v), currency) : String(v));
  byId('kpi-table').replaceChildren(table([
    { key: 'name', label: t('kpis.figure'), format: (n) => t(`kpi.${n}`) },
    { key: 'value', label: `${k.periods.current.from} – ${k.periods.current.to}`, numeric: true, format: (v, r) => show(v, r.unit), csv: (r) => csvValue(r.value, r.unit) },
    { key: 'previous', label: `${k.periods.previous.from} – ${k.periods.previous.to}`, numeric: true, format: (v, r) => show(v, r.unit), csv: (r) => csvValue(r.previous, r.unit) },
    { key: 'lastYear', label: `${k.periods.lastYear.from} – ${k.periods.lastYear.to}`, numeric: true, format: (v, r) => show(v, r.unit), csv: (r) => csvValue(r.lastYear, r.unit) },
  ], rows, { csvName: `${shop.code}-kpis-${from}-${to}`, caption: t('kpis.title') }));
}

async function showWhy(from, to) {
  const w = await api(`${base}/decomposition?from=${from}&to=${to}`);
  byId('why-help').textContent = t('why.help', w.baseFrom, w.baseTo, w.from, w.to, t(`why.method.${w.method}`));
  const steps = [
    { name: t('why.base'), value: w.baseSales, total: true },
    { name: t('why.uv'), value: w.uvEffect },
    { name: t('why.conversion'), value: w.conversionEffect },
    { name: t('why.aov'), value: w.aovEffect },
    { name: t('why.now'), value: w.sales, total: true },
  ];
  if (w.uvEffect == null && w.buyersEffect != null) steps.splice(1, 2, { name: t('why.buyers'), value: w.buyersEffect });
  // A waterfall: an invisible bar lifts each step to where the running total stands.
  let running = 0;
  const lift = [];
  const up = [];
  const down = [];
  for (const s of steps) {
    const v = Number(major(Math.round(s.value ?? 0), currency));
    if (s.total) {
      lift.push(0); up.push(v); down.push('-'); running = v;
    } else {
      lift.push(v >= 0 ? running : running + v);
      up.push(v >= 0 ? v : '-');
      down.push(v < 0 ? -v : '-');
      running += v;
    }
  }
  const host = byId('waterfall');
  host.setAttribute('aria-label', t('why.chartLabel'));
  await draw(host, {
    grid: { left: 8, right: 8, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
      formatter: (ps) => { const i = ps[0].dataIndex; return `${steps[i].name}: ${show(steps[i].value, 'money')}`; } },
    xAxis: { type: 'category', data: steps.map((s) => s.name) },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => number(v, { notation: 'compact' }) } },
    series: [
      { type: 'bar', stack: 'w', data: lift, itemStyle: { color: 'transparent' }, emphasis: { disabled: true } },
      { type: 'bar', stack: 'w', data: up, itemStyle: { color: '#2b8a3e' }, label: { show: true, position: 'top',
        formatter: (p) => moneyMajor(p.value, currency) } },
      { type: 'bar', stack: 'w', data: down, itemStyle: { color: '#c92a2a' }, label: { show: true, position: 'bottom',
        formatter: (p) => `−${moneyMajor(p.value, currency)}` } },
    ],
  });
  byId('why-table').replaceChildren(table([
    { key: 'name', label: t('why.step') },
    { key: 'value', label: t('why.amount'), numeric: true, format: (v) => show(v, 'money'), csv: (r) => (r.value == null ? '' : major(r.value, currency)) },
  ], steps, { csvName: `${shop.code}-why-${from}-${to}`, caption: t('why.title') }));

  const sources = [...w.bySource].sort((a, b) => Math.abs(b.effect ?? 0) - Math.abs(a.effect ?? 0));
  const chartHost = byId('sources-chart');
  chartHost.hidden = sources.length === 0;
  if (sources.length > 0) {
    chartHost.setAttribute('aria-label', t('why.sourcesLabel'));
    await draw(chartHost, {
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      legend: { top: 0, type: 'scroll' },
      // A node, not a string: ECharts puts a formatter's string in as HTML, and a source's name is the shop's data.
      tooltip: { trigger: 'item', formatter: (p) => el('div', {}, `${p.seriesName} · ${p.name}: ${number(p.value)}`) },
      xAxis: { type: 'category', data: [`${w.baseFrom} – ${w.baseTo}`, `${w.from} – ${w.to}`] },
      yAxis: { type: 'value', name: t('kpi.uv') },
      series: sources.map((s) => ({ name: s.source, type: 'bar', stack: 'uv', data: [s.baseUv ?? 0, s.uv ?? 0] })),
    });
  }
  byId('sources-table').replaceChildren(table([
    { key: 'source', label: t('why.source') },
    { key: 'channel', label: t('channels.channel'), format: (c) => (c ? t(`channel.${c}`) : '') },
    { key: 'baseUv', label: t('why.baseUv'), numeric: true, format: (v) => show(v, 'count') },
    { key: 'uv', label: t('kpi.uv'), numeric: true, format: (v) => show(v, 'count') },
    { key: 'uvChange', label: t('why.uvChange'), numeric: true, format: (v) => (v == null ? '—' : `${v > 0 ? '+' : ''}${number(v)}`) },
    { key: 'effect', label: t('why.effect'), numeric: true, format: (v) => show(v, 'money'), csv: (r) => (r.effect == null ? '' : major(r.effect, currency)) },
    { key: 'spend', label: t('why.spend'), numeric: true, format: (v) => show(v, 'money'), csv: (r) => (r.spend == null ? '' : major(r.spend, currency)) },
  ], sources, { csvName: `${shop.code}-sources-${from}-${to}`, caption: t('why.sources'), empty: t('why.noSources') }));
}

async function showAll(from, to) {
  byId('range-note').textContent = '';
  const url = new URL(location.href);
  url.searchParams.set('from', from);
  url.searchParams.set('to', to);
  history.replaceState(null, '', url);
  await Promise.all([
    showTarget(to).catch(showError),
    showKpis(from, to).catch(showError),
    showWhy(from, to).catch(showError),
    showBehaviour({ base, shop, from, to, draw, show, t, can }).catch(showError),
  ]);
}

if (!shop) {
  byId('range').replaceWith(el('p', { class: 'empty' }, t('channels.noShop')));
} else {
  const params = new URLSearchParams(location.search);
  // The shop's yesterday, from the server, so time zones never disagree.
  const yesterday = (await api(`${base}/target-check`)).date;
  const to = params.get('to') || yesterday;
  const from = params.get('from') || addDays(to, -6);
  byId('from').value = from;
  byId('to').value = to;
  byId('range').addEventListener('submit', (event) => {
    event.preventDefault();
    const f = byId('from').value;
    const tt = byId('to').value;
    if (f > tt) {
      byId('range-note').textContent = t('range.backwards');
      return;
    }
    showAll(f, tt);
  });
  await showAll(from, to);
}
