// The mail area: the received mail (#/mail: classification, quarantine and its reason, retry), one received mail
// (#/mail/<id>: headers, text, attachments, raw source, the case it went to, retry), and the outbox
// (#/mail/outbox: state, kind, recipients, attempts, last error; retry, drop). Filters and the page are kept in the
// address, like the cases. The received list and an open mail refresh themselves on the live `message-received`.

import { addTexts, dateTime, t } from '../i18n.js';
import { ApiError, message as receivedMail, query, rawMessageUrl } from '../api.js';
import { caseOfMail, dropOutgoing, messages, outbox, retryMessage, retryOutgoing } from '../api/mail.js';
import { askFirst, el, showAlert } from '../dom.js';

const PAGE = 50;
const CLASSIFICATIONS = ['human', 'auto-reply', 'bounce', 'list', 'loop'];
const MAIL_STATUSES = ['ingested', 'quarantined'];
const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed', 'dropped'];
const OUTBOX_KINDS = ['acknowledgement', 'reply', 'closing', 'reminder', 'certificate-report', 'notice',
  'comment-notification', 'comment-confirmation'];

addTexts({
  fr: {
    mail_title: 'Courrier reçu',
    mail_outboxTitle: 'Courrier envoyé (file d’envoi)',
    mail_tabsLabel: 'Courrier',
    mail_tabReceived: 'Reçu',
    mail_tabOutbox: 'Envoyé',
    mail_filtersLabel: 'Filtrer le courrier',
    mail_classification: 'Classement',
    mail_status: 'État',
    mail_kind: 'Sorte',
    mail_any: 'Tous',
    mail_apply: 'Filtrer',
    mail_listLabel: 'Courrier reçu, le plus récent d’abord',
    mail_outboxListLabel: 'Courrier envoyé, le plus récent d’abord',
    mail_empty: 'Aucun courrier.',
    mail_pagesLabel: 'Pages de la liste',
    mail_previous: '← Précédents',
    mail_next: 'Suivants →',
    mail_range: '{from}–{to} sur {total}',
    mail_from: 'De : {who}',
    mail_receivedAt: 'Reçu : {when}',
    mail_reason: 'Raison : {reason}',
    mail_open: 'Ouvrir',
    mail_retry: 'Réessayer',
    mail_retryThis: 'Réessayer le courrier n° {id}',
    mail_retryIngested: 'Relu : accepté ({classification}).',
    mail_retryStill: 'Relu : toujours en quarantaine ({reason}).',
    mail_retryFailed: 'Nouvel essai refusé : {detail}',
    mail_noSubject: '(sans objet)',
    mail_cls_human: 'humain',
    'mail_cls_auto-reply': 'réponse automatique',
    mail_cls_bounce: 'rapport de non-remise',
    mail_cls_list: 'liste',
    mail_cls_loop: 'boucle',
    mail_cls_none: 'non classé',
    mail_st_ingested: 'accepté',
    mail_st_quarantined: 'en quarantaine',
    mail_detailTitle: 'Courrier n° {id}',
    mail_back: '← Tout le courrier reçu',
    mail_case: 'Demande : ',
    mail_caseLink: 'Demande n° {number} — {subject}',
    mail_noCase: 'aucune',
    mail_headers: 'En-têtes ({count})',
    mail_recipients: 'Destinataires',
    mail_to: 'À',
    mail_cc: 'Cc',
    mail_replyTo: 'Répondre à',
    mail_text: 'Texte',
    mail_htmlOnly: 'Courrier en HTML seulement, montré comme source :',
    mail_attachments: 'Pièces jointes',
    mail_raw: 'Source brute',
    mail_classificationReason: 'Pourquoi ce classement : {reason}',
    mail_failedRecipient: 'Adresse en échec : {address} ({status})',
    mail_date: 'Date : {when}',
    mail_messageId: 'Message-ID : {id}',
    mail_updated: 'Courrier mis à jour',
    mail_ob_queued: 'en attente',
    mail_ob_sending: 'en cours d’envoi',
    mail_ob_sent: 'envoyé',
    mail_ob_failed: 'en échec',
    mail_ob_dropped: 'abandonné',
    mail_ob_deferred: 'reporté',
    mail_rcpt_pending: 'en attente',
    mail_rcpt_sent: 'remis',
    mail_rcpt_failed: 'en échec',
    mail_attempts: 'Essais : {n}',
    mail_nextAttempt: 'Prochain essai : {when}',
    mail_lastError: 'Dernière erreur : {error}',
    mail_sentAt: 'Envoyé : {when}',
    mail_createdAt: 'Créé : {when}',
    mail_obRetryThis: 'Renvoyer le courrier n° {id}',
    mail_obRetry: 'Renvoyer',
    mail_obRetried: 'Renvoi demandé : {status}.',
    mail_drop: 'Abandonner',
    mail_dropThis: 'Abandonner le courrier n° {id}',
    mail_dropConfirm: 'Ne jamais envoyer ce courrier ?',
    mail_dropYes: 'Oui, abandonner',
    mail_dropNo: 'Non',
    mail_dropped: 'Courrier n° {id} abandonné.',
    mail_actionFailed: 'Refusé : {detail}',
  },
  en: {
    mail_title: 'Received mail',
    mail_outboxTitle: 'Sent mail (outbox)',
    mail_tabsLabel: 'Mail',
    mail_tabReceived: 'Received',
    mail_tabOutbox: 'Sent',
    mail_filtersLabel: 'Filter the mail',
    mail_classification: 'Classification',
    mail_status: 'State',
    mail_kind: 'Kind',
    mail_any: 'Any',
    mail_apply: 'Filter',
    mail_listLabel: 'Received mail, newest first',
    mail_outboxListLabel: 'Sent mail, newest first',
    mail_empty: 'No mail.',
    mail_pagesLabel: 'Pages of the list',
    mail_previous: '← Previous',
    mail_next: 'Next →',
    mail_range: '{from}–{to} of {total}',
    mail_from: 'From: {who}',
    mail_receivedAt: 'Received: {when}',
    mail_reason: 'Reason: {reason}',
    mail_open: 'Open',
    mail_retry: 'Retry',
    mail_retryThis: 'Retry mail #{id}',
    mail_retryIngested: 'Read again: accepted ({classification}).',
    mail_retryStill: 'Read again: still quarantined ({reason}).',
    mail_retryFailed: 'Retry refused: {detail}',
    mail_noSubject: '(no subject)',
    mail_cls_human: 'human',
    'mail_cls_auto-reply': 'auto-reply',
    mail_cls_bounce: 'delivery report',
    mail_cls_list: 'list',
    mail_cls_loop: 'loop',
    mail_cls_none: 'unclassified',
    mail_st_ingested: 'accepted',
    mail_st_quarantined: 'quarantined',
    mail_detailTitle: 'Mail #{id}',
    mail_back: '← All received mail',
    mail_case: 'Case: ',
    mail_caseLink: 'Case #{number} — {subject}',
    mail_noCase: 'none',
    mail_headers: 'Headers ({count})',
    mail_recipients: 'Recipients',
    mail_to: 'To',
    mail_cc: 'Cc',
    mail_replyTo: 'Reply-To',
    mail_text: 'Text',
    mail_htmlOnly: 'HTML-only mail, shown as source:',
    mail_attachments: 'Attachments',
    mail_raw: 'Raw source',
    mail_classificationReason: 'Why this classification: {reason}',
    mail_failedRecipient: 'Failing address: {address} ({status})',
    mail_date: 'Date: {when}',
    mail_messageId: 'Message-ID: {id}',
    mail_updated: 'Mail updated',
    mail_ob_queued: 'queued',
    mail_ob_sending: 'sending',
    mail_ob_sent: 'sent',
    mail_ob_failed: 'failed',
    mail_ob_dropped: 'dropped',
    mail_ob_deferred: 'deferred',
    mail_rcpt_pending: 'pending',
    mail_rcpt_sent: 'delivered',
    mail_rcpt_failed: 'failed',
    mail_attempts: 'Attempts: {n}',
    mail_nextAttempt: 'Next attempt: {when}',
    mail_lastError: 'Last error: {error}',
    mail_sentAt: 'Sent: {when}',
    mail_createdAt: 'Created: {when}',
    mail_obRetryThis: 'Send mail #{id} again',
    mail_obRetry: 'Send again',
    mail_obRetried: 'Sent again: {status}.',
    mail_drop: 'Drop',
    mail_dropThis: 'Drop mail #{id}',
    mail_dropConfirm: 'Never send this mail?',
    mail_dropYes: 'Yes, drop it',
    mail_dropNo: 'No',
    mail_dropped: 'Mail #{id} dropped.',
    mail_actionFailed: 'Refused: {detail}',
  },
});

function problemText(e) {
  return e instanceof ApiError ? e.message : t('loginNetwork');
}

function failure(e) {
  return el('p', { class: 'message error', role: 'alert', 'data-test': 'load-error' },
    t('loadFailed', { detail: problemText(e) }));
}

function classificationBadge(classification) {
  const key = classification || 'none';
  return el('span', { class: `badge cls-${key}`, 'data-test': 'mail-classification', 'data-classification': key },
    t(`mail_cls_${key}`));
}

function statusBadge(status) {
  return el('span', { class: `badge mail-st-${status}`, 'data-test': 'mail-status', 'data-status': status },
    t(`mail_st_${status}`));
}

/** The two tabs of the area, as links (the address decides which view shows). */
function tabs(current) {
  const tab = (key, href, label) => el('a', { href, 'aria-current': current === key ? 'page' : null,
    'data-test': `mail-tab-${key}` }, label);
  return el('nav', { class: 'mail-tabs', 'aria-label': t('mail_tabsLabel') },
    tab('received', '#/mail', t('mail_tabReceived')), tab('outbox', '#/mail/outbox', t('mail_tabOutbox')));
}

/** A filter form of selects whose submit writes the filters into the address (base: '#/mail' or '#/mail/outbox'). */
function filterForm(base, selects, values, refresh) {
  const controls = selects.map(({ name, label, options, labelOf }) => {
    const id = `mail-filter-${name}`;
    const select = el('select', { id, name, 'data-test': `mail-filter-${name}` },
      el('option', { value: '' }, t('mail_any')),
      ...options.map((o) => el('option', { value: o, selected: values[name] === o ? true : null }, labelOf(o))));
    return { name, box: el('div', { class: 'field' }, el('label', { for: id }, label), select), select };
  });
  const form = el('form', { class: 'filters card', role: 'search', 'aria-label': t('mail_filtersLabel'),
    'data-test': 'mail-filters', novalidate: true },
  ...controls.map((c) => c.box),
  el('div', { class: 'filter-actions' },
    el('button', { type: 'submit', class: 'secondary', 'data-test': 'mail-apply' }, t('mail_apply'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = Object.fromEntries(controls.map((c) => [c.name, c.select.value || undefined]));
    const href = `${base}${query(next)}`;
    if (location.hash === href) {
      refresh();
    } else {
      location.hash = href;
    }
  });
  return form;
}

/** Previous/next links keeping the filters. */
/** Loads and draws one page of a list (its rows, "nothing here", the pager) or says why it could not. */
function pageLoader({ main, load, row, list, status, nav, base, filters, offset, loaded }) {
  return async () => {
    try {
      const page = await load({ ...filters, offset: offset || undefined, limit: PAGE });
      list.replaceChildren(...page.items.map(row));
      status.textContent = page.items.length ? '' : t('mail_empty');
      status.hidden = page.items.length > 0;
      pager(nav, base, filters, offset, page);
      main.dataset.loaded = loaded;
    } catch (e) {
      showAlert(status, t('loadFailed', { detail: problemText(e) }));
    }
  };
}

function pager(nav, base, filters, offset, page) {
  const links = [];
  if (offset > 0) {
    links.push(el('a', { href: `${base}${query({ ...filters, offset: Math.max(0, offset - PAGE) || undefined })}`,
      rel: 'prev', 'data-test': 'mail-previous' }, t('mail_previous')));
  }
  links.push(el('span', { class: 'range' }, t('mail_range', { from: page.items.length ? offset + 1 : 0,
    to: offset + page.items.length, total: page.total })));
  if (offset + page.items.length < page.total) {
    links.push(el('a', { href: `${base}${query({ ...filters, offset: offset + PAGE })}`, rel: 'next',
      'data-test': 'mail-next' }, t('mail_next')));
  }
  nav.replaceChildren(...links);
  nav.hidden = page.total <= PAGE && offset === 0;
}

/** The outcome of a retry of a received mail, in words. */
function retryOutcome(m) {
  return m.status === 'quarantined'
    ? t('mail_retryStill', { reason: m.error || '' })
    : t('mail_retryIngested', { classification: t(`mail_cls_${m.classification || 'none'}`) });
}

/** A retry button for a quarantined mail; the outcome goes into `outcome` (a live region) and done(m) runs after. */
function retryButton(id, outcome, done) {
  const button = el('button', { type: 'button', class: 'secondary', 'data-test': 'mail-retry',
    'aria-label': t('mail_retryThis', { id }) }, t('mail_retry'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    outcome.className = 'outcome';
    try {
      const m = await retryMessage(id);
      outcome.textContent = retryOutcome(m);
      outcome.dataset.status = m.status;
      outcome.classList.add(m.status === 'quarantined' ? 'outcome-still' : 'outcome-ok');
      done(m);
    } catch (e) {
      outcome.textContent = t('mail_retryFailed', { detail: problemText(e) });
      outcome.classList.add('outcome-error');
    } finally {
      button.disabled = false;
    }
  });
  return button;
}

function receivedList(main, params) {
  const filters = { classification: params.get('classification') || undefined,
    status: params.get('status') || undefined };
  const offset = Math.max(0, Number.parseInt(params.get('offset'), 10) || 0);
  const title = el('h1', { id: 'mail-title', tabindex: '-1' }, t('mail_title'));
  const list = el('ol', { class: 'mail-list', 'aria-label': t('mail_listLabel'), 'data-test': 'mail-list' });
  const status = el('p', { class: 'empty', role: 'status', 'data-test': 'mail-status-line' }, t('loading'));
  const nav = el('nav', { class: 'pager', 'aria-label': t('mail_pagesLabel'), hidden: true, 'data-test': 'mail-pager' });
  // the outcome of a retry, above the list: the mail may leave a filtered list once accepted
  const outcome = el('p', { class: 'outcome', role: 'status', 'data-test': 'mail-retry-outcome' });
  let refresh = () => {};
  const form = filterForm('#/mail', [
    { name: 'classification', label: t('mail_classification'), options: CLASSIFICATIONS, labelOf: (c) => t(`mail_cls_${c}`) },
    { name: 'status', label: t('mail_status'), options: MAIL_STATUSES, labelOf: (s) => t(`mail_st_${s}`) },
  ], filters, () => refresh());
  main.replaceChildren(el('section', { 'aria-labelledby': 'mail-title', 'data-test': 'mail-view', id: 'mail-view' },
    tabs('received'), title, form, outcome, status, list, nav));

  function row(m) {
    const quarantined = m.status === 'quarantined';
    return el('li', { class: `mail-row${quarantined ? ' quarantined' : ''}`, 'data-test': 'mail-row', 'data-mail': m.id,
      'data-status': m.status },
    el('span', { class: 'mail-number' }, `#${m.id}`),
    el('a', { class: 'mail-subject', href: `#/mail/${m.id}`, 'data-test': 'mail-link' }, m.subject || t('mail_noSubject')),
    el('span', { class: 'badges' }, quarantined ? statusBadge(m.status) : classificationBadge(m.classification)),
    el('span', { class: 'mail-meta' },
      el('span', { 'data-test': 'mail-from' }, t('mail_from', { who: m.from || '' })),
      el('span', {}, t('mail_receivedAt', { when: dateTime(m.receivedAt) }))),
    quarantined ? el('p', { class: 'reason', 'data-test': 'mail-reason' }, t('mail_reason', { reason: m.error || '' })) : null,
    quarantined ? el('div', { class: 'row-actions' }, retryButton(m.id, outcome, () => refresh())) : null);
  }

  refresh = pageLoader({ main, load: messages, row, list, status, nav, base: '#/mail', filters, offset,
    loaded: 'mail' });
  refresh();
  return { refresh, focus: () => title.focus(), wants: (name) => name === 'message-received',
    updated: t('mail_updated') };
}

function addressList(list) {
  return (list || []).map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');
}

function mailDetail(main, id) {
  const title = el('h1', { id: 'mail-title', tabindex: '-1', 'data-test': 'mail-detail-title' },
    t('mail_detailTitle', { id }));
  const body = el('div', { class: 'mail-detail', 'data-test': 'mail-detail' }, el('p', { class: 'empty' }, t('loading')));
  const outcome = el('p', { class: 'outcome', role: 'status', 'data-test': 'mail-retry-outcome' });
  main.replaceChildren(el('section', { 'aria-labelledby': 'mail-title', 'data-test': 'mail-detail-view' },
    tabs('received'), el('a', { class: 'back', href: '#/mail', 'data-test': 'back-to-mail' }, t('mail_back')),
    title, outcome, body));
  let generation = 0;
  // the headers' fold stays as the admin left it across a redraw
  let headersOpen = false;

  function draw(m, theCase) {
    title.textContent = `${t('mail_detailTitle', { id: m.id })} — ${m.subject || t('mail_noSubject')}`;
    const quarantined = m.status === 'quarantined';
    const facts = el('div', { class: 'mail-facts' },
      el('p', { class: 'badges' }, statusBadge(m.status), ' ', quarantined ? null : classificationBadge(m.classification)),
      quarantined ? el('p', { class: 'reason', 'data-test': 'mail-reason' }, t('mail_reason', { reason: m.error || '' })) : null,
      quarantined ? el('div', { class: 'row-actions' }, retryButton(m.id, outcome, () => refresh())) : null,
      m.classificationReason ? el('p', {}, t('mail_classificationReason', { reason: m.classificationReason })) : null,
      m.failedRecipient ? el('p', { class: 'failing' }, t('mail_failedRecipient',
        { address: m.failedRecipient, status: m.deliveryStatus || '' })) : null,
      el('p', {}, t('mail_from', { who: m.fromName ? `${m.fromName} <${m.from}>` : (m.from || '') })),
      el('p', {}, t('mail_receivedAt', { when: dateTime(m.receivedAt) }), m.date ? ` · ${t('mail_date', { when: dateTime(m.date) })}` : ''),
      m.messageId ? el('p', { class: 'mono' }, t('mail_messageId', { id: m.messageId })) : null,
      el('p', { 'data-test': 'mail-case' }, el('strong', {}, t('mail_case')),
        theCase ? el('a', { href: `#/cases/${theCase.number}`, 'data-test': 'mail-case-link', 'data-case': theCase.number },
          t('mail_caseLink', { number: theCase.number, subject: theCase.subject || t('noSubject') }))
          : el('span', {}, t('mail_noCase'))),
      el('p', {}, el('a', { href: rawMessageUrl(m.id), download: `coloc-mail-${m.id}.eml`, 'data-test': 'mail-raw' },
        t('mail_raw'))));

    const r = m.recipients;
    const recipients = r ? el('dl', { class: 'recipients', 'data-test': 'mail-recipients' },
      ...[['to', 'mail_to'], ['cc', 'mail_cc'], ['replyTo', 'mail_replyTo']]
        .filter(([k]) => r[k] && r[k].length)
        .flatMap(([k, label]) => [el('dt', {}, t(label)), el('dd', {}, addressList(r[k]))])) : null;

    const headers = el('details', { class: 'headers', 'data-test': 'mail-headers', open: headersOpen ? true : null },
      el('summary', {}, t('mail_headers', { count: (m.headers || []).length })),
      el('dl', {}, ...(m.headers || []).flatMap((h) => [el('dt', {}, h.name), el('dd', {}, h.value)])));
    headers.addEventListener('toggle', () => {
      headersOpen = headers.open;
    });

    const text = m.text != null ? m.text : (m.html != null ? m.html : '');
    const attachments = (m.attachments || []).length ? el('section', { class: 'attachments' },
      el('h2', {}, t('mail_attachments')),
      el('ul', {}, ...m.attachments.map((a) => el('li', {},
        el('a', { href: `/api/messages/${encodeURIComponent(m.id)}/attachments/${a.index}`, download: a.name || 'attachment' },
          a.name || `#${a.index}`), ` (${a.contentType || ''}, ${a.size} o)`)))) : null;

    // replaceChildren would write a null as the text "null": only the parts this mail has
    body.replaceChildren(...[facts, recipients, headers,
      el('section', { class: 'mail-text' }, el('h2', {}, t('mail_text')),
        m.text == null && m.html != null ? el('p', { class: 'empty' }, t('mail_htmlOnly')) : null,
        el('pre', { class: 'whole-text', 'data-test': 'mail-text' }, text)),
      attachments].filter(Boolean));
    main.dataset.loaded = `mail-${m.id}`;
  }

  async function refresh() {
    generation += 1;
    const mine = generation;
    try {
      const [m, theCase] = await Promise.all([receivedMail(id), caseOfMail(id).catch(() => null)]);
      if (mine === generation) {
        draw(m, theCase);
      }
    } catch (e) {
      body.replaceChildren(failure(e));
    }
  }
  refresh();
  return { refresh, focus: () => title.focus(), title: t('mail_detailTitle', { id }),
    wants: (name, data) => name === 'message-received' && data && String(data.id) === String(id),
    updated: t('mail_updated') };
}

function outboxList(main, params) {
  const filters = { status: params.get('status') || undefined, kind: params.get('kind') || undefined };
  const offset = Math.max(0, Number.parseInt(params.get('offset'), 10) || 0);
  const title = el('h1', { id: 'mail-title', tabindex: '-1' }, t('mail_outboxTitle'));
  const list = el('ol', { class: 'mail-list', 'aria-label': t('mail_outboxListLabel'), 'data-test': 'outbox-list' });
  const status = el('p', { class: 'empty', role: 'status', 'data-test': 'outbox-status-line' }, t('loading'));
  const announcer = el('p', { class: 'outcome', role: 'status', 'data-test': 'outbox-outcome' });
  const nav = el('nav', { class: 'pager', 'aria-label': t('mail_pagesLabel'), hidden: true, 'data-test': 'outbox-pager' });
  let refresh = () => {};
  const form = filterForm('#/mail/outbox', [
    { name: 'status', label: t('mail_status'), options: OUTBOX_STATUSES, labelOf: (s) => t(`mail_ob_${s}`) },
    { name: 'kind', label: t('mail_kind'), options: OUTBOX_KINDS, labelOf: (k) => k },
  ], filters, () => refresh());
  main.replaceChildren(el('section', { 'aria-labelledby': 'mail-title', 'data-test': 'outbox-view' },
    tabs('outbox'), title, form, announcer, status, list, nav));

  async function act(work, done) {
    try {
      await work();
      announcer.className = 'outcome outcome-ok';
      announcer.textContent = done();
      await refresh();
    } catch (e) {
      announcer.className = 'outcome outcome-error';
      announcer.textContent = t('mail_actionFailed', { detail: problemText(e) });
    }
  }

  function row(o) {
    // queued after a failed attempt: deferred, in the admin's words
    const shown = o.status === 'queued' && o.attempts > 0 ? 'deferred' : o.status;
    const tools = el('div', { class: 'row-actions' });
    if (['queued', 'failed', 'dropped'].includes(o.status)) {
      const retry = el('button', { type: 'button', class: 'secondary', 'data-test': 'outbox-retry',
        'aria-label': t('mail_obRetryThis', { id: o.id }) }, t('mail_obRetry'));
      let after = null;
      retry.addEventListener('click', () => act(async () => {
        after = await retryOutgoing(o.id);
      }, () => t('mail_obRetried', { status: t(`mail_ob_${after.status}`) })));
      tools.append(retry);
    }
    if (['queued', 'failed'].includes(o.status)) {
      const drop = el('button', { type: 'button', class: 'secondary danger', 'data-test': 'outbox-drop',
        'aria-label': t('mail_dropThis', { id: o.id }) }, t('mail_drop'));
      const yes = el('button', { type: 'button', class: 'secondary danger', 'data-test': 'outbox-drop-yes' }, t('mail_dropYes'));
      const no = el('button', { type: 'button', class: 'link-button', 'data-test': 'outbox-drop-no' }, t('mail_dropNo'));
      const confirm = el('span', { class: 'confirm', role: 'group', hidden: true }, t('mail_dropConfirm'), ' ', yes, ' ', no);
      askFirst(drop, confirm, no);
      yes.addEventListener('click', () => act(() => dropOutgoing(o.id), () => t('mail_dropped', { id: o.id })));
      tools.append(drop, confirm);
    }
    return el('li', { class: `mail-row outbox-${o.status}`, 'data-test': 'outbox-row', 'data-outbox': o.id, 'data-status': o.status },
      el('span', { class: 'mail-number' }, `#${o.id}`),
      el('span', { class: 'mail-subject' }, o.subject || t('mail_noSubject')),
      el('span', { class: 'badges' },
        el('span', { class: `badge ob-${shown}`, 'data-test': 'outbox-state' }, t(`mail_ob_${shown}`)), ' ',
        el('span', { class: 'badge kind' }, o.kind)),
      el('span', { class: 'mail-meta' },
        o.caseNumber ? el('a', { href: `#/cases/${o.caseNumber}` }, t('caseTitle', { number: o.caseNumber })) : null,
        el('span', {}, t('mail_createdAt', { when: dateTime(o.created) })),
        o.sentAt ? el('span', {}, t('mail_sentAt', { when: dateTime(o.sentAt) })) : null,
        el('span', {}, t('mail_attempts', { n: o.attempts })),
        o.nextAttemptAt && o.status === 'queued' ? el('span', {}, t('mail_nextAttempt', { when: dateTime(o.nextAttemptAt) })) : null),
      el('ul', { class: 'recipients-list', 'data-test': 'outbox-recipients' }, ...(o.recipients || []).map((r) =>
        el('li', { 'data-status': r.status }, r.address, ' — ', t(`mail_rcpt_${r.status}`), r.error ? ` (${r.error})` : ''))),
      o.lastError ? el('p', { class: 'reason', 'data-test': 'outbox-error' }, t('mail_lastError', { error: o.lastError })) : null,
      tools);
  }

  refresh = pageLoader({ main, load: outbox, row, list, status, nav, base: '#/mail/outbox', filters, offset,
    loaded: 'outbox' });
  refresh();
  // a case changing (a reply, a reminder) is when mail gets queued
  return { refresh, focus: () => title.focus(), wants: (name) => name === 'case-changed', updated: t('mail_updated') };
}

export const routes = [
  {
    path: /^\/mail\/outbox$/,
    nav: 'mail',
    title: () => t('mail_outboxTitle'),
    open: (main, match, params) => outboxList(main, params),
  },
  {
    path: /^\/mail\/(\d{1,12})$/,
    nav: 'mail',
    title: () => t('mail_title'),
    open: (main, match) => mailDetail(main, match[1]),
  },
  {
    path: /^\/mail$/,
    nav: 'mail',
    title: () => t('mail_title'),
    open: (main, match, params) => receivedList(main, params),
  },
];
