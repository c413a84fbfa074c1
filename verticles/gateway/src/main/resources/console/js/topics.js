// Topics over the action protocol (WebSocket /ws): create, subscribe, invite, message. Every delivery is acked
// once shown, so what arrives marked pending on the next connection is exactly what this user missed.
import { account } from './account.js';
import { webSocketUrl } from './gateway.js';
import { GatewayError, socketCloseSentence } from './errors.js';
import { el, onSubmit, showError, time } from './ui.js';

export function mountTopics() {
  const status = document.getElementById('topics-connection');
  const connectButton = document.getElementById('topics-connect');
  const offlineButton = document.getElementById('topics-disconnect');
  const list = document.getElementById('topic-messages');
  const known = document.getElementById('my-topics');

  let socket = null;
  let nextId = 1;
  const waiting = new Map(); // request id -> {resolve, reject}
  const shownIds = new Set();
  const topics = new Set();

  function setState(state, text) {
    status.textContent = text;
    status.dataset.state = state;
    connectButton.disabled = state === 'connected' || state === 'connecting';
    offlineButton.disabled = state !== 'connected';
  }

  function connect() {
    const me = account();
    if (!me || socket) {
      return;
    }
    setState('connecting', 'Connecting…');
    const ws = new WebSocket(webSocketUrl('/ws'));
    socket = ws;
    ws.addEventListener('open', () => ws.send(JSON.stringify({ action: 'auth', token: me.token })));
    ws.addEventListener('message', (event) => onFrame(ws, event.data));
    ws.addEventListener('close', (event) => {
      if (socket === ws) {
        socket = null;
      }
      for (const { reject } of waiting.values()) {
        reject(new GatewayError('unavailable', 'connection closed'));
      }
      waiting.clear();
      if (event.code === 1000) {
        setState('offline', 'Offline');
      } else {
        setState('closed', 'Not connected');
        showError(new Error(socketCloseSentence(event.code)));
      }
    });
  }

  function onFrame(ws, data) {
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (frame.action === 'auth') {
      if (frame.success) {
        setState('connected', 'Connected');
      } else {
        showError(new GatewayError(frame.comment, frame.comment));
      }
    } else if (frame.id !== undefined && waiting.has(frame.id)) {
      const { resolve, reject } = waiting.get(frame.id);
      waiting.delete(frame.id);
      if (frame.success) {
        resolve(frame);
      } else {
        const error = new GatewayError(frame.code ?? 'invalid_request', frame.comment);
        if (frame.correlation_id) {
          error.message += ` (reference ${frame.correlation_id})`;
        }
        reject(error);
      }
    } else if (frame.action === 'message' && frame.message_id) {
      onDelivery(ws, frame);
    }
  }

  function onDelivery(ws, message) {
    ws.send(JSON.stringify({ action: 'ack', message_id: message.message_id }));
    if (shownIds.has(message.message_id)) {
      return;
    }
    shownIds.add(message.message_id);
    const where = message.topic_name ?? `direct from ${message.user_source}`;
    if (message.topic_name) {
      remember(message.topic_name);
    }
    const item = el('li', {},
      el('span', { className: 'meta', textContent: `#${where} · ${message.from ?? message.user_source} · ${time(message.sent_at)} ` }),
      el('span', { className: 'content', textContent: message.content }),
      message.pending ? el('span', { className: 'badge', textContent: 'missed while offline' }) : null);
    item.dataset.topic = message.topic_name ?? '';
    item.dataset.pending = String(Boolean(message.pending));
    list.append(item);
    list.scrollTop = list.scrollHeight;
  }

  function remember(topic) {
    if (!topics.has(topic)) {
      topics.add(topic);
      known.append(el('option', { value: topic }));
    }
  }

  function send(action, fields) {
    if (!socket || socket.readyState !== WebSocket.OPEN || status.dataset.state !== 'connected') {
      return Promise.reject(new Error('You are offline. Connect first.'));
    }
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      socket.send(JSON.stringify({ action, id, ...fields }));
    });
  }

  function confirm(text) {
    status.textContent = `Connected · ${text}`;
  }

  onSubmit(document.getElementById('topic-create-form'), async ({ topic, private: isPrivate }) => {
    await send('create', { topic_name: topic, is_private: isPrivate === 'on' });
    remember(topic);
    confirm(`created ${topic}`);
  });
  onSubmit(document.getElementById('topic-subscribe-form'), async ({ topic }) => {
    await send('subscribe', { topic_name: topic });
    remember(topic);
    confirm(`subscribed to ${topic}`);
  });
  onSubmit(document.getElementById('topic-invite-form'), async ({ topic, username }) => {
    await send('invite', { topic_name: topic, username });
    confirm(`invited ${username} to ${topic}`);
  });
  const messageForm = document.getElementById('topic-message-form');
  onSubmit(messageForm, async ({ topic, content }) => {
    await send('message', { topic_name: topic, content });
    messageForm.elements.content.value = '';
    messageForm.elements.content.focus();
  });
  connectButton.addEventListener('click', connect);
  offlineButton.addEventListener('click', () => {
    if (socket) {
      socket.send(JSON.stringify({ action: 'disconnect' }));
    }
  });
  setState('offline', 'Not connected');
  return { shown: connect };
}
