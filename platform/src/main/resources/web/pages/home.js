// Home: the morning briefing (findings by severity, each with its figures, a small chart where a trend
// explains it and a one-click task), the shop's last 30 days of figures with a daily chart, its products.
import { mount, api, t, tOr, el, byId, busy, table, money, moneyMajor, major, number, percent, showError, currentLang,
  withShop, dateTime, echarts, addDays } from '/shell/shell.js';

const DAYS = 30;
const context = await mount();
const { shop } = context;

/** YYYY-MM-DD plus `n` days (dates are the shop's local days; no time zone arithmetic needed). */

/** Runs `tasks` (functions returning promises) at most `limit` at a time, keeping their order. */
async function limited(tasks, limit) {
  const results = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

function figure(label, value) {
  return el('div', { class: 'figure' }, el('dt', {}, label), el('dd', {}, value));
}

async function showFigures() {
  const figures = byId('figures');
  const base = `/api/shops/${encodeURIComponent(shop.code)}/summary`;
  const all = await api(base);
  if (!all.lastOrder) {
    figures.replaceWith(el('p', { class: 'empty' }, t('home.noOrders'), ' ',
      context.can('data.import') ? el('a', { href: `/import.html?shop=${encodeURIComponent(shop.code)}` }, t('nav.import')) : null));
    return;
  }
  const to = all.lastOrder;
  const from = addDays(to, 1 - DAYS);
  byId('range').textContent = t('home.range', from, to);
  const s = await api(`${base}?from=${from}&to=${to}`);
  figures.replaceChildren(
    figure(t('figure.revenue'), money(s.revenue, s.currency)),
    figure(t('figure.orders'), number(s.orders)),
    figure(t('figure.customers'), number(s.customers)),
    figure(t('figure.aov'), s.orders ? money(Math.round(s.revenue / s.orders), s.currency) : '—'),
    figure(t('figure.refunds'), money(s.refunds, s.currency)));

  // One summary per day: the API has no daily series yet, and 30 small queries are cheap.
  const days = Array.from({ length: DAYS }, (_, i) => addDays(from, i));
  const daily = await limited(days.map((day) => () => api(`${base}?from=${day}&to=${day}`)), 6);
  await drawChart(days, daily, s.currency);
}

async function drawChart(days, daily, currency) {
  const host = byId('chart');
  host.hidden = false;
  host.setAttribute('aria-label', t('home.chartLabel'));
  const { init } = await echarts();
  const chart = init(host, null, { renderer: 'canvas' });
  chart.setOption({
    animation: false,
    color: ['#1f3a5f', '#e8590c'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 8, top: 36, containLabel: true },
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
    yAxis: [
      { type: 'value', name: t('figure.revenue'), axisLabel: { formatter: (v) => number(v, { notation: 'compact' }) } },
      { type: 'value', name: t('figure.orders'), splitLine: { show: false } },
    ],
    series: [
      { name: t('figure.revenue'), type: 'bar', data: daily.map((d) => Number(major(d.revenue, currency))),
        tooltip: { valueFormatter: (v) => moneyMajor(v, currency) } },
      { name: t('figure.orders'), type: 'line', yAxisIndex: 1, smooth: true, data: daily.map((d) => d.orders) },
    ],
  });
  new ResizeObserver(() => chart.resize()).observe(host);
}

const SEVERITIES = ['critical', 'warning', 'info', 'good'];

/** A finding's figure, read by its unit: money in minor units, rates as fractions, seconds. */
function figureText(value, unit, currency) {
  if (value == null) return '—';
  switch (unit) {
    case 'money': return money(Math.round(value), currency);
    case 'rate': return number(value, { style: 'percent', maximumFractionDigits: 2 });
    case 'count': return number(Math.round(value));
    case 'seconds': return value < 60 ? `${Math.round(value)} s` : `${Math.floor(value / 60)} min ${String(Math.round(value % 60)).padStart(2, '0')} s`;
    default: return number(value, { maximumFractionDigits: 2 });
  }
}

function gapText(value, expected) {
  if (value == null || expected == null || expected === 0) return '';
  const gap = (value - expected) / Math.abs(expected);
  return `${gap > 0 ? '+' : gap < 0 ? '−' : '±'}${percent(Math.abs(gap))}`;
}

function briefingPath(date, extra = '') {
  return `/api/shops/${encodeURIComponent(shop.code)}/briefing?lang=${encodeURIComponent(currentLang())}`
    + `${date ? `&date=${date}` : ''}${extra}`;
}

/** Draws a finding's trend as a small line, the last point marked. */
async function sparkline(host, values, unit, currency) {
  const { init } = await echarts();
  const chart = init(host, null, { renderer: 'canvas' });
  const shown = values.map((v) => (unit === 'money' ? Number(major(Math.round(v), currency)) : v));
  chart.setOption({
    animation: false,
    grid: { left: 2, right: 6, top: 6, bottom: 2 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (unit === 'money' ? moneyMajor(v, currency) : figureText(v, unit, currency)) },
    xAxis: { type: 'category', show: false, data: values.map((_, i) => i - values.length + 1) },
    yAxis: { type: 'value', show: false, scale: true },
    series: [{ type: 'line', data: shown, symbol: 'none', lineStyle: { width: 2, color: '#1f3a5f' },
      areaStyle: { color: 'rgba(31,58,95,.08)' },
      markPoint: { symbol: 'circle', symbolSize: 6, data: [{ coord: [shown.length - 1, shown[shown.length - 1]] }],
        label: { show: false }, itemStyle: { color: '#e8590c' } } }],
  });
  new ResizeObserver(() => chart.resize()).observe(host);
}

/** The due day a task made from this morning's finding gets: the end of tomorrow. */
function dueFor(briefingDay) {
  return addDays(briefingDay, 2);
}

function taskLink(id) {
  return el('a', { class: 'task-link', href: withShop(`/tasks.html?task=${id}`, shop) }, t('briefing.task', id));
}

async function makeTask(button, briefing, item) {
  await busy(button, async () => {
    const task = await api(`/api/shops/${encodeURIComponent(shop.code)}/tasks`, {
      method: 'POST',
      body: {
        title: item.title,
        detail: [item.detail, item.suggestion].filter(Boolean).join('\n'),
        role: item.role,
        due: dueFor(briefing.date),
        findingDay: briefing.date,
        findingKey: item.key,
        finding: {
          plugin: item.plugin, severity: item.severity, title: item.title, detail: item.detail, metric: item.metric,
          value: item.value, expected: item.expected, unit: item.unit, suggestion: item.suggestion, link: item.link,
          currency: briefing.currency,
        },
      },
    });
    button.replaceWith(taskLink(task.id));
  });
}

function findingCard(briefing, item) {
  const currency = briefing.currency;
  const figures = item.value == null ? null : el('p', { class: 'finding-figures' },
    el('strong', {}, figureText(item.value, item.unit, currency)),
    item.expected == null ? null : ` ${t('home.findingExpected', figureText(item.expected, item.unit, currency))} `,
    item.expected == null ? null : el('span', { class: 'gap' }, gapText(item.value, item.expected)));
  const chart = item.trend && item.trend.length > 1
    ? el('div', { class: 'sparkline', role: 'img', 'aria-label': t('home.findingTrend', item.trend.length) }) : null;
  const actions = el('div', { class: 'finding-actions' });
  if (item.link) actions.append(el('a', { href: withShop(item.link, shop) }, t('briefing.more')));
  if (item.task) {
    actions.append(taskLink(item.task));
  } else if (context.can('tasks.edit') && item.metric !== 'task.overdue') { // an overdue task links to itself
    const button = el('button', { type: 'button', class: 'secondary small make-task' }, t('home.makeTask'));
    button.addEventListener('click', () => makeTask(button, briefing, item).catch(showError));
    actions.append(button);
  }
  const card = el('article', { class: `finding severity-${item.severity}`, id: `finding-${item.key}`, dataset: { key: item.key } },
    el('header', {},
      el('h4', {}, item.title),
      item.change !== 'same' ? el('span', { class: `change change-${item.change}` }, t(`briefing.change.${item.change.toUpperCase()}`)) : null),
    figures,
    chart,
    item.detail ? el('p', { class: 'finding-detail' }, item.detail) : null,
    item.suggestion ? el('p', { class: 'finding-suggestion' }, `→ ${item.suggestion}`,
      item.role ? el('span', { class: 'muted' }, ` · ${tOr(`role.${item.role}`, item.role)}`) : null) : null,
    el('p', { class: 'finding-source muted' }, item.plugin),
    actions);
  return { card, draw: chart ? () => sparkline(chart, item.trend, item.unit, currency) : null };
}

// As with products: a date picked while the first briefing loads must not be overwritten by it.
let briefingAsked = 0;

async function showBriefing(date, { remake = false } = {}) {
  const host = byId('briefing');
  const status = byId('briefing-status');
  status.textContent = t('home.briefingLoading');
  const asked = ++briefingAsked;
  const briefing = await api(briefingPath(date), remake ? { method: 'POST' } : {});
  if (asked !== briefingAsked) return;
  byId('briefing-date').value = briefing.date;
  byId('briefing-markdown').href = briefingPath(briefing.date, '&format=markdown');
  byId('briefing-markdown').setAttribute('download', `briefing-${shop.code}-${briefing.date}.md`);
  const c = briefing.counts;
  byId('briefing-counts').textContent = t('briefing.counts', c.critical, c.warning, c.info, c.good);
  status.textContent = [
    briefing.partial ? t('briefing.partial')
      : briefing.comparedWith ? t('briefing.comparedWith', briefing.comparedWith) : t('briefing.notCompared'),
    t('home.briefingMade', dateTime(briefing.madeAt)),
  ].join(' · ');
  const draws = [];
  const groups = SEVERITIES.map((severity) => {
    const items = briefing.findings.filter((f) => f.severity === severity);
    if (items.length === 0) return null;
    const cards = items.map((item) => findingCard(briefing, item));
    cards.forEach((c2) => c2.draw && draws.push(c2.draw));
    return el('section', { class: `severity-group severity-${severity}`, 'aria-label': t(`briefing.severity.${severity.toUpperCase()}`) },
      el('h3', {}, t(`briefing.severity.${severity.toUpperCase()}`), el('span', { class: 'count' }, String(items.length))),
      el('div', { class: 'findings' }, ...cards.map((c2) => c2.card)));
  }).filter(Boolean);
  host.replaceChildren(...(groups.length ? groups : [el('p', { class: 'empty' }, t('briefing.none'))]));
  byId('briefing-cleared').replaceChildren(...(briefing.cleared.length === 0 ? [] : [
    el('h3', {}, t('briefing.cleared', briefing.comparedWith)),
    el('ul', { class: 'cleared' }, ...briefing.cleared.map((item) => el('li', {}, el('s', {}, item.title))))]));
  await Promise.all(draws.map((draw) => draw().catch(showError)));
  if (location.hash.startsWith('#finding-')) document.getElementById(decodeURIComponent(location.hash.slice(1)))?.scrollIntoView();
}

// The first list and a search can be in flight together; only the latest asked may draw, or a slow
// unfiltered answer would overwrite the search result.
let productsAsked = 0;

async function showProducts(q = '') {
  const host = byId('products');
  const asked = ++productsAsked;
  const body = await api(`/api/shops/${encodeURIComponent(shop.code)}/products?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`);
  if (asked !== productsAsked) return;
  byId('cost-hidden').hidden = body.costVisible;
  const currency = shop.currency;
  const columns = [
    { key: 'sku', label: t('product.sku'), nowrap: true },
    { key: 'title', label: t('product.title') },
    { key: 'category', label: t('product.category') },
    { key: 'price', label: t('product.price'), numeric: true, format: (v) => money(v, currency), csv: (p) => major(p.price, currency) },
    body.costVisible && { key: 'cost', label: t('product.cost'), numeric: true, format: (v) => money(v, currency), csv: (p) => major(p.cost, currency) },
    { key: 'stock', label: t('product.stock'), numeric: true, format: (v) => number(v) },
    { key: 'status', label: t('product.status'), format: (v) => (v ? tOr(`product.status.${String(v).toLowerCase()}`, v) : ''), nowrap: true },
    { key: 'listedOn', label: t('product.listedOn'), nowrap: true },
  ].filter(Boolean);
  host.replaceChildren(table(columns, body.products, { csvName: `${shop.code}-products`, caption: t('home.products'), empty: t('home.noProducts') }));
}

if (!shop) {
  byId('figures').replaceWith(el('p', { class: 'empty' }, t('home.noShop')));
  byId('products').closest('section').hidden = true;
  byId('briefing').closest('section').hidden = true;
} else {
  const asked = new URLSearchParams(location.search).get('date');
  byId('briefing-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const date = byId('briefing-date').value;
    const url = new URL(location.href);
    url.searchParams.set('date', date);
    history.replaceState(null, '', url);
    showBriefing(date).catch(showError);
  });
  const remake = byId('briefing-remake');
  remake.hidden = !context.can('data.import');
  remake.addEventListener('click', () => busy(remake, () => showBriefing(byId('briefing-date').value, { remake: true }))
    .catch(showError));
  showBriefing(asked).catch(showError);
  byId('heading').textContent = t('home.headingShop', shop.name);
  byId('product-search').addEventListener('submit', (event) => {
    event.preventDefault();
    showProducts(byId('q').value.trim()).catch(showError);
  });
  await Promise.all([showFigures().catch(showError), showProducts().catch(showError)]);
}
