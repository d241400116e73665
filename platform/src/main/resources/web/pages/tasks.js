// The task board: the shop's tasks by status (open, doing, done, dropped), each with its role, assignee,
// due day and the finding it came from; a detail panel with comments; the weekly meeting's view by role;
// CSV. Whoever may read sees the board; moving, editing and commenting need tasks.edit.
import { mount, api, t, tOr, el, byId, busy, number, money, percent, dateTime, toCsv, downloadCsv, notify, showError, ROLES }
  from '/shell/shell.js';

const STATUSES = ['OPEN', 'DOING', 'DONE', 'DROPPED'];
/** The moves a card offers from each status, the usual next step first. */
const MOVES = { OPEN: ['DOING', 'DONE', 'DROPPED'], DOING: ['DONE', 'OPEN', 'DROPPED'], DONE: ['OPEN'], DROPPED: ['OPEN'] };

const context = await mount();
const { shop } = context;
const canEdit = context.can('tasks.edit');
const base = shop ? `/api/shops/${encodeURIComponent(shop.code)}/tasks` : null;
/** The shop's today (its time zone), as the server says: a task due before it and still open is late. */
let today = null;
let assignees = [];

// ---- what a task looks like ----

/** A standing check's title and detail in the reader's language; any other task's as written. */
function titleOf(task) {
  return task.checkKey ? tOr(`tasks.check.${task.checkKey}`, task.title) : task.title;
}

function detailOf(task) {
  return task.checkKey ? tOr(`tasks.checkDetail.${task.checkKey}`, task.detail) : task.detail;
}

function isLate(task) {
  return (task.status === 'OPEN' || task.status === 'DOING') && task.due != null && today != null && task.due < today;
}

function roleName(role) {
  return role ? t(`role.${role}`) : t('tasks.noRole');
}

/** A finding's figure as its unit says: money in minor units, rates as fractions. */
function figure(value, unit) {
  if (value == null || value === '') return '';
  const v = Number(value);
  switch (String(unit || '').toLowerCase()) {
    case 'money': return money(v, shop.currency);
    case 'rate': return percent(v);
    case 'count': return number(v, { maximumFractionDigits: 0 });
    case 'seconds': return t('tasks.seconds', number(v, { maximumFractionDigits: 0 }));
    default: return number(v, { maximumFractionDigits: 2 });
  }
}

function figuresText(task) {
  const f = task.figures || {};
  if (f.value == null) return null;
  return f.expected == null ? t('tasks.figureValue', figure(f.value, f.unit))
    : t('tasks.figures', figure(f.value, f.unit), figure(f.expected, f.unit));
}

/** The link back to the finding in its day's briefing, with the figures as they were. */
function findingBlock(task) {
  if (!task.findingDay || !task.findingKey) return null;
  const href = `/?shop=${encodeURIComponent(shop.code)}&date=${encodeURIComponent(task.findingDay)}`
    + `#finding-${encodeURIComponent(task.findingKey)}`;
  const figures = figuresText(task);
  return el('div', { class: 'finding' },
    el('a', { href, class: 'finding-link' }, t('tasks.fromFinding', task.findingDay)),
    task.figures?.title && task.figures.title !== task.title ? el('span', { class: 'muted' }, task.figures.title) : null,
    figures ? el('span', { class: 'figures-line' }, figures) : null);
}

function dueLabel(task) {
  if (!task.due) return el('span', { class: 'due' }, t('tasks.noDue'));
  const late = isLate(task);
  return el('span', { class: `due${late ? ' late' : ''}` }, t('tasks.due', task.due), late ? ` · ${t('tasks.overdue')}` : '');
}

function moveLabel(from, to) {
  if (to === 'OPEN') return from === 'DOING' ? t('tasks.move.back') : t('tasks.move.OPEN');
  return t(`tasks.move.${to}`);
}

function card(task) {
  const title = titleOf(task);
  return el('li', { class: `task-card${isLate(task) ? ' late' : ''}`, id: `task-${task.id}`, dataset: { id: String(task.id), status: task.status } },
    el('button', { type: 'button', class: 'link task-title', onclick: () => openTask(task.id).catch(showError) }, title),
    el('div', { class: 'task-meta' },
      el('span', { class: 'badge role' }, roleName(task.role)),
      task.assigneeName ? el('span', { class: 'assignee' }, task.assigneeName) : null,
      dueLabel(task),
      task.recurrence ? el('span', { class: 'badge' }, t(`tasks.recurs.${task.recurrence}`)) : null,
      task.comments ? el('span', {}, t('tasks.comments', task.comments)) : null),
    findingBlock(task),
    canEdit ? el('div', { class: 'actions' }, MOVES[task.status].map((to) => el('button', {
      type: 'button', class: 'secondary small', dataset: { move: to }, 'aria-label': t('tasks.moveNamed', moveLabel(task.status, to), title),
      onclick: (event) => move(task, to, event.currentTarget),
    }, moveLabel(task.status, to)))) : null);
}

// ---- the board ----

function options(select, items, chosen) {
  select.replaceChildren(...items.map(([value, label]) => el('option', { value, selected: value === chosen }, label)));
}

function roleOptions(blank) {
  return [['', blank], ...ROLES.map((r) => [r, t(`role.${r}`)])];
}

function assigneeOptions(blank) {
  return [['', blank], ...assignees.map((u) => [String(u.id), u.name])];
}

function filterParams() {
  const params = new URLSearchParams();
  const role = byId('filter-role').value;
  const assignee = byId('filter-assignee').value;
  if (role) params.set('role', role);
  if (assignee) params.set('assignee', assignee);
  return params;
}

async function loadBoard() {
  const params = filterParams();
  byId('csv').href = `${base}.csv?${params}`;
  const answer = await api(`${base}?${params}`);
  today = answer.today;
  byId('board').replaceChildren(...STATUSES.map((status) => {
    const tasks = answer.tasks.filter((task) => task.status === status);
    return el('section', { class: 'column', id: `column-${status}`, 'aria-labelledby': `column-${status}-title` },
      el('h2', { id: `column-${status}-title` }, t(`tasks.status.${status}`), el('span', { class: 'column-count' }, number(tasks.length))),
      tasks.length === 0 ? el('p', { class: 'empty' }, t('tasks.empty')) : el('ul', { class: 'cards' }, tasks.map(card)));
  }));
}

async function move(task, to, button) {
  await busy(button, async () => {
    try {
      await api(`${base}/${task.id}`, { method: 'PUT', body: { status: to } });
      await loadBoard();
    } catch (error) {
      showError(error);
    }
  });
}

function setUpNewTask() {
  byId('new-card').hidden = false;
  options(byId('new-role'), roleOptions(t('tasks.noRole')), '');
  options(byId('new-assignee'), assigneeOptions(t('tasks.unassigned')), '');
  const form = byId('new-task');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = form.elements;
    const body = { title: f.title.value.trim() };
    if (f.detail.value.trim()) body.detail = f.detail.value.trim();
    if (f.role.value) body.role = f.role.value;
    if (f.assignee.value) body.assigneeId = Number(f.assignee.value);
    if (f.due.value) body.due = f.due.value;
    await busy(form.querySelector('button[type="submit"]'), async () => {
      try {
        const made = await api(base, { method: 'POST', body });
        form.reset();
        notify(t('tasks.created', made.id), 'ok');
        await loadBoard();
      } catch (error) {
        showError(error);
      }
    });
  });
}

// ---- one task: details, changes, comments ----

const dialog = byId('task-dialog');
byId('task-close').addEventListener('click', () => dialog.close());

/** A comment as text (never markup); ShopOps' own notes in the reader's language. */
function commentItem(c) {
  let text = c.text;
  if (c.userId == null) {
    const reopened = /^Reopened for (week )?(.+)\.$/.exec(c.text);
    if (reopened) text = t(reopened[1] ? 'tasks.reopenedWeek' : 'tasks.reopenedDay', reopened[2]);
  }
  return el('li', { class: c.userId == null ? 'system' : null },
    el('strong', {}, c.userId == null ? t('tasks.system') : c.userName), ' ',
    el('span', { class: 'muted' }, dateTime(c.at)),
    el('p', { class: 'pre-line comment-text' }, text));
}

function field(id, label, control) {
  return el('div', { class: 'field' }, el('label', { for: id }, label), control);
}

function editForm(task) {
  const status = el('select', { id: 'edit-status', name: 'status' },
    STATUSES.map((s) => el('option', { value: s, selected: s === task.status }, t(`tasks.status.${s}`))));
  const title = el('input', { id: 'edit-title', name: 'title', required: true, maxlength: '200', value: task.title });
  const role = el('select', { id: 'edit-role', name: 'role' });
  options(role, roleOptions(t('tasks.noRole')), task.role ?? '');
  const assignee = el('select', { id: 'edit-assignee', name: 'assignee' });
  const known = assigneeOptions(t('tasks.unassigned'));
  if (task.assigneeId != null && !assignees.some((u) => u.id === task.assigneeId)) {
    known.push([String(task.assigneeId), task.assigneeName ?? `#${task.assigneeId}`]);
  }
  options(assignee, known, task.assigneeId == null ? '' : String(task.assigneeId));
  const due = el('input', { id: 'edit-due', name: 'due', type: 'date', value: task.due ?? '' });
  const detail = el('textarea', { id: 'edit-detail', name: 'detail', rows: '4', maxlength: '4000' });
  detail.value = task.detail ?? '';
  const form = el('form', { id: 'edit-task', class: 'stack' },
    el('div', { class: 'row' }, field('edit-status', t('tasks.field.status'), status), field('edit-due', t('tasks.field.due'), due)),
    field('edit-title', t('tasks.field.title'), title),
    el('div', { class: 'row' }, field('edit-role', t('tasks.field.role'), role), field('edit-assignee', t('tasks.field.assignee'), assignee)),
    field('edit-detail', t('tasks.field.detail'), detail),
    el('div', {}, el('button', { type: 'submit' }, t('common.save'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    // Only what changed is sent; an emptied field is sent as null, which empties it.
    const change = {};
    if (status.value !== task.status) change.status = status.value;
    if (title.value.trim() !== task.title) change.title = title.value.trim();
    if (role.value !== (task.role ?? '')) change.role = role.value || null;
    if (assignee.value !== (task.assigneeId == null ? '' : String(task.assigneeId))) change.assigneeId = assignee.value ? Number(assignee.value) : null;
    if (due.value !== (task.due ?? '')) change.due = due.value || null;
    if (detail.value.trim() !== (task.detail ?? '')) change.detail = detail.value.trim() || null;
    await busy(form.querySelector('button[type="submit"]'), async () => {
      try {
        await api(`${base}/${task.id}`, { method: 'PUT', body: change });
        notify(t('tasks.saved', task.id), 'ok');
        await Promise.all([openTask(task.id), loadBoard()]);
      } catch (error) {
        showError(error);
      }
    });
  });
  return form;
}

function commentForm(task) {
  const text = el('textarea', { id: 'comment-text', name: 'text', rows: '3', maxlength: '4000', required: true });
  const form = el('form', { id: 'comment-form', class: 'stack' },
    field('comment-text', t('tasks.commentText'), text),
    el('div', {}, el('button', { type: 'submit' }, t('tasks.commentSend'))));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await busy(form.querySelector('button[type="submit"]'), async () => {
      try {
        await api(`${base}/${task.id}/comments`, { method: 'POST', body: { text: text.value } });
        await Promise.all([openTask(task.id), loadBoard()]);
      } catch (error) {
        showError(error);
      }
    });
  });
  return form;
}

async function openTask(id) {
  const { task, comments } = await api(`${base}/${encodeURIComponent(id)}`);
  const detail = detailOf(task);
  const made = task.createdBy ? t('tasks.createdBy', task.createdBy, dateTime(task.createdAt)) : t('tasks.createdBySystem', dateTime(task.createdAt));
  byId('task-body').replaceChildren(
    el('h2', { id: 'task-dialog-title' }, t('tasks.number', task.id), ' ', titleOf(task)),
    el('div', { class: 'task-meta' },
      el('span', { class: 'badge' }, t(`tasks.status.${task.status}`)),
      el('span', { class: 'badge role' }, roleName(task.role)),
      task.assigneeName ? el('span', {}, task.assigneeName) : el('span', {}, t('tasks.unassigned')),
      dueLabel(task),
      task.recurrence ? el('span', { class: 'badge' }, t(`tasks.recurs.${task.recurrence}`)) : null),
    detail ? el('p', { class: 'pre-line task-detail' }, detail) : null,
    findingBlock(task),
    el('p', { class: 'muted' }, made, task.doneAt ? ` · ${t('tasks.closedAt', dateTime(task.doneAt))}` : ''),
    canEdit ? editForm(task) : null,
    el('h3', {}, t('tasks.commentsTitle')),
    comments.length ? el('ul', { class: 'comments', id: 'comments' }, comments.map(commentItem))
      : el('p', { class: 'empty', id: 'comments' }, t('tasks.noComments')),
    canEdit ? commentForm(task) : null);
  if (!dialog.open) dialog.showModal();
}

// ---- the weekly meeting ----

let week = null;

function weekList(title, tasks, kind) {
  if (tasks.length === 0) return null;
  return el('div', { class: `week-list week-${kind}` }, el('h4', {}, title, ' ', el('span', { class: 'muted' }, number(tasks.length))),
    el('ul', {}, tasks.map((task) => el('li', { dataset: { id: String(task.id) } },
      el('button', { type: 'button', class: 'link', onclick: () => openTask(task.id).catch(showError) }, titleOf(task)),
      el('span', { class: 'muted' }, ' · ', t(`tasks.status.${task.status}`), task.assigneeName ? ` · ${task.assigneeName}` : ''),
      ' · ', dueLabel(task)))));
}

async function loadWeek(asked) {
  week = await api(`${base}/week${asked ? `?week=${encodeURIComponent(asked)}` : ''}`);
  today = week.today;
  byId('week').value = week.week;
  byId('week-range').textContent = t('tasks.weekRange', week.from, week.to);
  byId('week-totals').textContent = t('tasks.weekTotals', week.total.due, week.total.done, week.total.overdue);
  byId('week-roles').replaceChildren(...(week.roles.length === 0 ? [el('p', { class: 'empty card' }, t('tasks.weekEmpty'))]
    : week.roles.map((r) => el('section', { class: 'card role-week', dataset: { role: r.role ?? 'none' }, 'aria-labelledby': `week-${r.role ?? 'none'}` },
      el('h3', { id: `week-${r.role ?? 'none'}` }, roleName(r.role),
        el('span', { class: 'muted' }, t('tasks.weekTotals', r.counts.due, r.counts.done, r.counts.overdue))),
      weekList(t('tasks.weekOverdue'), r.overdue, 'overdue'),
      weekList(t('tasks.weekDue'), r.due, 'due'),
      weekList(t('tasks.weekDone'), r.done, 'done')))));
}

function weekCsv() {
  if (!week) return;
  const rows = [];
  for (const r of week.roles) {
    for (const [kind, tasks] of [['weekOverdue', r.overdue], ['weekDue', r.due], ['weekDone', r.done]]) {
      for (const task of tasks) {
        rows.push([roleName(r.role), t(`tasks.${kind}`), task.id, titleOf(task), task.assigneeName ?? '', task.due ?? '',
          t(`tasks.status.${task.status}`)]);
      }
    }
  }
  downloadCsv(`${shop.code}-tasks-${week.week}`, toCsv([t('tasks.field.role'), t('tasks.list'), t('tasks.id'), t('tasks.field.title'),
    t('tasks.field.assignee'), t('tasks.field.due'), t('tasks.field.status')], rows));
}

// ---- tabs ----

function showTab(name) {
  const isWeek = name === 'week';
  byId('board-panel').hidden = isWeek;
  byId('week-panel').hidden = !isWeek;
  for (const [tab, selected] of [[byId('tab-board'), !isWeek], [byId('tab-week'), isWeek]]) {
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
  }
  history.replaceState(history.state, '', isWeek ? '#week' : location.pathname + location.search);
  return (isWeek ? loadWeek(byId('week').value) : loadBoard()).catch(showError);
}

function setUpTabs() {
  const tabs = [byId('tab-board'), byId('tab-week')];
  tabs[0].addEventListener('click', () => showTab('board'));
  tabs[1].addEventListener('click', () => showTab('week'));
  for (const tab of tabs) {
    tab.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
      const other = tabs[tab === tabs[0] ? 1 : 0];
      other.focus();
      other.click();
    });
  }
}

if (!shop) {
  byId('board-panel').replaceChildren(el('p', { class: 'empty' }, t('home.noShop')));
  byId('tab-week').hidden = true;
} else {
  byId('heading').textContent = t('tasks.headingShop', shop.name);
  assignees = await api(`${base}/assignees`).catch((error) => {
    showError(error);
    return [];
  });
  options(byId('filter-role'), [...roleOptions(t('tasks.anyRole')), ['none', t('tasks.noRole')]], '');
  options(byId('filter-assignee'), [['', t('tasks.anyone')], ['me', t('tasks.me')],
    ...assignees.map((u) => [String(u.id), u.name]), ['none', t('tasks.unassigned')]], '');
  byId('filters').addEventListener('change', () => loadBoard().catch(showError));
  byId('filters').addEventListener('submit', (event) => event.preventDefault());
  byId('week').addEventListener('change', (event) => {
    if (event.target.value) loadWeek(event.target.value).catch(showError);
  });
  byId('week-csv').addEventListener('click', weekCsv);
  if (canEdit) setUpNewTask();
  else byId('read-only').hidden = false;
  setUpTabs();
  await showTab(location.hash === '#week' ? 'week' : 'board');
  const asked = new URLSearchParams(location.search).get('task');
  if (asked) await openTask(asked).catch(showError);
}
