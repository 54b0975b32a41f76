// The inventory's API as the dashboard uses it: members, hosts and VMs (lists with filters, sort and paging; one
// record with its ETag; create, change with If-Match, delete), the hosts' capacity and the certificates to renew.

import { request, query } from '../api.js';

/** kind: 'members', 'hosts' or 'vms' (the API's collection names). */
function collection(kind) {
  if (!['members', 'hosts', 'vms'].includes(kind)) {
    throw new Error(`no such inventory kind: ${kind}`);
  }
  return `/api/${kind}`;
}

/** One page of a list: { items, total, offset, limit }. */
export async function list(kind, params = {}) {
  return (await request('GET', `${collection(kind)}${query(params)}`)).data;
}

/** One record and the ETag of the version read (what an edit must send back in If-Match). */
export async function read(kind, id) {
  const { response, data } = await request('GET', `${collection(kind)}/${encodeURIComponent(id)}`);
  return { record: data, etag: response.headers.get('ETag') };
}

export async function create(kind, body) {
  const { response, data } = await request('POST', collection(kind), body);
  return { record: data, etag: response.headers.get('ETag') };
}

/**
 * A merge patch of the fields the form shows, only if the record is still the version read (412 otherwise): what
 * the form leaves out (read-only fields, a member's bounce mark) stays as it is.
 */
export async function change(kind, id, body, etag) {
  const { response, data } = await request('PATCH', `${collection(kind)}/${encodeURIComponent(id)}`, body, {
    extraHeaders: { 'Content-Type': 'application/merge-patch+json', ...(etag ? { 'If-Match': etag } : {}) },
  });
  return { record: data, etag: response.headers.get('ETag') };
}

export async function remove(kind, id, etag) {
  await request('DELETE', `${collection(kind)}/${encodeURIComponent(id)}`, undefined, {
    extraHeaders: etag ? { 'If-Match': etag } : {},
  });
}

/** Every host's capacity and the total over hosts not retired: { hosts: [...], total }. */
export async function capacity() {
  return (await request('GET', '/api/hosts/capacity')).data;
}

/**
 * Certificates of VMs in service expiring within `days` (or expired), soonest first, and the daily report's
 * window (coloc.certificates.warn-days, from the Coloc-Warn-Days header; null when the server does not say).
 */
export async function certificates(days) {
  const { response, data } = await request('GET', `/api/vms/certificates${query({ expiringWithinDays: days })}`);
  const warn = Number.parseInt(response.headers.get('Coloc-Warn-Days') || '', 10);
  return { items: data, warnDays: Number.isNaN(warn) ? null : warn };
}
