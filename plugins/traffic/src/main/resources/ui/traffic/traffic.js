// The traffic sources page: the shop's source → channel mappings, read and written over the JSON API.
// Everything user-supplied is put in with textContent, never as HTML.
const params = new URLSearchParams(location.search);
const lang = (params.get('lang') || navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
const text = {
  en: { title: 'Traffic sources', source: 'Source', channel: 'Channel', save: 'Save', saved: 'Saved.',
        empty: 'No source mapped yet: sources are placed by their names until you map them.', noShop: 'No shop yet.' },
  zh: { title: '流量来源', source: '来源', channel: '渠道', save: '保存', saved: '已保存。',
        empty: '还没有映射来源：在你映射之前，按来源名称自动归类。', noShop: '还没有店铺。' },
}[lang];
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
for (const [id, key] of [['title', 'title'], ['h-source', 'source'], ['h-channel', 'channel'], ['save', 'save']]) {
  document.getElementById(id).textContent = text[key];
}

const status = document.getElementById('status');

async function shopCode() {
  if (params.get('shop')) return params.get('shop');
  const shops = await (await fetch('/api/shops')).json();
  return shops.length ? shops[0].code : null;
}

const shop = await shopCode();
const base = shop && `/api/shops/${encodeURIComponent(shop)}/p/traffic`;
document.getElementById('shop').textContent = shop ? `· ${shop}` : '';

async function load() {
  if (!base) { status.textContent = text.noShop; return; }
  const body = await (await fetch(`${base}/channels`)).json();
  const tbody = document.querySelector('#channels tbody');
  tbody.replaceChildren();
  for (const row of body.channels) {
    const tr = document.createElement('tr');
    for (const value of [row.source, row.channel]) {
      const td = document.createElement('td');
      td.textContent = value;
      tr.append(td);
    }
    tbody.append(tr);
  }
  const empty = document.getElementById('empty');
  empty.textContent = text.empty;
  empty.hidden = body.channels.length > 0;
}

document.getElementById('add').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  const response = await fetch(`${base}/channels/${encodeURIComponent(form.get('source'))}`, {
    method: 'PUT', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel: form.get('channel') }),
  });
  status.textContent = response.ok ? text.saved : (await response.json()).error;
  await load();
});

await load();
