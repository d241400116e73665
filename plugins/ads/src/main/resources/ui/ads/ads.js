// Paid promotion review (付费推广分析): the period's figures and budget pace, the keyword table with a
// decision per keyword (accept or dismiss), CTR × conversion per keyword, ROI per campaign, the bid
// sheet of accepted decisions and the rules. Every chart has its table, and every table exports CSV.
// Data from the server is only ever put in as text (el(), textContent, or DOM nodes for chart tooltips).
import { mount, api, ApiError, currentLang, t, el, byId, busy, table, money, major, number, percent, dateTime,
  notify, showError, draw, addDays } from '/shell/shell.js';

const { shop, can } = await mount({ bundle: 'ads' });
const base = shop && `/api/shops/${encodeURIComponent(shop.code)}/p/ads`;
const currency = shop ? shop.currency : 'CNY';
const mayEdit = can('ads.edit');
const lang = encodeURIComponent(currentLang());

/** The decisions in the order the filter lists them; their colours in the chart and the badges (ads.css). */
const ACTIONS = ['raise-bid', 'lower-bid', 'pause', 'delete', 'change-creative', 'keep', 'watch', 'add'];
const COLOURS = {
  'raise-bid': '#2b8a3e', 'lower-bid': '#e8590c', pause: '#c92a2a', delete: '#862e9c',
  'change-creative': '#1971c2', keep: '#5c7cfa', watch: '#adb5bd', add: '#0c8599',
};

// ---------------------------------------------------------------- formatting

const dash = '—';
const showMoney = (v) => (v == null ? dash : money(Math.round(v), currency));
const showRate = (v) => (v == null ? dash : number(v, { style: 'percent', maximumFractionDigits: 2 }));
const showCount = (v) => (v == null ? dash : number(v));
const showRoi = (v) => (v == null ? dash : number(v, { maximumFractionDigits: 2 }));
const csvMoney = (v) => (v == null ? '' : major(Math.round(v), currency));
const actionName = (a) => t(`ui.action.${a}`);
const statusName = (s) => t(`ui.status.${s}`);

function actionBadge(action) {
  return el('span', { class: `badge action action-${action}`, dataset: { action } }, actionName(action));
}

function statusBadge(status) {
  return el('span', { class: `badge status status-${status}`, dataset: { status } }, statusName(status));
}

function tile(label, value, ...extra) {
  return el('div', { class: 'kpi' }, el('div', { class: 'kpi-label' }, label), el('div', { class: 'kpi-value' }, value), ...extra);
}

/** The suggested bid with the current one and the change, e.g. "¥1.00 → ¥1.15 (+15%)". */
function bidText(row) {
  if (row.suggestedBid == null) return '';
  const change = row.bidChange == null ? '' : ` (${row.bidChange > 0 ? '+' : '−'}${percent(Math.abs(row.bidChange))})`;
  return row.bid == null || row.action === 'add' ? t('ui.bid.start', showMoney(row.suggestedBid))
    : `${showMoney(row.bid)} → ${showMoney(row.suggestedBid)}${change}`;
}

/** The intervals a decision rests on, in one short line. */
function evidenceText(e) {
  if (!e || !e.clicks) return '';
  const range = (i, show) => (i ? `${show(i.low)}–${show(i.high)}` : dash);
  const parts = [t('ui.evidence.ctr', range(e.ctrInterval, showRate))];
  if (e.conversionInterval) parts.push(t('ui.evidence.conversion', range(e.conversionInterval, showRate)));
  if (e.roiInterval) parts.push(t('ui.evidence.roi', range(e.roiInterval, showRoi)));
  return `${t('ui.evidence.at', percent(e.confidence ?? 0.95), e.days ?? 0)} ${parts.join(' · ')}`;
}

// ---------------------------------------------------------------- sortable tables

/**
 * The shell's table with its rows sorted and clickable column headers: `state` {key, dir} is kept by
 * the caller, `redraw` draws the table again after a click. Columns with sort: false are left as they are.
 */
function sortableTable(columns, rows, options, state, redraw) {
  const col = columns.find((c) => c.key === state.key);
  const sorted = [...rows];
  if (col) {
    const value = col.sortValue ?? col.value ?? ((r) => r[col.key]);
    sorted.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      if (x == null || y == null) return x == null ? (y == null ? 0 : 1) : -1; // unknowns last
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), currentLang());
      return state.dir === 'desc' ? -c : c;
    });
  }
  const box = table(columns, sorted, options);
  const heads = box.querySelectorAll('thead th');
  columns.forEach((c, i) => {
    const th = heads[i];
    if (!th || c.sort === false) return;
    const current = c.key === state.key;
    th.setAttribute('aria-sort', current ? (state.dir === 'desc' ? 'descending' : 'ascending') : 'none');
    const button = el('button', { type: 'button', class: 'sort', dataset: { sort: c.key },
      onclick: () => {
        state.dir = current && state.dir === 'desc' ? 'asc' : current ? 'desc' : (c.numeric ? 'desc' : 'asc');
        state.key = c.key;
        redraw();
      } }, c.label, el('span', { 'aria-hidden': 'true', class: 'sort-mark' }, current ? (state.dir === 'desc' ? ' ▼' : ' ▲') : ' ↕'));
    th.replaceChildren(button);
  });
  return box;
}

// ---------------------------------------------------------------- state

let review = null;
const filters = { action: '', campaign: '', text: '' };
const keywordSort = { key: 'cost', dir: 'desc' };
const addSort = { key: 'gmv', dir: 'desc' };

function rememberInUrl() {
  const url = new URL(location.href);
  if (review) {
    url.searchParams.set('from', review.from);
    url.searchParams.set('to', review.to);
  }
  for (const [name, value] of [['action', filters.action], ['campaign', filters.campaign], ['q', filters.text]]) {
    if (value) url.searchParams.set(name, value);
    else url.searchParams.delete(name);
  }
  history.replaceState(history.state, '', url);
}

// ---------------------------------------------------------------- summary and pace

function showSummary(r) {
  byId('summary-range').textContent = t('ui.range.shown', r.from, r.to);
  const k = r.totals;
  const target = Number(r.settings['target-roi']);
  const verdict = k.roi == null ? null : el('div', {},
    el('span', { class: `badge ${k.roi >= target ? 'ok' : 'bad'}` }, t(k.roi >= target ? 'ui.summary.roiMet' : 'ui.summary.roiUnder')),
    el('span', { class: 'muted' }, ` ${t('ui.summary.target', showRoi(target))}`));
  byId('summary-tiles').replaceChildren(
    tile(t('ui.figure.cost'), showMoney(k.cost)),
    tile(t('ui.figure.gmv'), showMoney(k.gmv)),
    tile(t('ui.figure.roi'), showRoi(k.roi), verdict),
    tile(t('ui.figure.impressions'), showCount(k.impressions)),
    tile(t('ui.figure.clicks'), showCount(k.clicks)),
    tile(t('ui.figure.ctr'), showRate(k.ctr)),
    tile(t('ui.figure.cpc'), showMoney(k.cpc)),
    tile(t('ui.figure.orders'), showCount(k.orders)),
    tile(t('ui.figure.conversionRate'), showRate(k.conversionRate)),
    tile(t('ui.figure.cpa'), showMoney(k.cpa)),
    tile(t('ui.figure.acos'), showRate(k.acos)),
    tile(t('ui.figure.shareOfShopSales'), showRate(k.shareOfShopSales),
      el('div', { class: 'muted' }, t('ui.summary.ofShop', showMoney(k.shopSales)))),
    tile(t('ui.figure.shareOfShopUv'), showRate(k.shareOfShopUv),
      el('div', { class: 'muted' }, k.shopUv == null ? t('ui.summary.noShopUv') : t('ui.summary.ofShopUv', showCount(k.shopUv)))));
}

const PACE_BADGE = { overspend: 'bad', underspend: 'warn', 'on-pace': 'ok', 'no-budget': 'off' };

function showPace(p) {
  const state = el('p', { class: 'pace-state', id: 'pace-state', dataset: { state: p.state } },
    el('span', { class: `badge ${PACE_BADGE[p.state] ?? 'off'}` }, t(`ui.pace.state.${p.state}`)), ' ',
    el('span', {}, t(`ui.pace.says.${p.state}`, showMoney(p.projected), showMoney(p.budget), percent(p.tolerance))));
  const bar = p.budget ? el('div', { class: 'pace-bar', role: 'img', 'aria-label': t('ui.pace.barLabel', percent(p.spent / p.budget)) },
    el('span', { class: `pace-spent ${PACE_BADGE[p.state]}`, style: `width: ${Math.min(100, (100 * p.spent) / p.budget)}%` }),
    p.plannedSoFar ? el('span', { class: 'pace-planned', style: `left: ${Math.min(100, (100 * p.plannedSoFar) / p.budget)}%` }) : null) : null;
  byId('pace').replaceChildren(...[
    el('p', { class: 'muted' }, t('ui.pace.asOf', p.month, p.asOf, p.daysElapsed, p.daysLeft)),
    state,
    bar,
    el('div', { class: 'kpi-tiles' },
      tile(t('ui.pace.spent'), showMoney(p.spent)),
      tile(t('ui.pace.projected'), showMoney(p.projected)),
      tile(t('ui.pace.budget'), p.budget == null ? t('ui.pace.noBudget') : showMoney(p.budget)),
      tile(t('ui.pace.plannedSoFar'), p.plannedSoFar == null ? dash : showMoney(p.plannedSoFar)),
      tile(t('ui.pace.dailyToLand'), p.dailyToLand == null ? dash : showMoney(p.dailyToLand),
        el('div', { class: 'muted' }, t('ui.pace.daysLeft', p.daysLeft))))].filter(Boolean));
}

// ---------------------------------------------------------------- decisions

/** Records the operator's verdict; answers the stored decision. */
async function decide(row, status) {
  return api(`${base}/decisions?lang=${lang}`, { method: 'POST', body: {
    from: review.from, to: review.to, campaign: row.campaign, adGroup: row.adGroup, product: row.product ?? '',
    keyword: row.keyword, status } });
}

/** The status of a row's decision with its buttons; redraws itself in place when the verdict changes. */
function statusCell(row) {
  const box = el('div', { class: 'decision-status' });
  const message = el('span', { class: 'field-error', role: 'alert' });
  const render = () => {
    const buttons = [];
    if (mayEdit) {
      const act = (status, label, cls) => el('button', { type: 'button', class: `small ${cls}`, dataset: { decide: status },
        onclick: (event) => busy(event.currentTarget, async () => {
          message.textContent = '';
          try {
            const d = await decide(row, status);
            Object.assign(row, { status: d.status, decidedBy: d.decidedBy, decidedAt: d.decidedAt, decisionId: d.id });
            render();
            showActed().catch(showError);
          } catch (error) {
            message.textContent = error instanceof ApiError && error.status === 403 ? t('ui.decide.forbidden')
              : t('ui.decide.failed', error.message);
          }
        }) }, label);
      if (row.status === 'proposed') {
        buttons.push(act('accepted', t('ui.decide.accept'), ''), act('dismissed', t('ui.decide.dismiss'), 'secondary'));
      } else {
        buttons.push(act('proposed', t('ui.decide.undo'), 'secondary'));
      }
    }
    box.replaceChildren(...[statusBadge(row.status),
      row.decidedBy && row.status !== 'proposed' ? el('span', { class: 'muted who' }, t('ui.decide.by', row.decidedBy)) : null,
      buttons.length ? el('span', { class: 'actions' }, buttons) : null, message].filter(Boolean));
  };
  render();
  return box;
}

function decisionCell(row) {
  const evidence = evidenceText(row.evidence);
  return el('div', { class: 'decision' }, actionBadge(row.action), ' ', el('span', { class: 'reason' }, row.reason ?? ''),
    evidence ? el('div', { class: 'muted evidence' }, evidence) : null);
}

const ACTION_ORDER = Object.fromEntries(ACTIONS.map((a, i) => [a, i]));
const STATUS_ORDER = { proposed: 0, accepted: 1, dismissed: 2 };

function keywordColumns() {
  return [
    { key: 'keyword', label: t('ui.col.keyword'), format: (v, r) => el('div', { class: 'kw' }, el('strong', {}, v),
      el('div', { class: 'muted' }, [r.campaign, r.adGroup, r.product].filter(Boolean).join(' · '))), csv: (r) => r.keyword },
    { key: 'action', label: t('ui.col.decision'), format: (v, r) => decisionCell(r), csv: (r) => `${actionName(r.action)}: ${r.reason ?? ''}`,
      sortValue: (r) => ACTION_ORDER[r.action] ?? 99 },
    { key: 'status', label: t('ui.col.status'), format: (v, r) => statusCell(r), csv: (r) => statusName(r.status),
      sortValue: (r) => STATUS_ORDER[r.status] ?? 9 },
    { key: 'suggestedBid', label: t('ui.col.suggestedBid'), numeric: true, format: (v, r) => bidText(r), csv: (r) => csvMoney(r.suggestedBid) },
    { key: 'cost', label: t('ui.figure.cost'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.cost) },
    { key: 'roi', label: t('ui.figure.roi'), numeric: true, format: showRoi, csv: (r) => r.roi ?? '' },
    { key: 'impressions', label: t('ui.figure.impressions'), numeric: true, format: showCount },
    { key: 'clicks', label: t('ui.figure.clicks'), numeric: true, format: showCount },
    { key: 'ctr', label: t('ui.figure.ctr'), numeric: true, format: showRate, csv: (r) => r.ctr ?? '' },
    { key: 'cpc', label: t('ui.figure.cpc'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.cpc) },
    { key: 'orders', label: t('ui.figure.orders'), numeric: true, format: showCount },
    { key: 'gmv', label: t('ui.figure.gmv'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.gmv) },
    { key: 'conversionRate', label: t('ui.figure.conversionRate'), numeric: true, format: showRate, csv: (r) => r.conversionRate ?? '' },
    { key: 'cpa', label: t('ui.figure.cpa'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.cpa) },
    { key: 'qualityScore', label: t('ui.figure.qualityScore'), numeric: true, format: showCount },
    { key: 'avgRank', label: t('ui.figure.avgRank'), numeric: true, format: (v) => (v == null ? dash : number(v, { maximumFractionDigits: 1 })) },
    { key: 'campaign', label: t('ui.col.campaign') },
    { key: 'adGroup', label: t('ui.col.adGroup') },
    { key: 'product', label: t('ui.col.product'), nowrap: true },
  ];
}

function matches(row) {
  if (filters.action && row.action !== filters.action) return false;
  if (filters.campaign && row.campaign !== filters.campaign) return false;
  if (filters.text) {
    const q = filters.text.toLocaleLowerCase();
    return [row.keyword, row.adGroup, row.product, row.campaign].some((s) => s && s.toLocaleLowerCase().includes(q));
  }
  return true;
}

function drawKeywords() {
  const rows = review.keywords.filter(matches);
  byId('keywords').replaceChildren(sortableTable(keywordColumns(), rows,
    { csvName: `${shop.code}-ads-keywords-${review.from}-${review.to}`, caption: t('ui.keywords.title'), empty: t('ui.keywords.none') },
    keywordSort, drawKeywords));
}

function drawAdds() {
  const columns = [
    { key: 'keyword', label: t('ui.col.searchTerm'), format: (v) => el('strong', {}, v), csv: (r) => r.keyword },
    { key: 'campaign', label: t('ui.col.campaign') },
    { key: 'adGroup', label: t('ui.col.adGroup') },
    { key: 'product', label: t('ui.col.product'), nowrap: true },
    { key: 'clicks', label: t('ui.figure.clicks'), numeric: true, format: showCount },
    { key: 'cost', label: t('ui.figure.cost'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.cost) },
    { key: 'orders', label: t('ui.figure.orders'), numeric: true, format: showCount },
    { key: 'gmv', label: t('ui.figure.gmv'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.gmv) },
    { key: 'conversionRate', label: t('ui.figure.conversionRate'), numeric: true, format: showRate, csv: (r) => r.conversionRate ?? '' },
    { key: 'roi', label: t('ui.figure.roi'), numeric: true, format: showRoi, csv: (r) => r.roi ?? '' },
    { key: 'action', label: t('ui.col.decision'), format: (v, r) => decisionCell(r), csv: (r) => `${actionName(r.action)}: ${r.reason ?? ''}`, sort: false },
    { key: 'suggestedBid', label: t('ui.col.suggestedBid'), numeric: true, format: (v, r) => bidText(r), csv: (r) => csvMoney(r.suggestedBid) },
    { key: 'status', label: t('ui.col.status'), format: (v, r) => statusCell(r), csv: (r) => statusName(r.status),
      sortValue: (r) => STATUS_ORDER[r.status] ?? 9 },
  ];
  byId('adds').replaceChildren(sortableTable(columns, review.adds,
    { csvName: `${shop.code}-ads-add-${review.from}-${review.to}`, caption: t('ui.adds.title'), empty: t('ui.adds.none') },
    addSort, drawAdds));
}

function fillFilters() {
  const count = (a) => review.keywords.filter((k) => k.action === a).length;
  const present = ACTIONS.filter((a) => count(a) > 0 || a === filters.action);
  if (filters.action && !ACTIONS.includes(filters.action)) filters.action = '';
  byId('filter-action').replaceChildren(
    el('option', { value: '' }, t('ui.filter.allActions', review.keywords.length)),
    ...present.map((a) => el('option', { value: a, selected: a === filters.action }, `${actionName(a)} (${count(a)})`)));
  byId('filter-action').value = filters.action;
  const campaigns = [...new Set(review.keywords.map((k) => k.campaign))].sort((a, b) => a.localeCompare(b, currentLang()));
  if (filters.campaign && !campaigns.includes(filters.campaign)) campaigns.push(filters.campaign);
  byId('filter-campaign').replaceChildren(el('option', { value: '' }, t('ui.filter.allCampaigns')),
    ...campaigns.map((c) => el('option', { value: c }, c)));
  byId('filter-campaign').value = filters.campaign;
  byId('filter-text').value = filters.text;
}

// ---------------------------------------------------------------- charts

function tooltipNode(title, lines) {
  return el('div', { class: 'chart-tip' }, el('strong', {}, title), ...lines.map((l) => el('div', {}, l)));
}

async function showScatter() {
  // Only keywords with enough clicks to judge: one click and one order is not a 100% conversion rate.
  const minClicks = Math.max(1, Number(review.settings['min-clicks']) || 1);
  byId('scatter-help').textContent = t('ui.scatter.help', number(minClicks));
  const points = review.keywords.filter((k) => k.clicks >= minClicks && k.ctr != null && k.conversionRate != null);
  const maxCost = Math.max(1, ...points.map((k) => k.cost));
  const size = (cost) => 6 + 34 * Math.sqrt(Math.max(0, cost) / maxCost);
  const actions = ACTIONS.filter((a) => points.some((k) => k.action === a));
  const host = byId('scatter');
  host.setAttribute('aria-label', t('ui.scatter.chartLabel'));
  await draw(host, {
    color: actions.map((a) => COLOURS[a]),
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 30, containLabel: true },
    tooltip: { trigger: 'item', formatter: (p) => {
      const k = p.data.row;
      return tooltipNode(k.keyword, [`${k.campaign} / ${k.adGroup}`,
        `${t('ui.figure.ctr')} ${showRate(k.ctr)} · ${t('ui.figure.conversionRate')} ${showRate(k.conversionRate)}`,
        `${t('ui.figure.cost')} ${showMoney(k.cost)} · ${t('ui.figure.roi')} ${showRoi(k.roi)}`, actionName(k.action)]);
    } },
    xAxis: { type: 'value', name: t('ui.figure.ctr'), nameLocation: 'middle', nameGap: 26,
      axisLabel: { formatter: (v) => percent(v) }, splitLine: { lineStyle: { type: 'dashed' } } },
    yAxis: { type: 'value', name: t('ui.figure.conversionRate'), axisLabel: { formatter: (v) => percent(v) },
      splitLine: { lineStyle: { type: 'dashed' } } },
    series: actions.map((a) => ({ name: actionName(a), type: 'scatter', itemStyle: { opacity: 0.75 },
      symbolSize: (value, params) => size(params.data.row.cost),
      data: points.filter((k) => k.action === a).map((k) => ({ value: [k.ctr, k.conversionRate], row: k })) })),
  });
  byId('scatter-table').replaceChildren(table([
    { key: 'keyword', label: t('ui.col.keyword') },
    { key: 'adGroup', label: t('ui.col.adGroup') },
    { key: 'ctr', label: t('ui.figure.ctr'), numeric: true, format: showRate, csv: (r) => r.ctr ?? '' },
    { key: 'conversionRate', label: t('ui.figure.conversionRate'), numeric: true, format: showRate, csv: (r) => r.conversionRate ?? '' },
    { key: 'cost', label: t('ui.figure.cost'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.cost) },
    { key: 'action', label: t('ui.col.decision'), format: actionName },
  ], points, { csvName: `${shop.code}-ads-ctr-conversion-${review.from}-${review.to}`, caption: t('ui.scatter.title') }));
}

async function showTrend(from, to) {
  const tr = await api(`${base}/trend?from=${from}&to=${to}`);
  const host = byId('trend');
  host.setAttribute('aria-label', t('ui.trend.chartLabel', showRoi(tr.targetRoi)));
  host.hidden = tr.campaigns.length === 0;
  if (tr.campaigns.length > 0) {
    await draw(host, {
      legend: { top: 0, type: 'scroll' },
      grid: { left: 8, right: 56, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', formatter: (ps) => tooltipNode(ps[0].axisValue,
        ps.map((p) => `${p.seriesName}: ${p.value == null || p.value === '-' ? dash : showRoi(p.value)}`)) },
      xAxis: { type: 'category', data: tr.days, boundaryGap: false },
      yAxis: { type: 'value', name: t('ui.figure.roi'), min: 0 },
      series: tr.campaigns.map((c, i) => ({ name: c.campaign, type: 'line', connectNulls: false, showSymbol: tr.days.length <= 31,
        data: c.roi.map((v) => (v == null ? '-' : v)),
        markLine: i > 0 || tr.targetRoi == null ? undefined : { silent: true, symbol: 'none',
          lineStyle: { type: 'dashed', color: '#c92a2a', width: 2 },
          label: { formatter: t('ui.trend.target', showRoi(tr.targetRoi)), position: 'insideEndTop', color: '#c92a2a' },
          data: [{ yAxis: tr.targetRoi }] } })),
    });
  }
  const rows = tr.days.map((day, d) => {
    const row = { day };
    tr.campaigns.forEach((c, i) => { row[`c${i}`] = c.roi[d]; });
    return row;
  });
  byId('trend-table').replaceChildren(table([
    { key: 'day', label: t('ui.col.day'), nowrap: true },
    ...tr.campaigns.map((c, i) => ({ key: `c${i}`, label: c.campaign, numeric: true, format: showRoi, csv: (r) => r[`c${i}`] ?? '' })),
  ], rows, { csvName: `${shop.code}-ads-roi-${from}-${to}`, caption: t('ui.trend.title'), empty: t('ui.trend.none') }));
}

// ---------------------------------------------------------------- decisions acted on and the bid sheet

async function showActed() {
  const { from, to } = review;
  const link = byId('bid-sheet');
  link.href = `${base}/bid-sheet?from=${from}&to=${to}&lang=${lang}`;
  link.setAttribute('download', `${shop.code}-bid-sheet-${from}-${to}.csv`);
  byId('bid-sheet-line').hidden = !mayEdit;
  const d = await api(`${base}/decisions?from=${from}&to=${to}&lang=${lang}`);
  byId('decisions').replaceChildren(table([
    { key: 'decidedAt', label: t('ui.col.decidedAt'), nowrap: true, format: (v) => dateTime(v), csv: (r) => r.decidedAt ?? '' },
    { key: 'decidedBy', label: t('ui.col.decidedBy') },
    { key: 'status', label: t('ui.col.status'), format: (v) => statusBadge(v), csv: (r) => statusName(r.status) },
    { key: 'action', label: t('ui.col.decision'), format: (v) => actionBadge(v), csv: (r) => actionName(r.action) },
    { key: 'keyword', label: t('ui.col.keyword') },
    { key: 'campaign', label: t('ui.col.campaign') },
    { key: 'adGroup', label: t('ui.col.adGroup') },
    { key: 'suggestedBid', label: t('ui.col.suggestedBid'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.suggestedBid) },
    { key: 'reason', label: t('ui.col.reason') },
    { key: 'from', label: t('ui.col.range'), nowrap: true, format: (v, r) => `${r.from} – ${r.to}`, csv: (r) => `${r.from}/${r.to}` },
  ], d.decisions, { csvName: `${shop.code}-ads-decisions-${from}-${to}`, caption: t('ui.acted.title'), empty: t('ui.acted.none') }));
}

// ---------------------------------------------------------------- settings

/** The rules, how each is typed: plain number, whole number, percentage of a fraction, or money in major units. */
const RULES = [
  ['target-roi', 'number', true], ['monthly-budget', 'money', true], ['min-clicks', 'whole', true],
  ['confidence', 'percent', true], ['min-orders-to-raise', 'whole', true], ['bid-step', 'percent', true],
  ['pause-cost-multiple', 'number', false], ['delete-min-days', 'whole', false], ['delete-min-impressions', 'whole', false],
  ['delete-max-ctr', 'percent', false], ['creative-ctr-ratio', 'percent', false], ['pace-tolerance', 'percent', false],
  ['add-min-orders', 'whole', false],
];

const fractionDigits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;

function shownValue(text, kind) {
  if (text == null || text === '') return '';
  if (kind === 'percent') return String(Math.round(Number(text) * 100 * 10000) / 10000);
  if (kind === 'money') return major(Number(text), currency);
  return text;
}

function sentValue(text, kind) {
  const v = text.trim();
  if (v === '' || Number.isNaN(Number(v))) return v; // the server names what is wrong
  if (kind === 'percent') return String(Number((Number(v) / 100).toPrecision(12)));
  if (kind === 'money') return String(Math.round(Number(v) * 10 ** fractionDigits));
  return v;
}

function settingsFields(values) {
  const field = ([key, kind]) => {
    const id = `rule-${key}`;
    const unit = kind === 'percent' ? '%' : kind === 'money' ? currency : '';
    return el('div', { class: 'field' },
      el('label', { for: id }, t(`ui.rule.${key}`), unit ? el('span', { class: 'muted' }, ` (${unit})`) : null),
      el('input', { id, name: key, type: 'text', inputmode: kind === 'whole' ? 'numeric' : 'decimal', value: shownValue(values[key], kind),
        disabled: !mayEdit, placeholder: kind === 'money' ? t('ui.rule.noBudget') : null, 'aria-describedby': `${id}-help` }),
      el('small', { class: 'muted', id: `${id}-help` }, t(`ui.rule.${key}.help`)));
  };
  byId('settings-main').replaceChildren(...RULES.filter((r) => r[2]).map(field));
  byId('settings-more').replaceChildren(...RULES.filter((r) => !r[2]).map(field));
}

async function showSettings() {
  const values = await api(`${base}/settings`);
  settingsFields(values);
  byId('settings-help').textContent = mayEdit ? t('ui.settings.help') : t('ui.settings.readOnly');
  byId('settings-save').hidden = !mayEdit;
}

function setUpSettingsForm() {
  const form = byId('settings');
  const error = byId('settings-error');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {};
    for (const [key, kind] of RULES) body[key] = sentValue(form.elements[key].value, kind);
    busy(byId('settings-save'), async () => {
      error.hidden = true;
      try {
        const saved = await api(`${base}/settings`, { method: 'PUT', body });
        settingsFields(saved);
        notify(t('ui.settings.saved'), 'ok');
        await showAll(review.from, review.to);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        error.textContent = e.status === 403 ? t('ui.settings.forbidden') : t('ui.settings.refused', e.message);
        error.hidden = false;
      }
    }).catch(showError);
  });
}

// ---------------------------------------------------------------- the page

async function showAll(from, to) {
  byId('range-note').textContent = '';
  review = await api(`${base}/review?from=${from}&to=${to}&lang=${lang}`);
  byId('from').value = review.from;
  byId('to').value = review.to;
  rememberInUrl();
  showSummary(review);
  showPace(review.pace);
  fillFilters();
  drawKeywords();
  drawAdds();
  await Promise.all([
    showScatter().catch(showError),
    showTrend(review.from, review.to).catch(showError),
    showActed().catch(showError),
  ]);
}

if (!shop) {
  byId('range').replaceWith(el('p', { class: 'empty' }, t('ui.noShop')));
} else {
  const params = new URLSearchParams(location.search);
  filters.action = params.get('action') || '';
  filters.campaign = params.get('campaign') || '';
  filters.text = params.get('q') || '';
  byId('filter-action').addEventListener('change', (e) => { filters.action = e.target.value; rememberInUrl(); drawKeywords(); });
  byId('filter-campaign').addEventListener('change', (e) => { filters.campaign = e.target.value; rememberInUrl(); drawKeywords(); });
  byId('filter-text').addEventListener('input', (e) => { filters.text = e.target.value.trim(); rememberInUrl(); drawKeywords(); });
  byId('range').addEventListener('submit', (event) => {
    event.preventDefault();
    const f = byId('from').value;
    const tt = byId('to').value;
    if (!f || !tt || f > tt) {
      byId('range-note').textContent = t('ui.range.backwards');
      return;
    }
    showAll(f, tt).catch(showError);
  });
  setUpSettingsForm();
  // Without from/to the server answers the week up to its last day with figures; a lone ?to= gets its week.
  const to = params.get('to') || '';
  const from = params.get('from') || (to ? addDays(to, -6) : '');
  await Promise.all([showAll(from, to).catch(showError), showSettings().catch(showError)]);
}
