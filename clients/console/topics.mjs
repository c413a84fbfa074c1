// Topics in two browser pages: create, invite, subscribe, message over the action protocol; one page goes
// offline, misses messages, and gets them marked "missed while offline" when it connects again.
import { errorBanner, fill, scenario, screenshot, signIn, submit, waitText } from './browser.mjs';

async function send(page, topic, content) {
  await fill(page, '#topic-message-form', { topic, content });
  await page.keyboard.press('Enter'); // the keyboard submits the form
  await page.waitForFunction(() => document.querySelector('#topic-message-form [name=content]').value === '',
    { polling: 100 });
}

async function messages(page) {
  return page.$$eval('#topic-messages li', (items) => items.map((item) => ({
    topic: item.dataset.topic, text: item.querySelector('.content').textContent, pending: item.dataset.pending === 'true',
  })));
}

async function expectError(page, code) {
  await page.waitForFunction(() => !document.getElementById('error').hidden, { polling: 100 });
  const banner = await errorBanner(page);
  if (banner.code !== code) {
    throw new Error(`expected error ${code}, got ${JSON.stringify(banner)}`);
  }
  return banner.text;
}

scenario(async ({ url, alice, bob, screenshots }, open) => {
  const session = await open();
  const a = await session.page('alice');
  const b = await session.page('bob');
  // keyboard only: Tab past the skip link and the first two screens, Enter opens Topics
  await a.goto(url, { waitUntil: 'load' });
  await a.waitForSelector('body[data-ready="true"]');
  for (let i = 0; i < 4; i++) {
    await a.keyboard.press('Tab');
  }
  const focused = await a.evaluate(() => document.activeElement.textContent);
  await a.keyboard.press('Enter');
  await a.waitForFunction(() => document.body.dataset.screen === 'topics', { polling: 100 });
  const keyboard = { focused, current: await a.$eval('nav a[aria-current="page"]', (link) => link.textContent) };
  await signIn(a, url, 'topics', { username: alice, password: 'alice password', email: `${alice}@example.org` });
  await signIn(b, url, 'topics', { username: bob, password: 'bob password', email: `${bob}@example.org` });
  await waitText(a, '#topics-connection', 'Connected');
  await waitText(b, '#topics-connection', 'Connected');

  const room = `room-${alice}`;
  await fill(a, '#topic-create-form', { topic: room, private: true });
  await submit(a, '#topic-create-form');
  await waitText(a, '#topics-connection', `created ${room}`);
  await fill(a, '#topic-create-form', { topic: room, private: true });
  await submit(a, '#topic-create-form');
  const taken = await expectError(a, 'already_exists');
  await fill(a, '#topic-invite-form', { topic: room, username: `${bob}-nobody` });
  await submit(a, '#topic-invite-form');
  const unknownUser = await expectError(a, 'not_found');
  await fill(b, '#topic-message-form', { topic: room, content: 'let me in' });
  await submit(b, '#topic-message-form');
  const hidden = await expectError(b, 'not_found'); // a private topic is invisible to those outside it
  await fill(a, '#topic-invite-form', { topic: room, username: bob });
  await submit(a, '#topic-invite-form');
  await waitText(a, '#topics-connection', `invited ${bob}`);

  await send(a, room, 'hello bob');
  await waitText(b, '#topic-messages', 'hello bob');

  await b.click('#topics-disconnect');
  await waitText(b, '#topics-connection', 'Offline');
  await send(a, room, 'while you were away 1');
  await send(a, room, 'while you were away 2');
  await waitText(a, '#topic-messages', 'while you were away 2');
  await b.click('#topics-connect');
  await waitText(b, '#topic-messages', 'while you were away 2');

  const square = `square-${bob}`;
  await fill(b, '#topic-create-form', { topic: square, private: false });
  await submit(b, '#topic-create-form');
  await waitText(b, '#topics-connection', `created ${square}`);
  await fill(a, '#topic-message-form', { topic: square, content: 'hello?' });
  await submit(a, '#topic-message-form');
  const notMember = await expectError(a, 'not_member');
  await fill(a, '#topic-subscribe-form', { topic: square });
  await submit(a, '#topic-subscribe-form');
  await waitText(a, '#topics-connection', `subscribed to ${square}`);
  await send(b, square, 'welcome to the square');
  await waitText(a, '#topic-messages', 'welcome to the square');

  await screenshot(b, screenshots, 'topics');
  const unlabelled = await a.$$eval('input', (inputs) => inputs.filter((input) => !input.closest('label')
    && !input.getAttribute('aria-label')).map((input) => input.name));
  return {
    bob: await messages(b), alice: await messages(a), errors: { taken, unknownUser, hidden, notMember }, unlabelled, keyboard,
  };
});
