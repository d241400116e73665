// Sign-in: name and password to POST /api/auth/login, then back to the page that sent us here.
import { api, currentLang, LANGUAGES, setLang } from '/shell/api.js';
import { byId, busy, el } from '/shell/dom.js';
import { loadMessages, t, translate } from '/shell/i18n.js';

/** Only a path on this server: never send the user elsewhere after signing in. */
function nextPage() {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

const error = byId('login-error');
function showError(message) {
  error.textContent = message;
  error.hidden = false;
}

try {
  await loadMessages();
  translate();
} catch (e) {
  showError(e.message);
} finally {
  document.body.classList.remove('loading');
}

const lang = byId('lang');
lang.append(...LANGUAGES.map((l) => el('option', { value: l.code, lang: l.code, selected: l.code === currentLang() }, l.name)));
lang.addEventListener('change', () => {
  setLang(lang.value);
  const url = new URL(location.href);
  url.searchParams.delete('lang');
  location.assign(url);
});

const form = byId('login');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  error.hidden = true;
  const name = form.elements.name.value.trim();
  const password = form.elements.password.value;
  if (!name || !password) {
    showError(t('login.missing'));
    (name ? form.elements.password : form.elements.name).focus();
    return;
  }
  await busy(form.querySelector('button[type="submit"]'), async () => {
    try {
      await api('/api/auth/login', { method: 'POST', body: { name, password }, signIn: false });
      location.assign(nextPage());
    } catch (e) {
      if (e.status === 401) showError(t('login.wrong'));
      else if (e.status === 429) showError(t('login.tooMany', e.retryAfter ?? 60));
      else showError(e.message);
      form.elements.password.select();
    }
  });
});
