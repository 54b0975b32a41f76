// The mail area's calls: received mail (/api/messages), the outbox (/api/outbox), and which case holds a mail.

import { query, request } from '../api.js';

/** Received mail, newest first: { items, total, offset, limit }; params: classification, status, offset, limit. */
export async function messages(params = {}) {
  return (await request('GET', `/api/messages${query(params)}`)).data;
}

/** Parses a quarantined mail again; answers the mail (still quarantined with the new reason, or ingested). */
export async function retryMessage(id) {
  return (await request('POST', `/api/messages/${encodeURIComponent(id)}/retry`, {})).data;
}

/** The case whose thread holds this received mail, or null. */
export async function caseOfMail(id) {
  const page = (await request('GET', `/api/cases${query({ mail: id, limit: 1 })}`)).data;
  return page.items.length ? page.items[0] : null;
}

/** Outgoing mail, newest first; params: status, kind, offset, limit. */
export async function outbox(params = {}) {
  return (await request('GET', `/api/outbox${query(params)}`)).data;
}

/** Sends a queued, failed or dropped mail again now; answers the outgoing mail. */
export async function retryOutgoing(id) {
  return (await request('POST', `/api/outbox/${encodeURIComponent(id)}/retry`, {})).data;
}

/** Drops a queued or failed mail: it will not be sent. */
export async function dropOutgoing(id) {
  await request('DELETE', `/api/outbox/${encodeURIComponent(id)}`);
}
