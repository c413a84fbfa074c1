// Face enrollment and authentication (seed 002) for an API client: its key buys a client token, each run opens a
// session, camera pictures go over the session's WebSocket, and the encrypted result is decrypted here with the
// client's secret key (AES-256-CBC, key SHA-256 of the secret, base64 of IV then ciphertext).
import { request, webSocketUrl } from './gateway.js';
import { faceCloseSentence, GatewayError } from './errors.js';
import { startCamera } from './camera.js';
import { onSubmit, showError } from './ui.js';

const FRAME_GAP_MS = 250;
const TARGET_SAMPLES = 3;

export function mountFace() {
  const runForm = document.getElementById('face-run-form');
  const progress = document.getElementById('face-progress');
  const meter = document.getElementById('face-meter');
  const result = document.getElementById('face-result');
  let client = null; // {token, secret}
  let running = false;

  onSubmit(document.getElementById('face-client-form'), async ({ apiKey, secretKey }) => {
    const reply = await request('POST', '/api/auth/client/', { body: { api_key: apiKey, api_secret: secretKey } });
    client = { token: reply.jwt_token, secret: secretKey };
    runForm.querySelectorAll('button').forEach((button) => {
      button.disabled = false;
    });
    progress.textContent = 'API client accepted. Enter a user id, then enroll or authenticate.';
  });

  onSubmit(runForm, async ({ userId }, submitter) => {
    if (running) {
      return;
    }
    const enroll = submitter?.value !== 'authenticate';
    const session = enroll
      ? await request('POST', '/api/auth/enrollment/', {
        token: client.token, body: { user_id: userId, metadata: { target_samples: TARGET_SAMPLES } },
      })
      : await request('POST', '/api/auth/authentication/', {
        token: client.token,
        body: { user_id: userId, require_liveness: true, metadata: { min_frames_required: 3, required_blinks: 1 } },
      });
    result.textContent = '';
    result.dataset.state = '';
    running = true;
    const camera = await startCamera(document.getElementById('face-video'));
    try {
      const outcome = await stream(session.session_token, camera, enroll);
      const decrypted = await decrypt(outcome.encrypted_data.encrypted_payload, client.secret);
      result.textContent = JSON.stringify({ ...outcome, encrypted_data: undefined, decrypted }, null, 2);
      result.dataset.state = outcome.type;
      progress.textContent = enroll ? 'Enrolled.' : `Authenticated (confidence ${outcome.confidence}).`;
    } finally {
      running = false;
      camera.stop();
    }
  });

  /** Sends pictures until the session completes; resolves with the completion message. */
  function stream(sessionToken, camera, enroll) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(webSocketUrl(`/ws/auth/process-image/${encodeURIComponent(sessionToken)}/`));
      let timer = null;
      let done = null;
      const sendFrame = () => {
        if (ws.readyState === WebSocket.OPEN && !done) {
          ws.send(JSON.stringify({ type: 'frame', image: camera.snapshot() }));
        }
      };
      ws.addEventListener('message', (event) => {
        const message = JSON.parse(event.data);
        if (message.type === 'connection_established') {
          progress.textContent = enroll ? 'Look at the camera, blink, and move your head a little.'
            : 'Look at the camera and blink.';
          timer = setInterval(sendFrame, FRAME_GAP_MS);
        } else if (message.type === 'frame_processed') {
          const target = message.target_samples || TARGET_SAMPLES;
          meter.max = target;
          meter.value = Math.min(target, message.frames_processed);
          progress.textContent = `Pictures ${message.frames_processed} (${target} good ones needed) · face ${message.face_detected
            ? 'seen' : 'not seen'} · blinks ${message.blinks_detected ?? 0} · head movement ${message.motion_detected
            ? 'seen' : 'not yet'} · liveness ${message.liveness_verified ? 'shown' : 'not yet'}`;
        } else if (message.type === 'enrollment_complete' || message.type === 'authentication_complete') {
          done = message;
        } else if (message.type === 'error' && message.code !== 4429) {
          showError(new GatewayError(message.error, message.error));
        }
      });
      ws.addEventListener('close', (event) => {
        clearInterval(timer);
        if (done && (event.code === 1000 || done.success)) {
          resolve(done);
        } else {
          reject(new Error(faceCloseSentence(event.code, event.reason)));
        }
      });
    });
  }

  return {};
}

async function decrypt(payload, secret) {
  const raw = Uint8Array.from(atob(payload), (c) => c.charCodeAt(0));
  const keyBytes = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  const key = await crypto.subtle.importKey('raw', keyBytes, { name: 'AES-CBC' }, false, ['decrypt']);
  const plain = await crypto.subtle.decrypt({ name: 'AES-CBC', iv: raw.slice(0, 16) }, key, raw.slice(16));
  return JSON.parse(new TextDecoder().decode(plain));
}
