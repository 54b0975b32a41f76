// One case as the admin works it: its header (state, requester, participants with failing addresses flagged; a
// participant added or removed), what it is linked to (a member, a VM: chosen by searching the inventory by name),
// the thread (each message's new text; the whole received mail one click away, and its raw source), and the three
// actions: a reply (mailed), an internal note (not mailed), a state change. Every write answers the case, which is
// drawn at once; the live stream redraws it when the case changes elsewhere (a mail arrives).

import { addTexts, dateTime, t } from '../i18n.js';
import { ApiError, addParticipant, caseWithThread, changeCase, message as receivedMail, note, query, rawMessageUrl,
  removeParticipant, reply, request } from '../api.js';
import { el, setFieldError, showAlert } from '../dom.js';

addTexts({
  fr: {
    case_linksLabel: 'Lié à',
    case_member: 'Membre',
    case_vm: 'VM',
    case_noLink: 'aucun',
    case_unlink: 'Délier',
    case_unlinkMember: 'Délier le membre',
    case_unlinkVm: 'Délier la VM',
    case_searchMember: 'Chercher un membre (nom, adresse, projet)',
    case_searchVm: 'Chercher une VM (nom, nom d’hôte, domaine)',
    case_search: 'Chercher',
    case_link: 'Lier',
    case_linkThis: 'Lier « {name} »',
    case_noMatch: 'Rien ne correspond.',
    case_linked: 'Demande liée : {name}.',
    case_unlinked: 'Lien retiré.',
    case_addParticipant: 'Ajouter un participant (adresse ; il recevra les réponses)',
    case_add: 'Ajouter',
    case_added: '{address} ajouté aux participants.',
    case_remove: 'Retirer',
    case_removeThis: 'Retirer {address} des participants',
    case_removed: '{address} retiré des participants.',
    case_results: 'Résultats',
  },
  en: {
    case_linksLabel: 'Linked to',
    case_member: 'Member',
    case_vm: 'VM',
    case_noLink: 'none',
    case_unlink: 'Unlink',
    case_unlinkMember: 'Unlink the member',
    case_unlinkVm: 'Unlink the VM',
    case_searchMember: 'Find a member (name, address, project)',
    case_searchVm: 'Find a VM (name, hostname, domain)',
    case_search: 'Search',
    case_link: 'Link',
    case_linkThis: 'Link “{name}”',
    case_noMatch: 'Nothing matches.',
    case_linked: 'Case linked: {name}.',
    case_unlinked: 'Link removed.',
    case_addParticipant: 'Add a participant (address; replies will go there too)',
    case_add: 'Add',
    case_added: '{address} added to the participants.',
    case_remove: 'Remove',
    case_removeThis: 'Remove {address} from the participants',
    case_removed: '{address} removed from the participants.',
    case_results: 'Results',
  },
});

/** A case's states in the order the admin meets them. */
export const STATES = ['new', 'waiting-admin', 'waiting-requester', 'closed'];

function stateBadge(state) {
  return el('span', { class: `state state-${state}`, 'data-test': 'case-state', 'data-state': state },
    t(`state_${state}`));
}

/** The text to show for a refused write: the problem's detail, and each field's message when there are several. */
function problemText(e) {
  if (e instanceof ApiError) {
    const errors = (e.problem && Array.isArray(e.problem.errors)) ? e.problem.errors : [];
    if (errors.length > 1) {
      return `${e.message} ${errors.map((x) => `${x.field}: ${x.message}`).join('; ')}`;
    }
    return e.message;
  }
  return t('loginNetwork');
}

/** The message of a refused write for one field: that field's own message when the API names it, else the detail. */
function fieldProblem(e, field) {
  if (e instanceof ApiError) {
    const errors = (e.problem && Array.isArray(e.problem.errors)) ? e.problem.errors : [];
    const mine = errors.find((x) => x.field === field);
    return mine ? `${field}: ${mine.message}` : e.message;
  }
  return t('loginNetwork');
}

/** "alice@example.org (5.1.1)" → its address, as the case's failingAddresses writes them. */
function failingAddress(entry) {
  const space = String(entry).indexOf(' ');
  return (space < 0 ? String(entry) : String(entry).slice(0, space)).toLowerCase();
}

export function caseView(main, number, { announce = () => {} } = {}) {
  const title = el('h1', { id: 'thread-title', tabindex: '-1', 'data-test': 'thread-subject' }, t('loading'));
  const meta = el('div', { class: 'case-meta case-head', 'data-test': 'thread-meta' });
  const people = el('ul', { class: 'participants', 'aria-label': t('participantsLabel'), 'data-test': 'participants' });
  const thread = el('ol', { class: 'thread', 'aria-label': t('threadLabel'), 'data-test': 'thread' });
  // mails whose whole text is open, and those already loaded: a redraw (live update) keeps them open
  const open = new Set();
  const loaded = new Map();
  // each read and each write's answer takes a number: only the newest is drawn
  let generation = 0;

  function textForm(kind, send, done) {
    const id = `${kind}-text`;
    const box = el('textarea', { id, name: 'text', rows: '5', 'data-test': `${kind}-text`,
      'aria-describedby': `${kind}-error` });
    const error = el('p', { id: `${kind}-error`, class: 'message error', role: 'alert', 'data-test': `${kind}-error`,
      hidden: true });
    const submit = el('button', { type: 'submit', class: kind === 'reply' ? 'primary' : 'secondary',
      'data-test': `${kind}-submit` }, t(`${kind}Submit`));
    const form = el('form', { class: `case-action case-${kind}`, 'data-test': `${kind}-form`, novalidate: true },
      el('label', { for: id }, t(`${kind}Label`)), box, error, el('div', { class: 'actions' }, submit));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      submit.disabled = true;
      error.hidden = true;
      try {
        const c = await send(number, box.value);
        generation += 1;
        draw(c);
        box.value = '';
        announce(t(done));
      } catch (e) {
        // the text stays in the box: the admin corrects it rather than typing it again
        error.textContent = problemText(e);
        error.hidden = false;
        box.focus();
      } finally {
        submit.disabled = false;
      }
    });
    return form;
  }

  const stateSelect = el('select', { id: 'state-select', name: 'state', 'data-test': 'state-select',
    'aria-describedby': 'state-error' }, ...STATES.map((s) => el('option', { value: s }, t(`state_${s}`))));
  const stateError = el('p', { id: 'state-error', class: 'message error', role: 'alert', 'data-test': 'state-error',
    hidden: true });
  const stateSubmit = el('button', { type: 'submit', class: 'secondary', 'data-test': 'state-submit' }, t('stateSubmit'));
  const stateForm = el('form', { class: 'case-action case-state-form', 'data-test': 'state-form' },
    el('label', { for: 'state-select' }, t('stateLabel')),
    el('div', { class: 'inline' }, stateSelect, stateSubmit), stateError);
  stateForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    stateSubmit.disabled = true;
    stateError.hidden = true;
    try {
      const c = await changeCase(number, { state: stateSelect.value });
      generation += 1;
      draw(c);
      announce(t('stateChanged', { state: t(`state_${c.state}`) }));
    } catch (e) {
      stateError.textContent = problemText(e);
      stateError.hidden = false;
    } finally {
      stateSubmit.disabled = false;
    }
  });

  // ---- participants: add one (the API's refusal at the field), remove one (a button on each) ----
  const participantInput = el('input', { id: 'participant-email', name: 'email', type: 'email', autocomplete: 'off',
    spellcheck: 'false', 'data-test': 'participant-email', 'aria-describedby': 'participant-error' });
  const participantError = el('p', { id: 'participant-error', class: 'message error', role: 'alert',
    'data-test': 'participant-error', hidden: true });
  const participantSubmit = el('button', { type: 'submit', class: 'secondary', 'data-test': 'participant-add' },
    t('case_add'));
  const participantForm = el('form', { class: 'case-action participant-form', 'data-test': 'participant-form',
    novalidate: true },
  el('label', { for: 'participant-email' }, t('case_addParticipant')),
  el('div', { class: 'inline' }, participantInput, participantSubmit), participantError);

  const participantProblem = (text) => setFieldError(participantInput, participantError, text);

  participantForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    participantSubmit.disabled = true;
    participantProblem('');
    const address = participantInput.value.trim();
    try {
      const c = await addParticipant(number, address);
      generation += 1;
      draw(c);
      participantInput.value = '';
      announce(t('case_added', { address }));
    } catch (e) {
      // the address stays in the box, to be corrected
      participantProblem(fieldProblem(e, 'email'));
      participantInput.focus();
    } finally {
      participantSubmit.disabled = false;
    }
  });

  async function removeOne(address, button) {
    button.disabled = true;
    participantProblem('');
    try {
      const c = await removeParticipant(number, address);
      generation += 1;
      draw(c);
      announce(t('case_removed', { address }));
      participantInput.focus();
    } catch (e) {
      participantProblem(fieldProblem(e, 'email'));
      button.disabled = false;
    }
  }

  // ---- links: a member and a VM, each shown with a link to its page, chosen by searching the inventory ----
  const names = new Map(); // 'members/3' → its name, read once
  let shownCase = null;

  function linkBlock(kind, path, sort, labelKey, searchKey, unlinkKey, nameOf) {
    const current = el('span', { class: 'link-current', 'data-test': `linked-${kind}` });
    const unlink = el('button', { type: 'button', class: 'link-button', 'data-test': `unlink-${kind}`, hidden: true,
      'aria-label': t(unlinkKey) }, t('case_unlink'));
    const inputId = `link-${kind}-q`;
    const input = el('input', { id: inputId, name: 'q', type: 'search', autocomplete: 'off',
      'data-test': `link-${kind}-q`, 'aria-describedby': `link-${kind}-error` });
    const error = el('p', { id: `link-${kind}-error`, class: 'message error', role: 'alert',
      'data-test': `link-${kind}-error`, hidden: true });
    const results = el('ul', { class: 'link-results', 'aria-label': t('case_results'), 'data-test': `link-${kind}-results` });
    const form = el('form', { class: 'link-search', role: 'search', 'data-test': `link-${kind}-form`, novalidate: true },
      el('label', { for: inputId }, t(searchKey)),
      el('div', { class: 'inline' }, input,
        el('button', { type: 'submit', class: 'secondary', 'data-test': `link-${kind}-search` }, t('case_search'))),
      error, results);

    const problem = (text) => setFieldError(input, error, text);

    async function link(id, name) {
      problem('');
      try {
        const c = await changeCase(number, { [kind]: id });
        names.set(`${path}/${id}`, name);
        generation += 1;
        draw(c);
        results.replaceChildren();
        input.value = '';
        announce(t('case_linked', { name }));
        unlink.focus();
      } catch (e) {
        problem(fieldProblem(e, kind));
      }
    }

    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      problem('');
      try {
        const { data } = await request('GET', `/api/${path}${query({ q: input.value.trim(), limit: 10, sort })}`);
        results.replaceChildren(...data.items.map((r) => el('li', { 'data-test': `link-${kind}-result`, 'data-id': r.id },
          el('span', {}, nameOf(r)), ' ',
          el('button', { type: 'button', class: 'secondary', 'data-test': `link-${kind}-choose`,
            'aria-label': t('case_linkThis', { name: nameOf(r) }) }, t('case_link')))));
        results.querySelectorAll('button').forEach((b, i) => b.addEventListener('click',
          () => link(data.items[i].id, nameOf(data.items[i]))));
        if (!data.items.length) {
          results.replaceChildren(el('li', { class: 'empty' }, t('case_noMatch')));
        }
      } catch (e) {
        problem(fieldProblem(e, 'q'));
      }
    });

    unlink.addEventListener('click', async () => {
      problem('');
      try {
        const c = await changeCase(number, { [kind]: null });
        generation += 1;
        draw(c);
        announce(t('case_unlinked'));
        input.focus();
      } catch (e) {
        problem(fieldProblem(e, kind));
      }
    });

    async function show(id) {
      if (id === null || id === undefined) {
        current.replaceChildren(el('span', { class: 'empty-inline' }, t('case_noLink')));
        current.removeAttribute('data-id');
        unlink.hidden = true;
        return;
      }
      const key = `${path}/${id}`;
      const anchor = el('a', { href: `#/${path}/${id}`, 'data-test': `linked-${kind}-link` }, names.get(key) || `#${id}`);
      current.replaceChildren(anchor);
      current.dataset.id = String(id);
      unlink.hidden = false;
      if (!names.has(key)) {
        try {
          const { data } = await request('GET', `/api/${key}`);
          names.set(key, nameOf(data));
          anchor.textContent = nameOf(data);
        } catch (e) {
          // the link by its id still leads there (a record deleted since: its page will say so)
        }
      }
    }

    const box = el('div', { class: 'link-block', 'data-test': `link-${kind}` },
      el('div', { class: 'link-head' }, el('strong', {}, t(labelKey)), ' ', current, ' ', unlink), form);
    return { box, show };
  }

  const memberLink = linkBlock('member', 'members', 'displayName', 'case_member', 'case_searchMember', 'case_unlinkMember',
    (m) => `${m.displayName || ''} <${m.email || ''}>`);
  const vmLink = linkBlock('vm', 'vms', 'name', 'case_vm', 'case_searchVm', 'case_unlinkVm',
    (v) => (v.hostname ? `${v.name} (${v.hostname})` : v.name));
  const links = el('section', { class: 'case-links', 'aria-labelledby': 'case-links-title', 'data-test': 'case-links' },
    el('h2', { id: 'case-links-title' }, t('case_linksLabel')), memberLink.box, vmLink.box);

  const actions = el('section', { class: 'case-actions', 'aria-label': t('actionsLabel'), 'data-test': 'case-actions' },
    textForm('reply', reply, 'replySent'), textForm('note', note, 'noteAdded'), stateForm);

  main.replaceChildren(el('section', { 'aria-labelledby': 'thread-title', 'data-test': 'thread-view', id: 'thread-view' },
    el('a', { class: 'back', href: '#/cases', 'data-test': 'back-to-cases' }, t('backToCases')),
    title, meta, people, participantForm, links, thread, actions));

  function participants(c) {
    const failing = new Map((c.failingAddresses || []).map((f) => [failingAddress(f), f]));
    const seen = new Set();
    const items = [];
    const listed = new Set((c.participants || []).map((p) => String(p.address).toLowerCase()));
    const add = (address, requester) => {
      const key = String(address).toLowerCase();
      if (!address || seen.has(key)) {
        return;
      }
      seen.add(key);
      const flag = failing.get(key);
      items.push(el('li', { 'data-test': 'participant', 'data-address': address, 'data-failing': flag ? 'true' : null },
        el('span', {}, address),
        requester ? el('span', { class: 'tag' }, t('requesterTag')) : null,
        flag ? el('span', { class: 'failing', 'data-test': 'failing' },
          t('failingFlag', { entry: flag.slice(failingAddress(flag).length).trim() || '' }).trim()) : null));
      if (!requester && listed.has(key)) {
        const remove = el('button', { type: 'button', class: 'link-button remove', 'data-test': 'participant-remove',
          'aria-label': t('case_removeThis', { address }) }, t('case_remove'));
        remove.addEventListener('click', () => removeOne(address, remove));
        items[items.length - 1].append(' ', remove);
      }
    };
    add(c.requester, true);
    (c.participants || []).forEach((p) => add(p.address, false));
    // a failing address that is no longer a participant is still worth knowing about
    failing.forEach((entry, key) => add(key, false));
    people.replaceChildren(...items);
  }

  function wholeMail(mail, part, button) {
    const shown = open.has(mail);
    button.setAttribute('aria-expanded', shown ? 'true' : 'false');
    button.textContent = shown ? t('hideWhole') : t('showWhole');
    part.hidden = !shown;
    if (!shown) {
      return;
    }
    const m = loaded.get(mail);
    if (!m) {
      part.replaceChildren(el('p', { class: 'empty' }, t('loading')));
      return;
    }
    const text = m.text != null ? m.text : (m.html != null ? m.html : '');
    part.replaceChildren(
      m.text == null && m.html != null ? el('p', { class: 'empty' }, t('wholeHtmlOnly')) : null,
      el('pre', { class: 'whole-text', 'data-test': 'whole-text' }, text));
  }

  function message(m) {
    const item = el('li', { class: `msg msg-${m.direction}`, 'data-test': 'thread-message', 'data-direction': m.direction,
      'data-mail': m.mail ?? null },
    el('div', { class: 'msg-head' },
      el('strong', {}, t(`dir_${m.direction}`)),
      el('span', {}, m.author || ''),
      el('time', { datetime: m.at }, dateTime(m.at))),
    el('p', { class: 'msg-text', 'data-test': 'message-text' }, m.text || ''));
    if (m.mail !== null && m.mail !== undefined) {
      const partId = `whole-${m.mail}`;
      const button = el('button', { type: 'button', class: 'link-button', 'aria-controls': partId,
        'data-test': 'show-whole' });
      const part = el('div', { id: partId, class: 'whole-mail', 'data-test': 'whole-mail', hidden: true });
      const raw = el('a', { href: rawMessageUrl(m.mail), download: `coloc-mail-${m.mail}.eml`, 'data-test': 'raw-link' },
        t('rawSource'));
      button.addEventListener('click', async () => {
        if (open.has(m.mail)) {
          open.delete(m.mail);
          wholeMail(m.mail, part, button);
          return;
        }
        open.add(m.mail);
        wholeMail(m.mail, part, button);
        if (!loaded.has(m.mail)) {
          let problem = null;
          try {
            loaded.set(m.mail, await receivedMail(m.mail));
          } catch (e) {
            problem = e;
          }
          // a live update may have redrawn the thread meanwhile: draw into the elements shown now
          const shownPart = document.getElementById(partId);
          const shownButton = thread.querySelector(`[aria-controls="${partId}"]`);
          if (!shownPart || !shownButton) {
            return;
          }
          if (problem) {
            showAlert(shownPart, t('loadFailed', { detail: problemText(problem) }));
          } else {
            wholeMail(m.mail, shownPart, shownButton);
          }
        }
      });
      wholeMail(m.mail, part, button);
      item.append(el('div', { class: 'msg-tools' }, button, raw), part);
    }
    return item;
  }

  function draw(c) {
    title.textContent = `${t('caseTitle', { number: c.number })} — ${c.subject || t('noSubject')}`;
    meta.replaceChildren(stateBadge(c.state), ' ', el('span', {}, t('requesterIs', { who: c.requester || '' })));
    if (document.activeElement !== stateSelect) {
      stateSelect.value = c.state;
    }
    participants(c);
    if (!shownCase || shownCase.member !== c.member) {
      memberLink.show(c.member);
    }
    if (!shownCase || shownCase.vm !== c.vm) {
      vmLink.show(c.vm);
    }
    shownCase = c;
    thread.replaceChildren(...c.messages.map(message));
    main.dataset.loaded = `case-${c.number}`;
  }

  async function refresh() {
    // a slower read that started before a write (or another read) must not draw over the newer answer
    generation += 1;
    const mine = generation;
    try {
      const c = await caseWithThread(number);
      if (mine === generation) {
        draw(c);
      }
    } catch (e) {
      title.textContent = t('caseTitle', { number });
      thread.replaceChildren(el('li', {}, el('p', { class: 'message error', role: 'alert', 'data-test': 'load-error' },
        t('loadFailed', { detail: e.message }))));
    }
  }

  refresh();
  return {
    refresh,
    focus: () => title.focus(),
    // only this case's changes redraw it (not every mail arriving for another case)
    wants: (name, data) => name === 'case-changed' && data && String(data.number) === String(number),
    updated: t('caseUpdated'),
  };
}
