// The ShopOps shell: what every page, the host's and each plugin's, starts with.
//
//   import { mount, api, t, table } from '/shell/shell.js';
//   const { shop } = await mount({ bundle: 'traffic' });
//
// mount() checks the session (else to the sign-in page), loads the messages, draws the header and the
// navigation, translates the page's data-i18n texts and answers the page's context.
import { api, currentLang, setCsrf } from './api.js';
import { el } from './dom.js';
import { loadMessages, t, translate } from './i18n.js';
import { pickShop, renderHeader, renderNav } from './header.js';

export { api, ApiError, currentLang } from './api.js';
export { el, byId, busy, checkboxes, checkedValues } from './dom.js';
export { t, tOr, translate, fetchBundle } from './i18n.js';
export { money, moneyMajor, major, number, percent, dateTime, addDays } from './format.js';
export { echarts, draw } from './chart.js';
export { table, toCsv, csvField, downloadCsv } from './table.js';
export { progress, watchImport } from './progress.js';
export { withShop } from './header.js';

/** The roles of a ShopOps team, in the order the settings pages list them. */
export const ROLES = ['OWNER', 'OPERATOR', 'PROMOTION', 'DESIGN', 'SERVICE', 'FINANCE'];

let context = null;
let nav = null;

/**
 * Sets the page up. Options: bundle — the plugin id whose messages the page uses (besides the core's).
 * Answers {user, shop, shops, lang, t, can(permission)}; shop is null when the user has no shop.
 */
export async function mount({ bundle } = {}) {
  document.documentElement.lang = currentLang();
  try {
    const [me] = await Promise.all([api('/api/me'), loadMessages(bundle)]);
    setCsrf(me.csrf);
    const permissions = new Set(me.permissions);
    context = { user: me, shops: me.shops, shop: pickShop(me.shops), lang: currentLang(), t,
      can: (permission) => permissions.has(permission) };
    nav = renderHeader(context);
    translate();
    await refreshNav();
    return context;
  } catch (error) {
    fail(error);
    throw error;
  } finally {
    document.body.classList.remove('loading');
  }
}

/** Draws the navigation again, e.g. after a plugin was enabled or disabled. */
export async function refreshNav() {
  if (nav) await renderNav(nav, context);
}

/** Shows a message at the top of the page: kind 'error' (announced at once), 'ok' or 'info'. */
export function notify(message, kind = 'info') {
  const main = document.querySelector('main');
  let box = document.getElementById('shell-notice');
  if (!box) {
    box = el('div', { id: 'shell-notice' });
    main.prepend(box);
  }
  const close = el('button', { type: 'button', class: 'close', 'aria-label': t('common.close'), onclick: () => note.remove() }, '×');
  const note = el('div', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, el('span', {}, message), close);
  box.replaceChildren(note);
  if (kind !== 'error') setTimeout(() => note.remove(), 6000);
}

/** Shows what went wrong in a call, in words the user can act on. */
export function showError(error) {
  console.error(error);
  notify(error && error.message ? error.message : String(error), 'error');
}

function fail(error) {
  const main = document.querySelector('main') ?? document.body.appendChild(el('main'));
  main.prepend(el('div', { class: 'notice error', role: 'alert' }, `ShopOps: ${error.message}`));
}
