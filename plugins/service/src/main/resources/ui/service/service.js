// Customer service (客服): the team's figures, inquiry conversion per agent against the team average and
// the target, the ranking with what the best agents do differently, the daily trend, and the settings.
// Every chart has its table, every table exports CSV. Data from the server only ever goes in as text
// (el(), textContent; chart tooltips are DOM nodes).
import { mount, api, t, el, byId, table, number, percent, notify, showError, draw } from '/shell/shell.js';

const { shop, can } = await mount({ bundle: 'service' });
const base = shop && `/api/shops/${encodeURIComponent(shop.code)}/p/service`;
const dash = '—';
const showRate = (v) => (v == null ? dash : percent(v));
const showNumber = (v, digits = 1) => (v == null ? dash : number(v, { maximumFractionDigits: digits }));
const showCount = (v) => (v == null ? dash : number(v));
// A finding's link names its agent: that agent's bar is outlined.
const focus = new URLSearchParams(location.search).get('agent');
const points = (v) => (v == null ? dash : `${v > 0 ? '+' : ''}${number(v * 100, { maximumFractionDigits: 1 })}`);

function tile(label, value, extra) {
  return el('div', { class: 'kpi' }, el('div', { class: 'kpi-label' }, label), el('div', { class: 'kpi-value' }, value),
    extra ? el('div', { class: 'muted' }, extra) : null);
}

function tip(title, lines) {
  return el('div', { class: 'chart-tip' }, el('strong', {}, title), ...lines.map((l) => el('div', {}, l)));
}

/** The figures' columns, shared by the ranking and the trend tables; CSV keeps the raw numbers. */
function figureColumns() {
  const col = (key, format, csv) => ({ key, label: t(`col.${key}`), numeric: true, format, csv: csv ?? ((r) => r[key] ?? '') });
  return [
    col('chats', showCount), col('inquiries', showCount), col('converted', showCount), col('conversion', showRate),
    col('averageResponseSeconds', (v) => showNumber(v)), col('refundRate', showRate),
    { key: 'onlineHours', label: t('col.onlineHours'), numeric: true, value: (r) => (r.onlineMinutes ?? 0) / 60,
      format: (v) => showNumber(v), csv: (r) => ((r.onlineMinutes ?? 0) / 60).toFixed(2) },
    col('chatsPerHour', (v) => showNumber(v)), col('score', (v) => showNumber(v, 2)), col('satisfaction', showRate),
    col('followUpRate', showRate), col('messagesPerChat', (v) => showNumber(v)),
  ];
}

async function show(from, to) {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const [team, ranking, trend] = await Promise.all([api(`${base}/team?${q}`), api(`${base}/ranking?${q}`), api(`${base}/trend?${q}`)]);
  byId('from').value = team.from;
  byId('to').value = team.to;
  const f = team.team;
  byId('team').replaceChildren(
    tile(t('col.chats'), showCount(f.chats)),
    tile(t('col.inquiries'), showCount(f.inquiries)),
    tile(t('col.conversion'), showRate(f.conversion), `${t('ui.chart.target')} ${showRate(team.target)}`),
    tile(t('col.averageResponseSeconds'), showNumber(f.averageResponseSeconds)),
    tile(t('col.onlineHours'), showNumber(f.onlineMinutes / 60)),
    tile(t('col.refundRate'), showRate(f.refundRate)),
    tile(t('col.score'), showNumber(f.score, 2)),
    tile(t('col.satisfaction'), showRate(f.satisfaction)),
    tile(t('col.followUpRate'), showRate(f.followUpRate)));
  if (f.chats === 0) notify(t('ui.empty'));

  const ranked = ranking.places.filter((p) => p.conversion != null);
  const host = byId('conversion-chart');
  host.setAttribute('aria-label', t('ui.chart.title'));
  await draw(host, {
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', formatter: (ps) => {
      const p = ranked[ps[0].dataIndex];
      return tip(p.agent, [`${t('col.conversion')} ${showRate(p.conversion)} (${showCount(p.converted)} / ${showCount(p.inquiries)})`,
        `${t('ui.chart.team')} ${showRate(ranking.team.conversion)} · ${t('ui.chart.target')} ${showRate(ranking.target)}`]);
    } },
    xAxis: { type: 'category', data: ranked.map((p) => p.agent) },
    yAxis: { type: 'value', axisLabel: { formatter: (v) => percent(v) } },
    series: [{
      name: t('ui.chart.conversion'), type: 'bar',
      data: ranked.map((p) => ({ value: p.conversion, itemStyle: { color: p.position === 'below' ? '#e8590c' : '#1c7ed6',
        ...(p.agent === focus ? { borderColor: '#212529', borderWidth: 3 } : {}) } })),
      markLine: { silent: true, symbol: 'none', data: [
        ...(ranking.team.conversion == null ? [] : [{ name: t('ui.chart.team'), yAxis: ranking.team.conversion,
          lineStyle: { type: 'dashed', color: '#495057' }, label: { formatter: t('ui.chart.team'), position: 'insideEndTop' } }]),
        { name: t('ui.chart.target'), yAxis: ranking.target, lineStyle: { type: 'solid', color: '#2b8a3e' },
          label: { formatter: t('ui.chart.target'), position: 'insideStartTop' } }] },
    }],
  });

  byId('best').textContent = ranking.summary;
  byId('ranking').replaceChildren(table([
    { key: 'rank', label: t('col.rank'), numeric: true, format: (v) => (v == null ? dash : String(v)), csv: (r) => r.rank ?? '' },
    { key: 'agent', label: t('col.agent') },
    { key: 'position', label: t('col.position'), format: (v) => el('span', { class: `pos-${v}` }, t(`position.${v}`)), csv: (r) => r.position },
    { key: 'vsTeam', label: t('col.vsTeam'), numeric: true, format: points, csv: (r) => r.vsTeam ?? '' },
    ...figureColumns(),
  ], ranking.places, { csvName: `${shop.code}-service-ranking-${ranking.from}-${ranking.to}`, caption: t('ui.ranking.title') }));

  const days = trend.days;
  const trendHost = byId('trend-chart');
  trendHost.setAttribute('aria-label', t('ui.trend.title'));
  await draw(trendHost, {
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', formatter: (ps) => tip(ps[0].axisValue, [
      `${t('ui.trend.response')} ${showNumber(days[ps[0].dataIndex].averageResponseSeconds)}`,
      `${t('ui.trend.conversion')} ${showRate(days[ps[0].dataIndex].conversion)}`]) },
    xAxis: { type: 'category', data: days.map((d) => d.day) },
    yAxis: [{ type: 'value' },
      { type: 'value', axisLabel: { formatter: (v) => percent(v) }, splitLine: { show: false } }],
    series: [
      { name: t('ui.trend.response'), type: 'line', data: days.map((d) => d.averageResponseSeconds ?? '-') },
      { name: t('ui.trend.conversion'), type: 'line', yAxisIndex: 1, data: days.map((d) => d.conversion ?? '-') },
    ],
  });
  byId('trend').replaceChildren(table([{ key: 'day', label: t('col.day'), nowrap: true }, ...figureColumns()], days,
    { csvName: `${shop.code}-service-trend-${trend.from}-${trend.to}`, caption: t('ui.trend.title') }));
}

async function showSettings() {
  if (!can('service.edit')) return;
  const s = await api(`${base}/settings`);
  const form = byId('settings');
  const inputs = Object.keys(s).map((key) => el('input', { type: 'number', step: 'any', name: key, value: String(s[key]) }));
  form.replaceChildren(...inputs.map((input) => el('label', {}, el('span', {}, t(`set.${input.name}`)), input)),
    el('button', { type: 'submit' }, t('ui.settings.save')));
  form.onsubmit = async (event) => {
    event.preventDefault();
    const body = Object.fromEntries(inputs.map((input) => [input.name, Number(input.value)]));
    try {
      await api(`${base}/settings`, { method: 'PUT', body });
      notify(t('ui.settings.saved'), 'ok');
      await show(byId('from').value, byId('to').value);
    } catch (error) {
      showError(error);
    }
  };
  byId('settings-card').hidden = false;
}

if (!shop) {
  byId('main').append(el('p', { class: 'empty' }, t('ui.noShop')));
} else {
  const params = new URLSearchParams(location.search);
  byId('period').addEventListener('submit', (event) => {
    event.preventDefault();
    show(byId('from').value, byId('to').value).catch(showError);
  });
  try {
    await show(params.get('from'), params.get('to'));
    await showSettings();
  } catch (error) {
    showError(error);
  }
}
