// The console served by another origin (?gateway=URL names the gateway): from an origin listed in
// gateway.allowedOrigins, sign-up with its cookies and CSRF header, the topic WebSocket and the chat work; from
// one that is not listed, the page says the gateway does not accept it.
import { errorBanner, fill, scenario, screenshot, signIn, submit, waitText } from './browser.mjs';

scenario(async ({ allowedPage, refusedPage, user, phone, screenshots }, open) => {
  const session = await open();
  const allowed = await session.page('allowed');
  await allowed.goto(`${allowedPage}#signup`, { waitUntil: 'load' });
  await allowed.waitForSelector('body[data-ready="true"]');
  await fill(allowed, '#challenge-form', { identifier: phone });
  await submit(allowed, '#challenge-form');
  await waitText(allowed, '#dev-otp', 'your code is');
  const otp = (await allowed.$eval('#dev-otp', (node) => node.textContent)).match(/(\d+)\s*$/)[1];
  await fill(allowed, '#verify-form', { otp });
  await submit(allowed, '#verify-form');
  await waitText(allowed, '#register-status', 'Code verified');

  await signIn(allowed, allowedPage, 'topics', { username: user, password: 'a good password', email: `${user}@example.org` });
  await waitText(allowed, '#topics-connection', 'Connected');
  await fill(allowed, '#topic-create-form', { topic: `elsewhere-${user}`, private: false });
  await submit(allowed, '#topic-create-form');
  await waitText(allowed, '#topics-connection', `created elsewhere-${user}`);
  await fill(allowed, '#topic-message-form', { topic: `elsewhere-${user}`, content: 'from another origin' });
  await submit(allowed, '#topic-message-form');
  await waitText(allowed, '#topic-messages', 'from another origin');
  await allowed.click('nav a[data-screen="chat"]'); // still signed in: the chat connects over Socket.IO
  await waitText(allowed, '#chat-connection', 'Connected');
  const transport = await allowed.evaluate(() => performance.getEntriesByType('resource')
    .some((entry) => entry.name.includes('/socket.io/') && entry.name.includes('transport=polling')));

  // the browser reports the refusals this page meets on purpose; nothing else is allowed
  const refused = await session.page('refused', { allowed: [/blocked by CORS policy/, /net::ERR_FAILED/] });
  await refused.goto(`${refusedPage}#topics`, { waitUntil: 'load' });
  await refused.waitForSelector('body[data-ready="true"]');
  await fill(refused, '#login-form', { username: user, password: 'a good password', email: '' });
  await submit(refused, '#login-form', 'login');
  await refused.waitForFunction(() => !document.getElementById('error').hidden, { polling: 100 });
  const refusal = await errorBanner(refused);
  const signedIn = await refused.$eval('#who', (node) => node.textContent);
  await screenshot(refused, screenshots, 'origin-refused');
  return { refusal, signedIn, polled: transport };
});
