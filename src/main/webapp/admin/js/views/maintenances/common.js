// What the list and a maintenance's page both show: the state badge, the window in words, the public feeds.

import { language, t } from '../../i18n.js';
import { el } from '../../dom.js';
import { FEEDS } from '../../api/maintenances.js';
import { inZone } from './zone.js';
import './texts.js';

export function stateBadge(state) {
  return el('span', { class: `state maint-state maint-state-${state}`, 'data-test': 'maint-state', 'data-state': state },
    t(`maint_state_${state}`));
}

/** "from … to …" in the maintenance's zone, "until done" without an end. */
export function windowText(m) {
  const lang = language();
  const start = inZone(m.start, m.timeZone, lang);
  return m.end
    ? t('maint_window', { start, end: inZone(m.end, m.timeZone, lang), zone: m.timeZone })
    : t('maint_windowOpen', { start, zone: m.timeZone });
}

export function feedLinks() {
  return el('p', { class: 'maint-feeds', 'data-test': 'maint-feeds' },
    el('span', {}, t('maint_feeds')), ' ',
    ...FEEDS.flatMap((f, i) => [i ? ' · ' : null,
      el('a', { href: f.href, 'data-test': `maint-feed-${f.key}`, type: f.key === 'json' ? 'application/json' : null },
        t(`maint_feed_${f.key}`))]));
}
