// The console's entry: one screen at a time, chosen by the address's #fragment; the chat and topic screens ask
// for a sign-in first.
import { account, mountAccount, onAccount } from './account.js';
import { mountChat } from './chat.js';
import { mountTopics } from './topics.js';
import { mountSignup } from './signup.js';
import { mountFace } from './face.js';

const SCREENS = ['signup', 'chat', 'topics', 'face'];
const NEEDS_ACCOUNT = new Set(['chat', 'topics']);

const screens = {
  signup: mountSignup(),
  chat: mountChat(),
  topics: mountTopics(),
  face: mountFace(),
};
mountAccount();

function show() {
  const name = SCREENS.includes(location.hash.slice(1)) ? location.hash.slice(1) : 'signup';
  for (const other of SCREENS) {
    document.getElementById(`screen-${other}`).hidden = other !== name;
    const link = document.querySelector(`nav a[data-screen="${other}"]`);
    if (other === name) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
  document.getElementById('account').hidden = !(NEEDS_ACCOUNT.has(name) && !account());
  screens[name].shown?.(); // each screen starts what it needs once (a connection, a CSRF token)
  document.body.dataset.screen = name;
}

onAccount(() => show());
window.addEventListener('hashchange', show);
show();
document.body.dataset.ready = 'true';
