// A host's capacity as three bars (vCPUs, memory, disk): allocated against total, red past 100 %. The figures are
// written out next to each bar, which is only a picture (aria-hidden) of them. Widths come from CSS classes in 5 %
// steps (no style attribute: the page's Content-Security-Policy forbids inline styles).

import { language, t } from '../../i18n.js';
import { el } from '../../dom.js';

export const RESOURCES = ['vcpus', 'memoryMiB', 'diskGiB'];

function number(n) {
  return new Intl.NumberFormat(language() === 'fr' ? 'fr-FR' : 'en-GB').format(n);
}

/** The 5 % step of allocated/total, 0–100 (an overcommitted resource fills the bar). */
export function step(allocated, total) {
  if (!(total > 0)) {
    return allocated > 0 ? 100 : 0;
  }
  const percent = Math.min(100, Math.max(0, (allocated / total) * 100));
  // round up, so that a little use never looks like none
  return Math.min(100, Math.ceil(percent / 5) * 5);
}

/** One resource's bar and its figures. */
export function bar(resource, r) {
  const over = r.allocated > r.total;
  const figures = t('inv_cap_figures', { label: t(`inv_cap_${resource}`), allocated: number(r.allocated),
    total: number(r.total) });
  const rest = over ? t('inv_cap_over', { over: number(r.allocated - r.total) })
    : t('inv_cap_left', { left: number(r.available) });
  return el('div', { class: `cap${over ? ' cap-over' : ''}`, 'data-test': `capacity-${resource}`,
    'data-over': over ? 'true' : 'false' },
  el('span', { class: 'cap-text', 'data-test': 'capacity-figures' }, figures, ' · ',
    el('span', { class: over ? 'cap-over-text' : 'cap-left' }, rest)),
  el('span', { class: 'cap-bar', 'aria-hidden': 'true' },
    el('span', { class: `cap-fill cap-w${step(r.allocated, r.total)}` })));
}

/** The three bars of a capacity ({vcpus, memoryMiB, diskGiB, vmCount}). */
export function bars(capacity) {
  if (!capacity) {
    return null;
  }
  return el('div', { class: 'caps', 'data-test': 'capacity' }, ...RESOURCES.map((r) => bar(r, capacity[r])));
}
