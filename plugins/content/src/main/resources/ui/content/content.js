// Content (内容运营): the content calendar (month and week, each day against the daily quota, posts dragged
// to another day by editors), the posts without a time, one post's panel (its text, kind, products,
// channels, time, images, the workflow's moves, each channel's delivery and the history), the weekly
// engagement by kind and per post, the shop's channel settings and the daily quota. Data from the server
// only ever goes in as text (el(), textContent): a post's body is what a colleague typed, never markup.
import { mount, api, ApiError, currentLang, t, tOr, el, byId, busy, table, number, percent, dateTime, notify, showError,
  draw, addDays, checkedValues } from '/shell/shell.js';

const { shop, can } = await mount({ bundle: 'content' });
const shopPath = shop && `/api/shops/${encodeURIComponent(shop.code)}`;
const base = shop && `${shopPath}/p/content`;
const mayEdit = can('content.edit');
const mayApprove = can('content.approve');
const mayManageChannels = can('channels.manage');

const KINDS = ['copy', 'recommendation', 'rules', 'story'];
/** The workflow's moves the panel offers as buttons, in the order one meets them, and who may make each. */
const MOVES = [['submit', mayEdit], ['approve', mayApprove], ['publish-now', mayEdit], ['retry', mayEdit]];
const dash = '—';

const statusName = (s) => tOr(`status.${s}`, s);
const kindName = (k) => tOr(`kind.${k}`, k);
const channelName = (id) => tOr(`ui.channel.${id}`, id);
const deliveryName = (s) => tOr(`ui.delivery.${s}`, s);
const showCount = (v) => (v == null ? dash : number(v));
const showRate = (v) => (v == null ? dash : percent(v));

function statusBadge(status) {
  return el('span', { class: `badge st st-${status}`, dataset: { status } }, statusName(status));
}

/** The message of a refused call in the user's words: no permission, else the server's reason. */
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

// ---------------------------------------------------------------- days

/** Today in the shop's time zone (the server's days are the shop's), in the browser's own when it has none. */
function dayIn(zone, instant = new Date()) {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone: zone || undefined, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
}

const weekday = (day) => (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
const monday = (day) => addDays(day, -weekday(day));
const dayLabel = (day, options) => new Intl.DateTimeFormat(currentLang(), { timeZone: 'UTC', ...options }).format(new Date(`${day}T00:00:00Z`));
const shortDay = (day) => dayLabel(day, { month: 'short', day: 'numeric', weekday: 'short' });
/** "2026-11-23T10:00" as the reader reads a shop time; the time of day is the shop's, never converted. */
const localLabel = (local) => (local ? `${shortDay(local.slice(0, 10))} ${local.slice(11, 16)}` : t('ui.post.noTime'));

/** A UTC instant (a delivery's or the history's) in the shop's time, as the calendar and the time field show times. */
function shopTime(iso) {
  if (!iso) return dash;
  try {
    return new Intl.DateTimeFormat(currentLang(), { timeZone: zone || undefined, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  } catch {
    return dateTime(iso);
  }
}

function addMonths(day, n) {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + n, 1)).toISOString().slice(0, 10);
}

function lastOfMonth(day) {
  return addDays(addMonths(day, 1), -1);
}

// ---------------------------------------------------------------- state

const params = new URLSearchParams(location.search);
const validDay = (d) => (/^\d{4}-\d{2}-\d{2}$/.test(d || '') && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) ? d : '');
let zone = typeof shop?.timeZone === 'string' ? shop.timeZone : null;
let today = dayIn(zone);
const state = {
  view: params.get('view') === 'week' ? 'week' : 'month',
  day: validDay(params.get('day')),
  post: /^\d+$/.test(params.get('post') || '') ? params.get('post') : '',
};
let channels = [];
let quota = null;
let dragging = null;
let engFrom = null;

function remember() {
  const url = new URL(location.href);
  const set = (k, v) => (v ? url.searchParams.set(k, v) : url.searchParams.delete(k));
  set('day', state.day);
  set('view', state.view === 'week' ? 'week' : '');
  set('post', state.post);
  history.replaceState(history.state, '', url);
}

function postHref(id) {
  const url = new URL(location.href);
  url.searchParams.set('post', id);
  return url.pathname + url.search;
}

/** A link that opens a post's panel (a real link, so it can also be opened in a new tab). */
function postLink(id, title, props = {}) {
  return el('a', { href: postHref(id), class: 'post-link', dataset: { post: id }, ...props,
    onclick: (event) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey) return;
      event.preventDefault();
      openPost(String(id)).catch(showError);
    } }, title);
}

// ---------------------------------------------------------------- calendar

function shownRange() {
  const anchor = state.day || today;
  if (state.view === 'week') {
    const from = monday(anchor);
    return { from, to: addDays(from, 6) };
  }
  const first = `${anchor.slice(0, 7)}-01`;
  const last = lastOfMonth(first);
  return { from: monday(first), to: addDays(monday(last), 6), month: anchor.slice(0, 7) };
}

function legend() {
  // Empty days and days under the quota share one colour: both want posts.
  byId('cal-legend').replaceChildren(...[['under', 'ui.fill.short'], ['full', 'ui.fill.full'], ['over', 'ui.fill.over']].map(([f, key]) =>
    el('li', { class: `legend-item fill-${f}`, dataset: { fill: f } }, el('span', { class: 'swatch', 'aria-hidden': 'true' }), t(key))),
  el('li', { class: 'legend-item' }, el('span', { class: 'swatch today-swatch', 'aria-hidden': 'true' }), t('ui.calendar.todayMark')));
}

/** A post on the calendar: time, title, status, channels, engagement; editors drag it to another day unless it went out. */
function postChip(p, day) {
  const movable = mayEdit && p.status !== 'published';
  const chip = el('li', { class: `cal-post st-${p.status}${movable ? ' movable' : ''}`, draggable: movable ? 'true' : null,
    dataset: { post: p.id, status: p.status, day, time: p.localTime ? p.localTime.slice(11, 16) : '' } },
  el('span', { class: 'post-line' }, el('span', { class: 'post-time' }, p.localTime ? p.localTime.slice(11, 16) : ''), ' ', statusBadge(p.status)),
  postLink(p.id, p.title, { class: 'post-link post-title', title: p.title }),
  p.channels.length ? el('span', { class: 'post-channels' }, p.channels.map(channelName).join(' · ')) : null,
  // What a published post did, once its engagement is imported: views and clicks.
  p.views != null ? el('span', { class: 'post-engagement', title: t('ui.calendar.engagementHint') },
    t('ui.calendar.engagement', number(p.views), number(p.clicks ?? 0))) : null);
  if (movable) {
    chip.addEventListener('dragstart', (event) => {
      dragging = { id: p.id, localTime: p.localTime, day };
      event.dataTransfer.setData('text/plain', String(p.id));
      event.dataTransfer.effectAllowed = 'move';
      chip.classList.add('dragging');
    });
    chip.addEventListener('dragend', () => {
      chip.classList.remove('dragging');
      dragging = null;
    });
  }
  return chip;
}

/** A day cell takes a dragged post: same time of day, the new day; the approval stays (the server keeps it). */
function dropTarget(cell, day) {
  if (!mayEdit) return;
  cell.addEventListener('dragover', (event) => {
    if (!dragging) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    cell.classList.add('drop-here');
  });
  cell.addEventListener('dragleave', () => cell.classList.remove('drop-here'));
  cell.addEventListener('drop', (event) => {
    event.preventDefault();
    cell.classList.remove('drop-here');
    const moved = dragging;
    dragging = null;
    if (!moved || moved.day === day || !moved.localTime) return;
    reschedule(moved.id, `${day}T${moved.localTime.slice(11, 16)}`).catch(showError);
  });
}

async function reschedule(id, scheduledAt) {
  try {
    const p = await api(`${base}/posts/${id}/reschedule`, { method: 'POST', body: { scheduledAt } });
    notify(t('ui.calendar.moved', p.title, localLabel(p.localTime)), 'ok');
    await showCalendar();
    if (state.post === String(id)) await openPost(String(id), { scroll: false });
  } catch (e) {
    notify(failure(e), 'error');
  }
}

function dayHead(d) {
  const isToday = d.day === today;
  const count = el('span', { class: `cal-count fill-${d.fill}`, dataset: { counted: d.counted, fill: d.fill },
    title: `${t('ui.calendar.countHelp', d.counted, quota)} · ${t(`ui.fill.${d.fill}`)}` }, t('ui.calendar.count', d.counted, quota));
  return el('div', { class: 'cal-head' },
    el('button', { type: 'button', class: 'link cal-num', 'aria-label': t('ui.calendar.openWeek', shortDay(d.day)),
      onclick: () => { state.view = 'week'; state.day = d.day; remember(); showCalendar().catch(showError); } },
    state.view === 'week' ? shortDay(d.day) : String(Number(d.day.slice(8)))),
    isToday ? el('span', { class: 'today-mark' }, t('ui.calendar.todayMark')) : null,
    count);
}

function dayCell(tag, d, inMonth) {
  const cls = ['cal-day', `fill-${d.fill}`, inMonth ? '' : 'out', d.day === today ? 'today' : ''].filter(Boolean).join(' ');
  const cell = el(tag, { class: cls, dataset: { day: d.day, counted: d.counted, fill: d.fill }, 'aria-current': d.day === today ? 'date' : null },
    dayHead(d),
    el('ul', { class: 'cal-posts' }, d.posts.map((p) => postChip(p, d.day))),
    // On a phone the month's cells are too narrow for titles: a dot per post, by status, instead.
    el('div', { class: 'cal-dots', 'aria-hidden': 'true' }, d.posts.map((p) => el('span', { class: `dot st-${p.status}` }))));
  dropTarget(cell, d.day);
  return cell;
}

async function showCalendar() {
  const range = shownRange();
  const cal = await api(`${base}/calendar${query({ from: range.from, to: range.to })}`);
  quota = cal.quota;
  const box = byId('cal');
  box.dataset.view = state.view;
  box.dataset.from = cal.from;
  box.dataset.to = cal.to;
  box.dataset.quota = cal.quota;
  byId('view-month').setAttribute('aria-pressed', String(state.view === 'month'));
  byId('view-week').setAttribute('aria-pressed', String(state.view === 'week'));
  byId('cal-range').textContent = state.view === 'month'
    ? dayLabel(`${range.month}-01`, { year: 'numeric', month: 'long' })
    : t('ui.calendar.weekOf', dayLabel(cal.from, { month: 'short', day: 'numeric' }), dayLabel(cal.to, { month: 'short', day: 'numeric' }));
  const heads = [0, 1, 2, 3, 4, 5, 6].map((i) => dayLabel(addDays(cal.from, i), { weekday: 'short' }));
  if (state.view === 'month') {
    const weeks = [];
    for (let i = 0; i < cal.days.length; i += 7) weeks.push(cal.days.slice(i, i + 7));
    box.replaceChildren(el('table', { class: 'cal-grid', id: 'cal-month' },
      el('caption', { class: 'visually-hidden' }, byId('cal-range').textContent),
      el('thead', {}, el('tr', {}, heads.map((h) => el('th', { scope: 'col' }, h)))),
      el('tbody', {}, weeks.map((w) => el('tr', {}, w.map((d) => dayCell('td', d, d.day.slice(0, 7) === range.month)))))));
  } else {
    box.replaceChildren(el('div', { class: 'cal-week', id: 'cal-week', role: 'list' },
      cal.days.map((d) => {
        const cell = dayCell('div', d, true);
        cell.setAttribute('role', 'listitem');
        if (d.posts.length === 0) cell.append(el('p', { class: 'empty' }, t('ui.calendar.nothing')));
        return cell;
      })));
  }
  return cal;
}

async function showUnplanned() {
  const list = await api(`${base}/posts?unplanned=true`);
  if (list.timeZone && list.timeZone !== zone) {
    zone = list.timeZone;
    today = dayIn(zone);
  }
  const posts = list.posts.filter((p) => !p.scheduledAt);
  byId('unplanned').replaceChildren(...(posts.length ? posts.map((p) => el('li', { class: 'unplanned-post', dataset: { post: p.id } },
    postLink(p.id, p.title), ' ', statusBadge(p.status))) : [el('li', { class: 'empty' }, t('ui.unplanned.none'))]));
}

function move(change) {
  const anchor = state.day || today;
  if (change === 0) state.day = today;
  else if (state.view === 'week') state.day = addDays(anchor, 7 * change);
  else state.day = addMonths(anchor, change);
  remember();
  showCalendar().catch(showError);
}

function setView(view) {
  state.view = view;
  remember();
  showCalendar().catch(showError);
}

// ---------------------------------------------------------------- a post's panel

/** A comma-separated list typed by the user (Chinese or Latin commas), without blanks. */
function listOf(text) {
  return text.split(/[,，、]/).map((s) => s.trim()).filter(Boolean);
}

function channelChecks(name, chosen, skip = []) {
  const options = channels.filter((c) => !skip.includes(c.id));
  if (options.length === 0) return el('p', { class: 'muted' }, t('ui.channels.none'));
  return el('div', { class: 'checks' }, options.map((c) => el('label', {},
    el('input', { type: 'checkbox', name, value: c.id, checked: chosen.includes(c.id) }),
    channelName(c.id), c.configured ? null : el('span', { class: 'badge off not-set-up', dataset: { channel: c.id } }, t('ui.channels.notSetUp')))));
}

function fieldRow(label, value, props = {}) {
  return el('div', { class: 'figure', ...props }, el('dt', {}, label), el('dd', {}, value));
}

function overview(p) {
  return el('div', {},
    el('dl', { class: 'figures post-figures' },
      fieldRow(t('ui.post.kind'), kindName(p.kind), { id: 'post-kind' }),
      fieldRow(t('ui.post.time'), localLabel(p.localTime), { id: 'post-local-time', dataset: { local: p.localTime ?? '' } }),
      fieldRow(t('ui.post.channels'), p.channels.length ? p.channels.map((c) => channelName(c.channel)).join('、') : dash),
      fieldRow(t('ui.post.campaign'), p.campaign ?? dash),
      fieldRow(t('ui.post.products'), p.products.length ? p.products.join('、') : dash),
      fieldRow(t('ui.post.by'), p.approvedBy ? t('ui.post.byApproved', p.createdBy, p.approvedBy) : p.createdBy)),
    el('h3', {}, t('ui.post.body')),
    // The body as the colleague typed it: text, line breaks kept, never parsed as markup.
    el('div', { class: 'post-body', id: 'post-body' }, p.body || t('ui.post.noBody')));
}

const FIELDS = ['title', 'body', 'kind', 'scheduledAt', 'campaign', 'products', 'channels'];

/** The form for a new post, or to change a post that may still change. */
function editForm(p) {
  const isNew = !p;
  const bodyInput = el('textarea', { id: 'f-body', name: 'body', rows: 6, maxlength: 20000 });
  bodyInput.value = p?.body ?? ''; // a textarea's text is its value, never an attribute or markup
  const field = (name, label, input, wide = false) => el('div', { class: `field${wide ? ' wide' : ''}` },
    el('label', { for: `f-${name}` }, label), input, el('p', { class: 'field-error', id: `err-${name}`, role: 'alert' }));
  const form = el('form', { id: 'post-form', novalidate: true },
    el('div', { class: 'form-grid' },
      field('title', t('ui.post.title'), el('input', { id: 'f-title', name: 'title', maxlength: 200, required: true, value: p?.title ?? '' }), true),
      field('body', t('ui.post.body'), bodyInput, true),
      field('kind', t('ui.post.kind'), el('select', { id: 'f-kind', name: 'kind' },
        KINDS.map((k) => el('option', { value: k, selected: (p?.kind ?? 'copy') === k }, kindName(k))))),
      isNew ? field('scheduledAt', t('ui.post.timeField'), el('input', { id: 'f-scheduledAt', name: 'scheduledAt', type: 'datetime-local',
        value: state.day && state.day > today ? `${state.day}T10:00` : '' })) : null,
      field('campaign', t('ui.post.campaign'), el('input', { id: 'f-campaign', name: 'campaign', maxlength: 100, value: p?.campaign ?? '' })),
      field('products', t('ui.post.products'), el('input', { id: 'f-products', name: 'products', autocomplete: 'off',
        placeholder: t('ui.post.productsHint'), value: (p?.products ?? []).join(', ') }))),
    el('fieldset', { id: 'f-channels' }, el('legend', {}, t('ui.post.channels')),
      channelChecks('channels', isNew ? channels.filter((c) => c.configured).map((c) => c.id).slice(0, 1) : p.channels.map((c) => c.channel)),
      el('p', { class: 'field-error', id: 'err-channels', role: 'alert' })),
    isNew ? null : el('p', { class: 'muted small-note' }, t(['approved', 'scheduled'].includes(p.status) ? 'ui.post.editResets' : 'ui.post.editHelp')),
    el('p', { class: 'field-error', id: 'err-form', role: 'alert' }),
    el('div', { class: 'actions' }, el('button', { type: 'submit', id: 'post-save' }, t(isNew ? 'ui.new.save' : 'ui.post.save'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const f of [...FIELDS, 'form']) {
      const node = form.querySelector(`#err-${f}`);
      if (node) node.textContent = '';
    }
    const v = (name) => form.elements[name].value;
    const body = { title: v('title').trim(), body: v('body'), kind: v('kind'), campaign: v('campaign').trim() || null,
      products: listOf(v('products')), channels: checkedValues(form, 'channels'),
      // An edit keeps the time; moving it is the schedule row's (which keeps the approval).
      scheduledAt: isNew ? (v('scheduledAt') || null) : p.localTime };
    busy(byId('post-save'), async () => {
      try {
        const saved = await api(isNew ? `${base}/posts` : `${base}/posts/${p.id}`, { method: isNew ? 'POST' : 'PUT', body });
        notify(t(isNew ? 'ui.new.created' : 'ui.post.saved', saved.title), 'ok');
        await Promise.all([showCalendar(), showUnplanned()]);
        await openPost(String(saved.id), { scroll: isNew });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        const named = e.status === 400 && FIELDS.find((f) => (e.message || '').startsWith(`${f}:`));
        form.querySelector(`#err-${named || 'form'}`).textContent = failure(e);
        const input = named && form.elements[named];
        if (input && input.focus) input.focus();
      }
    }).catch(showError);
  });
  return form;
}

/** The keyboard's and the phone's way to move a post: a shop-local date-time field. */
function scheduleRow(p) {
  const input = el('input', { id: 'post-time', type: 'datetime-local', value: p.localTime ?? '', required: true });
  const button = el('button', { type: 'submit', class: 'secondary', id: 'post-reschedule' }, t('ui.post.reschedule'));
  const error = el('p', { class: 'field-error', id: 'err-reschedule', role: 'alert' });
  return el('form', { class: 'row schedule-row', id: 'schedule-form', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    error.textContent = '';
    if (!input.value) {
      error.textContent = t('ui.post.timeNeeded');
      input.focus();
      return;
    }
    busy(button, () => reschedule(p.id, input.value.slice(0, 16))).catch(showError);
  } },
  el('div', { class: 'field' }, el('label', { for: 'post-time' }, t('ui.post.timeField')), input), button, error);
}

function images(p) {
  const editable = mayEdit && p.next.includes('edit');
  const thumbs = p.images.map((i) => el('figure', { class: 'thumb', dataset: { image: i.id } },
    el('a', { href: i.url, target: '_blank', rel: 'noopener' }, el('img', { src: i.url, alt: i.name, loading: 'lazy' })),
    el('figcaption', {}, el('code', { class: 'thumb-name', title: i.name }, i.name),
      editable ? el('button', { type: 'button', class: 'danger small remove-image', dataset: { image: i.id }, 'aria-label': t('ui.images.remove', i.name),
        onclick: (event) => busy(event.currentTarget, async () => {
          try {
            await api(`${base}/posts/${p.id}/images/${i.id}`, { method: 'DELETE' });
            await openPost(String(p.id), { scroll: false });
          } catch (e) {
            notify(failure(e), 'error');
          }
        }).catch(showError) }, t('ui.images.removeShort')) : null)));
  const parts = [thumbs.length ? el('div', { class: 'thumbs', id: 'thumbs' }, thumbs) : el('p', { class: 'empty' }, t('ui.images.none'))];
  if (editable) {
    const error = el('p', { class: 'field-error', id: 'err-image', role: 'alert' });
    const file = el('input', { type: 'file', id: 'image-file', accept: 'image/png,image/jpeg,image/gif,image/webp',
      onchange: async () => {
        error.textContent = '';
        const chosen = file.files[0];
        if (!chosen) return;
        const data = new FormData();
        data.append('file', chosen, chosen.name);
        try {
          file.disabled = true;
          await api(`${base}/posts/${p.id}/images`, { method: 'POST', body: data });
          await openPost(String(p.id), { scroll: false });
        } catch (e) {
          error.textContent = failure(e);
          file.disabled = false;
        }
      } });
    parts.push(el('div', { class: 'field upload' }, el('label', { for: 'image-file' }, t('ui.images.add')), file,
      el('p', { class: 'muted small-note' }, t('ui.images.help')), error));
  }
  return parts;
}

async function doMove(p, moveName, body, button) {
  byId('move-error').textContent = '';
  await busy(button, async () => {
    try {
      const after = await api(`${base}/posts/${p.id}/${moveName}`, { method: 'POST', body });
      // A retry that fails again is told plainly; the channel's error is in the deliveries below.
      notify(t(after.status === 'failed' ? 'ui.stillFailed' : 'ui.moved', after.title, statusName(after.status)), after.status === 'failed' ? 'info' : 'ok');
      await Promise.all([showCalendar(), showUnplanned()]);
      await openPost(String(p.id), { scroll: false });
    } catch (e) {
      byId('move-error').textContent = failure(e);
    }
  });
}

function moves(p) {
  const buttons = MOVES.filter(([m, allowed]) => allowed && p.next.includes(m)).map(([m]) => el('button', {
    type: 'button', class: m === 'approve' ? '' : 'secondary', id: `move-${m}`, dataset: { move: m },
    onclick: (event) => doMove(p, m, undefined, event.currentTarget).catch(showError) }, t(`ui.move.${m}`)));
  const parts = [el('div', { class: 'status-line' }, statusBadge(p.status), el('span', { class: 'muted' }, t(`ui.statusHelp.${p.status}`)), ...buttons)];
  if (mayApprove && p.next.includes('send-back')) {
    const note = el('textarea', { id: 'send-back-note', rows: 2, maxlength: 1000, placeholder: t('ui.move.noteHint') });
    const send = el('button', { type: 'submit', class: 'secondary', id: 'move-send-back' }, t('ui.move.send-back'));
    parts.push(el('form', { class: 'send-back', novalidate: true, onsubmit: (event) => {
      event.preventDefault();
      if (!note.value.trim()) {
        byId('move-error').textContent = t('ui.move.noteNeeded');
        note.focus();
        return;
      }
      doMove(p, 'send-back', { note: note.value.trim() }, send).catch(showError);
    } }, el('label', { for: 'send-back-note' }, t('ui.move.note')), note, el('div', { class: 'actions' }, send)));
  }
  if (mayEdit && p.next.includes('delete')) {
    parts.push(el('div', { class: 'actions delete-row' }, el('button', { type: 'button', class: 'danger small', id: 'post-delete',
      onclick: (event) => {
        if (!window.confirm(t('ui.post.deleteConfirm', p.title))) return;
        busy(event.currentTarget, async () => {
          try {
            await api(`${base}/posts/${p.id}`, { method: 'DELETE' });
            closePanel();
            notify(t('ui.post.deleted', p.title), 'ok');
            await Promise.all([showCalendar(), showUnplanned()]);
          } catch (e) {
            byId('move-error').textContent = failure(e);
          }
        }).catch(showError);
      } }, t('ui.post.delete'))));
  }
  return parts;
}

function deliveries(p) {
  return table([
    { key: 'channel', label: t('ui.col.channel'), format: (v) => el('span', { class: 'delivery-channel', dataset: { channel: v } }, channelName(v)) },
    { key: 'state', label: t('ui.col.state'), format: (v) => el('span', { class: `badge dl-${v}`, dataset: { state: v } }, deliveryName(v)) },
    { key: 'attempts', label: t('ui.col.attempts'), numeric: true, format: showCount },
    { key: 'nextAttemptAt', label: t('ui.col.nextAttempt'), nowrap: true, format: shopTime, csv: (r) => r.nextAttemptAt ?? '' },
    { key: 'publishedAt', label: t('ui.col.publishedAt'), nowrap: true, format: shopTime, csv: (r) => r.publishedAt ?? '' },
    { key: 'lastError', label: t('ui.col.lastError'), format: (v) => (v ? el('span', { class: 'delivery-error' }, v) : dash), csv: (r) => r.lastError ?? '' },
  ], p.channels.map((c) => ({ ...c })), { csvName: `${shop.code}-post-${p.id}-deliveries`, caption: t('ui.panel.deliveries'),
    empty: t('ui.delivery.none') });
}

function copyForm(p) {
  const others = channels.filter((c) => !p.channels.some((d) => d.channel === c.id));
  if (!mayEdit || others.length === 0) return null;
  const button = el('button', { type: 'submit', class: 'secondary small', id: 'copy-post' }, t('ui.copy.button'));
  const error = el('p', { class: 'field-error', role: 'alert' });
  const form = el('form', { id: 'copy-form', class: 'copy-form', novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    error.textContent = '';
    const chosen = checkedValues(form, 'copy');
    if (chosen.length === 0) {
      error.textContent = t('ui.copy.choose');
      return;
    }
    busy(button, async () => {
      try {
        const copy = await api(`${base}/posts/${p.id}/copy`, { method: 'POST', body: { channels: chosen } });
        notify(t('ui.copy.done', copy.title), 'ok');
        await Promise.all([showCalendar(), showUnplanned()]);
        await openPost(String(copy.id));
      } catch (e) {
        error.textContent = failure(e);
      }
    }).catch(showError);
  } }, el('fieldset', {}, el('legend', {}, t('ui.copy.title')),
    // Only the channels the post is not on yet are offered.
    channelChecks('copy', [], p.channels.map((d) => d.channel)), el('div', { class: 'actions' }, button), error));
  return form;
}

function historyTable(p) {
  return table([
    { key: 'at', label: t('ui.col.at'), nowrap: true, format: shopTime, csv: (r) => r.at },
    { key: 'from', label: t('ui.col.from'), format: (v) => (v ? statusName(v) : dash), csv: (r) => (r.from ? statusName(r.from) : '') },
    { key: 'to', label: t('ui.col.to'), format: (v) => (v ? statusBadge(v) : dash), csv: (r) => (r.to ? statusName(r.to) : '') },
    { key: 'by', label: t('ui.col.by') },
    { key: 'note', label: t('ui.col.note'), format: (v) => v ?? '', csv: (r) => r.note ?? '' },
  ], p.history ?? [], { csvName: `${shop.code}-post-${p.id}-history`, caption: t('ui.panel.history') });
}

function closePanel() {
  state.post = '';
  remember();
  byId('panel').hidden = true;
}

function showPanelParts(show) {
  for (const node of byId('panel').querySelectorAll(':scope > h3, #panel-images, #panel-moves, #panel-deliveries, #panel-copy, #panel-history')) {
    node.hidden = !show;
  }
}

async function openPost(id, { scroll = true } = {}) {
  const panel = byId('panel');
  let p;
  try {
    p = await api(`${base}/posts/${encodeURIComponent(id)}`);
  } catch (e) {
    if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
      closePanel();
      notify(t('ui.panel.missing', id), 'info');
      return null;
    }
    throw e;
  }
  const opening = state.post !== String(p.id) || panel.hidden;
  state.post = String(p.id);
  remember();
  panel.hidden = false;
  panel.dataset.post = p.id;
  panel.dataset.status = p.status;
  showPanelParts(true);
  byId('panel-title').replaceChildren(el('span', { id: 'post-title' }, p.title), ' ', statusBadge(p.status));
  byId('panel-overview').replaceChildren(overview(p));
  const editable = mayEdit && p.next.includes('edit');
  byId('panel-edit').replaceChildren(...(editable ? [el('details', { class: 'edit-box', id: 'edit-box' },
    el('summary', {}, t('ui.post.edit')), editForm(p))] : []));
  byId('panel-schedule').replaceChildren(...(mayEdit && p.next.includes('reschedule') ? [scheduleRow(p)] : []));
  byId('panel-images').replaceChildren(...images(p));
  byId('panel-moves').replaceChildren(...moves(p));
  byId('move-error').textContent = '';
  byId('panel-deliveries').replaceChildren(deliveries(p));
  byId('panel-copy').replaceChildren(...[copyForm(p)].filter(Boolean));
  byId('panel-history').replaceChildren(historyTable(p));
  if (opening && scroll) panel.scrollIntoView({ block: 'start' });
  return p;
}

function newPost() {
  const panel = byId('panel');
  state.post = '';
  remember();
  panel.hidden = false;
  panel.dataset.post = 'new';
  panel.dataset.status = '';
  byId('panel-title').replaceChildren(el('span', { id: 'post-title' }, t('ui.new.title')));
  byId('panel-overview').replaceChildren(el('p', { class: 'muted' }, t('ui.new.help')));
  byId('panel-edit').replaceChildren(editForm(null));
  byId('panel-schedule').replaceChildren();
  byId('move-error').textContent = '';
  showPanelParts(false);
  panel.scrollIntoView({ block: 'start' });
  byId('f-title').focus();
}

// ---------------------------------------------------------------- engagement

async function showEngagement() {
  const from = engFrom;
  const to = addDays(from, 6);
  const e = await api(`${base}/engagement${query({ from, to })}`);
  byId('eng-range').textContent = t('ui.engagement.range', e.from, e.to);
  const csv = byId('eng-csv');
  csv.href = `${base}/engagement${query({ from: e.from, to: e.to, format: 'csv' })}`;
  csv.setAttribute('download', `${shop.code}-engagement-${e.from}-${e.to}.csv`);
  byId('eng-next').disabled = addDays(from, 7) > today;
  const card = byId('engagement-card');
  card.dataset.from = e.from;
  card.dataset.posts = e.posts.length;
  const chartBox = byId('eng-chart');
  chartBox.hidden = e.kinds.length === 0;
  if (e.kinds.length) {
    await draw(chartBox, {
      grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v) => showRate(v) },
      xAxis: { type: 'category', data: e.kinds.map((k) => kindName(k.kind)),
        axisLabel: { interval: 0, width: 110, overflow: 'break' } },
      yAxis: { type: 'value', name: t('ui.col.clickRate'), axisLabel: { formatter: (v) => showRate(v) } },
      series: [{ type: 'bar', name: t('ui.col.clickRate'), data: e.kinds.map((k) => k.clickRate), itemStyle: { color: '#1f3a5f' },
        label: { show: true, position: 'top', formatter: (x) => showRate(x.value) } }],
    });
  }
  byId('eng-kinds').replaceChildren(table([
    { key: 'kind', label: t('ui.col.kind'), format: kindName },
    { key: 'posts', label: t('ui.col.posts'), numeric: true, format: showCount },
    { key: 'views', label: t('ui.col.views'), numeric: true, format: showCount },
    { key: 'viewsPerPost', label: t('ui.col.viewsPerPost'), numeric: true, format: (v) => (v == null ? dash : number(v, { maximumFractionDigits: 0 })) },
    { key: 'likes', label: t('ui.col.likes'), numeric: true, format: showCount },
    { key: 'comments', label: t('ui.col.comments'), numeric: true, format: showCount },
    { key: 'clicks', label: t('ui.col.clicks'), numeric: true, format: showCount },
    { key: 'clickRate', label: t('ui.col.clickRate'), numeric: true, format: showRate, csv: (r) => r.clickRate ?? '' },
  ], e.kinds, { csvName: `${shop.code}-engagement-kinds-${e.from}-${e.to}`, caption: t('ui.engagement.byKind'), empty: t('ui.engagement.none') }));
  byId('eng-posts').replaceChildren(table([
    { key: 'localTime', label: t('ui.col.time'), nowrap: true, format: localLabel, csv: (r) => r.localTime ?? '' },
    { key: 'title', label: t('ui.col.title'), format: (v, r) => postLink(r.id, v), csv: (r) => r.title },
    { key: 'kind', label: t('ui.col.kind'), format: kindName },
    { key: 'views', label: t('ui.col.views'), numeric: true, format: showCount },
    { key: 'likes', label: t('ui.col.likes'), numeric: true, format: showCount },
    { key: 'comments', label: t('ui.col.comments'), numeric: true, format: showCount },
    { key: 'clicks', label: t('ui.col.clicks'), numeric: true, format: showCount },
  ], e.posts, { csvName: `${shop.code}-engagement-posts-${e.from}-${e.to}`, caption: t('ui.engagement.byPost'), empty: t('ui.engagement.none') }));
}

function moveEngagement(weeks) {
  engFrom = addDays(engFrom, 7 * weeks);
  showEngagement().catch(showError);
}

// ---------------------------------------------------------------- channels and settings

async function loadChannels() {
  const list = await api(`${shopPath}/channels`);
  channels = list.channels;
}

async function showChannelSettings() {
  const forms = await Promise.all(channels.map((c) => api(`${shopPath}/channels/${encodeURIComponent(c.id)}`)));
  byId('channels').replaceChildren(...(forms.length ? forms.map(channelForm) : [el('p', { class: 'empty' }, t('ui.channels.none'))]));
}

function channelForm(c) {
  const message = el('p', { class: 'field-error', role: 'alert' });
  const save = el('button', { type: 'submit', class: 'secondary small' }, t('ui.channels.save'));
  const inputs = c.settings.map((s) => el('div', { class: 'field' },
    el('label', { for: `ch-${c.id}-${s.key}` }, tOr(`ui.setting.${s.key}`, s.key)),
    // A secret shows only its masked tail; sent back unchanged, the server keeps the secret.
    el('input', { id: `ch-${c.id}-${s.key}`, name: s.key, type: s.secret ? 'password' : 'text', autocomplete: s.secret ? 'new-password' : 'off',
      value: c.values?.[s.key] ?? '' })));
  const form = el('form', { class: 'channel-form', dataset: { channel: c.id }, novalidate: true, onsubmit: (event) => {
    event.preventDefault();
    message.textContent = '';
    const body = Object.fromEntries(c.settings.map((s) => [s.key, form.elements[s.key].value]));
    busy(save, async () => {
      try {
        const after = await api(`${shopPath}/channels/${encodeURIComponent(c.id)}`, { method: 'PUT', body });
        form.replaceWith(channelForm(after));
        notify(t('ui.channels.saved', channelName(c.id)), 'ok');
        await loadChannels();
        if (state.post) await openPost(state.post, { scroll: false });
      } catch (e) {
        message.textContent = failure(e);
      }
    }).catch(showError);
  } },
  el('h3', {}, channelName(c.id), ' ',
    el('span', { class: `badge ${c.configured ? 'ok' : 'off'}`, dataset: { configured: c.configured } },
      t(c.configured ? 'ui.channels.setUp' : 'ui.channels.notSetUp'))),
  inputs.length ? el('div', { class: 'form-grid' }, inputs) : el('p', { class: 'muted' }, t('ui.channels.noSettings')),
  message,
  inputs.length ? el('div', { class: 'actions' }, save) : null);
  return form;
}

async function showSettings() {
  const s = await api(`${base}/settings`);
  byId('quota').value = s.dailyQuota;
}

function setUpSettings() {
  const form = byId('settings');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    byId('settings-error').textContent = '';
    const value = Number(byId('quota').value);
    busy(byId('settings-save'), async () => {
      try {
        const s = await api(`${base}/settings`, { method: 'PUT', body: { dailyQuota: Number.isInteger(value) ? value : byId('quota').value } });
        byId('quota').value = s.dailyQuota;
        notify(t('ui.settings.saved', s.dailyQuota), 'ok');
        await showCalendar();
      } catch (e) {
        byId('settings-error').textContent = failure(e);
      }
    }).catch(showError);
  });
}

// ---------------------------------------------------------------- the page

if (!shop) {
  byId('calendar-card').replaceWith(el('p', { class: 'empty' }, t('ui.noShop')));
} else {
  legend();
  byId('view-month').addEventListener('click', () => setView('month'));
  byId('view-week').addEventListener('click', () => setView('week'));
  byId('cal-prev').addEventListener('click', () => move(-1));
  byId('cal-next').addEventListener('click', () => move(1));
  byId('cal-today').addEventListener('click', () => move(0));
  byId('panel-close').addEventListener('click', closePanel);
  byId('eng-prev').addEventListener('click', () => moveEngagement(-1));
  byId('eng-next').addEventListener('click', () => moveEngagement(1));
  byId('new-post').hidden = !mayEdit;
  byId('drag-note').hidden = !mayEdit;
  byId('new-post').addEventListener('click', newPost);
  // Sections the user may not use are taken out, not just hidden: no form lingers for them.
  if (mayManageChannels) byId('channels-card').hidden = false;
  else byId('channels-card').remove();
  if (mayEdit) {
    byId('settings-card').hidden = false;
    setUpSettings();
  } else {
    byId('settings-card').remove();
  }
  remember();
  // The shop's time zone comes with the post list; "today" and the weeks follow it.
  await Promise.all([showUnplanned().catch(showError), loadChannels().catch(showError)]);
  // The last whole week (Monday to Sunday) before the one of the day shown.
  engFrom = addDays(monday(state.day || today), -7);
  await Promise.all([
    showCalendar().catch(showError),
    showEngagement().catch(showError),
    mayManageChannels ? showChannelSettings().catch(showError) : null,
    mayEdit ? showSettings().catch(showError) : null,
    state.post ? openPost(state.post).catch(showError) : null,
  ]);
}
