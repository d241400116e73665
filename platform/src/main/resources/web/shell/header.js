// The header (shop switcher, language, user menu) and the navigation every page shares.
import { api, currentLang, LANGUAGES, setLang, setCsrf } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';

const SHOP_KEY = 'shopops.shop';

/** The shop this page works on: ?shop= when the user may see it, else the last one chosen, else the first. */
export function pickShop(shops) {
  const codes = shops.map((s) => s.code);
  const asked = new URLSearchParams(location.search).get('shop');
  const code = [asked, localStorage.getItem(SHOP_KEY)].find((c) => c && codes.includes(c)) ?? codes[0];
  const shop = shops.find((s) => s.code === code) ?? null;
  if (shop) {
    localStorage.setItem(SHOP_KEY, shop.code);
    if (asked !== shop.code) {
      const url = new URL(location.href);
      url.searchParams.set('shop', shop.code);
      history.replaceState(history.state, '', url);
    }
  }
  return shop;
}

/** `href` with the current shop, so that moving between pages keeps it. */
export function withShop(href, shop) {
  if (!shop) return href;
  const url = new URL(href, location.origin);
  url.searchParams.set('shop', shop.code);
  return url.pathname + url.search + url.hash;
}

function reloadWith(change) {
  const url = new URL(location.href);
  change(url.searchParams);
  location.assign(url);
}

function shopSwitcher(context) {
  const select = el('select', { id: 'shell-shop', disabled: context.shops.length === 0,
    onchange: () => {
      localStorage.setItem(SHOP_KEY, select.value);
      reloadWith((params) => params.set('shop', select.value));
    } },
  context.shops.map((s) => el('option', { value: s.code, selected: s.code === context.shop?.code }, `${s.name} (${s.code})`)));
  return el('div', { class: 'field-inline shop-switch' },
    el('label', { for: 'shell-shop' }, t('shell.shop')), select);
}

function languageSwitch() {
  const select = el('select', { id: 'shell-lang', onchange: () => {
    setLang(select.value);
    reloadWith((params) => params.delete('lang'));
  } }, LANGUAGES.map((l) => el('option', { value: l.code, lang: l.code, selected: l.code === currentLang() }, l.name)));
  return el('div', { class: 'field-inline lang-switch' },
    el('label', { for: 'shell-lang' }, t('shell.language')), select);
}

function userMenu(context) {
  const roles = context.user.roles.map((r) => t(`role.${r}`)).join('、');
  const logout = el('button', { type: 'button', class: 'link', onclick: async () => {
    await api('/api/auth/logout', { method: 'POST', signIn: false }).catch(() => {});
    setCsrf(null);
    location.assign('/login.html');
  } }, t('shell.logout'));
  return el('details', { class: 'user-menu' },
    el('summary', { 'aria-label': t('shell.userMenu') }, el('span', { class: 'avatar', 'aria-hidden': 'true' }, context.user.name.slice(0, 1).toUpperCase()),
      el('span', { class: 'user-name' }, context.user.name)),
    el('div', { class: 'user-menu-panel' },
      el('p', { class: 'muted' }, roles),
      el('a', { href: withShop('/settings/tokens.html', context.shop) }, t('nav.tokens')),
      logout));
}

/** Puts the header, the navigation and a skip link in front of the page's <main>. */
export function renderHeader(context) {
  const main = document.querySelector('main');
  if (!main.id) main.id = 'main';
  document.body.classList.add('shell');
  const toggle = el('button', { type: 'button', class: 'nav-toggle', 'aria-expanded': 'false', 'aria-controls': 'shell-nav',
    onclick: () => {
      const open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      document.body.classList.toggle('nav-open', open);
    } },
  el('span', { class: 'burger', 'aria-hidden': 'true' }), el('span', { class: 'visually-hidden' }, t('shell.menu')));
  const header = el('header', { class: 'shell-header' },
    toggle,
    el('a', { class: 'brand', href: withShop('/', context.shop) }, t('shell.product')),
    el('div', { class: 'header-tools' }, shopSwitcher(context), languageSwitch(), userMenu(context)));
  const nav = el('nav', { id: 'shell-nav', class: 'shell-nav', 'aria-label': t('shell.navigation') });
  document.body.prepend(el('a', { class: 'skip-link', href: `#${main.id}` }, t('shell.skip')), header, nav);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('nav-open')) {
      toggle.click();
      toggle.focus();
    }
  });
  return nav;
}

function isCurrent(href) {
  const path = new URL(href, location.origin).pathname.replace(/\/index\.html$/, '/');
  return path === location.pathname.replace(/\/index\.html$/, '/');
}

function link(href, label, context, extra = {}) {
  const target = withShop(href, context.shop);
  return el('li', {}, el('a', { href: target, 'aria-current': isCurrent(href) ? 'page' : null, ...extra }, label));
}

/** The settings pages and the permission each needs (null: every signed-in user). */
const SETTINGS = [
  ['/settings/users.html', 'nav.users', 'users.manage'],
  ['/settings/roles.html', 'nav.roles', 'users.manage'],
  ['/settings/plugins.html', 'nav.plugins', 'plugins.manage'],
  ['/settings/audit.html', 'nav.audit', 'audit.view'],
  ['/settings/tokens.html', 'nav.tokens', null],
];

/** Fills the navigation: the core pages, the enabled plugins' entries (GET /api/menu), the settings. */
export async function renderNav(nav, context) {
  const menu = await api(`/api/menu?lang=${encodeURIComponent(currentLang())}`);
  const group = (title, items) => (items.length === 0 ? null : el('div', { class: 'nav-group' },
    el('h2', { class: 'nav-title' }, title), el('ul', {}, items)));
  const work = [link('/', t('nav.home'), context)];
  if (context.can('data.view')) work.push(link('/tasks.html', t('nav.tasks'), context));
  if (context.can('data.view')) work.push(link('/targets.html', t('nav.targets'), context));
  // data.import, or a plugin format's own permission (a designer who keeps the peer list imports its snapshots)
  if (context.user.mayImport ?? context.can('data.import')) work.push(link('/import.html', t('nav.import'), context));
  const plugins = menu.map((m) => link(m.href, m.label, context, { dataset: { plugin: m.plugin } }));
  const settings = SETTINGS.filter(([, , perm]) => !perm || context.can(perm))
    .map(([href, key]) => link(href, t(key), context));
  nav.replaceChildren(...[group(t('nav.work'), work), group(t('nav.modules'), plugins), group(t('nav.settings'), settings)]
    .filter(Boolean));
}
