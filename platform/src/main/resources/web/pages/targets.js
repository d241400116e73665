// Sales targets: the year's target broken down to months, weeks and days by last year's sales curve, and
// each day into UV × conversion rate × AOV. Who may change targets sets the year and single months here.
import { mount, api, t, el, byId, busy, table, money, moneyMajor, number, percent, showError, notify, currentLang, draw, addDays } from '/shell/shell.js';

const context = await mount();
const { shop } = context;
const canEdit = context.can('targets.edit');
const currency = shop?.currency ?? 'CNY';
const DIGITS = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;

let report = null; // GET /api/shops/{shop}/targets?year=

const base = () => `/api/shops/${encodeURIComponent(shop.code)}/targets`;

/** Minor units from an amount typed in major units, exactly ("1,200,000.07" → 120000007); null if it is none. */
function parseMoney(text) {
  const m = /^(\d+)(?:\.(\d*))?$/.exec(String(text).replace(/[\s,¥￥$£€]/g, ''));
  if (!m) return null;
  const fraction = m[2] ?? '';
  if (fraction.length > DIGITS) return null;
  const minor = Number(m[1] + fraction.padEnd(DIGITS, '0'));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units as plain major units for an input, exactly (120000007 → "1200000.07"). */
function plainMajor(minor) {
  if (minor == null) return '';
  if (DIGITS === 0) return String(minor);
  const s = String(minor).padStart(DIGITS + 1, '0');
  return `${s.slice(0, -DIGITS)}.${s.slice(-DIGITS)}`;
}

/** Major units as a number, for the chart's axis. */
const majorNumber = (minor) => (minor == null ? null : minor / 10 ** DIGITS);

/** A percentage typed as "3.1" or "3.1%" as the fraction 0.031 (decimal, not 3.1 / 100 in binary). */
function parseRate(text) {
  const clean = String(text).replace('%', '').trim();
  if (!/^\d+(\.\d+)?$/.test(clean)) return null;
  const rate = Number(`${clean}e-2`);
  return rate >= 0.0001 && rate <= 1 ? rate : null;
}

const monthName = (year, month) => new Intl.DateTimeFormat(currentLang(), { year: 'numeric', month: 'short', timeZone: 'UTC' })
  .format(Date.UTC(year, month - 1, 1));
const weekday = (day) => new Intl.DateTimeFormat(currentLang(), { weekday: 'short', timeZone: 'UTC' })
  .format(new Date(`${day}T00:00:00Z`));
const dash = (value, format) => (value == null ? '—' : format(value));

function figure(label, value) {
  return el('div', { class: 'figure' }, el('dt', {}, label), el('dd', {}, value));
}

/** The columns UV, conversion, AOV and orders that months, weeks and days share. */
function partColumns() {
  return [
    { key: 'uv', label: t('targets.col.uv'), numeric: true, format: (v) => dash(v, number), csv: (r) => r.uv ?? '' },
    { key: 'conversionRate', label: t('targets.col.conversionRate'), numeric: true, format: (v) => dash(v, (x) => number(x, { style: 'percent', maximumFractionDigits: 2 })),
      csv: (r) => r.conversionRate ?? '' },
    { key: 'aov', label: t('targets.col.aov'), numeric: true, format: (v) => dash(v, (x) => money(x, currency)), csv: (r) => plainMajor(r.aov) },
    { key: 'orders', label: t('targets.col.orders'), numeric: true, format: (v) => dash(v, number), csv: (r) => r.orders ?? '' },
  ];
}

// ------------------------------------------------------------------ the year

function showYear() {
  const { year } = report;
  byId('year').value = year;
  byId('heading').textContent = t('targets.headingShop', shop.name, year);
  const history = report.history;
  byId('figures').replaceChildren(
    figure(t('targets.annual'), report.sales == null ? t('targets.notSet') : money(report.sales, currency)),
    figure(t('targets.lastYearSales'), report.lastYear.days ? money(report.lastYear.sales, currency) : '—'),
    figure(t('targets.col.conversionRate'), dash(report.baselines.conversionRate, (x) => number(x, { style: 'percent', maximumFractionDigits: 2 }))),
    figure(t('targets.col.aov'), dash(report.baselines.aov, (x) => money(x, currency))));
  const monthsSet = report.months.filter((m) => m.sales != null).length;
  byId('basis').textContent = [t(`targets.basis.${report.basis}`),
    report.basis === 'last-year' ? t('targets.historyDays', number(report.lastYear.days)) : null,
    monthsSet > 0 && monthsSet < 12 ? t('targets.incomplete', monthsSet) : null].filter(Boolean).join(' ');
  byId('baselines').textContent = report.baselines.conversionRate == null || report.baselines.aov == null
    ? t('targets.baselinesUnknown') : '';

  byId('set-year').hidden = !canEdit;
  byId('read-only').hidden = canEdit;
  if (canEdit) {
    byId('sales-label').textContent = t('targets.annualSales', currency);
    byId('aov-label').textContent = t('targets.aovIn', currency);
    byId('sales').value = plainMajor(report.sales);
    const planned = report.sales != null;
    byId('rate').value = planned && report.baselines.conversionRate != null ? String(+(report.baselines.conversionRate * 100).toFixed(4)) : '';
    byId('aov').value = planned ? plainMajor(report.baselines.aov) : '';
    byId('rate').placeholder = history.conversionRate == null ? '' : String(+(history.conversionRate * 100).toFixed(2));
    byId('aov').placeholder = plainMajor(history.aov);
    byId('history-note').textContent = t('targets.fromHistory',
      history.conversionRate == null ? t('targets.unknown') : percent(history.conversionRate),
      history.aov == null ? t('targets.unknown') : money(history.aov, currency));
  }
}

async function saveYear(event) {
  event.preventDefault();
  const sales = parseMoney(byId('sales').value);
  if (sales == null) {
    notify(t('targets.invalidMoney', DIGITS), 'error');
    byId('sales').focus();
    return;
  }
  const body = { sales };
  if (byId('rate').value.trim()) {
    const rate = parseRate(byId('rate').value);
    if (rate == null) {
      notify(t('targets.invalidRate'), 'error');
      byId('rate').focus();
      return;
    }
    body.conversionRate = rate;
  }
  if (byId('aov').value.trim()) {
    const aov = parseMoney(byId('aov').value);
    if (!aov) {
      notify(t('targets.invalidMoney', DIGITS), 'error');
      byId('aov').focus();
      return;
    }
    body.aov = aov;
  }
  await busy(byId('save-year'), async () => {
    try {
      report = await api(`${base()}/${report.year}`, { method: 'PUT', body });
      render();
      notify(t('targets.saved'), 'ok');
    } catch (error) {
      showError(error);
    }
  });
}

// ------------------------------------------------------------------ months

function monthCell(row) {
  const label = monthName(report.year, row.month);
  if (!canEdit) return dash(row.sales, (v) => money(v, currency));
  const input = el('input', { type: 'text', inputmode: 'decimal', autocomplete: 'off', size: 12, maxlength: 24,
    value: plainMajor(row.sales), 'aria-label': t('targets.editMonth', label) });
  const button = el('button', { type: 'submit', class: 'secondary small' }, t('common.save'));
  return el('form', { class: 'actions', onsubmit: async (event) => {
    event.preventDefault();
    const sales = parseMoney(input.value);
    if (sales == null) {
      notify(t('targets.invalidMoney', DIGITS), 'error');
      input.focus();
      return;
    }
    await busy(button, async () => {
      try {
        report = await api(`${base()}/${report.year}/${row.month}`, { method: 'PUT', body: { sales } });
        render();
        notify(t('targets.monthSaved', label, report.sales == null ? t('targets.notSet') : money(report.sales, currency)), 'ok');
      } catch (error) {
        showError(error);
      }
    });
  } }, input, button);
}

function showMonths() {
  byId('months').replaceChildren(table([
    { key: 'month', label: t('targets.col.month'), nowrap: true, format: (v) => monthName(report.year, v), csv: (r) => r.from.slice(0, 7) },
    { key: 'sales', label: t('targets.col.sales'), numeric: !canEdit, format: (v, r) => monthCell(r), csv: (r) => plainMajor(r.sales) },
    ...partColumns(),
    { key: 'edited', label: t('targets.col.edited'), format: (v) => (v ? el('span', { class: 'badge' }, t('targets.edited')) : ''),
      csv: (r) => (r.edited ? 'true' : '') },
  ], report.months, { csvName: `${shop.code}-targets-${report.year}-months`, caption: t('targets.months') }));
}

// ------------------------------------------------------------------ chart, days, weeks

async function showChart() {
  const host = byId('chart');
  const byDay = new Map(report.days.map((d) => [d.day, d.sales]));
  const lastYear = new Map(report.lastYear.daily.map((d) => [d.day, d.sales]));
  const days = [];
  for (let d = `${report.year}-01-01`; d.startsWith(String(report.year)); d = addDays(d, 1)) days.push(d);
  // Last year's same date; 29 February follows 28 February, as the breakdown does.
  const before = (day) => lastYear.get(day.endsWith('-02-29') ? `${report.year - 1}-02-28` : `${report.year - 1}${day.slice(4)}`);
  const empty = byDay.size === 0 && lastYear.size === 0;
  host.hidden = empty;
  byId('no-chart').hidden = !empty;
  if (empty) return;
  host.setAttribute('aria-label', t('targets.chartLabel', report.year));
  const valueFormatter = (v) => (v == null ? '—' : moneyMajor(v, currency));
  await draw(host, {
    color: ['#1f3a5f', '#e8590c'],
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 8, bottom: 40, top: 36, containLabel: true },
    dataZoom: [{ type: 'inside' }, { type: 'slider', height: 18, bottom: 6 }],
    xAxis: { type: 'category', data: days.map((d) => d.slice(5)) },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => number(v, { notation: 'compact' }) } },
    series: [
      { name: t('targets.series.target'), type: 'bar', data: days.map((d) => majorNumber(byDay.get(d))), tooltip: { valueFormatter } },
      { name: t('targets.series.lastYear'), type: 'line', showSymbol: false, data: days.map((d) => majorNumber(before(d))),
        tooltip: { valueFormatter } },
    ],
  });
}

function showDays() {
  const month = Number(byId('month').value);
  const prefix = `${report.year}-${String(month).padStart(2, '0')}`;
  const rows = report.days.filter((d) => d.day.startsWith(prefix));
  byId('days').replaceChildren(table([
    { key: 'day', label: t('targets.col.day'), nowrap: true },
    { key: 'weekday', label: t('targets.col.weekday'), value: (r) => weekday(r.day), nowrap: true },
    { key: 'sales', label: t('targets.col.sales'), numeric: true, format: (v) => money(v, currency), csv: (r) => plainMajor(r.sales) },
    ...partColumns(),
  ], rows, { csvName: `${shop.code}-targets-${prefix}`, caption: t('targets.days'), empty: t('targets.noDays') }));
  byId('csv').href = `${base()}.csv?year=${report.year}`;
}

function showWeeks() {
  byId('weeks').replaceChildren(table([
    { key: 'week', label: t('targets.col.week'), nowrap: true },
    { key: 'from', label: t('targets.col.from'), nowrap: true },
    { key: 'to', label: t('targets.col.to'), nowrap: true },
    { key: 'sales', label: t('targets.col.sales'), numeric: true, format: (v) => money(v, currency), csv: (r) => plainMajor(r.sales) },
    ...partColumns(),
  ], report.weeks, { csvName: `${shop.code}-targets-${report.year}-weeks`, caption: t('targets.weeks'), empty: t('targets.noDays') }));
}

function render() {
  showYear();
  showMonths();
  showDays();
  showWeeks();
  showChart().catch(showError);
}

async function load(year) {
  report = await api(year ? `${base()}?year=${encodeURIComponent(year)}` : base());
  const url = new URL(location.href);
  url.searchParams.set('year', report.year);
  history.replaceState(history.state, '', url);
  const select = byId('month');
  const keep = Number(select.value) || (report.year === new Date().getFullYear() ? new Date().getMonth() + 1 : 1);
  select.replaceChildren(...Array.from({ length: 12 }, (_, i) => el('option', { value: i + 1, selected: i + 1 === keep },
    monthName(report.year, i + 1))));
  render();
}

if (!shop) {
  byId('main').append(el('p', { class: 'empty' }, t('home.noShop')));
  for (const section of document.querySelectorAll('main > section')) section.hidden = true;
} else {
  byId('set-year').addEventListener('submit', saveYear);
  byId('month').addEventListener('change', showDays);
  byId('year').addEventListener('change', () => {
    const year = Number(byId('year').value);
    if (Number.isInteger(year) && year >= 2000 && year <= 2100) load(year).catch(showError);
  });
  byId('prev-year').addEventListener('click', () => load(Math.max(2000, report.year - 1)).catch(showError));
  byId('next-year').addEventListener('click', () => load(Math.min(2100, report.year + 1)).catch(showError));
  await load(new URLSearchParams(location.search).get('year')).catch(showError);
}
