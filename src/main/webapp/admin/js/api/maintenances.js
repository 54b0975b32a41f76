// The maintenance planner's calls: /api/maintenances and its actions, and the inventory lists it chooses from.
// A write of an existing maintenance sends its ETag (If-Match): a 412 means it changed meanwhile.

import { request, query } from '../api.js';

const BASE = '/api/maintenances';

/** A JSON content type with no body: the API wants one on every POST, even an empty one. */
const EMPTY_JSON = { 'Content-Type': 'application/json' };

function path(id, tail = '') {
  return `${BASE}/${encodeURIComponent(id)}${tail}`;
}

function ifMatch(etag) {
  return etag ? { 'If-Match': etag } : {};
}

/** { data, etag } of an answer that carries a maintenance. */
function withEtag({ response, data }) {
  return { data, etag: response.headers.get('ETag') };
}

export async function maintenances(params = {}) {
  return (await request('GET', `${BASE}${query(params)}`)).data;
}

export async function maintenance(id) {
  return withEtag(await request('GET', path(id)));
}

export async function createMaintenance(fields) {
  return withEtag(await request('POST', BASE, fields));
}

/** A merge patch of the fields that changed. */
export async function patchMaintenance(id, patch, etag) {
  return withEtag(await request('PATCH', path(id), patch, { extraHeaders: ifMatch(etag) }));
}

export async function deleteMaintenance(id, etag) {
  await request('DELETE', path(id), undefined, { extraHeaders: ifMatch(etag) });
}

export async function audience(id) {
  return (await request('GET', path(id, '/audience'))).data;
}

export async function preview(id, member) {
  return (await request('GET', path(id, `/preview${query({ member })}`))).data;
}

export async function announce(id, etag) {
  return withEtag(await request('POST', path(id, '/announce'), undefined,
    { extraHeaders: { ...EMPTY_JSON, ...ifMatch(etag) } }));
}

export async function cancel(id, reason, etag) {
  return withEtag(await request('POST', path(id, '/cancel'), reason ? { reason } : {},
    { extraHeaders: ifMatch(etag) }));
}

export async function complete(id, etag) {
  return withEtag(await request('POST', path(id, '/complete'), undefined,
    { extraHeaders: { ...EMPTY_JSON, ...ifMatch(etag) } }));
}

/** Every item of an inventory list (the API pages by at most 500). */
async function all(listPath, sort) {
  const items = [];
  for (let offset = 0; ; offset += 500) {
    const page = (await request('GET', `${listPath}${query({ sort, offset, limit: 500 })}`)).data;
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) {
      return items;
    }
  }
}

export const hosts = () => all('/api/hosts', 'name');
export const vms = () => all('/api/vms', 'name');
export const members = () => all('/api/members', 'displayName');

/** The public feeds, served without login. */
export const FEEDS = [
  { key: 'atom', href: '/feeds/maintenances.atom' },
  { key: 'ics', href: '/feeds/maintenances.ics' },
  { key: 'json', href: '/api/public/maintenances' },
];
