// Face enrollment then authentication in the console for an API client, with the (fake) camera: the page
// shows liveness progress and decrypts each result with the client's secret key.
import { errorBanner, fill, log, scenario, screenshot, submit, waitText } from './browser.mjs';

async function run(page, mode) {
  await page.click(`#face-run-form button[value="${mode}"]`);
  await page.waitForFunction((wanted) => document.getElementById('face-result').dataset.state === wanted
    || !document.getElementById('error').hidden, { polling: 100, timeout: 90000 },
  mode === 'enroll' ? 'enrollment_complete' : 'authentication_complete');
  const banner = await errorBanner(page);
  if (banner) {
    throw new Error(`${mode} failed on the page: ${banner.text}`);
  }
  return JSON.parse(await page.$eval('#face-result', (node) => node.textContent));
}

scenario(async ({ url, apiKey, secretKey, userId, camera, screenshots }, open) => {
  const session = await open({ camera });
  // the browser logs the refusal of the wrong key this scenario sends on purpose; nothing else is allowed
  const page = await session.page('face', { allowed: [/status of 401 \(Unauthorized\).*\/api\/auth\/client\//] });
  await page.goto(`${url}#face`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');

  await fill(page, '#face-client-form', { apiKey: 'no-such-key', secretKey: 'wrong' });
  await submit(page, '#face-client-form');
  await page.waitForFunction(() => !document.getElementById('error').hidden, { polling: 100 });
  const badKey = await errorBanner(page);

  await fill(page, '#face-client-form', { apiKey, secretKey });
  await submit(page, '#face-client-form');
  await waitText(page, '#face-progress', 'API client accepted');
  await fill(page, '#face-run-form', { userId });
  const progress = [];
  await page.exposeFunction('noteProgress', (text) => progress.push(text));
  await page.evaluate(() => {
    const node = document.getElementById('face-progress');
    new MutationObserver(() => window.noteProgress(node.textContent))
      .observe(node, { childList: true, characterData: true, subtree: true });
  });
  log('enrolling');
  const enrolled = await run(page, 'enroll');
  await screenshot(page, screenshots, 'face-enroll');
  log('authenticating');
  const authenticated = await run(page, 'authenticate');
  await screenshot(page, screenshots, 'face');
  return { badKey, enrolled, authenticated, progress: [...new Set(progress)] };
});
