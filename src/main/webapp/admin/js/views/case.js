// One case as the admin works it: its header (state, requester, participants with failing addresses flagged), the
// thread (each message's new text; the whole received mail one click away, and its raw source), and the three
// actions: a reply (mailed), an internal note (not mailed), a state change. Every write answers the case, which is
// drawn at once; the live stream redraws it when the case changes elsewhere (a mail arrives).

import { dateTime, t } from '../i18n.js';
import { ApiError, caseWithThread, changeCase, message as receivedMail, note, rawMessageUrl, reply } from '../api.js';
import { el } from '../dom.js';

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

  const actions = el('section', { class: 'case-actions', 'aria-label': t('actionsLabel'), 'data-test': 'case-actions' },
    textForm('reply', reply, 'replySent'), textForm('note', note, 'noteAdded'), stateForm);

  main.replaceChildren(el('section', { 'aria-labelledby': 'thread-title', 'data-test': 'thread-view', id: 'thread-view' },
    el('a', { class: 'back', href: '#/cases', 'data-test': 'back-to-cases' }, t('backToCases')),
    title, meta, people, thread, actions));

  function participants(c) {
    const failing = new Map((c.failingAddresses || []).map((f) => [failingAddress(f), f]));
    const seen = new Set();
    const items = [];
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
            shownPart.replaceChildren(el('p', { class: 'message error', role: 'alert' },
              t('loadFailed', { detail: problemText(problem) })));
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
