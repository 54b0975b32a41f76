// The comments area's calls: moderation (/api/comments) and the blog's posts (/api/posts).

import { request, query } from '../api.js';

export async function comments(params = {}) {
  return (await request('GET', `/api/comments${query(params)}`)).data;
}

/** Moderates: state is published, rejected, spam or pending; answers the comment. */
export async function moderate(id, state) {
  return (await request('PATCH', `/api/comments/${encodeURIComponent(id)}`, { state })).data;
}

export async function posts(params = {}) {
  return (await request('GET', `/api/posts${query(params)}`)).data;
}

export async function post(slug) {
  return (await request('GET', `/api/posts/${encodeURIComponent(slug)}`)).data;
}

/** Creates or replaces a post: {title, url, language, open}. */
export async function putPost(slug, fields) {
  return (await request('PUT', `/api/posts/${encodeURIComponent(slug)}`, fields)).data;
}

/** How many comments of a post are in a state (the list's total). */
export async function count(postSlug, state) {
  return (await comments({ post: postSlug, state, limit: 1 })).total;
}
