// Users: who may sign in, with which roles, for which shops (users.manage).
import { mount, api, t, el, byId, busy, table, dateTime, checkboxes, checkedValues, notify, showError, ROLES } from '/shell/shell.js';

await mount();
const shops = await api('/api/shops');
const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));
const shopOptions = shops.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }));

byId('new-roles').replaceChildren(checkboxes(t('users.roles'), 'roles', roleOptions));
byId('new-shops').replaceChildren(checkboxes(t('users.shops'), 'shops', shopOptions));

const dialog = byId('edit');
const editForm = byId('edit-user');
let editing = null;

function edit(user) {
  editing = user;
  byId('edit-title').textContent = t('users.edit', user.name);
  byId('edit-roles').replaceChildren(checkboxes(t('users.roles'), 'roles', roleOptions, user.roles));
  byId('edit-shops').replaceChildren(checkboxes(t('users.shops'), 'shops', shopOptions, user.shops));
  editForm.elements.active.checked = user.active;
  editForm.elements.password.value = '';
  dialog.showModal();
}

byId('edit-cancel').addEventListener('click', () => dialog.close());
editForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const change = { roles: checkedValues(editForm, 'roles'), shops: checkedValues(editForm, 'shops'), active: editForm.elements.active.checked };
  if (editForm.elements.password.value) change.password = editForm.elements.password.value;
  try {
    await api(`/api/users/${encodeURIComponent(editing.id)}`, { method: 'PUT', body: change });
    dialog.close();
    notify(t('users.saved', editing.name), 'ok');
    await load();
  } catch (error) {
    showError(error);
  }
});

async function load() {
  const users = await api('/api/users');
  byId('users').replaceChildren(table([
    { key: 'name', label: t('users.name') },
    { key: 'roles', label: t('users.roles'), format: (roles) => roles.map((r) => t(`role.${r}`)).join('、') },
    // An owner sees every shop whatever is granted (People.canSee).
    { key: 'shops', label: t('users.shops'), format: (codes, u) => (u.roles.includes('OWNER') ? t('users.allShops') : codes.join(', ')) },
    { key: 'active', label: t('users.active'), format: (on) => el('span', { class: `badge ${on ? 'ok' : 'off'}` }, t(on ? 'users.isActive' : 'users.isInactive')),
      csv: (u) => (u.active ? t('users.isActive') : t('users.isInactive')) },
    { key: 'createdAt', label: t('users.createdAt'), format: dateTime, nowrap: true },
    { key: 'id', label: t('common.actions'), csv: false,
      format: (id, user) => el('button', { type: 'button', class: 'secondary small', 'aria-label': t('users.edit', user.name), onclick: () => edit(user) }, t('common.edit')) },
  ], users, { csvName: 'users', caption: t('users.list') }));
}

const addForm = byId('add-user');
addForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  const user = { name: addForm.elements.name.value.trim(), password: addForm.elements.password.value,
    roles: checkedValues(addForm, 'roles'), shops: checkedValues(addForm, 'shops') };
  if (user.roles.length === 0) {
    notify(t('users.pickRole'), 'error');
    return;
  }
  await busy(addForm.querySelector('button[type="submit"]'), async () => {
    try {
      await api('/api/users', { method: 'POST', body: user });
      addForm.reset();
      notify(t('users.created', user.name), 'ok');
      await load();
    } catch (error) {
      showError(error);
    }
  });
});

await load().catch(showError);
