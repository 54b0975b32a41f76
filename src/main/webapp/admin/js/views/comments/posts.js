// The blog's posts: each with its comment address and ready mailto link (what the blog's template shows), open or
// closed for comments, and how many comments wait and are published; a form to declare or edit one (PUT), and one
// click to close or reopen its comments.

import { ApiError } from '../../api.js';
import { t } from '../../i18n.js';
import { el, showAlert } from '../../dom.js';
import { count, post, posts, putPost } from '../../api/comments.js';
import { field, formErrors, problemText } from '../maintenances/fields.js';
import { commentsView, tabs } from './common.js';

const LIMIT = 500;
const SLUG = /^[a-z0-9-]{1,100}$/;

/** What a PUT takes from a post: it replaces, so everything is sent back. */
function fieldsOf(p, open) {
  const body = { title: p.title, language: p.language, open };
  if (p.url) {
    body.url = p.url;
  }
  return body;
}

export function postsView(main, { announce = () => {} } = {}) {
  const title = el('h1', { id: 'posts-title', tabindex: '-1' }, t('comments_postsTitle'));
  const status = el('p', { class: 'empty', role: 'status', 'data-test': 'posts-status' }, t('loading'));
  const list = el('ul', { class: 'post-list', 'aria-labelledby': 'posts-title', 'data-test': 'post-list' });
  main.replaceChildren(el('section', { class: 'comments', 'aria-labelledby': 'posts-title', 'data-test': 'posts-view' },
    tabs('posts'),
    el('div', { class: 'maint-head' }, title,
      el('a', { href: '#/comments/posts/new', class: 'primary button-link', 'data-test': 'post-new' },
        t('comments_newPost'))),
    status, list));

  function row(p, pending, published) {
    const error = el('p', { class: 'message error', role: 'alert', 'data-test': 'post-error', hidden: true });
    const toggle = el('button', { type: 'button', class: 'secondary', 'data-test': 'post-toggle' },
      p.open ? t('comments_close') : t('comments_open'));
    toggle.addEventListener('click', async () => {
      toggle.disabled = true;
      error.hidden = true;
      try {
        const changed = await putPost(p.slug, fieldsOf(p, !p.open));
        announce(t(changed.open ? 'comments_opened' : 'comments_closed', { slug: p.slug }));
        refresh();
      } catch (e) {
        error.textContent = problemText(e);
        error.hidden = false;
        toggle.disabled = false;
      }
    });
    return el('li', { class: 'post-row', 'data-test': 'post-row', 'data-slug': p.slug, 'data-open': String(p.open) },
      el('div', { class: 'post-head' },
        p.url ? el('a', { href: p.url, class: 'post-title', rel: 'noopener noreferrer', target: '_blank' }, p.title)
          : el('strong', { class: 'post-title' }, p.title),
        el('code', { class: 'post-slug', 'data-test': 'post-slug' }, p.slug),
        el('span', { class: `state ${p.open ? 'post-open' : 'post-closed'}`, 'data-test': 'post-open' },
          p.open ? t('comments_isOpen') : t('comments_isClosed')),
        p.createdByMail ? el('span', { class: 'flag' }, t('comments_createdByMail')) : null),
      el('dl', { class: 'post-facts' },
        el('div', {}, el('dt', {}, t('comments_address')),
          el('dd', {}, el('code', { 'data-test': 'post-address' }, p.commentAddress))),
        el('div', {}, el('dt', {}, t('comments_mailto')),
          el('dd', {}, el('a', { href: p.mailto, 'data-test': 'post-mailto' }, p.mailto))),
        el('div', {}, el('dt', {}, t('comments_counts')),
          el('dd', { 'data-test': 'post-counts' },
            el('a', { href: `#/comments?state=pending&post=${encodeURIComponent(p.slug)}` },
              t('comments_countPending', { count: pending })), ' · ',
            el('a', { href: `#/comments?state=published&post=${encodeURIComponent(p.slug)}` },
              t('comments_countPublished', { count: published }))))),
      el('div', { class: 'actions' },
        el('a', { href: `#/comments/posts/${p.slug}`, class: 'secondary button-link', 'data-test': 'post-edit' },
          t('comments_edit')), toggle),
      error);
  }

  async function refresh() {
    try {
      const page = await posts({ limit: LIMIT });
      const counts = await Promise.all(page.items.map((p) => Promise.all([count(p.slug, 'pending'),
        count(p.slug, 'published')])));
      list.replaceChildren(...page.items.map((p, i) => row(p, counts[i][0], counts[i][1])));
      status.textContent = page.items.length ? '' : t('comments_noPosts');
      status.hidden = page.items.length > 0;
      main.dataset.loaded = 'posts';
    } catch (e) {
      showAlert(status, t('loadFailed', { detail: problemText(e) }), 'span');
    }
  }

  refresh();
  // a new comment changes the counts
  return commentsView(refresh, title);
}

/** Declares a post (slug given here) or edits one (the slug is its address: it does not change). */
export function postForm(main, slug, { announce = () => {} } = {}) {
  const title = el('h1', { id: 'post-form-title', tabindex: '-1', 'data-test': 'post-form-title' },
    slug ? t('comments_editPost', { slug }) : t('comments_newPost'));
  const f = {
    slug: field('post-f-slug', t('comments_f_slug'), el('input', { type: 'text', maxlength: '100', required: true,
      autocomplete: 'off', spellcheck: 'false' }), { test: 'post-slug-input', hint: t('comments_f_slugHint') }),
    title: field('post-f-title', t('comments_f_title'), el('input', { type: 'text', maxlength: '300', required: true }),
      { test: 'post-title-input' }),
    url: field('post-f-url', t('comments_f_url'), el('input', { type: 'url', maxlength: '2000' }),
      { test: 'post-url-input' }),
    language: field('post-f-language', t('comments_f_language'), el('select', {},
      el('option', { value: 'fr' }, t('comments_lang_fr')), el('option', { value: 'en' }, t('comments_lang_en'))),
    { test: 'post-language-input' }),
    open: field('post-f-open', t('comments_f_open'), el('input', { type: 'checkbox' }), { test: 'post-open-input' }),
  };
  f.open.node.classList.add('field-check');
  f.slug.control.readOnly = Boolean(slug);
  const general = el('div', { class: 'message error', role: 'alert', 'data-test': 'post-form-error', hidden: true });
  const errors = formErrors(f, general);
  const submit = el('button', { type: 'submit', class: 'primary', 'data-test': 'post-save' }, t('comments_save'));
  const form = el('form', { class: 'card post-form', 'data-test': 'post-form', novalidate: true,
    'aria-labelledby': 'post-form-title' },
  f.slug.node, f.title.node, f.url.node, f.language.node, f.open.node, general,
  el('div', { class: 'actions' }, submit));
  main.replaceChildren(el('section', { class: 'comments', 'aria-labelledby': 'post-form-title',
    'data-test': 'post-form-view' }, tabs('posts'),
  el('a', { class: 'back', href: '#/comments/posts' }, t('comments_backToPosts')), title, form));

  f.open.control.checked = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    errors.clear();
    const name = f.slug.control.value.trim();
    if (!SLUG.test(name)) {
      // the API would refuse it too, but a slash or a space would change the address it is sent to
      errors.show(new ApiError(400, { detail: t('comments_badSlug'),
        errors: [{ field: 'slug', message: t('comments_badSlug') }] }));
      return;
    }
    const body = { title: f.title.control.value.trim(), language: f.language.control.value,
      open: f.open.control.checked };
    if (f.url.control.value.trim()) {
      body.url = f.url.control.value.trim();
    }
    submit.disabled = true;
    try {
      await putPost(name, body);
      announce(t('comments_postSaved', { slug: name }));
      location.hash = '#/comments/posts';
    } catch (e) {
      errors.show(e);
    } finally {
      submit.disabled = false;
    }
  });

  async function refresh() {
    if (!slug) {
      main.dataset.loaded = 'post-new';
      return;
    }
    try {
      const p = await post(slug);
      f.slug.control.value = p.slug;
      f.title.control.value = p.title;
      f.url.control.value = p.url || '';
      f.language.control.value = p.language || 'fr';
      f.open.control.checked = p.open;
      main.dataset.loaded = `post-${p.slug}`;
    } catch (e) {
      general.textContent = t('loadFailed', { detail: problemText(e) });
      general.hidden = false;
    }
  }

  refresh();
  return { refresh, focus: () => title.focus(), wants: () => false };
}
