// Campaigns (活动): reminders, a month calendar (a list by day on a phone), the campaign list, one campaign's
// panel (fields, products, status moves, progress, entry check, the platform's results, the 复盘, history)
// and a form for a new campaign. Every chart has its table, every table exports CSV. Data from the server
// only ever goes in as text (el(), textContent). Routes that a server may not have yet (progress,
// entry-check, reminders, the calendar's weeks) are optional: a 404 shows "not available".
import { mount, api, ApiError, currentLang, t, el, byId, busy, table, money, major, number, percent, dateTime,
  notify, showError, draw, addDays } from '/shell/shell.js';

const { shop, can } = await mount({ bundle: 'activities' });
const base = shop && `/api/shops/${encodeURIComponent(shop.code)}/p/activities`;
const currency = shop ? shop.currency : 'CNY';
const mayEdit = can('activities.edit');
const lang = currentLang().startsWith('zh') ? 'zh' : 'en';

const STATUSES = ['planned', 'registered', 'approved', 'rejected', 'live', 'ended', 'reviewed'];
const EVENTS = ['registrationDeadline', 'reviewOn', 'liveFrom', 'liveTo'];
const dash = '—';
const fractionDigits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;

const showMoney = (v) => (v == null ? dash : money(Math.round(v), currency));
const csvMoney = (v) => (v == null ? '' : major(Math.round(v), currency));
const showCount = (v) => (v == null ? dash : number(v));
const showRate = (v) => (v == null ? dash : number(v, { style: 'percent', maximumFractionDigits: 1 }));
const statusName = (s) => t(`status.${s}`);
const kindName = (k) => t(`kind.${k}`);

function statusBadge(status) {
  return el('span', { class: `badge st st-${status}`, dataset: { status } }, statusName(status));
}

function tile(label, value, ...extra) {
  return el('div', { class: 'kpi' }, el('div', { class: 'kpi-label' }, label), el('div', { class: 'kpi-value' }, value), ...extra);
}

/** A GET of a route the server may not have yet: null on 404 (or 405), the answer otherwise. */
async function optional(path) {
  try {
    return await api(path);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}

function notAvailable() {
  return el('p', { class: 'muted not-available' }, t('ui.notAvailable'));
}

// ---------------------------------------------------------------- days

function shopToday() {
  try {
    const zone = typeof shop?.timeZone === 'string' ? shop.timeZone : undefined;
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  } catch {
    return new Date().toISOString().slice(0, 10);
  }
}

function addMonths(month, n) {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

const weekday = (day) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
const dayLabel = (day, options) => new Intl.DateTimeFormat(currentLang(), { timeZone: 'UTC', ...options }).format(new Date(`${day}T00:00:00Z`));
const monthLabel = (month) => dayLabel(`${month}-01`, { year: 'numeric', month: 'long' });

// ---------------------------------------------------------------- state

const today = shopToday();
const params = new URLSearchParams(location.search);
let month = /^\d{4}-\d{2}$/.test(params.get('month') || '') ? params.get('month') : today.slice(0, 7);
let campaigns = [];
let statusFilter = STATUSES.includes(params.get('status')) ? params.get('status') : '';
let openId = params.get('campaign');

function remember() {
  const url = new URL(location.href);
  const set = (k, v) => (v ? url.searchParams.set(k, v) : url.searchParams.delete(k));
  set('month', month);
  set('status', statusFilter);
  set('campaign', openId);
  history.replaceState(history.state, '', url);
}

function campaignHref(id) {
  const url = new URL(location.href);
  url.searchParams.set('campaign', id);
  return url.pathname + url.search;
}

function campaignLink(id, name) {
  return el('a', { href: campaignHref(id), class: 'campaign-link', dataset: { campaign: id },
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      openCampaign(String(id)).catch(showError);
    } }, name);
}

// ---------------------------------------------------------------- reminders

async function showReminders() {
  const r = await optional(`${base}/reminders?lang=${lang}`);
  const box = byId('reminders');
  if (!r) {
    box.replaceChildren(notAvailable());
    return;
  }
  if (r.reminders.length === 0) {
    box.replaceChildren(el('p', { class: 'empty' }, t('ui.reminders.none')));
    return;
  }
  box.replaceChildren(el('ul', { class: 'reminders' }, r.reminders.map((m) => el('li', { class: `reminder reminder-${m.kind}`, dataset: { kind: m.kind } },
    el('span', { class: 'badge' }, t(`ui.reminder.${m.kind}`)), ' ',
    m.campaignId != null ? campaignLink(m.campaignId, m.campaignName ?? String(m.campaignId)) : null,
    m.campaignId != null ? ' · ' : null,
    el('span', {}, m.message ?? '')))));
}

// ---------------------------------------------------------------- calendar

/** The month's weeks from Monday: the server's when it sends them, else built here from campaigns and events. */
function weeksOf(cal) {
  if (Array.isArray(cal.weeks)) return cal.weeks;
  const first = `${cal.month}-01`;
  const last = addDays(`${addMonths(cal.month, 1)}-01`, -1);
  let day = addDays(first, -weekday(first));
  const end = addDays(last, 6 - weekday(last));
  const weeks = [];
  while (day <= end) {
    const week = [];
    for (let i = 0; i < 7; i += 1, day = addDays(day, 1)) {
      const d = day;
      week.push({ date: d, inMonth: d.slice(0, 7) === cal.month,
        live: cal.campaigns.filter((c) => c.status !== 'rejected' && c.liveFrom <= d && d <= c.liveTo).map((c) => c.id),
        events: cal.events.filter((e) => e.day === d).map((e) => ({ what: e.what, campaign: e.campaign })) });
    }
    weeks.push(week);
  }
  return weeks;
}

/** The colour index of a campaign, the same in the grid and the list. */
const hue = (id) => Number(id) % 6;

function eventMark(e, byId) {
  const c = byId.get(e.campaign);
  return el('div', { class: `cal-event ev-${e.what}`, dataset: { what: e.what, campaign: e.campaign } },
    el('span', { class: 'ev-what' }, t(`calendar.${e.what}`)), ' ', c ? campaignLink(c.id, c.name) : String(e.campaign));
}

function liveBar(c, day) {
  const starts = c.liveFrom === day || weekday(day) === 0;
  return el('div', { class: `cal-bar h${hue(c.id)} st-${c.status}${starts ? ' starts' : ''}`, dataset: { campaign: c.id }, title: c.name },
    campaignLink(c.id, c.name));
}

async function showCalendar() {
  const cal = await api(`${base}/calendar?month=${month}`);
  const byCampaign = new Map(cal.campaigns.map((c) => [c.id, c]));
  const weeks = weeksOf(cal);
  byId('cal-month').textContent = monthLabel(cal.month);
  byId('cal-legend').textContent = t('ui.calendar.legend');
  const heads = weeks[0].map((d) => el('th', { scope: 'col' }, dayLabel(d.date, { weekday: 'short' })));
  const rows = weeks.map((week) => el('tr', {}, week.map((d) => {
    const live = d.live.filter((id) => byCampaign.has(id)).map((id) => liveBar(byCampaign.get(id), d.date));
    const marks = d.events.filter((e) => e.what !== 'liveFrom' && e.what !== 'liveTo').map((e) => eventMark(e, byCampaign));
    const cls = ['cal-day', d.inMonth ? '' : 'out', d.date === today ? 'today' : ''].filter(Boolean).join(' ');
    return el('td', { class: cls, dataset: { date: d.date }, 'aria-current': d.date === today ? 'date' : null },
      el('div', { class: 'cal-num' }, String(Number(d.date.slice(8))), d.date === today ? el('span', { class: 'today-mark' }, t('ui.calendar.todayMark')) : null),
      ...live, ...marks);
  })));
  byId('cal-grid').replaceChildren(el('table', { class: 'cal-grid' }, el('caption', { class: 'visually-hidden' }, monthLabel(cal.month)),
    el('thead', {}, el('tr', {}, heads)), el('tbody', {}, rows)));

  // The phone's view: the month's days that have something on them, as a list.
  const items = weeks.flat().filter((d) => d.inMonth && (d.live.length || d.events.length || d.date === today)).map((d) => el('li', {
    class: `cal-item${d.date === today ? ' today' : ''}`, dataset: { date: d.date } },
  el('div', { class: 'cal-item-day' }, dayLabel(d.date, { month: 'short', day: 'numeric', weekday: 'short' }),
    d.date === today ? el('span', { class: 'today-mark' }, t('ui.calendar.todayMark')) : null),
  ...d.live.filter((id) => byCampaign.has(id)).map((id) => {
    const c = byCampaign.get(id);
    return el('div', { class: `cal-bar h${hue(c.id)} st-${c.status} starts`, dataset: { campaign: c.id } }, campaignLink(c.id, c.name), ' ', statusBadge(c.status));
  }),
  ...d.events.filter((e) => e.what !== 'liveFrom' && e.what !== 'liveTo').map((e) => eventMark(e, byCampaign))));
  byId('cal-list').replaceChildren(...(items.length ? items : [el('li', { class: 'empty' }, t('ui.calendar.nothing'))]));
}

function moveMonth(n) {
  month = n === 0 ? today.slice(0, 7) : addMonths(month, n);
  remember();
  showCalendar().catch(showError);
}

// ---------------------------------------------------------------- the list

function drawList() {
  const rows = campaigns.filter((c) => !statusFilter || c.status === statusFilter);
  byId('campaigns').replaceChildren(table([
    { key: 'name', label: t('ui.field.name'), format: (v, r) => campaignLink(r.id, v), csv: (r) => r.name },
    { key: 'kind', label: t('ui.field.kind'), format: kindName },
    { key: 'channel', label: t('ui.field.channel') },
    { key: 'status', label: t('ui.field.status'), format: (v) => statusBadge(v), csv: (r) => statusName(r.status) },
    { key: 'liveFrom', label: t('ui.field.liveDates'), nowrap: true, format: (v, r) => `${r.liveFrom} – ${r.liveTo}`, csv: (r) => `${r.liveFrom}/${r.liveTo}` },
    { key: 'goalGmv', label: t('ui.field.goalGmv'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.goalGmv) },
    { key: 'goalUnits', label: t('ui.field.goalUnits'), numeric: true, format: showCount },
    { key: 'registrationDeadline', label: t('ui.field.registrationDeadline'), nowrap: true, format: (v) => v ?? dash, csv: (r) => r.registrationDeadline ?? '' },
  ], rows, { csvName: `${shop.code}-campaigns${statusFilter ? `-${statusFilter}` : ''}`, caption: t('ui.list.title'), empty: t('ui.list.none') }));
}

async function showList() {
  const r = await api(`${base}/campaigns`);
  campaigns = [...r.campaigns].sort((a, b) => b.liveFrom.localeCompare(a.liveFrom) || b.id - a.id);
  const select = byId('filter-status');
  select.replaceChildren(el('option', { value: '' }, t('ui.list.all', campaigns.length)),
    ...STATUSES.map((s) => el('option', { value: s }, `${statusName(s)} (${campaigns.filter((c) => c.status === s).length})`)));
  select.value = statusFilter;
  drawList();
}

// ---------------------------------------------------------------- charts

// ---------------------------------------------------------------- a campaign's panel

function fieldList(c) {
  const item = (label, value) => el('div', { class: 'figure' }, el('dt', {}, label), el('dd', {}, value ?? dash));
  return el('dl', { class: 'figures' },
    item(t('ui.field.kind'), kindName(c.kind)),
    item(t('ui.field.channel'), c.channel),
    item(t('ui.field.registrationDeadline'), c.registrationDeadline),
    item(t('ui.field.reviewOn'), c.reviewOn),
    item(t('ui.field.liveDates'), `${c.liveFrom} – ${c.liveTo}`),
    item(t('ui.field.goalGmv'), showMoney(c.goalGmv)),
    item(t('ui.field.goalUnits'), showCount(c.goalUnits)),
    item(t('ui.field.updated'), c.updatedBy ? `${c.updatedBy} · ${dateTime(c.updatedAt)}` : dateTime(c.updatedAt)));
}

function statusControls(c) {
  const error = byId('status-error');
  error.textContent = '';
  const move = async (to, button) => busy(button, async () => {
    error.textContent = '';
    try {
      await api(`${base}/campaigns/${c.id}/status`, { method: 'POST', body: { to } });
      notify(t('ui.status.moved', c.name, statusName(to)), 'ok');
      await Promise.all([openCampaign(String(c.id)), showList(), showCalendar()]);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      error.textContent = e.status === 409 ? t('ui.status.refused', e.message)
        : e.status === 403 ? t('ui.forbidden') : t('ui.failed', e.message);
    }
  }).catch(showError);
  const parts = [el('p', { class: 'status-line' }, t('ui.status.now'), ' ', statusBadge(c.status))];
  if (mayEdit) {
    parts.push(el('div', { class: 'actions', id: 'next-buttons' }, c.next.length === 0 ? el('span', { class: 'muted' }, t('ui.status.final'))
      : c.next.map((s) => el('button', { type: 'button', class: 'small', dataset: { to: s },
        onclick: (event) => move(s, event.currentTarget) }, t('ui.status.moveTo', statusName(s))))));
    const other = el('select', { id: 'other-status', 'aria-label': t('ui.status.other') },
      STATUSES.filter((s) => s !== c.status).map((s) => el('option', { value: s }, statusName(s))));
    parts.push(el('details', { class: 'other-move' }, el('summary', {}, t('ui.status.other')),
      el('div', { class: 'row' }, other, el('button', { type: 'button', class: 'secondary small', id: 'other-move',
        onclick: (event) => move(other.value, event.currentTarget) }, t('ui.status.move')))));
  }
  byId('panel-status').replaceChildren(...parts);
}

function productsTable(c) {
  return table([
    { key: 'sku', label: t('ui.col.sku'), nowrap: true },
    { key: 'title', label: t('ui.col.title'), format: (v) => v ?? dash, csv: (r) => r.title ?? '' },
    { key: 'allocated', label: t('ui.col.allocated'), numeric: true, format: showCount },
    { key: 'price', label: t('ui.col.price'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.price) },
  ], c.products, { csvName: `${shop.code}-campaign-${c.id}-products`, caption: t('ui.panel.products') });
}

async function showProgress(c) {
  const box = byId('panel-progress');
  const p = await optional(`${base}/campaigns/${c.id}/progress`);
  if (!p) {
    box.replaceChildren(notAvailable());
    return null;
  }
  const against = (value, goal, attainment, show) => tile(t(value), show(p[goal === 'goalGmv' ? 'gmv' : 'units']),
    el('div', { class: 'muted' }, c[goal] == null ? t('ui.progress.noGoal') : t('ui.progress.ofGoal', show(c[goal]), showRate(p[attainment]))));
  const tiles = el('div', { class: 'kpi-tiles', id: 'progress-tiles' },
    against('ui.figure.gmv', 'goalGmv', 'gmvAttainment', showMoney),
    against('ui.figure.units', 'goalUnits', 'unitsAttainment', showCount),
    tile(t('ui.figure.attainment'), showRate(p.gmvAttainment ?? p.unitsAttainment),
      el('div', { class: 'muted' }, t('ui.progress.elapsed', showRate(p.elapsedShare), p.daysElapsed ?? 0, p.daysTotal ?? 0))),
    tile(t('ui.figure.orderShare'), showRate(p.orderShare)),
    tile(t('ui.figure.conversion'), showRate(p.conversionRate)),
    tile(t('ui.figure.ctr'), showRate(p.ctr)),
    tile(t('ui.figure.sellThrough'), showRate(p.sellThrough)),
    tile(t('ui.figure.uplift'), showRate(p.unitsUplift), el('div', { class: 'muted' }, t('ui.progress.baseline', p.baselineDays ?? 0))));
  const perProduct = table([
    { key: 'sku', label: t('ui.col.sku'), nowrap: true },
    { key: 'title', label: t('ui.col.title'), format: (v) => v ?? dash, csv: (r) => r.title ?? '' },
    { key: 'allocated', label: t('ui.col.allocated'), numeric: true, format: showCount },
    { key: 'units', label: t('ui.figure.units'), numeric: true, format: showCount },
    { key: 'gmv', label: t('ui.figure.gmv'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.gmv) },
    { key: 'sellThrough', label: t('ui.figure.sellThrough'), numeric: true, format: showRate, csv: (r) => r.sellThrough ?? '' },
    { key: 'unitsUplift', label: t('ui.figure.uplift'), numeric: true, format: showRate, csv: (r) => r.unitsUplift ?? '' },
    { key: 'stockOut', label: t('ui.col.stockOut'), nowrap: true, value: (r) => r.stockOut?.runsOutOn ?? null,
      format: (v, r) => stockOutText(r.stockOut), csv: (r) => r.stockOut?.runsOutOn ?? '' },
  ], p.products ?? [], { csvName: `${shop.code}-campaign-${c.id}-progress`, caption: t('ui.progress.products') });

  // Daily units and GMV against the baseline day (what a day sold before the campaign).
  const days = p.days ?? [];
  const baseUnits = p.unitsUplift != null && p.daysElapsed ? p.units / (1 + p.unitsUplift) / p.daysElapsed : null;
  const baseGmv = p.gmvUplift != null && p.daysElapsed ? p.gmv / (1 + p.gmvUplift) / p.daysElapsed : null;
  const host = el('div', { class: 'chart', id: 'progress-chart', role: 'img', 'aria-label': t('ui.progress.chart') });
  const chartTable = table([
    { key: 'day', label: t('ui.col.day'), nowrap: true },
    { key: 'units', label: t('ui.figure.units'), numeric: true, format: showCount },
    { key: 'orders', label: t('ui.figure.orders'), numeric: true, format: showCount },
    { key: 'gmv', label: t('ui.figure.gmv'), numeric: true, format: showMoney, csv: (r) => csvMoney(r.gmv) },
    { key: 'baseUnits', label: t('ui.progress.baseUnits'), numeric: true, value: () => baseUnits,
      format: (v) => (v == null ? dash : number(v, { maximumFractionDigits: 1 })), csv: () => (baseUnits == null ? '' : baseUnits.toFixed(2)) },
  ], days, { csvName: `${shop.code}-campaign-${c.id}-days`, caption: t('ui.progress.chart') });
  box.replaceChildren(tiles, el('h4', {}, t('ui.progress.products')), perProduct,
    el('h4', {}, t('ui.progress.chart')), days.length ? host : el('p', { class: 'empty' }, t('ui.progress.noDays')),
    el('details', {}, el('summary', {}, t('ui.chart.asTable')), chartTable));
  if (days.length) {
    const toMajor = (v) => (v == null ? null : v / 10 ** fractionDigits);
    await draw(host, {
      legend: { top: 0 },
      grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: days.map((d) => d.day) },
      yAxis: [{ type: 'value', name: t('ui.figure.units') }, { type: 'value', name: currency, splitLine: { show: false } }],
      series: [
        { name: t('ui.figure.units'), type: 'bar', data: days.map((d) => d.units),
          markLine: baseUnits == null ? undefined : { silent: true, symbol: 'none', lineStyle: { type: 'dashed', color: '#c92a2a' },
            label: { formatter: t('ui.progress.baseline.short'), position: 'insideEndTop' }, data: [{ yAxis: Math.round(baseUnits * 10) / 10 }] } },
        { name: t('ui.figure.gmv'), type: 'line', yAxisIndex: 1, data: days.map((d) => toMajor(d.gmv)),
          markLine: baseGmv == null ? undefined : { silent: true, symbol: 'none', lineStyle: { type: 'dotted' },
            label: { show: false }, data: [{ yAxis: toMajor(baseGmv) }] } },
      ],
    });
  }
  return p;
}

function stockOutText(s) {
  if (!s) return dash;
  if (s.soldOut) return t('ui.stock.soldOut');
  if (!s.runsOutOn) return t('ui.stock.lasts');
  return s.beforeEnd ? t('ui.stock.beforeEnd', s.runsOutOn, s.daysShort ?? 0) : s.runsOutOn;
}

async function showEntryCheck(c) {
  const box = byId('panel-entry');
  if (c.kind !== 'platform') {
    box.replaceChildren(el('p', { class: 'muted' }, t('ui.entry.own')));
    return;
  }
  const e = await optional(`${base}/campaigns/${c.id}/entry-check?lang=${lang}`);
  if (!e) {
    box.replaceChildren(notAvailable());
    return;
  }
  const rules = e.rules ?? {};
  const ruleTexts = [
    rules.lowestPriceDays != null ? t('rule.lowestPriceDays', rules.lowestPriceDays) : null,
    rules.minSales != null ? t('rule.minSales', rules.minSales) : null,
    rules.stockCoversAllocation ? t('rule.stockCoversAllocation') : null,
    rules.minRating != null ? t('rule.minRating', rules.minRating) : null,
  ].filter(Boolean);
  box.replaceChildren(
    el('p', {}, el('span', { class: `badge ${e.passed ? 'ok' : 'bad'}`, id: 'entry-verdict' }, t(e.passed ? 'ui.entry.passed' : 'ui.entry.failed')),
      ' ', el('span', { class: 'muted' }, ruleTexts.length ? t('ui.entry.rules', e.channel ?? c.channel, ruleTexts.join('；')) : t('ui.entry.noRules'))),
    table([
      { key: 'sku', label: t('ui.col.sku'), nowrap: true },
      { key: 'title', label: t('ui.col.title'), format: (v) => v ?? dash, csv: (r) => r.title ?? '' },
      { key: 'passed', label: t('ui.entry.result'), format: (v) => el('span', { class: `badge ${v ? 'ok' : 'bad'}` }, t(v ? 'ui.entry.pass' : 'ui.entry.fail')),
        csv: (r) => t(r.passed ? 'ui.entry.pass' : 'ui.entry.fail') },
      { key: 'failures', label: t('ui.entry.why'), format: (v) => ((v ?? []).length ? el('ul', { class: 'failures' }, v.map((f) => el('li', {}, f.message ?? f.rule))) : dash),
        csv: (r) => (r.failures ?? []).map((f) => f.message ?? f.rule).join('; ') },
    ], e.products ?? [], { csvName: `${shop.code}-campaign-${c.id}-entry-check`, caption: t('ui.entry.title') }));
}

async function showResults(c) {
  const r = await api(`${base}/campaigns/${c.id}/results`);
  const k = r.totals ?? {};
  byId('panel-results').replaceChildren(
    el('div', { class: 'kpi-tiles', id: 'results-tiles' },
      tile(t('ui.figure.uv'), showCount(k.uv)), tile(t('ui.figure.impressions'), showCount(k.impressions)),
      tile(t('ui.figure.clicks'), showCount(k.clicks)), tile(t('ui.figure.ctr'), showRate(k.ctr)),
      tile(t('ui.figure.orders'), showCount(k.orders)), tile(t('ui.figure.gmv'), showMoney(k.gmv))),
    table([
      { key: 'day', label: t('ui.col.day'), nowrap: true },
      { key: 'uv', label: t('ui.figure.uv'), numeric: true, format: showCount },
      { key: 'impressions', label: t('ui.figure.impressions'), numeric: true, format: showCount },
      { key: 'clicks', label: t('ui.figure.clicks'), numeric: true, format: showCount },
      { key: 'ctr', label: t('ui.figure.ctr'), numeric: true, format: showRate, csv: (row) => row.ctr ?? '' },
      { key: 'orders', label: t('ui.figure.orders'), numeric: true, format: showCount },
      { key: 'gmv', label: t('ui.figure.gmv'), numeric: true, format: showMoney, csv: (row) => csvMoney(row.gmv) },
    ], r.days, { csvName: `${shop.code}-campaign-${c.id}-results`, caption: t('ui.results.title'), empty: t('ui.results.none') }));
  return r;
}

function showReview(c, results, progress) {
  const k = results?.totals ?? {};
  const figures = [
    [t('ui.figure.gmv'), showMoney(progress?.gmv ?? k.gmv)],
    [t('ui.figure.units'), showCount(progress?.units)],
    [t('ui.figure.attainment'), showRate(progress?.gmvAttainment ?? progress?.unitsAttainment)],
    [t('ui.figure.sellThrough'), showRate(progress?.sellThrough)],
    [t('ui.figure.orderShare'), showRate(progress?.orderShare)],
    [t('ui.figure.ctr'), showRate(progress?.ctr ?? k.ctr)],
    [t('ui.figure.orders'), showCount(progress?.orders ?? k.orders)],
  ];
  const notes = el('textarea', { id: 'review-notes', rows: 6, maxlength: 20000, readOnly: !mayEdit, 'aria-describedby': 'review-figures' });
  notes.value = c.notes ?? '';
  const message = el('p', { class: 'field-error', role: 'alert' });
  const save = el('button', { type: 'submit', id: 'review-save', hidden: !mayEdit }, t('ui.review.save'));
  const form = el('form', { id: 'review-form', class: 'review-form', onsubmit: (event) => {
    event.preventDefault();
    busy(save, async () => {
      message.textContent = '';
      try {
        const saved = await api(`${base}/campaigns/${c.id}/review`, { method: 'PUT', body: { notes: notes.value } });
        c.notes = saved.notes;
        notify(t('ui.review.saved'), 'ok');
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        message.textContent = e.status === 403 ? t('ui.forbidden') : t('ui.failed', e.message);
      }
    }).catch(showError);
  } },
  el('dl', { class: 'figures', id: 'review-figures' }, figures.map(([label, value]) => el('div', { class: 'figure' }, el('dt', {}, label), el('dd', {}, value)))),
  el('label', { for: 'review-notes' }, t('campaign.notes')), notes, message, el('div', { class: 'actions' }, save));
  byId('panel-review').replaceChildren(form);
}

async function showHistory(c) {
  const h = await api(`${base}/campaigns/${c.id}/history`);
  byId('panel-history').replaceChildren(table([
    { key: 'at', label: t('ui.col.at'), nowrap: true, format: (v) => dateTime(v), csv: (r) => r.at },
    { key: 'from', label: t('ui.col.from'), format: (v) => (v ? statusName(v) : dash), csv: (r) => (r.from ? statusName(r.from) : '') },
    { key: 'to', label: t('ui.col.to'), format: (v) => statusBadge(v), csv: (r) => statusName(r.to) },
    { key: 'by', label: t('ui.col.by') },
    { key: 'note', label: t('ui.col.note'), format: (v) => v ?? '', csv: (r) => r.note ?? '' },
  ], h.history, { csvName: `${shop.code}-campaign-${c.id}-history`, caption: t('campaign.history') }));
}

async function openCampaign(id) {
  const panel = byId('panel');
  let c;
  try {
    c = await api(`${base}/campaigns/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
      openId = null;
      remember();
      panel.hidden = true;
      notify(t('ui.panel.missing', id), 'info');
      return;
    }
    throw e;
  }
  const opening = openId !== String(c.id) || panel.hidden;
  openId = String(c.id);
  remember();
  panel.hidden = false;
  panel.dataset.campaign = c.id;
  byId('panel-title').replaceChildren(el('span', {}, c.name), ' ', statusBadge(c.status));
  byId('panel-fields').replaceChildren(fieldList(c));
  statusControls(c);
  byId('panel-products').replaceChildren(productsTable(c));
  if (opening) panel.scrollIntoView({ block: 'start' });
  const [progress, results] = await Promise.all([
    showProgress(c).catch((e) => { showError(e); return null; }),
    showResults(c).catch((e) => { showError(e); return null; }),
    showEntryCheck(c).catch(showError),
    showHistory(c).catch(showError),
  ]);
  showReview(c, results, progress);
}

// ---------------------------------------------------------------- a new campaign

let productRow = 0;

function addProductRow() {
  productRow += 1;
  const n = productRow;
  const input = (name, label, props) => el('div', { class: 'field' }, el('label', { for: `np-${name}-${n}` }, label),
    el('input', { id: `np-${name}-${n}`, name: `p-${name}`, ...props }));
  const row = el('div', { class: 'product-row' },
    input('sku', t('ui.col.sku'), { autocomplete: 'off' }),
    input('allocated', t('ui.col.allocated'), { inputmode: 'numeric' }),
    input('price', `${t('ui.col.price')} (${currency})`, { inputmode: 'decimal' }),
    el('button', { type: 'button', class: 'secondary small remove', 'aria-label': t('ui.new.removeProduct'),
      onclick: () => row.remove() }, '×'));
  byId('new-products').append(row);
}

/** Major units typed by the user as minor units; text that is not a number goes as it is, for the server to name. */
function minor(text) {
  const v = text.trim();
  if (v === '') return null;
  if (Number.isNaN(Number(v))) return v;
  return Math.round(Number(v) * 10 ** fractionDigits);
}

function whole(text) {
  const v = text.trim();
  if (v === '') return null;
  return Number.isNaN(Number(v)) ? v : Number(v);
}

const FIELDS = ['name', 'kind', 'channel', 'registrationDeadline', 'reviewOn', 'liveFrom', 'liveTo', 'goalGmv', 'goalUnits', 'products'];

function clearErrors() {
  for (const f of [...FIELDS, 'form']) byId(`err-${f}`).textContent = '';
  for (const node of byId('new-campaign').querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
}

/** The field a 400's message names ("liveTo: …", "products[0].sku …"), or 'form'. */
function fieldOf(message) {
  const m = /^([A-Za-z]+)/.exec(message || '');
  const named = m && FIELDS.find((f) => f === m[1]);
  if (named) return named;
  const mentioned = FIELDS.find((f) => f !== 'name' && new RegExp(`\\b${f}\\b`).test(message || ''));
  return mentioned || 'form';
}

function setUpNewForm() {
  byId('new-card').hidden = !mayEdit;
  if (!mayEdit) return;
  byId('goal-currency').textContent = `(${currency})`;
  byId('new-kind').replaceChildren(...['platform', 'own'].map((k) => el('option', { value: k }, kindName(k))));
  byId('new-add-product').addEventListener('click', addProductRow);
  addProductRow();
  optional(`${base}/rules`).then((r) => {
    if (r) byId('channels').replaceChildren(...r.channels.map((ch) => el('option', { value: ch.channel })));
  }).catch(() => {});
  const form = byId('new-campaign');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearErrors();
    const v = (name) => form.elements[name].value.trim();
    const products = [...byId('new-products').querySelectorAll('.product-row')].map((row) => ({
      sku: row.querySelector('[name="p-sku"]').value.trim(),
      allocated: whole(row.querySelector('[name="p-allocated"]').value),
      price: minor(row.querySelector('[name="p-price"]').value),
    })).filter((p) => p.sku || p.allocated != null || p.price != null);
    const body = { name: v('name'), kind: v('kind'), channel: v('channel'),
      registrationDeadline: v('registrationDeadline') || null, reviewOn: v('reviewOn') || null,
      liveFrom: v('liveFrom') || null, liveTo: v('liveTo') || null,
      goalGmv: minor(v('goalGmv')), goalUnits: whole(v('goalUnits')), products };
    busy(byId('new-save'), async () => {
      try {
        const c = await api(`${base}/campaigns`, { method: 'POST', body });
        form.reset();
        byId('new-products').replaceChildren();
        addProductRow();
        notify(t('ui.new.created', c.name), 'ok');
        await Promise.all([showList(), showCalendar()]);
        await openCampaign(String(c.id));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        const field = e.status === 400 ? fieldOf(e.message) : 'form';
        byId(`err-${field}`).textContent = e.status === 403 ? t('ui.forbidden') : e.message;
        const input = form.elements[field];
        if (input && input.setAttribute) {
          input.setAttribute('aria-invalid', 'true');
          input.focus();
        }
      }
    }).catch(showError);
  });
}

// ---------------------------------------------------------------- the page

if (!shop) {
  byId('calendar-card').replaceWith(el('p', { class: 'empty' }, t('ui.noShop')));
} else {
  byId('cal-prev').addEventListener('click', () => moveMonth(-1));
  byId('cal-next').addEventListener('click', () => moveMonth(1));
  byId('cal-today').addEventListener('click', () => moveMonth(0));
  byId('filter-status').addEventListener('change', (e) => { statusFilter = e.target.value; remember(); drawList(); });
  byId('panel-close').addEventListener('click', () => { openId = null; remember(); byId('panel').hidden = true; });
  setUpNewForm();
  remember();
  await Promise.all([
    showReminders().catch(showError),
    showCalendar().catch(showError),
    showList().catch(showError),
    openId ? openCampaign(openId).catch(showError) : null,
  ]);
}
