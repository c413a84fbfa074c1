// Private chats over Socket.IO (namespace /chat): pick a person, start the chat, send and receive, read receipts
// (a message shown to its reader is marked seen; its sender then sees "Read"), and history pages over REST.
import { io } from '/console/vendor/socket.io.esm.min.js';
import { account } from './account.js';
import { base, request } from './gateway.js';
import { GatewayError } from './errors.js';
import { clearError, el, guarded, onSubmit, showError, time } from './ui.js';

const PEOPLE_PAGE = 50;
const HISTORY_PAGE = 10;

export function mountChat() {
  const status = document.getElementById('chat-connection');
  const people = document.getElementById('people');
  const morePeople = document.getElementById('people-more');
  const heading = document.getElementById('chat-with');
  const list = document.getElementById('chat-messages');
  const older = document.getElementById('chat-older');
  const form = document.getElementById('chat-form');

  let socket = null;
  let peopleAfter = null;
  let current = null; // {chatId, userId, username, olderState}
  const chats = new Map(); // chatId -> Map(messageId -> message)
  const seen = new Set(); // message ids this page marked seen
  const read = new Set(); // ids of my messages the other person read
  const unreadFrom = new Map(); // userId -> count, for chats not on screen

  function messagesOf(chatId) {
    if (!chats.has(chatId)) {
      chats.set(chatId, new Map());
    }
    return chats.get(chatId);
  }

  function emitWithAck(event, payload) {
    return new Promise((resolve, reject) => {
      socket.timeout(10000).emit(event, payload, (timeout, reply) => {
        if (timeout) {
          reject(new GatewayError('unavailable', 'no answer from the chat server'));
        } else if (reply && reply.error) {
          reject(new GatewayError(reply.error, reply.message));
        } else {
          resolve(reply);
        }
      });
    });
  }

  function connect() {
    const me = account();
    if (!me || socket) {
      return;
    }
    socket = io(`${base}/chat`, { auth: { token: me.token }, reconnectionDelayMax: 5000 });
    socket.on('connect', () => {
      status.textContent = 'Connected';
      status.dataset.state = 'connected';
    });
    socket.on('disconnect', () => {
      status.textContent = 'Disconnected, reconnecting…';
      status.dataset.state = 'disconnected';
    });
    socket.on('connect_error', (error) => {
      status.textContent = 'Not connected';
      status.dataset.state = 'error';
      showError(new GatewayError(error?.data?.code ?? 'unauthorized', error?.message));
    });
    socket.on('receive_message', onMessage);
    socket.on('message_received', ({ message_id: id }) => {
      if (isMine(id)) {
        read.add(id);
        render();
      }
    });
    socket.on('chat_error', (problem) => showError(new GatewayError(problem.error, problem.message)));
    loadPeople().catch(showError);
  }

  function isMine(messageId) {
    for (const messages of chats.values()) {
      const message = messages.get(messageId);
      if (message) {
        return message.sender_id === account().userId;
      }
    }
    return false;
  }

  function onMessage(message) {
    const messages = messagesOf(message.chat_id);
    if (messages.has(message.message_id)) {
      return;
    }
    messages.set(message.message_id, message);
    if (current && current.chatId === message.chat_id) {
      render();
      markSeen();
    } else if (message.sender_id !== account().userId) {
      unreadFrom.set(message.sender_id, (unreadFrom.get(message.sender_id) ?? 0) + 1);
      renderPeopleBadges();
    }
  }

  /** The other person's messages now on screen are marked seen (only while the page is visible). */
  function markSeen() {
    if (!current || document.visibilityState === 'hidden') {
      return;
    }
    for (const message of messagesOf(current.chatId).values()) {
      if (message.sender_id !== account().userId && !seen.has(message.message_id)) {
        seen.add(message.message_id);
        socket.emit('receive_message', { message_id: message.message_id });
      }
    }
  }

  async function loadPeople() {
    const query = new URLSearchParams({ limit: String(PEOPLE_PAGE) });
    if (peopleAfter) {
      query.set('after', peopleAfter);
    }
    const page = await request('GET', `/users/show?${query}`, { token: account().token });
    for (const user of page.users) {
      if (user.user_id === account().userId) {
        continue;
      }
      const button = el('button', { type: 'button', textContent: user.username });
      button.dataset.userId = user.user_id;
      button.setAttribute('aria-pressed', 'false');
      button.addEventListener('click', guarded(() => open(user)));
      people.append(el('li', {}, button));
    }
    peopleAfter = page.next ?? null;
    morePeople.hidden = !peopleAfter;
    renderPeopleBadges();
  }

  function renderPeopleBadges() {
    for (const button of people.querySelectorAll('button')) {
      const count = unreadFrom.get(button.dataset.userId) ?? 0;
      button.querySelector('.badge')?.remove();
      if (count > 0) {
        button.append(el('span', { className: 'badge', textContent: `${count} new` }));
      }
    }
  }

  async function open(user) {
    const { chat_id: chatId } = await emitWithAck('start_private_chat', { receiver_id: user.user_id });
    current = { chatId, userId: user.user_id, username: user.username, olderState: undefined };
    unreadFrom.delete(user.user_id);
    for (const button of people.querySelectorAll('button')) {
      button.setAttribute('aria-pressed', String(button.dataset.userId === user.user_id));
    }
    renderPeopleBadges();
    heading.textContent = `Chat with ${user.username}`;
    form.elements.message.disabled = false;
    form.querySelector('button').disabled = false;
    await loadOlder();
    form.elements.message.focus();
  }

  /** One page of history, newest first, before what is already shown. */
  async function loadOlder() {
    const chat = current;
    const body = { fetch_size: HISTORY_PAGE };
    if (chat.olderState) {
      body.paging_state_id = chat.olderState;
    }
    const page = await request('POST', `/users/chat/${chat.chatId}`, { token: account().token, body });
    const messages = messagesOf(chat.chatId);
    for (const message of page.user_messages) {
      if (!messages.has(message.message_id)) {
        messages.set(message.message_id, { ...message, chat_id: chat.chatId, history: true });
      }
    }
    chat.olderState = page.next_paging_state_id ?? null;
    older.hidden = !chat.olderState;
    render();
    markSeen();
  }

  function render() {
    if (!current) {
      return;
    }
    const me = account().userId;
    const messages = [...messagesOf(current.chatId).values()]
      .sort((a, b) => (a.message_id < b.message_id ? -1 : a.message_id > b.message_id ? 1 : 0));
    list.replaceChildren(...messages.map((message) => {
      const mine = message.sender_id === me;
      const item = el('li', { className: mine ? 'mine' : '' },
        el('span', { className: 'meta', textContent: `${mine ? 'You' : current.username} · ${time(message.timestamp)} ` }),
        el('span', { className: 'content', textContent: message.content }),
        mine && read.has(message.message_id) ? el('span', { className: 'read', textContent: '✓ Read' }) : null);
      item.dataset.messageId = message.message_id;
      return item;
    }));
    list.scrollTop = list.scrollHeight;
  }

  onSubmit(form, async ({ message }) => {
    const { message_id: id } = await emitWithAck('send_message', { chat_id: current.chatId, message, type: 'text' });
    form.reset();
    form.elements.message.focus();
    clearError();
    return id;
  });
  older.addEventListener('click', guarded(loadOlder));
  morePeople.addEventListener('click', guarded(loadPeople));
  document.addEventListener('visibilitychange', markSeen);

  return { shown: connect };
}
