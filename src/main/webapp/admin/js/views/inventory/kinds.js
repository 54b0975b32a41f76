// What the lists and forms know of each kind of record: its columns (and which the API sorts by), its filters, its
// form's fields and how each field's text becomes JSON. Field names are the API's, so that a problem's
// errors[].field finds its input.

import { t } from '../../i18n.js';
import { el } from '../../dom.js';
import { list } from '../../api/inventory.js';

export const STATUSES = {
  members: ['active', 'former'],
  hosts: ['active', 'maintenance', 'retired'],
  vms: ['requested', 'provisioning', 'active', 'suspended', 'decommissioned'],
};
export const LANGUAGES = ['fr', 'en'];
export const SYSTEMS = ['alpine', 'debian'];

/** Whether a live event says a member, a host or a VM changed (the inventory's views redraw on it). */
export function inventoryChanged(name, data) {
  return name === 'record-changed' && Boolean(data) && ['member', 'host', 'vm'].includes(data.type);
}

/** The label of a record in messages and titles. */
export function nameOf(kind, record) {
  return kind === 'members' ? record.displayName : record.name;
}

export function statusBadge(status) {
  return el('span', { class: `inv-status inv-status-${status}`, 'data-test': 'status', 'data-status': status },
    t(`inv_status_${status}`));
}

/**
 * Columns: key (the API's field), sort (the API's sort name, or none), and how a cell shows (cell(record, refs)).
 * refs: { hosts: Map id→name, members: Map id→name } for a VM's host and owner.
 */
export const COLUMNS = {
  members: [
    { key: 'displayName', sort: 'displayName', link: true },
    { key: 'email', sort: 'email', cell: (m) => [m.email, m.emailFailing
      ? el('span', { class: 'failing', 'data-test': 'email-failing' }, ` ${t('inv_email_failing', { why: m.emailFailing })}`)
      : null] },
    { key: 'project' },
    { key: 'language', cell: (m) => t(`inv_lang_${m.language}`) },
    { key: 'joined', sort: 'joined' },
    { key: 'status', sort: 'status', cell: (m) => statusBadge(m.status) },
  ],
  hosts: [
    { key: 'name', sort: 'name', link: true },
    { key: 'model' },
    { key: 'cores', sort: 'cores', numeric: true },
    { key: 'memoryMiB', sort: 'memoryMiB', numeric: true },
    { key: 'storageGiB', sort: 'storageGiB', numeric: true },
    { key: 'status', sort: 'status', cell: (h) => statusBadge(h.status) },
    { key: 'capacity' }, // drawn by the hosts list (bars)
  ],
  vms: [
    { key: 'name', sort: 'name', link: true },
    { key: 'hostname', sort: 'hostname' },
    { key: 'os', sort: 'os', cell: (v) => [t(`inv_os_${v.os}`), v.osVersion ? ` ${v.osVersion}` : ''] },
    { key: 'vcpus', sort: 'vcpus', numeric: true },
    { key: 'memoryMiB', sort: 'memoryMiB', numeric: true },
    { key: 'diskGiB', sort: 'diskGiB', numeric: true },
    { key: 'host', sort: 'host', cell: (v, refs) => reference('hosts', v.host, refs.hosts) },
    { key: 'owner', sort: 'owner', cell: (v, refs) => reference('members', v.owner, refs.members) },
    { key: 'status', sort: 'status', cell: (v) => statusBadge(v.status) },
  ],
};

/** A VM's host or owner, by name, linked to its form. */
function reference(kind, id, names) {
  if (id === null || id === undefined) {
    return t('inv_none');
  }
  return el('a', { href: `#/${kind}/${id}`, 'data-test': `vm-${kind === 'hosts' ? 'host' : 'owner'}` },
    names.get(id) || `#${id}`);
}

/** The list filters each API offers (besides sort and paging). */
export const FILTERS = {
  members: ['q', 'status', 'language'],
  hosts: ['q', 'status'],
  vms: ['q', 'status', 'os', 'host', 'owner'],
};

export const DEFAULT_SORT = { members: 'displayName', hosts: 'name', vms: 'name' };

/**
 * Form fields: name (the API's), type (text, email, number, date, select, textarea, list, domains), required,
 * options for selects (values; label from texts or names of hosts/members), step/min for numbers.
 */
export const FIELDS = {
  members: [
    { name: 'displayName', type: 'text', required: true, maxlength: 200, autocomplete: 'off' },
    { name: 'email', type: 'email', required: true, maxlength: 254, autocomplete: 'off' },
    { name: 'otherEmails', type: 'list' },
    { name: 'project', type: 'text', maxlength: 200 },
    { name: 'language', type: 'select', options: () => LANGUAGES.map((l) => [l, t(`inv_lang_${l}`)]), initial: 'fr' },
    { name: 'joined', type: 'date' },
    { name: 'status', type: 'select', options: () => STATUSES.members.map((s) => [s, t(`inv_status_${s}`)]), initial: 'active' },
    { name: 'monthlyPledge', type: 'number', step: '0.01', min: '0', decimal: true },
    { name: 'notes', type: 'textarea' },
  ],
  hosts: [
    { name: 'name', type: 'text', required: true, maxlength: 63, autocomplete: 'off' },
    { name: 'model', type: 'text', maxlength: 200 },
    { name: 'rackPosition', type: 'text', maxlength: 50 },
    { name: 'cores', type: 'number', required: true, min: '1', step: '1' },
    { name: 'memoryMiB', type: 'number', required: true, min: '1', step: '1' },
    { name: 'storageGiB', type: 'number', required: true, min: '1', step: '1' },
    { name: 'status', type: 'select', options: () => STATUSES.hosts.map((s) => [s, t(`inv_status_${s}`)]), initial: 'active' },
    { name: 'notes', type: 'textarea' },
  ],
  vms: [
    { name: 'name', type: 'text', required: true, maxlength: 63, autocomplete: 'off' },
    { name: 'hostname', type: 'text', maxlength: 253 },
    { name: 'os', type: 'select', required: true, options: () => SYSTEMS.map((s) => [s, t(`inv_os_${s}`)]) },
    { name: 'osVersion', type: 'text', maxlength: 50 },
    { name: 'vcpus', type: 'number', required: true, min: '1', step: '1' },
    { name: 'memoryMiB', type: 'number', required: true, min: '1', step: '1' },
    { name: 'diskGiB', type: 'number', required: true, min: '1', step: '1' },
    { name: 'host', type: 'select', reference: 'hosts', none: 'inv_no_host' },
    { name: 'owner', type: 'select', reference: 'members', none: 'inv_no_owner' },
    { name: 'ipv4', type: 'list' },
    { name: 'ipv6', type: 'list' },
    { name: 'domains', type: 'domains' },
    { name: 'status', type: 'select', options: () => STATUSES.vms.map((s) => [s, t(`inv_status_${s}`)]), initial: 'requested' },
    { name: 'caseNumber', type: 'number', min: '1', step: '1' },
    { name: 'notes', type: 'textarea' },
  ],
};

/**
 * Every host's or member's id and name (for a VM's selects and its list's names), read in pages of 500: a coloc
 * has tens of them, not thousands.
 */
export async function allNames(kind) {
  const names = new Map();
  const sort = kind === 'members' ? 'displayName' : 'name';
  for (let offset = 0; offset < 10000; offset += 500) {
    // eslint-disable-next-line no-await-in-loop
    const page = await list(kind, { sort, limit: 500, offset });
    page.items.forEach((r) => names.set(r.id, nameOf(kind, r)));
    if (offset + page.items.length >= page.total || page.items.length === 0) {
      break;
    }
  }
  return names;
}
