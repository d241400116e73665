// Delivery times: average hours from shipping to signature per courier as bars, and the couriers' figures as
// a table with CSV export. Courier names come from imported files: they go in as text only (table(), ECharts).
import { mount, api, t, table, number, percent, draw, showError } from '/shell/shell.js';

const { shop } = await mount({ bundle: 'deliveries' });
const base = `/api/shops/${encodeURIComponent(shop.code)}/p/deliveries`;

try {
  const { couriers } = await api(`${base}/couriers`);
  const named = couriers.map((c) => ({ ...c, name: c.courier === 'all' ? t('ui.all') : c.courier }));
  await draw(document.getElementById('chart'), {
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: named.map((c) => c.name) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', name: t('ui.hours'), data: named.map((c) => (c.averageHours == null ? null : Math.round(c.averageHours * 10) / 10)) }],
  });
  const showNumber = (v) => (v == null ? '—' : number(v));
  document.getElementById('couriers').replaceChildren(table([
    { key: 'name', label: t('ui.courier') },
    { key: 'parcels', label: t('ui.parcels'), numeric: true, format: showNumber },
    { key: 'delivered', label: t('ui.delivered'), numeric: true, format: showNumber },
    { key: 'averageHours', label: t('ui.hours'), numeric: true, format: (v) => (v == null ? '—' : number(Math.round(v * 10) / 10)) },
    { key: 'late', label: t('ui.late'), numeric: true, format: showNumber },
    { key: 'lateShare', label: t('ui.lateShare'), numeric: true, format: (v) => (v == null ? '—' : percent(v)) },
  ], named, { csvName: `${shop.code}-deliveries`, empty: t('ui.empty') }));
} catch (e) {
  showError(e);
}
