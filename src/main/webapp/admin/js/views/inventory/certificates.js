// Certificates to renew: the domains of VMs in service whose certificate expires within N days (or already has),
// soonest first as the API orders them; those the daily report mails (coloc.certificates.warn-days) are
// highlighted, expired ones more so. N is in the address (#/vms/certificates?days=90).

import { language, t } from '../../i18n.js';
import { el, showAlert } from '../../dom.js';
import { certificates } from '../../api/inventory.js';
import { inventoryChanged } from './kinds.js';

const DEFAULT_DAYS = 60;

function daysText(daysLeft) {
  if (daysLeft < 0) {
    return t('inv_certs_expired', { days: -daysLeft });
  }
  return daysLeft === 0 ? t('inv_certs_today') : t('inv_certs_days_left', { days: daysLeft });
}

/** A date without a time (2027-01-15), as the admin reads it: the day itself, whatever the browser's time zone. */
function dateOnly(iso) {
  const [y, m, d] = String(iso).split('-').map(Number);
  if (!y || !m || !d) {
    return String(iso);
  }
  return new Intl.DateTimeFormat(language() === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' })
    .format(new Date(y, m - 1, d));
}

export function certificatesView(main, params) {
  const requested = Number.parseInt(params.get('days') || '', 10);
  const days = Number.isInteger(requested) && requested >= 0 && requested <= 3650 ? requested : DEFAULT_DAYS;
  const title = el('h1', { id: 'certs-title', tabindex: '-1' }, t('inv_certs_title'));
  const field = el('input', { id: 'certs-days', name: 'days', type: 'number', min: '0', max: '3650', step: '1',
    value: String(days), inputmode: 'numeric', 'data-test': 'certs-days' });
  const form = el('form', { class: 'inv-filters', 'data-test': 'certs-form', novalidate: true },
    el('div', { class: 'inv-filter' }, el('label', { for: 'certs-days' }, t('inv_certs_days')), field),
    el('div', { class: 'inv-filter-actions' },
      el('button', { type: 'submit', class: 'secondary', 'data-test': 'certs-show' }, t('inv_certs_show'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/vms/certificates?days=${encodeURIComponent(field.value.trim() || DEFAULT_DAYS)}`;
  });
  const note = el('p', { class: 'inv-note', 'data-test': 'certs-warn' });
  const status = el('p', { class: 'empty', 'data-test': 'certs-status' }, t('loading'));
  const list = el('ol', { class: 'inv-certs', 'aria-label': t('inv_certs_list'), 'data-test': 'certs-list' });
  main.replaceChildren(el('section', { class: 'inv', 'aria-labelledby': 'certs-title', 'data-test': 'certs-view' },
    el('a', { class: 'back', href: '#/vms' }, t('inv_back_vms')), title, form, note, status, list));

  async function refresh() {
    try {
      const { items, warnDays } = await certificates(days);
      note.textContent = warnDays === null ? '' : t('inv_certs_warn', { days: warnDays });
      note.hidden = warnDays === null;
      list.replaceChildren(...items.map((c) => {
        const soon = warnDays !== null && c.daysLeft <= warnDays;
        const cls = c.daysLeft < 0 ? 'inv-cert expired' : soon ? 'inv-cert soon' : 'inv-cert';
        return el('li', { class: cls, 'data-test': 'cert', 'data-domain': c.domain,
          'data-soon': soon ? 'true' : 'false', 'data-days-left': c.daysLeft },
        el('span', { class: 'inv-cert-domain', 'data-test': 'cert-domain' }, c.domain),
        el('span', { class: 'inv-cert-vm' }, `${t('inv_certs_vm')} `,
          el('a', { href: `#/vms/${c.vm}`, 'data-test': 'cert-vm' }, c.vmName)),
        el('span', { class: 'inv-cert-date' }, `${t('inv_certs_expires')} `,
          el('time', { datetime: c.certificateExpires }, dateOnly(c.certificateExpires))),
        el('strong', { class: 'inv-cert-left', 'data-test': 'cert-left' }, daysText(c.daysLeft)));
      }));
      status.textContent = items.length ? '' : t('inv_certs_empty');
      status.hidden = items.length > 0;
    } catch (e) {
      showAlert(status, t('loadFailed', { detail: e.message }));
    }
  }

  refresh();
  return { refresh, focus: () => title.focus(), wants: inventoryChanged, updated: t('inv_updated'),
    title: t('inv_certs_title') };
}
