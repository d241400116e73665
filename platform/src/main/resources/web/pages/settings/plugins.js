// Plugins: what is installed, enable/disable, install from a file, remove (plugins.manage).
import { mount, api, t, tOr, el, byId, busy, table, progress, refreshNav, notify, showError, fetchBundle } from '/shell/shell.js';

await mount();

const STATE_CLASS = { STARTED: 'ok', DISABLED: 'off', STOPPED: 'off', FAILED: 'bad', REFUSED: 'bad' };

async function act(button, work, message) {
  await busy(button, async () => {
    try {
      await work();
      notify(message, 'ok');
      await load();
      await refreshNav();
    } catch (error) {
      showError(error);
    }
  });
}

function actions(plugin) {
  const id = encodeURIComponent(plugin.id);
  const on = plugin.state === 'STARTED';
  const toggle = el('button', { type: 'button', class: 'secondary small', dataset: { action: on ? 'disable' : 'enable', plugin: plugin.id },
    onclick: () => act(toggle, () => api(`/api/plugins/${id}/${on ? 'disable' : 'enable'}`, { method: 'POST' }),
      t(on ? 'plugins.disabled' : 'plugins.enabled', plugin.id)) }, t(on ? 'plugins.disable' : 'plugins.enable'));
  const remove = el('button', { type: 'button', class: 'danger small', dataset: { action: 'remove', plugin: plugin.id },
    onclick: () => {
      if (confirm(t('plugins.confirmRemove', plugin.id))) {
        act(remove, () => api(`/api/plugins/${id}`, { method: 'DELETE' }), t('plugins.removed', plugin.id));
      }
    } }, t('plugins.remove'));
  return el('div', { class: 'actions' }, toggle, remove);
}

/** A running plugin describes itself in the UI language (plugin.description in its messages), else as installed. */
async function describe(plugin) {
  if (plugin.state !== 'STARTED') return plugin.description;
  const messages = await fetchBundle(plugin.id).catch(() => ({}));
  return messages['plugin.description'] ?? plugin.description;
}

async function load() {
  const plugins = await api('/api/plugins');
  await Promise.all(plugins.map(async (p) => { p.description = await describe(p); }));
  byId('plugins').replaceChildren(table([
    { key: 'id', label: t('plugins.id') },
    { key: 'version', label: t('plugins.version') },
    { key: 'description', label: t('plugins.description') },
    { key: 'state', label: t('plugins.state'),
      format: (state) => el('span', { class: `badge ${STATE_CLASS[state] ?? ''}` }, tOr(`plugins.state.${state}`, state)),
      csv: (p) => p.state },
    { key: 'error', label: t('plugins.error') },
    { key: 'id', label: t('common.actions'), csv: false, format: (_, p) => actions(p) },
  ], plugins, { csvName: 'plugins', caption: t('plugins.installed') }));
}

const form = byId('install');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = form.elements.file.files[0];
  if (!file) return;
  const bar = progress(byId('install-progress'), t('plugins.installing'));
  bar.update(null, t('plugins.installing'));
  await busy(byId('install-button'), async () => {
    try {
      const plugin = await api('/api/plugins', { method: 'POST', body: new FormData(form) });
      bar.update(1, t('plugins.installed1', plugin.id, tOr(`plugins.state.${plugin.state}`, plugin.state)));
      form.reset();
      await load();
      await refreshNav();
    } catch (error) {
      bar.update(0, '');
      showError(error);
    }
  });
});

await load().catch(showError);
