// Members (会员运营): customer figures for a range, the R×F grid with the segments and their movement, the
// cohort retention heat map, one customer's panel, the audience builder and the actions with their
// measured uplift against a holdout. Every chart has its table, lists export CSV. Data from the server
// only ever goes in as text (el(), textContent).
import { mount, api, ApiError, currentLang, t, tOr, el, byId, busy, table, checkboxes, checkedValues, money, major,
  number, percent, dateTime, notify, showError, draw, addDays } from '/shell/shell.js';

const { shop, can } = await mount({ bundle: 'members' });
const base = shop && `/api/shops/${encodeURIComponent(shop.code)}/p/members`;
const currency = shop ? shop.currency : 'CNY';
const mayEdit = can('members.edit');
const seesContacts = can('members.contacts');
/** The shop's publishing channels that are set up, for sending offers (loaded with the actions). */
let channels = [];
const lang = encodeURIComponent(currentLang());

const OFFERS = ['first-order-coupon', 'member-price', 'win-back-coupon'];
const dash = '—';
const fractionDigits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;

const showMoney = (v) => (v == null ? dash : money(Math.round(v), currency));
const csvMoney = (v) => (v == null ? '' : major(Math.round(v), currency));
const showCount = (v) => (v == null ? dash : number(v));
const showRate = (v) => (v == null ? dash : percent(v));
const showDecimal = (v, digits = 1) => (v == null ? dash : number(v, { maximumFractionDigits: digits }));
const segmentName = (id) => (id ? tOr(`segment.${id}`, id) : dash); // the names the briefing uses too
const offerName = (id) => (id ? tOr(`ui.offer.${id}`, id) : dash);
const statusName = (s) => tOr(`ui.status.${s}`, s);

function tile(label, value, props = {}, ...extra) {
  return el('div', { class: 'kpi', ...props }, el('div', { class: 'kpi-label' }, label), el('div', { class: 'kpi-value' }, value), ...extra);
}

/** A comma-separated list typed by the user (either comma, Chinese or Latin), without blanks. */
function listOf(text) {
  return text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

// ---------------------------------------------------------------- state

const params = new URLSearchParams(location.search);
const valid = (day) => (/^\d{4}-\d{2}-\d{2}$/.test(day || '') ? day : '');
const state = {
  date: valid(params.get('date')),
  from: valid(params.get('from')),
  to: valid(params.get('to')),
  customer: params.get('customer') || '',
  action: /^[\w-]+$/.test(params.get('action') || '') ? params.get('action') : '',
};
// A chosen day without a range shows the 30 days up to it, as the server does up to yesterday.
if (state.date && !state.to) state.to = state.date;
if (state.to && !state.from) state.from = addDays(state.to, -29);

let rfm = null;
let settings = null;

function remember() {
  const url = new URL(location.href);
  for (const key of ['date', 'from', 'to', 'customer', 'action']) {
    if (state[key]) url.searchParams.set(key, state[key]);
    else url.searchParams.delete(key);
  }
  history.replaceState(history.state, '', url);
}

/** The RFM day the page shows: the one asked for, else the one the server answered. */
const rfmDay = () => state.date || rfm?.date || '';

function customerButton(externalId) {
  return el('button', { type: 'button', class: 'link customer-link', dataset: { customer: externalId },
    onclick: () => openCustomer(externalId).catch(showError) }, externalId);
}

// ---------------------------------------------------------------- summary

async function showSummary() {
  const s = await api(`${base}/summary${query({ from: state.from, to: state.to })}`);
  byId('from').value = s.from;
  byId('to').value = s.to;
  byId('summary-range').textContent = t('ui.range.shown', s.from, s.to);
  byId('summary-tiles').replaceChildren(
    tile(t('ui.figure.customers'), showCount(s.customers), { id: 'tile-customers', dataset: { value: s.customers } }),
    tile(t('ui.figure.newReturning'), `${showCount(s.newCustomers)} / ${showCount(s.returningCustomers)}`, { id: 'tile-new' },
      el('div', { class: 'muted' }, t('ui.figure.newReturningHelp'))),
    tile(t('ui.figure.repeatRate'), showRate(s.repeatRate), { id: 'tile-repeat' },
      el('div', { class: 'muted' }, t('ui.figure.repeatRateHelp'))),
    tile(t('ui.figure.purchaseFrequency'), showDecimal(s.purchaseFrequency, 2), { id: 'tile-frequency' },
      el('div', { class: 'muted' }, t('ui.figure.purchaseFrequencyHelp'))),
    tile(t('ui.figure.avgDaysBetweenOrders'), s.avgDaysBetweenOrders == null ? dash : t('ui.days', showDecimal(s.avgDaysBetweenOrders)), { id: 'tile-days' }),
    tile(t('ui.figure.revenuePerCustomer'), showMoney(s.revenuePerCustomer), { id: 'tile-rpc' }),
    tile(t('ui.figure.orders'), showCount(s.orders)),
    tile(t('ui.figure.revenue'), showMoney(s.revenue)));
  const note = byId('guest-note');
  note.dataset.guestOrders = s.guestOrders;
  note.textContent = t('ui.summary.guests', showCount(s.guestOrders), showMoney(s.guestRevenue));
  return s;
}

// ---------------------------------------------------------------- R×F grid, segments, movement

function heat(share) {
  // White to the brand blue; the text turns white on the darkest cells so it stays readable.
  const light = Math.round(97 - share * 55);
  return `background: hsl(213, 55%, ${light}%); color: ${light < 62 ? '#fff' : 'var(--ink)'};`;
}

function drawGrid(r) {
  const cells = new Map(r.grid.map((c) => [`${c.r}-${c.f}`, c]));
  const max = Math.max(1, ...r.grid.map((c) => c.customers));
  const head = el('tr', {}, el('th', { scope: 'col', class: 'corner' }, t('ui.rfm.rf')),
    [1, 2, 3, 4, 5].map((f) => el('th', { scope: 'col' }, `F${f}`)));
  // Recent customers (R 5) on top, as one reads the grid from the best corner.
  const rows = [5, 4, 3, 2, 1].map((rr) => el('tr', {}, el('th', { scope: 'row' }, `R${rr}`), [1, 2, 3, 4, 5].map((f) => {
    const c = cells.get(`${rr}-${f}`) ?? { r: rr, f, customers: 0, revenue: 0, segment: null };
    const label = t('ui.rfm.cell', rr, f, segmentName(c.segment), showCount(c.customers), showMoney(c.revenue));
    return el('td', {}, el('button', { type: 'button', class: 'rf-cell', style: heat(c.customers / max), title: label, 'aria-label': label,
      dataset: { r: rr, f, customers: c.customers, segment: c.segment ?? '' },
      onclick: () => listCustomers({ r: rr, f }, t('ui.list.cell', rr, f, segmentName(c.segment))).catch(showError) },
    el('span', { class: 'rf-count' }, showCount(c.customers)), el('span', { class: 'rf-seg' }, segmentName(c.segment))));
  })));
  byId('rfm-grid').replaceChildren(el('table', { class: 'rf-grid', id: 'rf-grid' },
    el('caption', { class: 'visually-hidden' }, t('ui.rfm.title')), el('thead', {}, head), el('tbody', {}, rows)),
  el('p', { class: 'muted axis-note' }, t('ui.rfm.axes')));
  const all = byId('rfm-csv');
  all.href = `${base}/rfm/customers${query({ date: r.date, format: 'csv' })}`;
  all.setAttribute('download', `${shop.code}-members-rfm-${r.date}.csv`);
}

function drawSegments(r) {
  byId('rfm-segments').replaceChildren(table([
    { key: 'name', label: t('ui.col.segment'), format: (v) => el('button', { type: 'button', class: 'link segment-link', dataset: { segment: v },
      onclick: () => listCustomers({ segment: v }, segmentName(v)).catch(showError) }, segmentName(v)), csv: (row) => segmentName(row.name) },
    { key: 'customers', label: t('ui.col.customers'), numeric: true, format: showCount },
    { key: 'share', label: t('ui.col.share'), numeric: true, value: (row) => (r.customers ? row.customers / r.customers : null), format: showRate,
      csv: (row) => (r.customers ? (row.customers / r.customers).toFixed(4) : '') },
    { key: 'revenue', label: t('ui.col.revenue'), numeric: true, format: showMoney, csv: (row) => csvMoney(row.revenue) },
    { key: 'offer', label: t('ui.col.offer'), format: offerName },
    { key: 'action', label: t('ui.col.action'), format: (v) => v ?? dash, csv: (row) => row.action ?? '' },
  ], r.segments, { csvName: `${shop.code}-members-segments-${r.date}`, caption: t('ui.segments.title') }));
}

async function showRfm() {
  rfm = await api(`${base}/rfm${query({ date: state.date, lang })}`);
  byId('date').value = rfm.date;
  byId('rfm-date').textContent = t('ui.rfm.asOf', rfm.date, showCount(rfm.customers));
  const box = byId('rfm-card');
  box.dataset.customers = rfm.customers;
  drawGrid(rfm);
  drawSegments(rfm);
  return rfm;
}

let listSeq = 0;

/** The customers of a grid cell or a segment, at most 200 on screen; the CSV link has them all. */
async function listCustomers(filter, title) {
  const seq = ++listSeq;
  const day = rfmDay();
  const l = await api(`${base}/rfm/customers${query({ date: day, ...filter, limit: 200 })}`);
  if (seq !== listSeq) return;
  const box = byId('rfm-list-box');
  box.hidden = false;
  box.dataset.filter = JSON.stringify(filter);
  box.dataset.total = l.total;
  byId('rfm-list-title').replaceChildren(el('span', {}, title), ' ',
    el('span', { class: 'muted' }, l.total > l.customers.length ? t('ui.list.some', l.customers.length, l.total) : t('ui.list.all', l.total)));
  const csv = byId('rfm-list-csv');
  csv.href = `${base}/rfm/customers${query({ date: l.date ?? day, ...filter, format: 'csv' })}`;
  csv.setAttribute('download', `${shop.code}-members-${Object.values(filter).join('-')}-${l.date ?? day}.csv`);
  byId('rfm-list').replaceChildren(customersTable(l.customers, `${shop.code}-members-list`));
  box.scrollIntoView({ block: 'nearest' });
}

function customersTable(rows, csvName) {
  return table([
    { key: 'externalId', label: t('ui.col.customer'), format: (v) => customerButton(v), csv: (row) => row.externalId },
    { key: 'segment', label: t('ui.col.segment'), format: segmentName },
    { key: 'tier', label: t('ui.col.tier'), format: (v) => v ?? dash, csv: (row) => row.tier ?? '' },
    { key: 'recencyDays', label: t('ui.col.recencyDays'), numeric: true, format: showCount },
    { key: 'frequency', label: t('ui.col.frequency'), numeric: true, format: showCount },
    { key: 'monetary', label: t('ui.col.monetary'), numeric: true, format: showMoney, csv: (row) => csvMoney(row.monetary) },
    { key: 'rfm', label: 'R·F·M', nowrap: true, value: (row) => `${row.r}·${row.f}·${row.m}` },
  ], rows, { csvName, caption: t('ui.list.title'), empty: t('ui.list.none') });
}

async function showMovement() {
  const m = await api(`${base}/rfm/movement${query({ date: rfmDay() })}`);
  const box = byId('movement');
  box.dataset.since = m.since ?? '';
  if (!m.since) {
    box.replaceChildren(el('p', { class: 'muted', id: 'movement-none' }, t(mayEdit ? 'ui.movement.noneEditor' : 'ui.movement.none')));
  } else {
    const moved = m.moves.filter((x) => x.from !== x.to);
    box.replaceChildren(
      el('p', {}, t('ui.movement.since', m.since, m.date ?? rfmDay()), ' ',
        el('span', { class: `badge ${m.slipped ? 'bad' : 'ok'}`, id: 'slipped' }, t('ui.movement.slipped', showCount(m.slipped ?? 0)))),
      table([
        { key: 'from', label: t('ui.col.from'), format: segmentName },
        { key: 'to', label: t('ui.col.to'), format: segmentName },
        { key: 'customers', label: t('ui.col.customers'), numeric: true, format: showCount },
      ], [...moved].sort((a, b) => b.customers - a.customers), { csvName: `${shop.code}-members-movement-${m.since}-${m.date ?? rfmDay()}`,
        caption: t('ui.movement.title'), empty: t('ui.movement.still') }));
  }
  if (rfm?.snapshot) box.append(el('p', { class: 'muted', id: 'last-snapshot' }, t('ui.movement.last', rfm.snapshot)));
  const snap = byId('snapshot');
  snap.hidden = !mayEdit;
  return m;
}

function setUpSnapshot() {
  const snap = byId('snapshot');
  snap.addEventListener('click', () => busy(snap, async () => {
    try {
      const s = await api(`${base}/rfm/snapshots${query({ date: rfmDay() })}`, { method: 'POST' });
      notify(t('ui.movement.taken', s.date, showCount(s.customers)), 'ok');
      await showMovement();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      notify(e.status === 403 ? t('ui.forbidden') : t('ui.failed', e.message), 'error');
    }
  }).catch(showError));
}

// ---------------------------------------------------------------- cohorts

async function showCohorts() {
  // Up to the chosen day: the shop's yesterday may be past the last day with data (or in another time zone).
  const c = await api(`${base}/cohorts${query({ to: state.date })}`);
  byId('cohorts-range').textContent = t('ui.range.shown', c.from, c.to);
  const csv = byId('cohorts-csv');
  csv.href = `${base}/cohorts${query({ from: c.from, to: c.to, format: 'csv' })}`;
  csv.setAttribute('download', `${shop.code}-members-cohorts-${c.from}-${c.to}.csv`);
  const span = Math.max(0, ...c.cohorts.flatMap((k) => k.months.map((m) => m.offset)));
  const offsets = Array.from({ length: span + 1 }, (_, i) => i);
  const byOffset = (k, o) => k.months.find((m) => m.offset === o);

  byId('cohort-table').replaceChildren(table([
    { key: 'cohort', label: t('ui.col.cohort'), nowrap: true },
    { key: 'customers', label: t('ui.col.customers'), numeric: true, format: showCount },
    ...offsets.map((o) => ({ key: `m${o}`, label: t('ui.cohorts.offset', o), numeric: true,
      value: (k) => byOffset(k, o)?.retention ?? null, format: (v) => showRate(v), csv: (k) => byOffset(k, o)?.retention ?? '' })),
  ], c.cohorts, { csvName: `${shop.code}-members-cohorts-${c.from}-${c.to}`, caption: t('ui.cohorts.title'), empty: t('ui.cohorts.none') }));

  const host = byId('cohort-chart');
  host.hidden = c.cohorts.length === 0;
  if (!c.cohorts.length) return c;
  const data = [];
  c.cohorts.forEach((k, y) => k.months.forEach((m) => {
    if (m.retention != null) data.push([m.offset, y, Math.round(m.retention * 1000) / 10]);
  }));
  // The first month is everyone; the scale is set by the later months so that their differences show.
  const later = data.filter((d) => d[0] > 0).map((d) => d[2]);
  const top = Math.max(1, ...later);
  const roomy = host.clientWidth > 560;
  await draw(host, {
    grid: { left: 8, right: 8, top: 8, bottom: 40, containLabel: true },
    tooltip: { formatter: (p) => {
      const k = c.cohorts[p.value[1]];
      const m = byOffset(k, p.value[0]);
      return el('div', { class: 'chart-tip' }, el('strong', {}, `${k.cohort} · ${t('ui.cohorts.offset', p.value[0])}`), el('br'),
        t('ui.cohorts.tip', showRate(m?.retention), showCount(m?.customers), showCount(k.customers), showMoney(m?.revenue)));
    } },
    xAxis: { type: 'category', data: offsets.map((o) => t('ui.cohorts.offset', o)), name: t('ui.cohorts.xAxis'), nameLocation: 'middle', nameGap: 26,
      splitArea: { show: true } },
    yAxis: { type: 'category', data: c.cohorts.map((k) => k.cohort), inverse: true, splitArea: { show: true } },
    visualMap: { min: 0, max: top, show: false, inRange: { color: ['#f1f5fb', '#1f3a5f'] } },
    series: [{ type: 'heatmap', name: t('ui.cohorts.title'), data, label: { show: roomy, formatter: (p) => `${p.value[2]}%`, fontSize: 10 } }],
  });
  return c;
}

// ---------------------------------------------------------------- the customer panel

function contactBlock(contact) {
  if (!contact) return el('p', { class: 'muted', id: 'contact-none' }, t('ui.customer.noContact'));
  const row = (key, value) => el('div', { class: 'figure' }, el('dt', {}, t(`ui.customer.${key}`)), el('dd', { id: `contact-${key}` }, value || dash));
  return el('div', {},
    el('dl', { class: 'figures contact' }, row('name', contact.name), row('phone', contact.phone), row('email', contact.email)),
    contact.masked ?? !seesContacts ? el('p', { class: 'muted', id: 'contact-masked' }, t('ui.customer.masked')) : null);
}

function tagChips(tags) {
  return tags.length === 0 ? el('span', { class: 'muted' }, t('ui.customer.noTags'))
    : el('ul', { class: 'tags', id: 'tag-list' }, tags.map((tag) => el('li', { class: 'tag', dataset: { tag } }, tag)));
}

function tagEditor(c) {
  const box = byId('customer-tags');
  if (!mayEdit) {
    box.replaceChildren(tagChips(c.tags));
    return;
  }
  const input = el('input', { id: 'tags-input', autocomplete: 'off', value: c.tags.join(', '), 'aria-describedby': 'tags-help' });
  const message = el('p', { class: 'field-error', role: 'alert', id: 'tags-error' });
  const save = el('button', { type: 'submit', id: 'tags-save' }, t('common.save'));
  box.replaceChildren(tagChips(c.tags), el('form', { id: 'tags-form', class: 'row tags-form', onsubmit: (event) => {
    event.preventDefault();
    busy(save, async () => {
      message.textContent = '';
      try {
        const saved = await api(`${base}/customers/${encodeURIComponent(c.externalId)}/tags`, { method: 'PUT', body: { tags: listOf(input.value) } });
        notify(t('ui.customer.tagsSaved', saved.externalId), 'ok');
        showCustomer(saved);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        message.textContent = e.status === 403 ? t('ui.forbidden') : t('ui.failed', e.message);
      }
    }).catch(showError);
  } },
  el('div', { class: 'field grow' }, el('label', { for: 'tags-input' }, t('ui.customer.editTags')), input,
    el('small', { class: 'muted', id: 'tags-help' }, t('ui.builder.listHint'))), save), message);
}

function showCustomer(c) {
  const box = byId('customer');
  box.hidden = false;
  box.dataset.customer = c.externalId;
  byId('customer-note').textContent = '';
  byId('customer-name').textContent = c.contact?.name ? `${c.contact.name} · ${c.externalId}` : c.externalId;
  byId('customer-tiles').replaceChildren(
    tile(t('ui.col.tier'), c.tier ?? dash, { id: 'customer-tier' },
      c.discountPercent ? el('div', { class: 'muted' }, t('ui.customer.discount', number(c.discountPercent))) : null),
    tile(t('ui.customer.points'), showCount(c.points), { id: 'customer-points' }),
    tile(t('ui.col.segment'), segmentName(c.segment), { id: 'customer-segment' },
      c.r == null ? null : el('div', { class: 'muted' }, `R${c.r} · F${c.f} · M${c.m}`)),
    tile(t('ui.figure.orders'), showCount(c.orders)),
    tile(t('ui.customer.spent'), showMoney(c.spent)),
    tile(t('ui.customer.spent12m'), showMoney(c.spent12m)),
    tile(t('ui.customer.firstOrder'), c.firstOrder ?? dash),
    tile(t('ui.customer.lastOrder'), c.lastOrder ?? dash));
  byId('customer-contact').replaceChildren(contactBlock(c.contact));
  tagEditor(c);
  byId('customer-history').replaceChildren(table([
    { key: 'day', label: t('ui.col.day'), nowrap: true },
    { key: 'externalId', label: t('ui.col.order'), nowrap: true },
    { key: 'status', label: t('ui.col.status'), format: (v) => v ?? dash, csv: (row) => row.status ?? '' },
    { key: 'amount', label: t('ui.col.amount'), numeric: true, format: showMoney, csv: (row) => csvMoney(row.amount) },
    { key: 'source', label: t('ui.col.source'), format: (v) => v ?? dash, csv: (row) => row.source ?? '' },
  ], c.history ?? [], { csvName: `${shop.code}-members-customer-${c.externalId}`, caption: t('ui.customer.history') }));
}

async function openCustomer(externalId) {
  const id = externalId.trim();
  if (!id) return;
  byId('customer-id').value = id;
  try {
    const c = await api(`${base}/customers/${encodeURIComponent(id)}`);
    state.customer = c.externalId;
    remember();
    showCustomer(c);
    byId('customer-card').scrollIntoView({ block: 'start' });
  } catch (e) {
    if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 400)) throw e;
    state.customer = '';
    remember();
    byId('customer').hidden = true;
    byId('customer-note').textContent = t('ui.customer.unknown', id);
  }
}

// ---------------------------------------------------------------- the audience builder

let previewSeq = 0;
let previewTimer = null;

function audienceBody() {
  const form = byId('builder');
  const v = (name) => form.elements[name].value.trim();
  return { segments: checkedValues(form, 'segment'), tiers: checkedValues(form, 'tier'), tags: listOf(v('tags')),
    lastOrderFrom: v('lastOrderFrom') || null, lastOrderTo: v('lastOrderTo') || null, categories: listOf(v('categories')),
    date: rfmDay() || null };
}

async function preview() {
  const seq = ++previewSeq;
  const error = byId('audience-error');
  const tiles = byId('audience-tiles');
  tiles.setAttribute('aria-busy', 'true');
  try {
    const p = await api(`${base}/audiences/preview`, { method: 'POST', body: audienceBody() });
    if (seq !== previewSeq) return;
    error.textContent = '';
    tiles.replaceChildren(
      tile(t('ui.builder.count'), showCount(p.customers), { id: 'audience-count', dataset: { customers: p.customers } }),
      tile(t('ui.builder.revenue'), showMoney(p.revenue), { id: 'audience-revenue', dataset: { revenue: p.revenue } }));
    byId('audience-sample').replaceChildren(customersTable(p.sample ?? [], `${shop.code}-members-audience-sample`));
  } catch (e) {
    if (seq !== previewSeq) return;
    if (!(e instanceof ApiError)) throw e;
    tiles.replaceChildren();
    error.textContent = t('ui.failed', e.message);
  } finally {
    if (seq === previewSeq) tiles.removeAttribute('aria-busy');
  }
}

function schedulePreview() {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => preview().catch(showError), 250);
}

/** The holdout share typed in percent as a fraction; text that is not a number goes as it is, for the server to name. */
function holdoutShare(text) {
  const v = text.trim().replace('%', '');
  if (v === '') return undefined;
  return Number.isNaN(Number(v)) ? v : Number(v) / 100;
}

/** The tags in use, as buttons that add themselves to the builder's tag field. */
async function showKnownTags() {
  const k = await api(`${base}/tags`);
  const input = byId('b-tags');
  byId('known-tags').replaceChildren(...(k.tags.length ? [el('span', { class: 'muted' }, t('ui.builder.knownTags')), ' ',
    ...k.tags.map((x) => el('button', { type: 'button', class: 'secondary small tag-pick', dataset: { tag: x.tag }, onclick: () => {
      const now = listOf(input.value);
      if (!now.includes(x.tag)) input.value = [...now, x.tag].join(', ');
      schedulePreview();
    } }, `${x.tag} (${number(x.customers)})`))] : []));
}

function fillBuilder() {
  const segOptions = rfm.segments.map((s) => ({ value: s.name, label: `${segmentName(s.name)} (${number(s.customers)})` }));
  byId('builder-segments').replaceChildren(checkboxes(t('ui.builder.segments'), 'segment', segOptions));
  const tiers = settings?.tiers ?? [];
  byId('builder-tiers').replaceChildren(tiers.length ? checkboxes(t('ui.builder.tiers'), 'tier', tiers.map((x) => ({ value: x.name, label: x.name }))) : '');
  if (settings?.holdoutShare != null && !byId('b-holdout').value) byId('b-holdout').value = String(Math.round(settings.holdoutShare * 1000) / 10);
}

function setUpBuilder() {
  byId('builder-card').hidden = !mayEdit;
  if (!mayEdit) return;
  byId('b-offer').replaceChildren(...OFFERS.map((o) => el('option', { value: o }, offerName(o))));
  showKnownTags().catch(showError);
  byId('b-holdout').setAttribute('aria-describedby', 'holdout-help');
  byId('b-holdout').after(el('small', { class: 'muted', id: 'holdout-help' }, t('ui.builder.holdoutHelp')));
  const form = byId('builder');
  form.addEventListener('input', schedulePreview);
  form.addEventListener('change', (event) => {
    // The offer follows the segment just ticked: what that segment's customers are suggested.
    if (event.target.name === 'segment' && event.target.checked) {
      const s = rfm?.segments.find((x) => x.name === event.target.value);
      if (s?.offer && OFFERS.includes(s.offer)) byId('b-offer').value = s.offer;
    }
    schedulePreview();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const error = byId('builder-error');
    error.textContent = '';
    const v = (name) => form.elements[name].value.trim();
    if (!v('name')) {
      error.textContent = t('ui.builder.nameNeeded');
      form.elements.name.focus();
      return;
    }
    if (!v('offerText')) {
      error.textContent = t('ui.builder.offerTextNeeded');
      form.elements.offerText.focus();
      return;
    }
    const body = { name: v('name'), offer: v('offer'), offerText: v('offerText'), audience: audienceBody() };
    const share = holdoutShare(v('holdout'));
    if (share !== undefined) body.holdoutShare = share;
    busy(byId('create-action'), async () => {
      try {
        const a = await api(`${base}/actions`, { method: 'POST', body });
        notify(t('ui.builder.created', a.name, showCount(a.treated), showCount(a.holdout)), 'ok');
        form.elements.name.value = '';
        form.elements.offerText.value = '';
        await showActions();
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        error.textContent = e.status === 403 ? t('ui.forbidden') : t('ui.failed', e.message);
      }
    }).catch(showError);
  });
}

// ---------------------------------------------------------------- actions and their results

function statusBadge(status) {
  return el('span', { class: `badge st-${status}`, dataset: { status } }, statusName(status));
}

function actionButtons(a) {
  const cell = el('div', { class: 'actions action-buttons', dataset: { action: a.id } });
  if (mayEdit && a.status === 'draft') {
    cell.append(el('button', { type: 'button', class: 'small mark-sent', dataset: { action: a.id },
      onclick: (event) => busy(event.currentTarget, async () => {
        try {
          await api(`${base}/actions/${encodeURIComponent(a.id)}/sent`, { method: 'POST', body: {} });
          notify(t('ui.actions.markedSent', a.name), 'ok');
          await showActions();
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          notify(e.status === 403 ? t('ui.forbidden') : t('ui.failed', e.message), 'error');
        }
      }).catch(showError) }, t('ui.actions.markSent')));
  }
  // The export is the list to send the offer to: the server gives it to editors only.
  if (mayEdit) cell.append(el('a', { class: 'button-link small export', href: `${base}/actions/${encodeURIComponent(a.id)}/export`,
    download: `${shop.code}-members-action-${a.id}.csv` }, t('ui.actions.export')));
  // Sending through a channel hands it whole phone numbers: editors who may see them, channels set up.
  if (mayEdit && seesContacts && channels.length) {
    const pick = el('select', { class: 'send-channel', 'aria-label': t('ui.actions.channel') },
      ...channels.map((c) => el('option', { value: c.id }, c.id)));
    cell.append(pick, el('button', { type: 'button', class: 'small send-offer', dataset: { action: a.id },
      onclick: (event) => busy(event.currentTarget, async () => {
        try {
          const r = await api(`${base}/actions/${encodeURIComponent(a.id)}/send`, { method: 'POST', body: { channel: pick.value } });
          notify(t('ui.actions.sentThrough', a.name, pick.value, number(r.recipients)), 'ok');
          await showActions();
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          notify(t('ui.actions.sendFailed', pick.value, e.message), 'error');
        }
      }).catch(showError) }, t('ui.actions.send')));
  }
  if (a.status !== 'draft') {
    cell.append(el('button', { type: 'button', class: 'secondary small show-results', dataset: { action: a.id },
      onclick: () => showResults(a.id).catch(showError) }, t('ui.actions.results')));
  }
  return cell;
}

async function showActions() {
  if (mayEdit && seesContacts) {
    channels = (await api(`/api/shops/${encodeURIComponent(shop.code)}/channels`)).channels.filter((c) => c.configured);
  }
  const l = await api(`${base}/actions`);
  const csv = byId('actions-csv');
  csv.href = `${base}/actions?format=csv`;
  csv.setAttribute('download', `${shop.code}-members-actions.csv`);
  byId('actions').replaceChildren(table([
    { key: 'name', label: t('ui.col.name'), format: (v, a) => el('span', { class: 'action-name', dataset: { action: a.id } }, v) },
    { key: 'offer', label: t('ui.col.offer'), format: (v, a) => el('span', {}, offerName(v), a.offerText ? el('span', { class: 'muted offer-text' }, ` · ${a.offerText}`) : null),
      csv: (a) => [offerName(a.offer), a.offerText].filter(Boolean).join(' · ') },
    { key: 'status', label: t('ui.col.status'), format: (v) => statusBadge(v), csv: (a) => statusName(a.status) },
    { key: 'treated', label: t('ui.col.treated'), numeric: true, format: showCount },
    { key: 'holdout', label: t('ui.col.holdout'), numeric: true, format: (v, a) => `${showCount(v)} (${showRate(a.holdoutShare)})`, csv: (a) => a.holdout },
    { key: 'sentOn', label: t('ui.col.sentOn'), nowrap: true, format: (v) => v ?? dash, csv: (a) => a.sentOn ?? '' },
    { key: 'createdAt', label: t('ui.col.created'), nowrap: true, format: (v, a) => `${dateTime(v)} · ${a.createdBy ?? ''}`, csv: (a) => a.createdAt },
    { key: 'buttons', label: t('common.actions'), format: (v, a) => actionButtons(a), csv: false },
  ], l.actions, { csvName: `${shop.code}-members-actions`, caption: t('ui.actions.title'), empty: t('ui.actions.none') }));
  return l;
}

/** An uplift in words: the estimate with its 95% interval, and whether the interval leaves out zero. */
function upliftLine(kind, u, show, enough) {
  const verdict = !enough ? 'not-enough' : u.significant ? 'significant' : 'not-significant';
  return el('p', { class: 'uplift-line', dataset: { kind, verdict } }, el('strong', {}, t(`ui.results.${kind}`)), ' ',
    t('ui.results.interval', show(u.estimate), show(u.low), show(u.high)), ' ',
    el('span', { class: `badge ${verdict === 'significant' ? 'ok' : verdict === 'not-enough' ? 'off' : 'warn'}` }, t(`ui.results.${verdict}`)));
}

const signed = (text, v) => (v > 0 ? `+${text}` : text);
const showPoints = (v) => (v == null ? dash : signed(t('ui.results.pp', number(v * 100, { maximumFractionDigits: 1 })), v));
const showMoneyChange = (v) => (v == null ? dash : signed(showMoney(v), v));

async function upliftChart(host, u, label, toAxis, show) {
  if (u.estimate == null || u.low == null || u.high == null) {
    host.replaceWith(el('p', { class: 'muted' }, t('ui.results.noInterval')));
    return;
  }
  const values = [u.estimate, u.low, u.high].map(toAxis);
  await draw(host, {
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', formatter: () => t('ui.results.interval', show(u.estimate), show(u.low), show(u.high)) },
    xAxis: { type: 'value', scale: false, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'category', data: [label], axisLabel: { width: 90, overflow: 'truncate' } },
    series: [
      { type: 'bar', data: [values[0]], barWidth: 18, itemStyle: { color: u.significant ? '#2b8a3e' : '#94a3b8' },
        markLine: { silent: true, symbol: 'none', lineStyle: { color: '#1f2933', type: 'dashed' }, label: { show: false }, data: [{ xAxis: 0 }] } },
      // The 95% interval as an error bar: a line from low to high with end caps.
      { type: 'custom', data: [[values[1], values[2], 0]], encode: { x: [0, 1], y: 2 }, z: 3, renderItem: (params, a) => {
        const lo = a.coord([a.value(0), a.value(2)]);
        const hi = a.coord([a.value(1), a.value(2)]);
        const cap = 8;
        const style = { stroke: '#1f2933', lineWidth: 2 };
        return { type: 'group', children: [
          { type: 'line', shape: { x1: lo[0], y1: lo[1], x2: hi[0], y2: hi[1] }, style },
          { type: 'line', shape: { x1: lo[0], y1: lo[1] - cap, x2: lo[0], y2: lo[1] + cap }, style },
          { type: 'line', shape: { x1: hi[0], y1: hi[1] - cap, x2: hi[0], y2: hi[1] + cap }, style },
        ] };
      } },
    ],
  });
}

async function showResults(id) {
  const r = await api(`${base}/actions/${encodeURIComponent(id)}/results${query({ lang })}`);
  const a = r.action;
  state.action = String(a.id);
  remember();
  const box = byId('results-box');
  box.hidden = false;
  box.dataset.action = a.id;
  byId('results-title').replaceChildren(el('span', {}, t('ui.results.title', a.name)), ' ', statusBadge(a.status));
  const enough = !!r.enoughData;
  const verdict = !enough ? 'not-enough' : r.conversionUplift?.significant ? 'significant' : 'not-significant';
  const group = (key) => ({ group: t(`ui.results.${key}`), ...r[key] });
  const conv = el('div', { class: 'chart uplift', id: 'uplift-conversion', role: 'img', 'aria-label': t('ui.results.conversionUplift') });
  const rev = el('div', { class: 'chart uplift', id: 'uplift-revenue', role: 'img', 'aria-label': t('ui.results.revenueUplift') });
  byId('results').replaceChildren(
    el('p', { class: 'muted' }, t(r.complete ? 'ui.results.window' : 'ui.results.windowOpen', r.from, r.to, showCount(a.measureDays))),
    el('p', { class: 'verdict' }, el('span', { id: 'results-verdict', class: `badge big ${verdict === 'significant' ? 'ok' : verdict === 'not-enough' ? 'off' : 'warn'}`,
      dataset: { verdict } }, t(`ui.results.${verdict}`)), ' ', el('span', { class: 'muted' }, t(`ui.results.${verdict}.help`))),
    table([
      { key: 'group', label: t('ui.col.group') },
      { key: 'customers', label: t('ui.col.customers'), numeric: true, format: showCount },
      { key: 'buyers', label: t('ui.col.buyers'), numeric: true, format: showCount },
      { key: 'conversion', label: t('ui.col.conversion'), numeric: true, format: showRate, csv: (row) => row.conversion ?? '' },
      { key: 'revenue', label: t('ui.col.revenue'), numeric: true, format: showMoney, csv: (row) => csvMoney(row.revenue) },
      { key: 'revenuePerCustomer', label: t('ui.col.revenuePerCustomer'), numeric: true, format: showMoney, csv: (row) => csvMoney(row.revenuePerCustomer) },
    ], [group('treated'), group('holdout')], { csvName: `${shop.code}-members-action-${a.id}-results`, caption: t('ui.results.groups') }),
    r.conversionUplift ? upliftLine('conversionUplift', r.conversionUplift, showPoints, enough) : null,
    r.conversionUplift ? conv : null,
    r.revenueUplift ? upliftLine('revenueUplift', r.revenueUplift, showMoneyChange, enough) : null,
    r.revenueUplift ? rev : null);
  box.scrollIntoView({ block: 'nearest' });
  const charts = [];
  if (r.conversionUplift) charts.push(upliftChart(conv, r.conversionUplift, t('ui.results.conversionShort'), (v) => (v == null ? null : Math.round(v * 1000) / 10), showPoints));
  if (r.revenueUplift) charts.push(upliftChart(rev, r.revenueUplift, currency, (v) => (v == null ? null : v / 10 ** fractionDigits), showMoneyChange));
  await Promise.all(charts);
  return r;
}

// ---------------------------------------------------------------- the page

async function showAll() {
  remember();
  byId('rfm-list-box').hidden = true;
  await Promise.all([
    showSummary().catch(showError),
    (async () => {
      await showRfm();
      if (mayEdit) fillBuilder();
      await Promise.all([showMovement(), mayEdit ? preview() : null]);
    })().catch(showError),
    showCohorts().catch(showError),
  ]);
}

if (!shop) {
  byId('range').replaceWith(el('p', { class: 'empty' }, t('ui.noShop')));
} else {
  byId('range').addEventListener('submit', (event) => {
    event.preventDefault();
    const d = byId('date').value;
    const f = byId('from').value;
    const tt = byId('to').value;
    if (f && tt && f > tt) {
      byId('range-note').textContent = t('ui.range.backwards');
      return;
    }
    byId('range-note').textContent = '';
    Object.assign(state, { date: d, from: f, to: tt });
    showAll().catch(showError);
  });
  byId('customer-search').addEventListener('submit', (event) => {
    event.preventDefault();
    openCustomer(byId('customer-id').value).catch(showError);
  });
  byId('customer-close').addEventListener('click', () => { state.customer = ''; remember(); byId('customer').hidden = true; });
  byId('rfm-list-close').addEventListener('click', () => { byId('rfm-list-box').hidden = true; });
  byId('results-close').addEventListener('click', () => { state.action = ''; remember(); byId('results-box').hidden = true; });
  setUpSnapshot();
  setUpBuilder();
  if (mayEdit) settings = await api(`${base}/settings`).catch((e) => { showError(e); return null; });
  await Promise.all([
    showAll(),
    showActions().catch(showError),
    state.customer ? openCustomer(state.customer).catch(showError) : null,
    state.action ? showResults(state.action).catch((e) => {
      // An action that is gone or not sent yet has no results: the link just opens the page.
      if (!(e instanceof ApiError) || (e.status !== 404 && e.status !== 400 && e.status !== 409)) throw e;
      state.action = '';
      remember();
    }).catch(showError) : null,
  ]);
}
