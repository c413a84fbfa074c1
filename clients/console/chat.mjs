// Two browser pages chat over Socket.IO: pick a person, start the chat, send and receive, read receipts; then
// the reader opens the console afresh and pages back through the history.
import { fill, log, scenario, screenshot, signIn, submit, waitText } from './browser.mjs';

const SENT = 12;

async function pick(page, username) {
  await page.bringToFront(); // a person reads the chat on the page in front: only a visible page marks seen
  const button = await page.waitForSelector(`xpath/.//ul[@id="people"]//button[contains(., "${username}")]`);
  await button.click();
  await waitText(page, '#chat-with', `Chat with ${username}`);
}

async function say(page, text) {
  await fill(page, '#chat-form', { message: text });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelector('#chat-form [name=message]').value === '',
    { polling: 100 });
}

async function shown(page) {
  return page.$$eval('#chat-messages li', (items) => items.map((item) => ({
    text: item.querySelector('.content').textContent, mine: item.classList.contains('mine'),
    read: Boolean(item.querySelector('.read')),
  })));
}

scenario(async ({ url, alice, bob, screenshots }, open) => {
  const session = await open();
  const a = await session.page('alice');
  const b = await session.page('bob');
  await signIn(a, url, 'chat', { username: alice, password: 'alice password', email: `${alice}@example.org` });
  await signIn(b, url, 'chat', { username: bob, password: 'bob password', email: `${bob}@example.org` });
  await waitText(a, '#chat-connection', 'Connected');
  await waitText(b, '#chat-connection', 'Connected');
  await a.reload({ waitUntil: 'load' }); // alice signs in again, now that bob is in the list of people
  await signIn(a, url, 'chat', { username: alice, password: 'alice password' });
  await waitText(a, '#chat-connection', 'Connected');

  await pick(a, bob);
  await say(a, 'hello bob');
  await waitText(b, '#people .badge', '1 new');
  await pick(b, alice);
  await waitText(b, '#chat-messages', 'hello bob');
  await waitText(a, '#chat-messages .read', 'Read'); // bob has it on screen: alice sees the read receipt
  await say(b, 'hi alice');
  await waitText(a, '#chat-messages', 'hi alice');
  await waitText(b, '#chat-messages .read', 'Read'); // alice has the chat open too
  for (let i = 1; i <= SENT; i++) {
    await say(a, `message ${i}`);
  }
  await waitText(b, '#chat-messages', `message ${SENT}`);
  await a.waitForFunction((n) => document.querySelectorAll('#chat-messages .read').length === n, { polling: 100 },
    SENT + 1);
  const live = { alice: await shown(a), bob: await shown(b) };
  await screenshot(a, screenshots, 'chat');

  log('bob opens the console afresh and pages back through the history');
  const later = await session.page('bob-later');
  await signIn(later, url, 'chat', { username: bob, password: 'bob password' });
  const unreadBadges = await later.$$eval('#people .badge', (badges) => badges.length);
  await pick(later, alice);
  await waitText(later, '#chat-messages', `message ${SENT}`);
  const firstPage = await shown(later);
  await later.click('#chat-older');
  await waitText(later, '#chat-messages', 'hello bob');
  const olderHidden = await later.$eval('#chat-older', (button) => button.hidden);
  return { live, firstPage, history: await shown(later), olderHidden, unreadBadges };
});
