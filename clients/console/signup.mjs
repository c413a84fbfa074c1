// Seed 000's flow as a person does it in the console: phone number, one-time code (shown on the page in
// development mode), account, then the identity check with the (fake) camera over STOMP and the real
// face-liveness verifier, prompt by prompt, until COMPLETED.
import { errorBanner, fill, log, scenario, screenshot, submit, waitText } from './browser.mjs';

scenario(async ({ url, phone, camera, screenshots }, open) => {
  const session = await open({ camera });
  const page = await session.page('signup');
  await page.goto(`${url}#signup`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');

  await fill(page, '#challenge-form', { identifier: 'not a phone' });
  await submit(page, '#challenge-form');
  await page.waitForFunction(() => !document.getElementById('error').hidden, { polling: 100 });
  const badIdentifier = await errorBanner(page);

  await fill(page, '#challenge-form', { identifier: phone });
  await submit(page, '#challenge-form');
  await waitText(page, '#dev-otp', 'your code is');
  const otp = (await page.$eval('#dev-otp', (node) => node.textContent)).match(/(\d+)\s*$/)[1];

  await fill(page, '#verify-form', { otp: otp === '000000' ? '111111' : '000000' });
  await submit(page, '#verify-form');
  await page.waitForFunction(() => !document.getElementById('error').hidden, { polling: 100 });
  const wrongOtp = await errorBanner(page);
  await fill(page, '#verify-form', { otp });
  await submit(page, '#verify-form');
  await waitText(page, '#register-status', 'Code verified');

  await fill(page, '#register-form', { fullName: 'Console Person', password: 'console password', consent: true });
  await submit(page, '#register-form');
  await waitText(page, '#register-status', 'Account created', 30000);
  await screenshot(page, screenshots, 'signup');

  const prompts = [];
  await page.exposeFunction('notePrompt', (code, text) => prompts.push({ code, text }));
  await page.evaluate(() => {
    const prompt = document.getElementById('ekyc-prompt');
    new MutationObserver(() => window.notePrompt(prompt.dataset.code, prompt.textContent))
      .observe(prompt, { childList: true, characterData: true, subtree: true, attributes: true });
  });
  await fill(page, '#ekyc-form', { consent: true });
  await submit(page, '#ekyc-form');
  await waitText(page, '#ekyc-prompt', 'Blink');
  log('camera started; the verifier asks for a blink');
  await screenshot(page, screenshots, 'ekyc-blink');
  await waitText(page, '#ekyc-prompt', 'Turn your head to your right', 60000);
  await waitText(page, '#ekyc-prompt', 'Turn your head to your left', 60000);
  await screenshot(page, screenshots, 'ekyc-turn');
  await waitText(page, '#ekyc-status', 'Your identity is verified', 60000);
  await screenshot(page, screenshots, 'ekyc');
  const status = await page.$eval('#ekyc-status', (node) => node.dataset.state);
  const banner = await errorBanner(page);
  return { badIdentifier, wrongOtp, otp, status, banner, prompts: dedupe(prompts) };
});

function dedupe(prompts) {
  return prompts.filter((p, i) => i === 0 || p.text !== prompts[i - 1].text);
}
