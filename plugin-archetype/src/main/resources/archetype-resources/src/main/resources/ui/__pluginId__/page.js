// The shop's diary: a chart of notes per day, the notes as a table (with CSV export) and, for those who may
// write, a form. The plugin's id is read from this page's address (/ui/<id>/index.html), so the page needs no
// build step. Everything from the server goes in as text (el(), table()): a note is what a colleague typed.
import { mount, api, t, el, table, dateTime, draw, showError, notify } from '/shell/shell.js';

const plugin = location.pathname.split('/')[2];
const { shop, can } = await mount({ bundle: plugin });
const base = `/api/shops/${encodeURIComponent(shop.code)}/p/${plugin}`;

async function load() {
  const { from, to, notes } = await api(`${base}/notes`);
  const perDay = new Map();
  for (let d = new Date(from); d <= new Date(to); d.setUTCDate(d.getUTCDate() + 1)) perDay.set(d.toISOString().slice(0, 10), 0);
  for (const n of notes) perDay.set(n.day, (perDay.get(n.day) || 0) + 1);
  await draw(document.getElementById('chart'), {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: [...perDay.keys()] },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: t('ui.chart'), data: [...perDay.values()] }],
  });
  document.getElementById('notes').replaceChildren(table([
    { key: 'day', label: t('ui.day'), nowrap: true },
    { key: 'text', label: t('ui.text') },
    { key: 'author', label: t('ui.author') },
    { key: 'writtenAt', label: t('ui.writtenAt'), format: dateTime, nowrap: true },
  ], notes.slice().reverse(), { csvName: `${shop.code}-${plugin}`, empty: t('ui.empty') }));
}

if (can(`${plugin}.edit`)) {
  document.getElementById('add-card').hidden = false;
  document.getElementById('day').value = new Date().toISOString().slice(0, 10);
  document.getElementById('add').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    try {
      await api(`${base}/notes`, { method: 'POST', body: { day: form.day.value, text: form.text.value } });
      form.text.value = '';
      notify(t('ui.save'));
      await load();
    } catch (e) {
      showError(e);
    }
  });
}
await load().catch(showError);
