// Home: the morning briefing's place, the shop's last 30 days of figures with a daily chart, its products.
import { mount, api, t, tOr, el, byId, table, money, moneyMajor, major, number, showError } from '/shell/shell.js';

const DAYS = 30;
const context = await mount();
const { shop } = context;

/** YYYY-MM-DD plus `n` days (dates are the shop's local days; no time zone arithmetic needed). */
function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

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
  const echarts = await import('/vendor/echarts/echarts.esm.min.js');
  const chart = echarts.init(host, null, { renderer: 'canvas' });
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

async function showProducts(q = '') {
  const host = byId('products');
  const body = await api(`/api/shops/${encodeURIComponent(shop.code)}/products?limit=200${q ? `&q=${encodeURIComponent(q)}` : ''}`);
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
} else {
  byId('heading').textContent = t('home.headingShop', shop.name);
  byId('product-search').addEventListener('submit', (event) => {
    event.preventDefault();
    showProducts(byId('q').value.trim()).catch(showError);
  });
  await Promise.all([showFigures().catch(showError), showProducts().catch(showError)]);
}
