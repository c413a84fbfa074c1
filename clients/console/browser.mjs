// Headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser) driven by puppeteer-core for the
// console tests: a fresh profile per browser, an optional fake camera fed from a .y4m file, and a record of every
// JavaScript error and console error of every page, which the scenarios require to stay empty.
import puppeteer from 'puppeteer-core';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Progress on stderr, so a scenario that times out shows where it stood. */
export const log = (...parts) => console.error(new Date().toISOString(), ...parts);

export const CHROMIUM = process.env.GATEHOUSE_CHROMIUM || '/usr/bin/chromium';

export async function launch({ camera } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-chromium-'));
  const args = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`];
  if (camera) {
    args.push('--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${camera}`);
  }
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args, userDataDir: profile });
  const problems = [];
  return {
    browser,
    problems,
    /** A new page whose JavaScript errors and console errors are recorded (allowed: patterns expected). */
    async page(name, { allowed = [] } = {}) {
      const page = await browser.newPage();
      // every page renders and runs timers as if in front: several pages of one browser act at once
      const cdp = await page.createCDPSession();
      await cdp.send('Emulation.setFocusEmulationEnabled', { enabled: true });
      await cdp.send('Page.setWebLifecycleState', { state: 'active' });
      await page.setViewport({ width: 1100, height: 820 });
      page.on('pageerror', (error) => problems.push(`${name}: page error: ${error.message}`));
      page.on('console', (message) => {
        const text = `${message.text()} ${message.location()?.url ?? ''}`;
        if (message.type() === 'error' && !allowed.some((pattern) => pattern.test(text))) {
          problems.push(`${name}: console error: ${text}`);
        }
      });
      page.on('requestfailed', (request) => {
        const text = `${request.url()} ${request.failure()?.errorText}`;
        if (!allowed.some((pattern) => pattern.test(text)) && !/net::ERR_ABORTED/.test(text)) {
          problems.push(`${name}: request failed: ${text}`);
        }
      });
      return page;
    },
    async close() {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Runs a scenario: prints {ok, ...result} or {ok:false, error, problems} as the last line; exit status 0 or 1. */
export async function scenario(body) {
  const input = JSON.parse(process.argv[2] ?? '{}');
  const sessions = [];
  const open = async (options) => {
    const session = await launch(options);
    sessions.push(session);
    return session;
  };
  let outcome;
  try {
    const result = await body(input, open);
    const problems = sessions.flatMap((session) => session.problems);
    outcome = problems.length ? { ok: false, error: 'errors in the pages', problems, result } : { ok: true, ...result };
  } catch (error) {
    outcome = { ok: false, error: String(error?.stack ?? error), problems: sessions.flatMap((s) => s.problems) };
  }
  for (const session of sessions) {
    await session.close().catch(() => {});
  }
  console.log(JSON.stringify(outcome));
  process.exit(outcome.ok ? 0 : 1);
}

export async function screenshot(page, dir, name) {
  if (dir) {
    fs.mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: path.join(dir, `console-${name}.png`), fullPage: true });
  }
}

/** Types into the labelled field of a form (by input name) and submits with the given button text. */
export async function fill(page, formSelector, values) {
  for (const [name, value] of Object.entries(values)) {
    const selector = `${formSelector} [name="${name}"]`;
    const type = await page.$eval(selector, (input) => input.type);
    if (type === 'checkbox') {
      const checked = await page.$eval(selector, (input) => input.checked);
      if (checked !== value) {
        await page.click(selector);
      }
    } else {
      await page.$eval(selector, (input) => {
        input.value = '';
      });
      await page.type(selector, String(value));
    }
  }
}

export async function submit(page, formSelector, buttonValue) {
  const selector = buttonValue ? `${formSelector} button[value="${buttonValue}"]` : `${formSelector} button[type=submit]`;
  await page.click(selector);
}

/** Waits until the page's text under {@code selector} contains {@code text}. */
export async function waitText(page, selector, text, timeout = 20000) {
  log(`waiting for "${text}" in ${selector}`);
  // interval polling: requestAnimationFrame, the default, does not run in a page that is not in front
  await page.waitForFunction((sel, wanted) => [...document.querySelectorAll(sel)]
    .some((node) => node.textContent.includes(wanted)), { timeout, polling: 100 }, selector, text);
}

export async function errorBanner(page) {
  return page.$eval('#error', (node) => (node.hidden ? null : { text: node.textContent, code: node.dataset.code }));
}

/** Opens the console at {@code url}#screen and signs in (or creates the account). */
export async function signIn(page, url, screen, { username, password, email }) {
  await page.goto(`${url}#${screen}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');
  await fill(page, '#login-form', { username, password, email: email ?? '' });
  await submit(page, '#login-form', email ? 'register' : 'login');
  await waitText(page, '#who', `Signed in as ${username}`);
}
