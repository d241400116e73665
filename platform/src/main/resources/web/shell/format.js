// Numbers, money and times in the UI language.
import { currentLang } from './api.js';

/** Money stored in minor units (fen, cents), shown in the shop's currency. */
export function money(minor, currency = 'CNY') {
  if (minor == null) return '';
  const format = new Intl.NumberFormat(currentLang(), { style: 'currency', currency });
  return format.format(minor / 10 ** format.resolvedOptions().maximumFractionDigits);
}

/** An amount already in major units (yuan, dollars), e.g. a chart's axis value. */
export function moneyMajor(value, currency = 'CNY') {
  return value == null ? '' : new Intl.NumberFormat(currentLang(), { style: 'currency', currency }).format(value);
}

/** Minor units as a plain decimal in major units, for CSV files. */
export function major(minor, currency = 'CNY') {
  if (minor == null) return '';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
  return (minor / 10 ** digits).toFixed(digits);
}

export function number(value, options) {
  return value == null ? '' : new Intl.NumberFormat(currentLang(), options).format(value);
}

export function percent(fraction) {
  return number(fraction, { style: 'percent', maximumFractionDigits: 1 });
}

/** A UTC timestamp in the reader's local time. */
export function dateTime(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(currentLang(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The ISO day (YYYY-MM-DD) `n` days after `day` (before it for a negative `n`), by the calendar alone. */
export function addDays(day, n) {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
