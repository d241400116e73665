// Roles: which role holds which permission, one checkbox per permission and role (users.manage).
import { mount, api, t, tOr, el, byId, table, notify, showError, fetchBundle, ROLES } from '/shell/shell.js';

await mount();

async function change(permission, role, box) {
  const roles = new Set(permission.roles);
  if (box.checked) roles.add(role);
  else roles.delete(role);
  box.disabled = true;
  try {
    const saved = await api(`/api/permissions/${encodeURIComponent(permission.name)}`, { method: 'PUT', body: { roles: [...roles] } });
    permission.roles = saved?.roles ?? [...roles];
    notify(t('roles.saved', permission.name), 'ok');
  } catch (error) {
    box.checked = !box.checked;
    showError(error);
  } finally {
    box.disabled = false;
  }
}

const permissions = await api('/api/permissions');
// A plugin names its permissions in its own messages; the core's are in the page's.
const owners = [...new Set(permissions.map((p) => p.owner).filter((o) => o && o !== 'core'))];
const bundles = Object.fromEntries(await Promise.all(owners.map(async (o) => [o, await fetchBundle(o).catch(() => ({}))])));
const label = (p) => bundles[p.owner]?.[`permission.${p.name}`] ?? tOr(`permission.${p.name}`, p.description || p.name);
const columns = [
  { key: 'name', label: t('roles.permission'),
    format: (name, p) => el('span', {}, el('strong', {}, label(p)), el('br'), el('code', { class: 'muted' }, name)),
    csv: (p) => p.name },
  { key: 'owner', label: t('roles.owner'), format: (owner) => (owner === 'core' ? t('roles.core') : owner) },
  ...ROLES.map((role) => ({
    key: role, label: t(`role.${role}`), value: (p) => p.roles.includes(role),
    format: (on, p) => el('input', { type: 'checkbox', checked: on, 'aria-label': t('roles.grant', t(`role.${role}`), label(p)),
      dataset: { permission: p.name, role }, onchange: (event) => change(p, role, event.target) }),
    csv: (p) => (p.roles.includes(role) ? '✓' : ''),
  })),
];
const matrix = table(columns, permissions, { csvName: 'roles-permissions', caption: t('roles.matrix') });
matrix.querySelector('table')?.classList.add('matrix');
byId('matrix').replaceChildren(matrix);
