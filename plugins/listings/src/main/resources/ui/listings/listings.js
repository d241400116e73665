// Listings (商品发布, DOMAIN.md Morning 6): the top products of a day with their new negative and neutral
// reviews, the suspected copycats (marked reported or dismissed here), every listed product's checks with a
// chart of the products failing each, and the shop's rules. Data from the server only ever goes in as text
// (el(), textContent): a review or a copycat's title is someone else's writing, never markup.
import { mount, api, ApiError, t, tOr, el, byId, busy, table, number, percent, money, notify, showError, draw } from '/shell/shell.js';

const { shop, can } = await mount({ bundle: 'listings' });
const base = shop && `/api/shops/${encodeURIComponent(shop.code)}/p/listings`;
const mayEdit = can('listings.edit');
const dash = '—';
const currency = (shop && shop.currency) || 'CNY';
const checkName = (k) => tOr(`check.${k}`, k);
const statusName = (s) => tOr(`ui.status.${s}`, s);
// what a briefing finding's link is about (?listing=, ?sku=, ?check=): its rows are highlighted
const about = new URLSearchParams(window.location.search);

function failure(e) {
  if (!(e instanceof ApiError)) throw e;
  return e.status === 403 ? t('ui.forbidden') : t('ui.failed', e.message);
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v != null && v !== '') q.set(k, v);
  const s = q.toString();
  return s ? `?${s}` : '';
}

// ---------------------------------------------------------------- top products and reviews

async function showTop() {
  const day = byId('day').value;
  const top = await api(`${base}/top${query({ day })}`);
  if (!byId('day').value) byId('day').value = top.day;
  byId('top-basis').textContent = t(top.basis === 'sales' ? 'ui.top.basis.sales' : 'ui.top.basis.views', top.from, top.day);
  byId('top-card').dataset.basis = top.basis;
  byId('top').replaceChildren(table([
    { key: 'rank', label: t('ui.col.rank'), numeric: true },
    { key: 'sku', label: t('ui.col.sku'), nowrap: true },
    { key: 'title', label: t('ui.col.title') },
    { key: 'views', label: t('ui.col.views'), numeric: true, format: (v) => number(v) },
    { key: 'sales', label: t('ui.col.sales'), numeric: true, format: (v) => (v ? money(v, currency) : dash), csv: (r) => r.sales },
    { key: 'negative', label: t('ui.col.negative'), numeric: true },
    { key: 'neutral', label: t('ui.col.neutral'), numeric: true },
    { key: 'suspects', label: t('ui.col.suspects'), numeric: true },
  ], top.products, { csvName: `${shop.code}-top-products-${top.day}`, caption: t('ui.top.title'), empty: t('ui.top.none'),
    current: (r) => r.sku === about.get('sku') }));
  byId('reviews').replaceChildren(table([
    { key: 'sku', label: t('ui.col.sku'), nowrap: true },
    { key: 'title', label: t('ui.col.title') },
    { key: 'rating', label: t('ui.col.rating'), numeric: true, format: (v) => `${v}★`, csv: (r) => r.rating },
    { key: 'tone', label: t('ui.col.tone'), format: (v) => el('span', { class: `tone-${v}` }, tOr(`ui.tone.${v}`, v)),
      csv: (r) => tOr(`ui.tone.${r.tone}`, r.tone) },
    { key: 'text', label: t('ui.col.text'), format: (v) => el('span', { class: 'review-text' }, v || dash), csv: (r) => r.text },
  ], top.reviews, { csvName: `${shop.code}-bad-reviews-${top.day}`, caption: t('ui.reviews.title'), empty: t('ui.reviews.none') }));
}

// ---------------------------------------------------------------- suspects

async function decide(listingId, status, button) {
  await busy(button, async () => {
    try {
      await api(`${base}/suspects/${encodeURIComponent(listingId)}/status${query({ day: byId('day').value })}`,
        { method: 'POST', body: { status } });
      await Promise.all([showSuspects(), showTop()]);
    } catch (e) {
      notify(failure(e), 'error');
    }
  });
}

function actions(row) {
  if (!mayEdit) return dash;
  const buttons = row.status === 'open'
    ? [['reported', 'ui.action.report'], ['dismissed', 'ui.action.dismiss']]
    : [['open', 'ui.action.reopen']];
  return el('div', { class: 'row-actions' }, buttons.map(([status, key]) => {
    const b = el('button', { type: 'button', class: 'secondary small', dataset: { status } }, t(key));
    b.addEventListener('click', () => decide(row.listingId, status, b));
    return b;
  }));
}

async function showSuspects() {
  const day = byId('day').value;
  const status = byId('suspect-status').value;
  const s = await api(`${base}/suspects${query({ day, status })}`);
  byId('suspects-help').textContent = t('ui.suspects.help', Math.round(s.threshold * 100));
  byId('suspects').replaceChildren(table([
    { key: 'shopName', label: t('ui.col.shop') },
    { key: 'title', label: t('ui.col.title'), format: (v, r) => (r.url && /^https?:\/\//.test(r.url)
      ? el('a', { href: r.url, rel: 'noopener noreferrer', target: '_blank' }, v) : v), csv: (r) => r.title },
    { key: 'listingId', label: t('ui.col.listing'), nowrap: true },
    { key: 'price', label: t('ui.col.price'), numeric: true, format: (v) => money(v, currency), csv: (r) => r.price },
    { key: 'ourTitle', label: t('ui.col.ours'), format: (v, r) => `${r.sku} ${v}`, csv: (r) => r.sku },
    { key: 'similarity', label: t('ui.col.similarity'), numeric: true,
      format: (v, r) => (r.sameImage ? `${percent(v)} · ${t('ui.sameImage')}` : percent(v)), csv: (r) => r.similarity },
    { key: 'lastSeen', label: t('ui.col.lastSeen'), nowrap: true },
    { key: 'status', label: t('ui.col.status'), format: (v) => el('span', { class: `badge st-${v}`, dataset: { status: v } }, statusName(v)),
      csv: (r) => r.status },
    { key: 'actions', label: t('ui.col.actions'), format: (v, r) => actions(r), csv: false },
  ], s.suspects, { csvName: `${shop.code}-suspects-${s.day}`, caption: t('ui.suspects.title'), empty: t('ui.suspects.none'),
    current: (r) => r.listingId === about.get('listing') }));
}

// ---------------------------------------------------------------- checks

async function showChecks() {
  const c = await api(`${base}/checks`);
  await draw(byId('checks-chart'), {
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: c.counts.map((k) => checkName(k.check)), axisLabel: { interval: 0, width: 90, overflow: 'break' } },
    yAxis: { type: 'value', name: t('ui.col.products'), minInterval: 1 },
    series: [{ type: 'bar', name: t('ui.col.products'), data: c.counts.map((k) => k.products), itemStyle: { color: '#b45309' },
      label: { show: true, position: 'top' } }],
  });
  byId('check-counts').replaceChildren(table([
    { key: 'check', label: t('ui.col.check'), format: checkName },
    { key: 'products', label: t('ui.col.products'), numeric: true },
  ], c.counts, { csvName: `${shop.code}-checks-by-kind`, caption: t('ui.checks.chart') }));
  byId('check-products').replaceChildren(table([
    { key: 'sku', label: t('ui.col.sku'), nowrap: true },
    { key: 'title', label: t('ui.col.title') },
    { key: 'stock', label: t('ui.col.stock'), numeric: true, format: (v) => (v == null ? dash : number(v)) },
    { key: 'failures', label: t('ui.col.result'),
      format: (v, r) => (v.length === 0
        ? t('ui.checks.passed') + (r.inSheet ? '' : ` (${t('ui.checks.notInSheet')})`)
        : el('ul', { class: 'failure-list' }, v.map((f) => el('li', { dataset: { check: f.check } }, f.message)))),
      csv: (r) => r.failures.map((f) => f.message).join('; ') },
  ], c.products, { csvName: `${shop.code}-listing-checks`, caption: t('ui.checks.title'), empty: t('ui.checks.none'),
    current: (r) => r.failures.some((f) => f.check === about.get('check')) }));
}

// ---------------------------------------------------------------- rules

async function showSettings() {
  const s = await api(`${base}/settings`);
  const form = byId('settings');
  for (const input of form.querySelectorAll('input, textarea')) {
    const v = s[input.name];
    input.value = Array.isArray(v) ? v.join(', ') : v;
  }
  byId('settings-card').hidden = false;
}

async function saveSettings(event) {
  event.preventDefault();
  const form = byId('settings');
  const body = {};
  for (const input of form.querySelectorAll('input, textarea')) {
    if (input.name === 'ownShopNames' || input.name === 'bannedWords') {
      body[input.name] = input.value.split(/[,，、\n]/).map((w) => w.trim()).filter(Boolean);
    } else {
      body[input.name] = Number(input.value);
    }
  }
  byId('settings-error').textContent = '';
  await busy(byId('settings-save'), async () => {
    try {
      await api(`${base}/settings`, { method: 'PUT', body });
      notify(t('ui.settings.saved'));
      await Promise.all([showTop(), showSuspects(), showChecks()]);
    } catch (e) {
      byId('settings-error').textContent = failure(e);
    }
  });
}

if (!shop) {
  byId('main').replaceChildren(el('p', { class: 'empty' }, t('ui.noShop')));
} else {
  byId('day').addEventListener('change', () => Promise.all([showTop(), showSuspects()]).catch(showError));
  byId('suspect-status').addEventListener('change', () => showSuspects().catch(showError));
  byId('settings').addEventListener('submit', saveSettings);
  try {
    await showTop();
    await Promise.all([showSuspects(), showChecks(), mayEdit ? showSettings() : null]);
    // a briefing finding links here with what it is about: show that part of the page, at its first row
    const target = about.has('listing') ? 'suspects-card' : about.has('check') ? 'checks' : about.has('sku') ? 'top-card' : null;
    if (target) (byId(target).querySelector('tr[aria-current="true"]') || byId(target)).scrollIntoView({ block: 'center' });
  } catch (e) {
    showError(e);
  }
}
