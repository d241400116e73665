// Behaviour: the funnel with its leaking stage, the hour × weekday heat map, the week's page health
// and the top products with their lifecycle stage. Drawn by the analysis page, which passes its helpers
// in (this module must not import the page: the page's top-level await would deadlock the import).
import { api, el, byId, busy, table, number, percent, major, money, tOr, notify, showError } from '/shell/shell.js';

const STAGES = ['views', 'intents', 'buys'];

async function showFunnel({ base, shop, from, to, draw, t }) {
  const f = await api(`${base}/funnel?from=${from}&to=${to}`);
  byId('funnel-card').hidden = false;
  byId('funnel-leak').textContent = f.leak ? t('funnel.leak', t(`funnel.stage.${f.leak}`)) : t('funnel.noLeak');
  const counts = { views: f.views, intents: f.favourites + f.carts, buys: f.buys };
  const host = byId('funnel');
  host.setAttribute('aria-label', t('funnel.chartLabel'));
  await draw(host, {
    tooltip: { trigger: 'item', formatter: (p) => `${p.name}: ${number(p.value)}` },
    series: [{ type: 'funnel', left: '10%', width: '80%', sort: 'descending', minSize: '8%', gap: 2,
      label: { position: 'inside', formatter: (p) => `${p.name}\n${number(p.value)}` },
      data: STAGES.map((s) => ({ name: t(`funnel.count.${s}`), value: counts[s] })) }],
  });
  const stageRows = f.stages.map((s) => ({ ...s, name: t(`funnel.stage.${s.stage}`) }));
  byId('funnel-table').replaceChildren(
    table([
      { key: 'name', label: t('funnel.stageColumn') },
      { key: 'entered', label: t('funnel.entered'), numeric: true, format: (v) => number(v) },
      { key: 'passed', label: t('funnel.passed'), numeric: true, format: (v) => number(v) },
      { key: 'rate', label: t('funnel.rate'), numeric: true, format: (v) => (v == null ? '—' : percent(v)) },
      { key: 'benchmark', label: t('funnel.benchmark'), numeric: true, format: (v) => (v == null ? '—' : percent(v)) },
      { key: 'stage', label: t('funnel.verdict'), format: (s) => (s === f.leak ? t('funnel.leaking') : '') },
    ], stageRows, { csvName: `${shop.code}-funnel-${from}-${to}`, caption: t('funnel.title') }),
    el('h3', {}, t('funnel.byDay')),
    table([
      { key: 'day', label: t('funnel.day'), nowrap: true },
      { key: 'visitors', label: t('funnel.visitors'), numeric: true, format: (v) => number(v) },
      { key: 'views', label: t('funnel.count.views'), numeric: true, format: (v) => number(v) },
      { key: 'favourites', label: t('funnel.favourites'), numeric: true, format: (v) => number(v) },
      { key: 'carts', label: t('funnel.carts'), numeric: true, format: (v) => number(v) },
      { key: 'buys', label: t('funnel.count.buys'), numeric: true, format: (v) => number(v) },
      { key: 'buyers', label: t('funnel.buyers'), numeric: true, format: (v) => number(v) },
      { key: 'leak', label: t('funnel.verdict'), format: (s) => (s ? t(`funnel.stage.${s}`) : '') },
    ], f.days, { csvName: `${shop.code}-funnel-days-${from}-${to}`, caption: t('funnel.byDay') }));
}

let heat = null;

async function drawHeat({ shop, draw, t }) {
  const measure = byId('heatmap-measure').value;
  const currency = heat.currency;
  const value = (c) => (measure === 'sales' ? Number(major(c.sales, currency)) : c[measure]);
  const weekdays = [1, 2, 3, 4, 5, 6, 7].map((d) => t(`weekday.${d}`));
  const max = Math.max(1, ...heat.cells.map(value));
  const host = byId('heatmap');
  host.setAttribute('aria-label', t('heatmap.chartLabel', t(`heatmap.measure.${measure}`)));
  await draw(host, {
    grid: { left: 8, right: 8, top: 8, bottom: 56, containLabel: true },
    tooltip: { formatter: (p) => `${weekdays[p.value[1]]} ${p.value[0]}:00 · ${measure === 'sales'
      ? money(heat.cells[p.dataIndex].sales, currency) : number(p.value[2])}` },
    xAxis: { type: 'category', data: Array.from({ length: 24 }, (_, h) => String(h)), splitArea: { show: true } },
    yAxis: { type: 'category', data: weekdays, inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
      inRange: { color: ['#f4f6f9', '#9db4d3', '#1f3a5f'] } },
    series: [{ type: 'heatmap', data: heat.cells.map((c) => [c.hour, c.weekday - 1, value(c)]) }],
  });
  const rows = [1, 2, 3, 4, 5, 6, 7].map((d) => {
    const row = { weekday: weekdays[d - 1] };
    heat.cells.filter((c) => c.weekday === d).forEach((c) => { row[`h${c.hour}`] = c[measure]; });
    return row;
  });
  byId('heatmap-table').replaceChildren(table([
    { key: 'weekday', label: t('heatmap.weekday'), nowrap: true },
    ...Array.from({ length: 24 }, (_, h) => ({ key: `h${h}`, label: String(h), numeric: true,
      format: (v) => (measure === 'sales' ? major(v, currency) : number(v)) })),
  ], rows, { csvName: `${shop.code}-heatmap-${measure}-${heat.from}-${heat.to}`, caption: t('heatmap.title') }));
}

async function showHeatMap(ctx) {
  const { base, from, to, t } = ctx;
  heat = await api(`${base}/heatmap?from=${from}&to=${to}`);
  byId('heatmap-card').hidden = false;
  const select = byId('heatmap-measure');
  if (select.options.length === 0) {
    select.append(...['sales', 'orders', 'visitors'].map((m) => el('option', { value: m }, t(`heatmap.measure.${m}`))));
    select.addEventListener('change', () => drawHeat(ctx));
  }
  await drawHeat(ctx);
}

/** The page-health thresholds as a form; rates are typed as percentages. */
const THRESHOLDS = [
  ['page-health.aov-ratio', false], ['page-health.bounce-rate.pass', true], ['page-health.bounce-rate.good', true],
  ['page-health.pages-per-visit.pass', false], ['page-health.pages-per-visit.good', false],
];

async function thresholdsForm(ctx) {
  const { base, t } = ctx;
  const { thresholds, defaults } = await api(`${base}/page-health/thresholds`);
  const fields = THRESHOLDS.map(([key, rate]) => {
    const id = `th-${key.replace(/\./g, '-')}`;
    return el('div', { class: 'field' }, el('label', { for: id }, t(`health.threshold.${key}`)),
      el('input', { id, name: key, type: 'number', step: rate ? '0.1' : '0.01', min: '0', required: true,
        value: String(rate ? Math.round(thresholds[key] * 1000) / 10 : thresholds[key]),
        placeholder: String(rate ? defaults[key] * 100 : defaults[key]) }));
  });
  const save = el('button', { type: 'submit' }, t('health.save'));
  const form = el('form', { class: 'row', id: 'health-thresholds' }, ...fields, save);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = {};
    THRESHOLDS.forEach(([key, rate]) => {
      const v = Number(form.elements[key].value);
      body[key] = rate ? Math.round(v * 10) / 1000 : v;
    });
    await busy(save, async () => {
      try {
        await api(`${base}/page-health/thresholds`, { method: 'PUT', body });
        notify(t('health.saved'), 'ok');
        await showHealth(ctx);
      } catch (error) {
        showError(error);
      }
    });
  });
  return el('details', {}, el('summary', {}, t('health.thresholds')), form);
}

async function showHealth(ctx) {
  const { base, shop, to, show, t } = ctx;
  const h = await api(`${base}/page-health?weekOf=${to}`);
  byId('health-card').hidden = false;
  const unit = { aovRatio: 'number', bounceRate: 'rate', pagesPerVisit: 'number' };
  const rows = h.checks.map((c) => ({ ...c, name: t(`health.check.${c.check}`) }));
  const verdict = (v) => el('span', { class: `badge ${v === 'fail' ? 'bad' : v === 'good' ? 'good' : 'pass'}` }, t(`health.verdict.${v}`));
  const f = h.figures;
  byId('health').replaceChildren(
    el('p', { class: 'muted' }, t('health.week', h.from, h.to), ' · ',
      f.heroProduct ? t('health.hero', f.heroTitle || f.heroProduct, show(f.heroAov, 'money'), show(f.shopAov, 'money')) : t('health.noHero')),
    h.failing && h.advice ? el('p', { class: 'health-advice', role: 'status' }, h.advice) : null,
    table([
      { key: 'name', label: t('health.checkColumn') },
      { key: 'value', label: t('health.value'), numeric: true, format: (v, r) => show(v, unit[r.check]) },
      { key: 'pass', label: t('health.pass'), numeric: true, format: (v, r) => show(v, unit[r.check]) },
      { key: 'good', label: t('health.good'), numeric: true, format: (v, r) => show(v, unit[r.check]) },
      { key: 'verdict', label: t('health.verdict'), format: verdict, csv: (r) => r.verdict },
      { key: 'advice', label: t('health.advice'), format: (v) => v || '' },
    ], rows, { csvName: `${shop.code}-page-health-${h.from}`, caption: t('health.title') }),
    ctx.can && ctx.can('traffic.edit') ? await thresholdsForm(ctx) : null);
}

async function showProducts({ base, shop, from, to, show, t }) {
  const [byTraffic, bySales] = await Promise.all([
    api(`${base}/products?from=${from}&to=${to}&by=traffic&limit=10`),
    api(`${base}/products?from=${from}&to=${to}&by=sales&limit=10`)]);
  byId('products-card').hidden = false;
  const columns = [
    { key: 'product', label: t('products.sku'), nowrap: true },
    { key: 'title', label: t('products.name'), format: (v) => v || '' },
    { key: 'viewers', label: t('products.viewers'), numeric: true, format: (v) => number(v) },
    { key: 'sales', label: t('kpi.sales'), numeric: true, format: (v) => show(v, 'money'), csv: (r) => major(r.sales, bySales.currency) },
    { key: 'units', label: t('products.units'), numeric: true, format: (v) => number(v) },
    { key: 'lifecycle', label: t('products.stage'), format: (l) => tOr(`products.stage.${l.stage}`, l.stage), csv: (r) => r.lifecycle.stage },
  ];
  byId('products').replaceChildren(
    el('h3', {}, t('products.byTraffic')),
    table(columns, byTraffic.products, { csvName: `${shop.code}-top-traffic-${from}-${to}`, caption: t('products.byTraffic') }),
    el('h3', {}, t('products.bySales')),
    table(columns, bySales.products, { csvName: `${shop.code}-top-sales-${from}-${to}`, caption: t('products.bySales') }));
}

/** Draws the behaviour sections for the range; each section fails on its own. */
export async function showBehaviour(ctx) {
  const failed = [];
  await Promise.all([showFunnel, showHeatMap, showHealth, showProducts].map((section) => section(ctx).catch((e) => failed.push(e))));
  if (failed.length) throw failed[0];
}
