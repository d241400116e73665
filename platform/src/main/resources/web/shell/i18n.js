// Messages: the core bundle plus the page's own (a plugin's), fetched once per page in the UI language.
import { api, currentLang } from './api.js';

const core = {};
const own = {};

/** One bundle's messages as they are, e.g. a plugin's for the names of its permissions. */
export function fetchBundle(name) {
  return api(`/api/messages/${encodeURIComponent(name)}?lang=${encodeURIComponent(currentLang())}`, { signIn: false });
}

/** Loads the core messages and, for a plugin page, the plugin's bundle (which wins on a shared key). */
export async function loadMessages(bundle) {
  const [coreMessages, ownMessages] = await Promise.all([fetchBundle('core'),
    bundle && bundle !== 'core' ? fetchBundle(bundle) : {}]);
  Object.assign(core, coreMessages);
  Object.assign(own, ownMessages);
}

/** The text of `key`, with {0}, {1}… replaced by `args`; the key itself when there is no such message. */
export function t(key, ...args) {
  const text = own[key] ?? core[key];
  if (text === undefined) {
    console.warn(`ShopOps: no message '${key}' in ${currentLang()}`);
    return key;
  }
  return args.length ? text.replace(/\{(\d+)\}/g, (m, i) => (i < args.length ? String(args[i]) : m)) : text;
}

/** The text of `key` when there is such a message, else `fallback` (for names that plugins add). */
export function tOr(key, fallback) {
  return own[key] ?? core[key] ?? fallback;
}

/**
 * Translates the static text of a page: data-i18n="key" sets the text, data-i18n-attr="placeholder:key;
 * aria-label:key" sets attributes.
 */
export function translate(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.split(';')) {
      const [attr, key] = pair.split(':').map((s) => s.trim());
      if (attr && key) node.setAttribute(attr, t(key));
    }
  }
  document.documentElement.lang = currentLang();
}
