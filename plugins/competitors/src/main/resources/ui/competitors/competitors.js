// Competitor watch (关注同行): the season-timing signals, per-peer monthly sales over time (ECharts) and one
// product's price history, the per-peer summary, the changes of the period (prices, new listings, delisted,
// sales, reviews) and the peers themselves. Every table exports CSV. Data from the server only ever goes in as
// text (el(), textContent); chart tooltips are built as nodes.
import { mount, api, currentLang, t, el, byId, busy, table, money, major, number, notify, showError, draw } from '/shell/shell.js';

const { shop, can } = await mount({ bundle: 'competitors' });
const base = shop && `/api/shops/${encodeURIComponent(shop.code)}/p/competitors`;
const currency = shop ? shop.currency : 'CNY';
const mayEdit = can('competitors.edit');
const dash = '—';

const showMoney = (v) => (v == null ? dash : money(v, currency));
const csvMoney = (v) => (v == null ? '' : major(v, currency));
const showCount = (v) => (v == null ? dash : number(v));
const showRate = (v) => (v == null ? dash : number(v, { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }));
const signed = (v) => (v == null ? dash : number(v, { signDisplay: 'exceptZero', maximumFractionDigits: 2 }));
const tone = (v) => (v == null || v === 0 ? null : v < 0 ? 'down' : 'up');
const tierName = (tier) => (tier ? t(`tier.${tier}`) : dash);

const params = new URLSearchParams(location.search);
let from = params.get('from');
let to = params.get('to');
let picked = params.get('peer') && params.get('product') ? { peerId: params.get('peer'), productId: params.get('product') } : null;

function remember() {
  const url = new URL(location.href);
  const set = (k, v) => (v ? url.searchParams.set(k, v) : url.searchParams.delete(k));
  set('from', from);
  set('to', to);
  set('peer', picked?.peerId);
  set('product', picked?.productId);
  history.replaceState(history.state, '', url);
}

const period = () => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

/** A button that draws a product's price history. */
function showButton(row) {
  return el('button', { type: 'button', class: 'secondary small', onclick: () => {
    picked = { peerId: String(row.peerId), productId: row.productId };
    remember();
    showProduct().catch(showError);
    byId('chart-card').scrollIntoView({ behavior: 'smooth' });
  } }, t('ui.show.product'));
}

const peerCol = { key: 'peer', label: t('ui.col.peer') };
const productCol = { key: 'productId', label: t('ui.col.product'), nowrap: true };
const titleCol = { key: 'title', label: t('ui.col.title') };
const chartCol = { key: 'show', label: t('ui.col.show'), format: (v, r) => showButton(r), csv: false };

// ---------------------------------------------------------------- signals

async function showSignals() {
  const s = await api(`${base}/signals?day=${encodeURIComponent(to)}`);
  byId('signals-hint').textContent = t('ui.signals.hint', s.rules.minPeers, s.rules.minSales, s.rules.withinDays);
  byId('signals').replaceChildren(table([
    { key: 'status', label: t('ui.col.status'), format: (v) => el('span', { class: `badge sig-${v}`, dataset: { status: v } }, t(`status.${v}`)),
      csv: (r) => t(`status.${r.status}`) },
    { key: 'range', label: t('ui.col.range') },
    { key: 'basis', label: t('ui.col.basis'), format: (v) => t(`basis.${v}`) },
    { key: 'peers', label: t('ui.col.peers'), numeric: true, format: showCount },
    { key: 'sellingPeers', label: t('ui.col.selling'), numeric: true, format: showCount },
    { key: 'firstLaunch', label: t('ui.col.firstLaunch'), nowrap: true },
    { key: 'sellingSince', label: t('ui.col.sellingSince'), nowrap: true, format: (v) => v ?? dash, csv: (r) => r.sellingSince ?? '' },
    { key: 'bestTitle', label: t('ui.col.best'), format: (v, r) => `${v} · ${r.bestPeer}` },
    { key: 'bestMonthlySales', label: t('ui.col.monthlySales'), numeric: true, format: showCount },
  ], s.rows, { csvName: `${shop.code}-competitor-signals-${s.day}`, caption: t('ui.signals.title') }));
}

// ---------------------------------------------------------------- charts

/** An axis tooltip as a node: the day, then each series' name and value as text. */
function axisTooltip(format) {
  return (items) => el('div', {}, el('div', {}, items[0]?.axisValueLabel ?? ''),
    items.map((p) => el('div', {}, `${p.seriesName}: ${format(p.value?.[1] ?? p.value, p)}`)));
}

async function showSales() {
  const s = await api(`${base}/sales?${period()}`);
  const box = byId('sales-chart');
  box.dataset.series = s.series.length;
  await draw(box, {
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, type: 'scroll' },
    tooltip: { trigger: 'axis', formatter: axisTooltip((v) => number(v)) },
    xAxis: { type: 'time' },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => number(v, { notation: 'compact' }) } },
    series: s.series.map((p) => ({ type: 'line', name: p.name, showSymbol: false, data: p.points.map((x) => [x.day, x.monthlySales]) })),
  });
}

async function showProduct() {
  if (!picked) return;
  const h = await api(`${base}/history?peer=${encodeURIComponent(picked.peerId)}&product=${encodeURIComponent(picked.productId)}&${period()}`);
  byId('product-title').textContent = t('ui.chart.product', `${h.title ?? picked.productId}`);
  byId('product-hint').hidden = true;
  const box = byId('product-chart');
  box.hidden = false;
  box.dataset.points = h.rows.length;
  await draw(box, {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', formatter: axisTooltip((v, p) => (p.seriesIndex === 0 ? showMoney(v) : number(v))) },
    xAxis: { type: 'time' },
    yAxis: [{ type: 'value', name: t('ui.chart.price'), axisLabel: { formatter: (v) => major(v, currency) } },
      { type: 'value', name: t('ui.chart.sales') }],
    series: [
      { type: 'line', step: 'end', name: t('ui.chart.price'), data: h.rows.map((r) => [r.day, r.price]) },
      { type: 'line', name: t('ui.chart.sales'), yAxisIndex: 1, showSymbol: false, data: h.rows.map((r) => [r.day, r.monthlySales]) },
    ],
  });
  byId('product-table').replaceChildren(table([
    { key: 'day', label: t('ui.col.day'), nowrap: true },
    { key: 'price', label: t('ui.col.price'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.price) },
    { key: 'monthlySales', label: t('ui.col.monthlySales'), numeric: true, format: showCount },
    { key: 'rating', label: t('ui.col.rating'), numeric: true, format: (v) => v ?? dash, csv: (r) => r.rating ?? '' },
    { key: 'reviews', label: t('ui.col.reviews'), numeric: true, format: showCount, csv: (r) => r.reviews ?? '' },
  ], h.rows, { csvName: `${shop.code}-competitor-history-${picked.peerId}-${picked.productId}` }));
}

// ---------------------------------------------------------------- summary and changes

async function showSummary() {
  const s = await api(`${base}/summary?${period()}`);
  byId('summary').replaceChildren(table([
    peerCol,
    { key: 'tier', label: t('ui.col.tier'), format: tierName },
    { key: 'baseline', label: t('ui.col.baseline'), nowrap: true },
    { key: 'last', label: t('ui.col.last'), nowrap: true },
    { key: 'products', label: t('ui.col.products'), numeric: true, format: showCount },
    { key: 'newListings', label: t('ui.col.newListings'), numeric: true, format: showCount },
    { key: 'delisted', label: t('ui.changes.delisted'), numeric: true, format: showCount },
    { key: 'priceCuts', label: t('ui.col.priceCuts'), numeric: true, format: showCount },
    { key: 'priceRises', label: t('ui.col.priceRises'), numeric: true, format: showCount },
    { key: 'salesAfter', label: t('ui.col.monthlySales'), numeric: true, format: showCount },
    { key: 'salesChange', label: t('ui.col.salesChange'), numeric: true, format: (v) => el('span', { class: tone(v) }, showRate(v)),
      csv: (r) => r.salesChange ?? '' },
    { key: 'newReviews', label: t('ui.col.newReviews'), numeric: true, format: showCount },
    { key: 'rating', label: t('ui.col.rating'), numeric: true, format: (v) => v ?? dash, csv: (r) => r.rating ?? '' },
  ], s.rows, { csvName: `${shop.code}-competitor-summary-${s.from}-${s.to}`, caption: t('ui.summary.title') }));
}

async function showChanges() {
  const c = await api(`${base}/changes?${period()}`);
  const name = (what) => `${shop.code}-competitor-${what}-${c.from}-${c.to}`;
  byId('changes-prices').replaceChildren(table([
    peerCol, productCol, titleCol,
    { key: 'day', label: t('ui.col.last'), nowrap: true },
    { key: 'oldPrice', label: t('ui.col.oldPrice'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.oldPrice) },
    { key: 'newPrice', label: t('ui.col.newPrice'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.newPrice) },
    { key: 'change', label: t('ui.col.change'), numeric: true, format: (v) => el('span', { class: tone(v) }, showRate(v)), csv: (r) => r.change ?? '' },
    chartCol,
  ], [...c.prices].sort((a, b) => (a.change ?? 0) - (b.change ?? 0)), { csvName: name('prices'), caption: t('ui.changes.prices') }));
  const listingCols = [peerCol, productCol, titleCol,
    { key: 'category', label: t('ui.col.category'), format: (v) => v ?? dash, csv: (r) => r.category ?? '' },
    { key: 'listedOn', label: t('ui.col.listed'), nowrap: true, format: (v) => v ?? dash, csv: (r) => r.listedOn ?? '' },
    { key: 'price', label: t('ui.col.price'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.price) },
    { key: 'monthlySales', label: t('ui.col.monthlySales'), numeric: true, format: showCount }];
  byId('changes-new').replaceChildren(table([...listingCols, chartCol], c.newListings, { csvName: name('new-listings'), caption: t('ui.changes.new') }));
  byId('changes-delisted').replaceChildren(table(listingCols, c.delisted, { csvName: name('delisted'), caption: t('ui.changes.delisted') }));
  byId('changes-sales').replaceChildren(table([
    peerCol, productCol, titleCol,
    { key: 'before', label: t('ui.col.before'), numeric: true, format: showCount },
    { key: 'after', label: t('ui.col.after'), numeric: true, format: showCount },
    { key: 'delta', label: t('ui.col.delta'), numeric: true, format: (v) => el('span', { class: tone(v) }, signed(v)), csv: (r) => r.delta },
    chartCol,
  ], [...c.sales].sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta)), { csvName: name('sales'), caption: t('ui.changes.sales') }));
  byId('changes-reviews').replaceChildren(table([
    peerCol, productCol, titleCol,
    { key: 'ratingBefore', label: t('ui.col.ratingBefore'), numeric: true, format: (v) => v ?? dash, csv: (r) => r.ratingBefore ?? '' },
    { key: 'ratingAfter', label: t('ui.col.ratingAfter'), numeric: true, format: (v) => v ?? dash, csv: (r) => r.ratingAfter ?? '' },
    { key: 'ratingDelta', label: t('ui.col.ratingDelta'), numeric: true, format: (v) => el('span', { class: tone(v) }, signed(v)),
      csv: (r) => r.ratingDelta ?? '' },
    { key: 'newReviews', label: t('ui.col.newReviews'), numeric: true, format: showCount, csv: (r) => r.newReviews ?? '' },
  ], c.reviews, { csvName: name('reviews'), caption: t('ui.changes.reviews') }));
}

// ---------------------------------------------------------------- peers

async function showPeers() {
  const p = await api(`${base}/peers`);
  const actions = (v, row) => el('div', { class: 'peer-actions' },
    el('button', { type: 'button', class: 'secondary small', onclick: (e) => editPeer(row, e.currentTarget) }, t('ui.peers.rename')),
    el('button', { type: 'button', class: 'secondary small', onclick: (e) => removePeer(row, e.currentTarget) }, t('ui.peers.remove')));
  byId('peers').replaceChildren(table([
    { key: 'name', label: t('ui.peers.name'), csv: (r) => r.name,
      format: (v, r) => (r.formerNames.length ? el('span', {}, v, ' ', el('span', { class: 'muted' },
        t('ui.peers.formerly', r.formerNames.join(', ')))) : v) },
    { key: 'tier', label: t('ui.peers.tier'), format: tierName },
    { key: 'products', label: t('ui.peers.listings'), numeric: true, format: showCount, csv: (r) => r.products ?? '' },
    { key: 'lastDay', label: t('ui.peers.lastDay'), nowrap: true, format: (v) => v ?? dash, csv: (r) => r.lastDay ?? '' },
    ...(mayEdit ? [{ key: 'actions', label: '', format: actions, csv: false }] : []),
  ], p.rows, { csvName: `${shop.code}-competitor-peers`, caption: t('ui.peers.title'), empty: t('ui.peers.none') }));
}

function tierSelect(selected) {
  return el('select', {}, ['ahead', 'level'].map((tier) => el('option', { value: tier, selected: tier === selected }, t(`tier.${tier}`))));
}

function editPeer(row, button) {
  const name = el('input', { value: row.name, maxlength: '200', 'aria-label': t('ui.peers.name') });
  const tier = tierSelect(row.tier);
  const save = el('button', { type: 'submit' }, t('ui.peers.save'));
  const form = el('form', { class: 'row', onsubmit: (event) => {
    event.preventDefault();
    busy(save, async () => {
      await api(`${base}/peers/${row.id}`, { method: 'PUT', body: { name: name.value, tier: tier.value } });
      await refresh();
    }).catch(showError);
  } }, name, tier, save);
  button.closest('td').replaceChildren(form);
  name.focus();
}

async function removePeer(row, button) {
  if (!confirm(t('ui.peers.confirmRemove', row.name))) return;
  await busy(button, async () => {
    await api(`${base}/peers/${row.id}`, { method: 'DELETE' });
    await refresh();
  }).catch(showError);
}

function setUpAddPeer() {
  const form = byId('add-peer');
  form.hidden = !mayEdit;
  byId('peer-tier').replaceChildren(...tierSelect('level').children);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    byId('peer-error').textContent = '';
    const button = form.querySelector('button[type="submit"]');
    busy(button, async () => {
      await api(`${base}/peers`, { method: 'POST', body: { name: byId('peer-name').value, tier: byId('peer-tier').value } });
      byId('peer-name').value = '';
      await showPeers();
    }).catch((error) => { byId('peer-error').textContent = error.message; });
  });
}

// ---------------------------------------------------------------- page

async function refresh() {
  remember();
  byId('from').value = from;
  byId('to').value = to;
  await Promise.all([showSignals(), showSales(), showSummary(), showChanges(), showPeers(), showProduct()]);
}

if (!shop) {
  byId('main').append(el('p', { class: 'empty' }, t('ui.noShop')));
} else {
  if (!to || !from) {
    const s = await api(`${base}/summary`);
    to = to || s.to;
    from = from || s.from;
  }
  byId('period').addEventListener('submit', (event) => {
    event.preventDefault();
    const f = byId('from').value;
    const tt = byId('to').value;
    if (!f || !tt || f > tt) {
      notify(`${t('ui.from')} ≤ ${t('ui.to')}`, 'error');
      return;
    }
    from = f;
    to = tt;
    refresh().catch(showError);
  });
  setUpAddPeer();
  const importLink = byId('import-link');
  importLink.href = `/import.html?shop=${encodeURIComponent(shop.code)}&kind=competitors&format=peer-snapshot`;
  importLink.hidden = !can('data.import');
  document.documentElement.lang = currentLang();
  refresh().catch(showError);
}
