// API tokens (#/tokens): the list (name, created, last used, revoked; never a token's value), a new token (its
// value shown once, in a box with a copy button, kept only in this view's memory: leaving the view forgets it), and
// revoking one (after a confirmation).

import { addTexts, dateTime, t } from '../i18n.js';
import { ApiError } from '../api.js';
import { createToken, revokeToken, tokens } from '../api/tokens.js';
import { askFirst, el, setFieldError, showAlert } from '../dom.js';

addTexts({
  fr: {
    tokens_title: 'Jetons d’API',
    tokens_intro: 'Un script s’authentifie avec « Authorization: Bearer <jeton> ». Un jeton peut tout faire sauf gérer les jetons.',
    tokens_createLabel: 'Nom du nouveau jeton (ce qui l’utilisera, p. ex. « sauvegarde »)',
    tokens_create: 'Créer le jeton',
    tokens_secretTitle: 'Jeton « {name} »',
    tokens_secretWarning: 'Copiez-le maintenant : vous ne le reverrez plus. Seule son empreinte est gardée.',
    tokens_secretLabel: 'Valeur du jeton',
    tokens_copy: 'Copier',
    tokens_copied: 'Jeton copié.',
    tokens_copyFailed: 'Copie impossible : sélectionnez le texte et copiez-le.',
    tokens_done: 'C’est noté, masquer',
    tokens_listLabel: 'Jetons',
    tokens_empty: 'Aucun jeton.',
    tokens_created: 'Créé : {when}',
    tokens_lastUsed: 'Dernier usage : {when}',
    tokens_neverUsed: 'Jamais utilisé',
    tokens_revokedAt: 'Révoqué : {when}',
    tokens_revoke: 'Révoquer',
    tokens_revokeThis: 'Révoquer le jeton {name}',
    tokens_revokeConfirm: 'Révoquer « {name} » ? Les scripts qui l’utilisent seront refusés.',
    tokens_revokeYes: 'Oui, révoquer',
    tokens_revokeNo: 'Non',
    tokens_revoked: 'Jeton « {name} » révoqué.',
    tokens_failed: 'Refusé : {detail}',
    tokens_nameProblem: 'Nom : {message}',
  },
  en: {
    tokens_title: 'API tokens',
    tokens_intro: 'A script authenticates with “Authorization: Bearer <token>”. A token can do everything except manage tokens.',
    tokens_createLabel: 'Name of the new token (what will use it, e.g. “backup”)',
    tokens_create: 'Create the token',
    tokens_secretTitle: 'Token “{name}”',
    tokens_secretWarning: 'Copy it now: you will not see it again. Only its hash is kept.',
    tokens_secretLabel: 'Value of the token',
    tokens_copy: 'Copy',
    tokens_copied: 'Token copied.',
    tokens_copyFailed: 'Could not copy: select the text and copy it.',
    tokens_done: 'Noted, hide it',
    tokens_listLabel: 'Tokens',
    tokens_empty: 'No tokens.',
    tokens_created: 'Created: {when}',
    tokens_lastUsed: 'Last used: {when}',
    tokens_neverUsed: 'Never used',
    tokens_revokedAt: 'Revoked: {when}',
    tokens_revoke: 'Revoke',
    tokens_revokeThis: 'Revoke the token {name}',
    tokens_revokeConfirm: 'Revoke “{name}”? Scripts using it will be refused.',
    tokens_revokeYes: 'Yes, revoke',
    tokens_revokeNo: 'No',
    tokens_revoked: 'Token “{name}” revoked.',
    tokens_failed: 'Refused: {detail}',
    tokens_nameProblem: 'Name: {message}',
  },
});

function problemText(e) {
  return e instanceof ApiError ? e.message : t('loginNetwork');
}

function tokensView(main, { announce = () => {} } = {}) {
  const title = el('h1', { id: 'tokens-title', tabindex: '-1' }, t('tokens_title'));
  const nameInput = el('input', { id: 'token-name', name: 'name', type: 'text', maxlength: '100', autocomplete: 'off',
    required: true, 'data-test': 'token-name', 'aria-describedby': 'token-name-error' });
  const nameError = el('p', { id: 'token-name-error', class: 'message error', role: 'alert',
    'data-test': 'token-name-error', hidden: true });
  const submit = el('button', { type: 'submit', class: 'primary', 'data-test': 'token-create' }, t('tokens_create'));
  const form = el('form', { class: 'token-form card', 'data-test': 'token-form', novalidate: true },
    el('div', { class: 'field' }, el('label', { for: 'token-name' }, t('tokens_createLabel')), nameInput, nameError),
    submit);
  // the new token's value: only here, only until the admin hides it or leaves the view
  const secretBox = el('section', { class: 'token-secret', 'aria-labelledby': 'token-secret-title',
    'data-test': 'token-secret-box', hidden: true });
  const outcome = el('p', { class: 'outcome', role: 'status', 'data-test': 'tokens-outcome' });
  const list = el('ul', { class: 'token-list', 'aria-label': t('tokens_listLabel'), 'data-test': 'token-list' });
  const status = el('p', { class: 'empty', role: 'status', 'data-test': 'tokens-status' }, t('loading'));
  main.replaceChildren(el('section', { 'aria-labelledby': 'tokens-title', 'data-test': 'tokens-view', id: 'tokens-view' },
    title, el('p', { class: 'intro' }, t('tokens_intro')), form, secretBox, outcome, status, list));

  const fieldProblem = (text) => setFieldError(nameInput, nameError, text);

  function forgetSecret() {
    secretBox.replaceChildren();
    secretBox.hidden = true;
  }

  function showSecret(created) {
    const value = el('input', { id: 'token-secret', type: 'text', readonly: true, value: created.token,
      class: 'mono', 'data-test': 'token-secret', spellcheck: 'false', autocomplete: 'off' });
    const copied = el('span', { class: 'copied', role: 'status', 'data-test': 'token-copied' });
    const copy = el('button', { type: 'button', class: 'secondary', 'data-test': 'token-copy' }, t('tokens_copy'));
    copy.addEventListener('click', async () => {
      value.select();
      try {
        await navigator.clipboard.writeText(created.token);
        copied.textContent = t('tokens_copied');
      } catch (e) {
        copied.textContent = t('tokens_copyFailed');
      }
    });
    const done = el('button', { type: 'button', class: 'link-button', 'data-test': 'token-secret-done' }, t('tokens_done'));
    done.addEventListener('click', () => {
      forgetSecret();
      nameInput.focus();
    });
    secretBox.replaceChildren(
      el('h2', { id: 'token-secret-title' }, t('tokens_secretTitle', { name: created.name })),
      el('p', { class: 'message warning', 'data-test': 'token-secret-warning' }, t('tokens_secretWarning')),
      el('label', { for: 'token-secret' }, t('tokens_secretLabel')),
      el('div', { class: 'inline' }, value, copy), copied,
      el('div', { class: 'actions' }, done));
    secretBox.hidden = false;
    value.focus();
    value.select();
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    fieldProblem('');
    outcome.textContent = '';
    submit.disabled = true;
    try {
      const created = await createToken(nameInput.value.trim());
      nameInput.value = '';
      showSecret(created);
      await refresh();
    } catch (e) {
      // a 400 names the field; a 409 (the name is taken) is about it too
      const errors = (e.problem && Array.isArray(e.problem.errors)) ? e.problem.errors : [];
      const mine = errors.find((x) => x.field === 'name');
      fieldProblem(mine ? t('tokens_nameProblem', { message: mine.message }) : problemText(e));
      nameInput.focus();
    } finally {
      submit.disabled = false;
    }
  });

  function row(k) {
    const revoked = !!k.revoked;
    const item = el('li', { class: `token-row${revoked ? ' revoked' : ''}`, 'data-test': 'token-row', 'data-token': k.id,
      'data-name': k.name, 'data-revoked': revoked ? 'true' : null },
    el('strong', { class: 'token-name' }, k.name),
    el('span', { class: 'token-meta' },
      el('span', {}, t('tokens_created', { when: dateTime(k.created) })),
      el('span', { 'data-test': 'token-last-used' },
        k.lastUsed ? t('tokens_lastUsed', { when: dateTime(k.lastUsed) }) : t('tokens_neverUsed')),
      revoked ? el('span', { class: 'revoked-at', 'data-test': 'token-revoked' },
        t('tokens_revokedAt', { when: dateTime(k.revoked) })) : null));
    if (!revoked) {
      const revoke = el('button', { type: 'button', class: 'secondary danger', 'data-test': 'token-revoke',
        'aria-label': t('tokens_revokeThis', { name: k.name }) }, t('tokens_revoke'));
      const yes = el('button', { type: 'button', class: 'secondary danger', 'data-test': 'token-revoke-yes' },
        t('tokens_revokeYes'));
      const no = el('button', { type: 'button', class: 'link-button', 'data-test': 'token-revoke-no' }, t('tokens_revokeNo'));
      const confirm = el('span', { class: 'confirm', role: 'group', 'data-test': 'token-revoke-confirm', hidden: true },
        t('tokens_revokeConfirm', { name: k.name }), ' ', yes, ' ', no);
      askFirst(revoke, confirm, no);
      yes.addEventListener('click', async () => {
        yes.disabled = true;
        try {
          await revokeToken(k.id);
          outcome.className = 'outcome outcome-ok';
          outcome.textContent = t('tokens_revoked', { name: k.name });
          announce(outcome.textContent);
          await refresh();
          title.focus();
        } catch (e) {
          outcome.className = 'outcome outcome-error';
          outcome.textContent = t('tokens_failed', { detail: problemText(e) });
          yes.disabled = false;
        }
      });
      item.append(el('span', { class: 'row-actions' }, revoke, confirm));
    }
    return item;
  }

  async function refresh() {
    try {
      const all = await tokens();
      // live ones first, newest first: what the admin may want to revoke
      const sorted = [...all].sort((a, b) => (!!a.revoked - !!b.revoked) || (b.id - a.id));
      list.replaceChildren(...sorted.map(row));
      status.textContent = sorted.length ? '' : t('tokens_empty');
      status.hidden = sorted.length > 0;
      main.dataset.loaded = 'tokens';
    } catch (e) {
      showAlert(status, t('loadFailed', { detail: problemText(e) }));
    }
  }

  refresh();
  // no live event concerns tokens: the stream's events leave this view alone (and the secret box with it)
  return { refresh, focus: () => title.focus(), wants: () => false };
}

export const routes = [
  {
    path: /^\/tokens$/,
    nav: 'tokens',
    title: () => t('tokens_title'),
    open: (main, match, params, context) => tokensView(main, context),
  },
];
