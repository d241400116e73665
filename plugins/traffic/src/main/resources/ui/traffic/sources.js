// Traffic sources: the shop's source → channel mappings (free, paid, campaign…), read and written
// over the plugin's API. The shell draws the header and navigation and holds the messages.
import { mount, api, t, el, byId, busy, table, notify, showError } from '/shell/shell.js';

const CHANNELS = ['free', 'paid', 'campaign', 'direct', 'external', 'other'];
const { shop, can } = await mount({ bundle: 'traffic' });
const base = shop && `/api/shops/${encodeURIComponent(shop.code)}/p/traffic`;
const channelName = (c) => t(`channel.${c}`);

byId('channel').append(...CHANNELS.map((c) => el('option', { value: c }, channelName(c))));
byId('edit').hidden = !can('traffic.edit');

async function remove(row, button) {
  await busy(button, async () => {
    try {
      await api(`${base}/channels/${encodeURIComponent(row.source)}`, { method: 'DELETE' });
      notify(t('channels.removed', row.source), 'ok');
      await load();
    } catch (error) {
      showError(error);
    }
  });
}

async function load() {
  const { channels } = await api(`${base}/channels`);
  const columns = [
    { key: 'source', label: t('channels.source') },
    { key: 'channel', label: t('channels.channel'), format: channelName },
  ];
  if (can('traffic.edit')) {
    columns.push({ key: 'source', label: t('channels.actions'), csv: false, format: (source, row) => {
      const button = el('button', { type: 'button', class: 'danger small', 'aria-label': t('channels.removeNamed', source),
        onclick: () => remove(row, button) }, t('channels.remove'));
      return button;
    } });
  }
  byId('channels').replaceChildren(table(columns, channels,
    { csvName: `${shop.code}-traffic-sources`, caption: t('channels.mapped'), empty: t('channels.empty') }));
}

byId('add').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = event.target;
  const source = form.elements.source.value.trim();
  await busy(byId('save'), async () => {
    try {
      await api(`${base}/channels/${encodeURIComponent(source)}`, { method: 'PUT', body: { channel: form.elements.channel.value } });
      notify(t('channels.saved', source), 'ok');
      form.reset();
      await load();
    } catch (error) {
      showError(error);
    }
  });
});

if (shop) await load().catch(showError);
else byId('channels').textContent = t('channels.noShop');
