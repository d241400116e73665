// Progress of long work: a bar with a text the screen reader announces.
import { api } from './api.js';
import { el } from './dom.js';
import { t } from './i18n.js';
import { number, percent } from './format.js';

/** A progress bar placed in `host`; update(fraction 0–1 or null for "busy", text). */
export function progress(host, label) {
  const bar = el('progress', { max: 1, 'aria-label': label });
  const text = el('p', { class: 'progress-text', role: 'status', 'aria-live': 'polite' });
  host.replaceChildren(el('div', { class: 'progress' }, bar, text));
  return {
    update(fraction, message) {
      if (fraction == null) bar.removeAttribute('value');
      else bar.value = fraction;
      text.textContent = message;
    },
  };
}

const RUNNING = new Set(['queued', 'running']);

/**
 * Follows an import job (GET /api/imports/{id}) until it ends, showing its progress in `host`.
 * Resolves to the finished job.
 */
export async function watchImport(id, host, { interval = 400 } = {}) {
  const bar = progress(host, t('import.progress'));
  for (;;) {
    const job = await api(`/api/imports/${encodeURIComponent(id)}`);
    const running = RUNNING.has(job.state);
    const counts = job.read == null ? '' : ` · ${t('import.countsShort', number(job.read), number(job.rejected ?? 0))}`;
    bar.update(running && job.state === 'queued' ? null : job.progress,
      `${t(`import.state.${job.state}`)} · ${percent(job.progress ?? 0)}${counts}`);
    if (!running) return job;
    await new Promise((resolve) => setTimeout(resolve, interval));
  }
}
