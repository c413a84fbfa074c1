// Seed 000's flow in a browser: CSRF token, OTP challenge, registration, sign-in, then identity verification
// (authorization code, initiate, slot) and the camera over STOMP with the face-liveness verifier.
import { signIn } from './account.js';
import { consoleConfig, request, webSocketUrl } from './gateway.js';
import { GatewayError, sentence } from './errors.js';
import { startCamera } from './camera.js';
import { onSubmit, showError, sleep } from './ui.js';

const PREFIX = '/v1/signup';
const VERIFIER = 'face-liveness-verifier';
const FRAME_GAP_MS = 350;
const REPLY_TIMEOUT_MS = 8000;
const MAX_PICTURES = 300; // about two minutes of pictures

// The verifier judges directions in the picture as the camera takes it. The preview is mirrored like a selfie,
// so the face turning towards the picture's left is the person turning to their own right, which they see as
// their face moving towards the right of the preview.
const PROMPTS = {
  START: 'Get ready: look straight at the camera.',
  liveness_check: 'Blink slowly.',
  blink: 'Blink slowly.',
  turn_left: 'Turn your head to your right (towards the right of the preview).',
  turn_right: 'Turn your head to your left (towards the left of the preview).',
  face_not_found: sentence('face_not_found'),
  multiple_faces: sentence('multiple_faces'),
  END: 'Done. Checking the result…',
};

/** A verifier's display name: a string, or eSignet's {language: text} map. */
function label(name) {
  if (typeof name === 'string') {
    return name;
  }
  return name && typeof name === 'object' ? (name.eng ?? Object.values(name).find((v) => typeof v === 'string')) : null;
}

export function mountSignup() {
  const devOtp = document.getElementById('dev-otp');
  const prompt = document.getElementById('ekyc-prompt');
  const ekycStatus = document.getElementById('ekyc-status');
  const registerStatus = document.getElementById('register-status');
  let csrf = null;
  let identifier = null;
  let password = null;
  let token = null;

  async function freshCsrf() {
    const reply = await request('GET', `${PREFIX}/csrf/token`);
    csrf = reply.response.token;
  }

  /** A signup POST in the {requestTime, request} envelope with the CSRF header; business errors are thrown. */
  async function post(path, body) {
    if (!csrf) {
      await freshCsrf();
    }
    const reply = await request('POST', PREFIX + path, {
      body: { requestTime: new Date().toISOString(), request: body },
      headers: { 'X-XSRF-TOKEN': csrf },
    }).catch((error) => {
      if (error.code === 'invalid_csrf_token') {
        csrf = null;
      }
      throw error;
    });
    return envelope(reply);
  }

  async function get(path) {
    return envelope(await request('GET', PREFIX + path));
  }

  function envelope(reply) {
    const problem = reply?.errors?.[0];
    if (problem) {
      throw new GatewayError(problem.errorCode, problem.errorMessage);
    }
    return reply.response;
  }

  onSubmit(document.getElementById('challenge-form'), async (values) => {
    identifier = values.identifier.trim();
    await post('/registration/generate-challenge', {
      identifier, captchaToken: 'console', locale: 'eng', regenerateChallenge: false, purpose: 'REGISTRATION',
    });
    const config = await consoleConfig();
    devOtp.hidden = !config.devOtp;
    devOtp.textContent = config.devOtp ? `Development mode: your code is ${config.devOtp}` : '';
    document.querySelector('#verify-form input').focus();
  });

  onSubmit(document.getElementById('verify-form'), async ({ otp }) => {
    await post('/registration/verify-challenge', {
      identifier, challengeInfo: [{ challenge: otp.trim(), format: 'alpha-numeric', type: 'OTP' }],
    });
    registerStatus.textContent = 'Code verified.';
    document.querySelector('#register-form input').focus();
  });

  onSubmit(document.getElementById('register-form'), async (values) => {
    password = values.password;
    const userInfo = { fullName: [{ language: 'eng', value: values.fullName }], preferredLang: 'eng' };
    userInfo[identifier.includes('@') ? 'email' : 'phone'] = identifier;
    let { status } = await post('/registration/register', {
      username: identifier, password, consent: 'AGREE', userInfo, locale: 'eng',
    });
    for (let tries = 0; status === 'PENDING' && tries < 10; tries++) {
      registerStatus.textContent = 'Creating your account…';
      await sleep(1000);
      ({ status } = await get('/registration/status'));
    }
    if (status !== 'COMPLETED') {
      throw new Error(`Your account could not be created (status ${status}).`);
    }
    const login = await request('POST', '/login', { body: { username: identifier, password } });
    token = login.access_token;
    signIn(login);
    registerStatus.textContent = `Account created. You are signed in as ${login.username}.`;
    registerStatus.dataset.state = 'registered';
  });

  onSubmit(document.getElementById('ekyc-form'), async () => {
    if (!token) {
      throw new Error('Create your account first (step 3).');
    }
    const { code } = await request('POST', '/oauth/authorize', { token, body: {} });
    const started = await post('/identity-verification/initiate', { authorizationCode: code, state: 'console' });
    const verifier = started.identityVerifiers.find((v) => v.id === VERIFIER) ?? started.identityVerifiers[0];
    if (!verifier) {
      throw new Error('No identity check is available.');
    }
    const { slotId } = await post('/identity-verification/slot', { verifierId: verifier.id, consent: 'AGREE' });
    const camera = await startCamera(document.getElementById('ekyc-video'));
    ekycStatus.textContent = `Identity check started (${label(verifier.displayName) ?? verifier.id}).`;
    try {
      await runSlot(slotId, camera);
    } finally {
      camera.stop();
    }
  });

  function say(code) {
    prompt.textContent = PROMPTS[code] ?? code;
    prompt.dataset.code = code;
  }

  /** One STOMP session on the slot: START, then a camera picture at a time until the verifier says END. */
  async function runSlot(slotId, camera) {
    const config = await consoleConfig();
    const url = `${webSocketUrl(config.stompSlotPath, config.stompPort)}?slotId=${encodeURIComponent(slotId)}`;
    const client = new window.StompJs.Client({
      brokerURL: url, reconnectDelay: 0, heartbeatIncoming: 0, heartbeatOutgoing: 0,
    });
    const connected = new Promise((resolve, reject) => {
      client.onConnect = resolve;
      client.onStompError = (frame) => reject(new GatewayError(frame.headers.message ?? 'invalid_slot',
        frame.body));
      client.onWebSocketClose = (event) => reject(new Error(event.code === 1006
        ? 'The identity-check connection was refused or lost.' : `The identity-check connection closed (${event.code}).`));
    });
    client.activate();
    try {
      await connected;
      await converse(client, slotId, config, camera);
    } finally {
      client.deactivate(); // after COMPLETED a close changes nothing; before it, leaving fails the check
    }
  }

  /** START, then one camera picture at a time, each answered by the verifier, until it says END. */
  async function converse(client, slotId, config, camera) {
    const replies = [];
    let wake = null;
    client.subscribe(`/topic/${slotId}`, (message) => {
      replies.push(JSON.parse(message.body));
      wake?.();
    });
    const nextReply = () => new Promise((resolve) => {
      const take = () => {
        wake = null;
        resolve(replies.shift());
      };
      if (replies.length) {
        take();
        return;
      }
      const timer = setTimeout(() => {
        wake = null;
        resolve(undefined);
      }, REPLY_TIMEOUT_MS);
      wake = () => {
        clearTimeout(timer);
        take();
      };
    });
    const sendStep = (stepCode, order, frame) => client.publish({
      destination: `${config.stompSlotPath}/process-frame`,
      body: JSON.stringify({ slotId, stepCode, frames: [{ frame, order: String(order) }] }),
    });

    let step = 'START';
    say(step);
    sendStep('START', 0, '');
    let order = 1;
    while (step !== 'END') {
      if (order > MAX_PICTURES) {
        throw new Error('The identity check took too long. Start it again, in good light, facing the camera.');
      }
      const reply = await nextReply();
      if (reply?.step) {
        step = reply.step.code;
        say(step);
      } else if (reply?.feedback?.type === 'ERROR') {
        showError(new GatewayError(reply.feedback.code));
      } else if (reply?.feedback) {
        say(reply.feedback.code);
      }
      if (step === 'END') {
        break;
      }
      await sleep(FRAME_GAP_MS);
      sendStep(step, order++, camera.snapshot());
    }
    let status = 'STARTED';
    for (let tries = 0; tries < 20 && (status === 'STARTED' || status === 'UPDATE_PENDING'); tries++) {
      ({ status } = await get('/identity-verification/status'));
      if (status === 'STARTED' || status === 'UPDATE_PENDING') {
        await sleep(500);
      }
    }
    ekycStatus.dataset.state = status;
    if (status === 'COMPLETED') {
      say('END');
      prompt.textContent = 'Identity verified.';
      ekycStatus.textContent = 'Your identity is verified (COMPLETED).';
    } else {
      ekycStatus.textContent = `The identity check did not succeed (${status}).`;
      showError(new Error('The identity check did not succeed. You can start it again.'));
    }
  }

  return {
    shown() {
      if (!csrf) {
        freshCsrf().catch(showError);
      }
    },
  };
}
