// The audit log: who changed what, when, in which shop (audit.view); filters, table, CSV download.
import { mount, api, t, tOr, el, byId, table, dateTime, showError } from '/shell/shell.js';

await mount();
const form = byId('filters');

/** A target that is a URL path, with its %-escapes turned back into the characters they stand for. */
function readable(target) {
  try {
    return target == null ? '' : decodeURIComponent(target);
  } catch {
    return target;
  }
}

function query() {
  const params = new URLSearchParams();
  for (const name of ['from', 'to', 'user', 'shop', 'action']) {
    const value = form.elements[name].value.trim();
    if (value) params.set(name, value);
  }
  if (form.elements.alerts.checked) params.set('alerts', 'true');
  return params;
}

async function load() {
  const params = query();
  byId('csv').href = `/api/audit.csv?${params}`;
  params.set('limit', '500');
  const entries = await api(`/api/audit?${params}`);
  const text = (v) => (v == null ? '' : typeof v === 'string' ? v : JSON.stringify(v));
  byId('entries').replaceChildren(table([
    { key: 'at', label: t('audit.at'), format: dateTime, nowrap: true, csv: (e) => e.at },
    { key: 'user', label: t('audit.user') },
    { key: 'shop', label: t('audit.shop') },
    // Known actions in words; a plugin's (its method and route) as the identifier it is.
    { key: 'action', label: t('audit.action'), format: (a) => tOr(`audit.do.${a}`, null) ?? el('code', {}, a), csv: (e) => e.action },
    { key: 'target', label: t('audit.target'), format: readable },
    { key: 'before', label: t('audit.before'), format: text },
    { key: 'after', label: t('audit.after'), format: text },
    { key: 'alert', label: t('audit.alert'), format: (a) => (a ? el('span', { class: 'badge bad' }, a) : '') },
  ], entries, { csvName: 'audit-log', caption: t('audit.entries') }));
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  load().catch(showError);
});
await load().catch(showError);
