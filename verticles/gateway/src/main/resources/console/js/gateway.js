// How the console reaches the gateway: its own origin, or ?gateway=URL when the console is served elsewhere
// (that origin must then be listed in gateway.allowedOrigins).
import { GatewayError } from './errors.js';

const wanted = new URLSearchParams(location.search).get('gateway');
export const base = (wanted || location.origin).replace(/\/+$/, '');

let settings;

/** /console/config.json of the gateway: STOMP port and slot path, and the development OTP when one is set. */
export function consoleConfig() {
  settings ??= request('GET', '/console/config.json');
  return settings;
}

export function webSocketUrl(path, port) {
  const url = new URL(path, base);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (port !== undefined) {
    url.port = String(port);
  }
  return url.toString();
}

/** A JSON request; a refusal becomes a GatewayError with a sentence for its code. */
export async function request(method, path, { token, body, headers = {} } = {}) {
  const init = { method, headers: { ...headers }, credentials: 'include' };
  if (token) {
    init.headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(base + path, init);
  } catch (e) {
    throw new GatewayError('network', e.message);
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!response.ok) {
    const code = json?.code ?? (response.status === 401 ? 'unauthorized' : response.status === 404 ? 'not_found'
      : response.status === 429 ? 'rate_limited' : response.status >= 500 ? 'internal' : 'invalid_request');
    const error = new GatewayError(code, json?.error ?? json?.message ?? text);
    if (json?.correlation_id) {
      error.message += ` (reference ${json.correlation_id})`;
    }
    error.status = response.status;
    throw error;
  }
  return json;
}
