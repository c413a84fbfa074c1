// The signed-in user of this page (a JWT from /login or /register), shared by the chat and topic screens.
import { request } from './gateway.js';
import { onSubmit } from './ui.js';

const listeners = [];
let current = null;

export function account() {
  return current;
}

export function onAccount(listener) {
  listeners.push(listener);
}

/** Adopts a /login or /register reply {access_token, username, user_id}. */
export function signIn(reply) {
  current = { token: reply.access_token, username: reply.username, userId: reply.user_id };
  document.getElementById('who').textContent = `Signed in as ${current.username}`;
  document.getElementById('account').hidden = true;
  listeners.forEach((listener) => listener(current));
}

export function mountAccount() {
  const form = document.getElementById('login-form');
  onSubmit(form, async (values, submitter) => {
    if (submitter?.value === 'register') {
      signIn(await request('POST', '/register', {
        body: { username: values.username, password: values.password, email: values.email },
      }));
    } else {
      signIn(await request('POST', '/login', { body: { username: values.username, password: values.password } }));
    }
    form.reset();
  });
}
