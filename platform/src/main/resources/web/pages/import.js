// Import an export file into the shop: upload → job → progress → counts and the rejected rows.
import { mount, api, t, tOr, el, byId, busy, table, number, dateTime, watchImport, showError, notify } from '/shell/shell.js';

const { shop, can } = await mount();
const form = byId('import');
const kindSelect = byId('kind');
const formatSelect = byId('format');

const kindLabel = (kind) => tOr(`kind.${kind}`, kind);
const stateLabel = (state) => tOr(`import.state.${state}`, state);

// the formats this user may import: all with data.import, else those whose own permission they have
const formats = (await api('/api/import-formats')).filter((f) => can('data.import') || (f.permission && can(f.permission)));
const kinds = [...new Set(formats.map((f) => f.kind))];
kindSelect.append(...kinds.map((k) => el('option', { value: k }, kindLabel(k))));

function showFormats() {
  formatSelect.replaceChildren(el('option', { value: '' }, t('import.autoDetect')),
    ...formats.filter((f) => f.kind === kindSelect.value).map((f) => el('option', { value: f.name }, f.name)));
}
kindSelect.addEventListener('change', showFormats);
// A plugin's page links here with its kind (and format) chosen: ?kind=competitors&format=peer-snapshot
const asked = new URLSearchParams(location.search);
if (kinds.includes(asked.get('kind'))) kindSelect.value = asked.get('kind');
showFormats();
if (formats.some((f) => f.kind === kindSelect.value && f.name === asked.get('format'))) formatSelect.value = asked.get('format');

async function showRecent() {
  const jobs = await api(`/api/shops/${encodeURIComponent(shop.code)}/imports`);
  byId('recent').replaceChildren(table([
    { key: 'createdAt', label: t('import.col.when'), format: dateTime, nowrap: true },
    { key: 'kind', label: t('import.kind'), format: kindLabel },
    { key: 'file', label: t('import.file') },
    { key: 'state', label: t('import.col.state'), format: stateLabel },
    { key: 'read', label: t('import.count.read'), numeric: true, format: (v) => number(v) },
    { key: 'rejected', label: t('import.count.rejected'), numeric: true, format: (v) => number(v) },
    { key: 'createdBy', label: t('import.col.by') },
  ], jobs, { csvName: `${shop.code}-imports`, caption: t('import.recent') }));
}

function showResult(job) {
  byId('result-card').hidden = false;
  const counts = ['read', 'imported', 'updated', 'unchanged', 'skipped', 'rejected'];
  byId('counts').replaceChildren(...counts.filter((c) => job[c] != null).map((c) =>
    el('div', { class: 'figure' }, el('dt', {}, t(`import.count.${c}`)), el('dd', {}, number(job[c])))));
  byId('result-message').textContent = [stateLabel(job.state), job.dryRun ? t('import.dryRunDone') : null, job.message]
    .filter(Boolean).join(' · ');
  const errors = job.errors ?? [];
  byId('rejected').replaceChildren(errors.length === 0 ? '' : el('div', {},
    el('h3', {}, t('import.rejectedRows')),
    job.errorsTruncated ? el('p', { class: 'muted' }, t('import.truncated', errors.length)) : null,
    table([
      { key: 'line', label: t('import.col.line'), numeric: true },
      { key: 'column', label: t('import.col.column') },
      { key: 'reason', label: t('import.col.reason') },
    ], errors, { csvName: `${shop.code}-rejected-rows`, caption: t('import.rejectedRows') })));
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!form.elements.file.files.length) {
    notify(t('import.chooseFile'), 'error');
    form.elements.file.focus();
    return;
  }
  const data = new FormData(form);
  if (!data.get('format')) data.delete('format');
  await busy(byId('start'), async () => {
    try {
      const job = await api(`/api/shops/${encodeURIComponent(shop.code)}/imports`, { method: 'POST', body: data });
      const done = await watchImport(job.id, byId('job'));
      showResult(done);
      await showRecent();
    } catch (error) {
      showError(error);
    }
  });
});

if (shop) await showRecent().catch(showError);
else byId('start').disabled = true;
