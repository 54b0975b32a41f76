// The API tokens' calls (/api/tokens: the admin only; a token cannot manage tokens).

import { request } from '../api.js';

/** Every token, without its value: [{ id, name, created, revoked, lastUsed? }]. */
export async function tokens() {
  return (await request('GET', '/api/tokens')).data;
}

/** A new token: { id, name, token } — the only time its value is given. */
export async function createToken(name) {
  return (await request('POST', '/api/tokens', { name })).data;
}

export async function revokeToken(id) {
  await request('DELETE', `/api/tokens/${encodeURIComponent(id)}`);
}
