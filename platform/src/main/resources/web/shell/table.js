// Tables of data: cells are filled with textContent only, and every table can be saved as CSV.
import { el } from './dom.js';
import { t } from './i18n.js';

/**
 * A table with an "Export CSV" button. columns: [{key, label, value?, format?, numeric?, csv?}]
 * - value(row): the cell's value (default row[key]);
 * - format(value, row): what is shown, a string or a node built with el() (default: the value);
 * - numeric: right-aligned figures; nowrap: kept on one line (dates, codes);
 * - csv(row): what goes in the CSV file (default: the shown text), or csv: false to leave it out
 *   (a column of buttons).
 * Options: csvName, caption, empty (the text of an empty table), and current(row): true for the rows a
 * link is about (e.g. the listing a briefing finding names), marked aria-current and highlighted.
 */
export function table(columns, rows, { csvName = 'table', caption, empty, current } = {}) {
  const valueOf = (col, row) => (col.value ? col.value(row) : row[col.key]);
  const shown = (col, row) => {
    const value = valueOf(col, row);
    return col.format ? col.format(value, row) : value;
  };

  const head = el('tr', {}, columns.map((col) => el('th', { scope: 'col', class: col.numeric ? 'num' : null }, col.label)));
  const body = el('tbody', {}, rows.map((row) => el('tr', { 'aria-current': current && current(row) ? 'true' : null }, columns.map((col) => {
    const content = shown(col, row);
    const cls = [col.numeric && 'num', col.nowrap && 'nowrap'].filter(Boolean).join(' ') || null;
    return el('td', { class: cls }, content instanceof Node ? content : textOf(content));
  }))));
  const grid = el('table', {}, caption ? el('caption', { class: 'visually-hidden' }, caption) : null, el('thead', {}, head), body);

  const exportable = columns.filter((col) => col.csv !== false);
  const save = el('button', {
    type: 'button', class: 'secondary small', disabled: rows.length === 0,
    onclick: () => downloadCsv(csvName, toCsv(exportable.map((col) => col.label),
      rows.map((row) => exportable.map((col) => (col.csv ? col.csv(row) : plain(shown(col, row))))))),
  }, t('table.exportCsv'));

  return el('div', { class: 'data-table' },
    el('div', { class: 'table-tools' }, el('span', { class: 'muted' }, t('table.rows', rows.length)), save),
    rows.length === 0
      ? el('p', { class: 'empty' }, empty || t('table.empty'))
      : el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': caption || t('table.exportCsv') }, grid));
}

function textOf(value) {
  return value == null ? '' : String(value);
}

function plain(content) {
  return content instanceof Node ? content.textContent : content;
}

/** One CSV field: quoted when needed; text that a spreadsheet would run as a formula is defused. */
export function csvField(value) {
  if (value == null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d[\d.,]*$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text (RFC 4180, CRLF line ends) of a header row and data rows. */
export function toCsv(header, rows) {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Saves CSV text as a file; the UTF-8 byte order mark makes Excel read Chinese correctly. */
export function downloadCsv(name, text) {
  const blob = new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name.endsWith('.csv') ? name : `${name}.csv`, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
