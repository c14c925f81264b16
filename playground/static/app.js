// The playground page: renders the channel the playground server reports (Server-Sent Events)
// with BlockKit (the same renderer the unit tests check), and turns what you do into requests
// to the playground server, which sends them to tfauth as signed Slack requests.
/* global window, document, fetch, EventSource, setTimeout */
(function () {
  'use strict';
  const BK = window.BlockKit;
  const $ = (id) => document.getElementById(id);
  const names = {
    users: { U0USER: 'alice', U0BOT: 'tfauth' },
    channels: { C0CHAN: 'infra-help' },
  };
  let state = { messages: [] };
  let openThread = null;
  /** The root message you just sent: its thread opens when the first reply arrives. */
  let awaitingReply = null;
  let menuFor = null;
  let shownModal = null;
  const dismissed = new Set();

  async function api(path, body) {
    const res = await fetch(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body || {}),
    });
    return res.json();
  }

  // ---------------------------------------------------------------- rendering

  function time(ts) {
    const d = new Date(Number(ts.split('.')[0]) * 1000);
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function messageHtml(m, inThread) {
    const isBot = m.kind !== 'user';
    const name = isBot ? 'tfauth' : 'alice';
    const avatar = isBot ? '<div class="avatar bot">tf</div>' : '<div class="avatar user">a</div>';
    const badge = isBot ? '<span class="app-badge">APP</span>' : '';
    const body =
      m.kind === 'user'
        ? `<div class="user-text">${BK.mrkdwn(m.text, { names })}</div>`
        : BK.message(m, { names });
    // Slack marks edits by people, not chat.update by apps (the walk-through edits itself).
    const edited = m.edited && m.kind === 'user' ? '<span class="edited">(edited)</span>' : '';
    const replies = inThread
      ? []
      : state.messages.filter((r) => r.thread_ts === m.ts && r.ts !== m.ts);
    const repliesLink =
      replies.length > 0
        ? `<button type="button" class="replies" data-thread="${m.ts}">${replies.length} ${replies.length === 1 ? 'reply' : 'replies'}</button>`
        : '';
    const ephemeral =
      m.kind === 'ephemeral'
        ? `<div class="only-you">👁 Only visible to you <button type="button" class="dismiss" data-dismiss="${BK.html(m.key)}">Dismiss</button></div>`
        : '';
    return `<div class="msg ${m.kind === 'ephemeral' ? 'msg-ephemeral' : ''}" data-key="${BK.html(m.key)}" data-kind="${m.kind}" data-ts="${m.ts}">
      ${ephemeral}
      <div class="msg-row">${avatar}
        <div class="msg-main">
          <div class="msg-meta"><b class="msg-name">${name}</b>${badge}<span class="msg-time">${time(m.ts)}</span>${edited}</div>
          <div class="msg-body">${body}</div>
          ${repliesLink}
        </div>
      </div>
      <button type="button" class="msg-more" aria-label="More actions" data-more="${BK.html(m.key)}">⋯</button>
    </div>`;
  }

  /** What each message element was rendered from: only changed messages are replaced. */
  const renderedFrom = new WeakMap();

  function renderList(el, messages, inThread) {
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 40;
    const existing = new Map(Array.from(el.children).map((c) => [c.dataset.key, c]));
    let prev = null;
    let changed = false;
    for (const m of messages) {
      if (dismissed.has(m.key)) continue;
      const html = messageHtml(m, inThread);
      let node = existing.get(m.key);
      existing.delete(m.key);
      if (!node || renderedFrom.get(node) !== html) {
        const t = document.createElement('template');
        t.innerHTML = html.trim();
        const fresh = t.content.firstElementChild;
        renderedFrom.set(fresh, html);
        if (node) node.replaceWith(fresh);
        node = fresh;
        changed = true;
      }
      const expected = prev ? prev.nextElementSibling : el.firstElementChild;
      if (expected !== node) el.insertBefore(node, expected);
      prev = node;
    }
    for (const gone of existing.values()) gone.remove();
    if (changed && atBottom) el.scrollTop = el.scrollHeight;
  }

  function render() {
    const roots = state.messages.filter((m) => !m.thread_ts || m.thread_ts === m.ts);
    renderList($('channel-messages'), roots, false);
    if (awaitingReply && state.messages.some((m) => m.thread_ts === awaitingReply)) {
      openThread = awaitingReply;
      awaitingReply = null;
    }
    const pane = $('thread');
    if (openThread) {
      const parent = state.messages.find((m) => m.ts === openThread);
      const replies = state.messages.filter(
        (m) => m.thread_ts === openThread && m.ts !== openThread,
      );
      pane.hidden = false;
      renderList($('thread-messages'), parent ? [parent, ...replies] : replies, true);
    } else {
      pane.hidden = true;
    }
    renderModal();
  }

  function renderModal() {
    const backdrop = $('modal');
    const modal = state.modal;
    if (!modal) {
      backdrop.hidden = true;
      shownModal = null;
      return;
    }
    if (shownModal !== modal.viewId) {
      $('modal-box').innerHTML = BK.modal(modal.view, { names });
      shownModal = modal.viewId;
      backdrop.hidden = false;
      const first = $('modal-box').querySelector('textarea, input');
      if (first) first.focus();
    }
    for (const el of $('modal-box').querySelectorAll('[data-error-for]')) {
      el.textContent = (modal.errors && modal.errors[el.dataset.errorFor]) || '';
    }
  }

  // ---------------------------------------------------------------- actions

  async function send(text, threadTs) {
    const trimmed = text.trim();
    if (!trimmed) return;
    const res = await api('/api/message', { text, thread_ts: threadTs || '' });
    if (res.ts && !threadTs) awaitingReply = res.ts;
  }

  function composer(formId, textId, threadTs) {
    const form = $(formId);
    const box = $(textId);
    const submit = () => {
      const text = box.value;
      box.value = '';
      send(text, threadTs());
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      submit();
    });
    box.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && !e.shiftKey) {
        e.preventDefault();
        submit();
      }
    });
  }
  composer('composer', 'composer-text', () => '');
  composer('thread-composer', 'thread-text', () => openThread);

  document.addEventListener('click', async (e) => {
    const target = e.target.closest('button');
    if (!target) {
      $('menu').hidden = true;
      return;
    }
    if (target.dataset.more) {
      menuFor = target.dataset.more;
      const r = target.getBoundingClientRect();
      const menu = $('menu');
      menu.hidden = false;
      menu.style.top = `${Math.min(r.bottom + 4, window.innerHeight - 120)}px`;
      menu.style.left = `${Math.max(8, r.right - 220)}px`;
      return;
    }
    if (target.id === 'menu-shortcut' && menuFor) {
      $('menu').hidden = true;
      await api('/api/shortcut', { key: menuFor });
      return;
    }
    if (target.id === 'menu-thread' && menuFor) {
      $('menu').hidden = true;
      const m = state.messages.find((x) => x.key === menuFor);
      if (m) openThread = m.thread_ts || m.ts;
      render();
      return;
    }
    $('menu').hidden = true;
    if (target.dataset.thread) {
      openThread = target.dataset.thread;
      render();
      return;
    }
    if (target.id === 'thread-close') {
      openThread = null;
      render();
      return;
    }
    if (target.dataset.dismiss) {
      dismissed.add(target.dataset.dismiss);
      render();
      return;
    }
    if (target.classList.contains('bk-modal-close')) {
      await api('/api/modal/close');
      return;
    }
    if (target.classList.contains('bk-modal-submit')) {
      const values = {};
      for (const input of $('modal-box').querySelectorAll('[data-action-id]')) {
        const block = (values[input.dataset.blockId] = values[input.dataset.blockId] || {});
        block[input.dataset.actionId] = input.value;
      }
      await api('/api/modal/submit', { values });
      return;
    }
    const msg = target.closest('.msg');
    if (target.dataset.actionId && msg) {
      if (target.dataset.url) window.open(target.dataset.url, '_blank', 'noopener');
      target.disabled = true;
      await api('/api/click', {
        key: msg.dataset.key,
        blockId: target.dataset.blockId,
        actionId: target.dataset.actionId,
      });
      setTimeout(() => (target.disabled = false), 1500);
    }
  });

  // ---------------------------------------------------------------- examples and live state

  fetch('/api/examples')
    .then((r) => r.json())
    .then((examples) => {
      const select = $('examples');
      const groups = new Map();
      for (const [i, ex] of examples.entries()) {
        const label = ex.set === 'playground' ? 'Demonstrations' : ex.label;
        if (!groups.has(label)) groups.set(label, []);
        groups.get(label).push([i, ex]);
      }
      for (const [label, list] of groups) {
        const group = document.createElement('optgroup');
        group.label = label;
        for (const [i, ex] of list) {
          const opt = document.createElement('option');
          opt.value = String(i);
          opt.dataset.id = ex.id;
          opt.textContent = `${ex.id} — ${ex.source}`.slice(0, 110);
          group.appendChild(opt);
        }
        select.appendChild(group);
      }
      select.addEventListener('change', () => {
        const ex = examples[Number(select.value)];
        if (ex) $('composer-text').value = ex.text;
        $('composer-text').focus();
      });
    });

  const source = new EventSource('/api/events');
  source.onmessage = (e) => {
    state = JSON.parse(e.data);
    render();
  };
})();
