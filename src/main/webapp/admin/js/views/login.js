// The login form. Labelled fields, the error read out by screen readers (role=alert), the password field emptied
// after a failure.

import { t } from '../i18n.js';
import { ApiError, login } from '../api.js';
import { el } from '../dom.js';

/**
 * Renders the form into main; onLoggedIn() once the server accepted the password. notice: an optional text key
 * shown above the form (session ended, logged out).
 */
export function renderLogin(main, { onLoggedIn, notice }) {
  const message = el('div', { id: 'login-message', 'data-test': 'login-error', role: 'alert', hidden: '' });
  const info = notice
    ? el('p', { class: 'message info', 'data-test': 'login-notice' }, t(notice))
    : null;
  const user = el('input', {
    id: 'login-user', name: 'user', type: 'text', autocomplete: 'username', required: '', value: 'admin',
    'data-test': 'login-user', autocapitalize: 'none', spellcheck: 'false',
  });
  const password = el('input', {
    id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: '',
    'data-test': 'login-password',
  });
  const submit = el('button', { type: 'submit', class: 'primary', 'data-test': 'login-submit' }, t('loginSubmit'));
  const form = el('form', { id: 'login-form', 'data-test': 'login-form', novalidate: '' },
    el('div', { class: 'field' }, el('label', { for: 'login-user' }, t('loginUser')), user),
    el('div', { class: 'field' }, el('label', { for: 'login-password' }, t('loginPassword')), password),
    submit);
  const section = el('section', { class: 'login card', 'aria-labelledby': 'login-title', 'data-test': 'login-view' },
    el('h1', { id: 'login-title' }, t('loginTitle')), info, message, form);
  main.replaceChildren(section);

  function fail(text) {
    message.textContent = text;
    message.className = 'message error';
    message.hidden = false;
    password.value = '';
    password.focus();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    submit.disabled = true;
    message.hidden = true;
    try {
      await login(user.value.trim(), password.value);
      onLoggedIn();
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) {
        fail(t('loginWrong'));
      } else if (e instanceof ApiError && e.status === 429) {
        fail(t('loginTooMany', { seconds: e.headers.get('Retry-After') || '?' }));
      } else if (e instanceof ApiError) {
        fail(t('loginFailed', { status: e.status }));
      } else {
        fail(t('loginNetwork'));
      }
    } finally {
      submit.disabled = false;
    }
  });
  (user.value ? password : user).focus();
}
