// API tokens of the signed-in user: for scripts (Authorization: Bearer …); a new token is shown once.
import { mount, api, t, el, byId, busy, table, dateTime, notify, showError } from '/shell/shell.js';

await mount();

async function load() {
  const tokens = await api('/api/tokens');
  byId('tokens').replaceChildren(table([
    { key: 'name', label: t('tokens.name') },
    { key: 'createdAt', label: t('tokens.createdAt'), format: dateTime, nowrap: true },
    { key: 'lastUsedAt', label: t('tokens.lastUsed'), format: dateTime, nowrap: true },
    { key: 'id', label: t('common.actions'), csv: false, format: (id, token) => el('button', {
      type: 'button', class: 'danger small', 'aria-label': t('tokens.revokeNamed', token.name),
      onclick: async () => {
        if (!confirm(t('tokens.confirmRevoke', token.name))) return;
        try {
          await api(`/api/tokens/${encodeURIComponent(id)}`, { method: 'DELETE' });
          notify(t('tokens.revoked', token.name), 'ok');
          await load();
        } catch (error) {
          showError(error);
        }
      } }, t('tokens.revoke')) },
  ], tokens, { csvName: 'tokens', caption: t('tokens.list') }));
}

const form = byId('create');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  await busy(form.querySelector('button'), async () => {
    try {
      const created = await api('/api/tokens', { method: 'POST', body: { name: form.elements.name.value.trim() } });
      byId('token-value').textContent = created.token;
      byId('new-token').hidden = false;
      form.reset();
      await load();
    } catch (error) {
      showError(error);
    }
  });
});

byId('copy').addEventListener('click', async () => {
  await navigator.clipboard.writeText(byId('token-value').textContent);
  notify(t('tokens.copied'), 'ok');
});

await load().catch(showError);
