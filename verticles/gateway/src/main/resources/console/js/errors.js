// One human sentence for each error code the gateway's protocols send (REST, action protocol, Socket.IO,
// signup envelopes, eKYC feedback, face WebSocket close codes).
const SENTENCES = {
  // action protocol and REST
  not_found: 'That topic or user does not exist.',
  forbidden: 'You are not allowed to do that.',
  already_exists: 'That name is already taken.',
  already_member: 'That user is already a member of the topic.',
  not_member: 'You are not a member of that topic. Subscribe or ask a member to invite you.',
  invalid_request: 'The request was not accepted: some field is missing or malformed.',
  rate_limited: 'You are sending too fast. Wait a moment and try again.',
  unauthorized: 'You are not signed in, or your session has expired. Sign in again.',
  internal: 'The gateway had an internal problem. Try again; if it keeps happening, report the reference shown.',
  too_large: 'That is too large for the gateway to accept.',
  missing_token: 'You are not signed in. Sign in first.',
  invalid_credentials: 'Wrong username or password.',
  invalid_username: 'That username is not valid (1 to 64 characters).',
  invalid_password: 'The password must be between 8 and 1024 characters.',
  invalid_email: 'That email address is not valid.',
  user_not_found: 'No such user.',
  wrong_token_kind: 'That token cannot be used here.',
  Expired: 'Your session has expired. Sign in again.',
  'Invalid token': 'Your sign-in token is not valid. Sign in again.',
  'Invalid signature': 'Your sign-in token is not valid. Sign in again.',
  unknown_event: 'The chat server did not understand that request.',
  unknown_user: 'No such user.',
  invalid_name: 'That name is not valid.',
  invalid_target: 'That topic or user name is not valid.',
  invalid_signature: 'Your sign-in token is not valid. Sign in again.',
  binary_not_supported: 'Files and binary messages cannot be sent here.',
  forbidden_origin: 'The gateway does not accept connections from this page\'s address.',
  upgrade_required: 'This connection must be upgraded to a WebSocket.',
  quota_exceeded: 'You have reached your limit for that. Remove something first or try later.',
  topic_quota_exceeded: 'You have created as many topics as you may.',
  membership_quota_exceeded: 'You are in as many topics as you may be. Leave one first.',
  invite_rate_exceeded: 'You are inviting too fast. Wait a moment and try again.',
  too_many_requests: 'Too many requests. Wait a moment and try again.',
  login_throttled: 'Too many sign-in attempts. Wait a few minutes and try again.',
  // signup and identity verification
  invalid_csrf_token: 'The page\'s security token is missing or stale. Reload the page and try again.',
  invalid_purpose: 'That kind of code request is not supported.',
  invalid_identifier: 'Enter a phone number with its country code (like +85512345678) or an email address.',
  identifier_blocked: 'Too many codes were asked for this phone or email. It is blocked for a while; try later.',
  too_early_attempt: 'A code was sent moments ago. Wait a little before asking for another.',
  too_early: 'A code was sent moments ago. Wait a little before asking for another.',
  identifier_mismatch: 'This is not the phone or email the code was sent to.',
  too_many_verify_attempts: 'Too many wrong codes. Ask for a new code.',
  challenge_expired: 'The code has expired. Ask for a new one.',
  otp_expired: 'The code has expired. Ask for a new one.',
  invalid_challenge: 'That code is not right. Check it and try again.',
  identifier_already_registered: 'An account already exists for this phone or email.',
  identifier_not_found: 'No account exists for this phone or email.',
  invalid_transaction: 'This step has expired or was done out of order. Start again from the first step.',
  consent_required: 'Your consent is needed to continue.',
  invalid_code: 'The authorization has expired. Start the identity check again.',
  invalid_identity_verifier_id: 'That identity check is not available.',
  verifier_unavailable: 'The identity check is not available right now. Try later.',
  slot_not_available: 'All identity-check places are taken right now. Try again in a few minutes.',
  invalid_slot: 'This identity-check session is no longer valid. Start the identity check again.',
  invalid_slot_id: 'This identity-check session is no longer valid. Start the identity check again.',
  invalid_step_code: 'The check got out of step. Start the identity check again.',
  invalid_frame: 'The camera picture could not be read. Check that the camera is working.',
  invalid_order: 'The camera pictures arrived out of order.',
  face_not_found: 'No face is visible. Face the camera in good light.',
  multiple_faces: 'More than one face is visible. Make sure only you are in the picture.',
  unavailable: 'A service is unavailable right now. Try again in a moment.',
  database_unavailable: 'The database is unavailable right now. Try again in a moment.',
  // face sessions
  invalid_client: 'That API key (or secret) is not valid.',
  client_not_found: 'That API key is not known.',
  session_not_found: 'The face session was not found. Start again.',
  session_used: 'That face session was already used. Start again.',
  session_finished: 'That face session has finished. Start again.',
  session_expired: 'The face session expired. Start again.',
  user_id_required: 'Enter a user id.',
  engine_unavailable: 'The face service is not ready. Try again in a moment.',
  no_face: 'No face is visible. Face the camera in good light.',
  several_faces: 'More than one face is visible. Make sure only you are in the picture.',
  low_quality: 'The picture is not clear enough. Face the camera in good light.',
  liveness_failed: 'Liveness was not shown: blink and move your head a little.',
  not_matched: 'The face did not match.',
  identity_changed: 'A different face appeared during the check. Do the whole check yourself, in one go.',
  network: 'The gateway could not be reached, or it does not accept requests from this page\'s address.',
};

const FACE_CLOSE = {
  4000: 'The face session ended with an error.',
  4400: 'The face session is not valid (already used, or a picture was refused).',
  4401: 'The face session expired. Start again.',
  4403: 'Authentication failed: the face did not match, or liveness was not shown.',
  4404: 'The face session or the API client was not found.',
  4429: 'Too many pictures were sent.',
  4500: 'The face service had an internal problem.',
  1009: 'A camera picture was too large.',
};

const SOCKET_CLOSE = {
  4401: 'Your sign-in token is not valid or has expired. Sign in again.',
  1008: 'The connection fell too far behind and was closed. Connect again to catch up.',
  1006: 'The connection was lost.',
  1001: 'The gateway is shutting down. Connect again in a moment.',
};

/** Whether {@code code} has a sentence of its own. */
export function known(code) {
  return Object.hasOwn(SENTENCES, code);
}

/** The sentence for {@code code}, else the server's own text, else a generic one. */
export function sentence(code, fallback) {
  return SENTENCES[code] ?? fallback ?? `Something went wrong (${code}).`;
}

export function faceCloseSentence(code, reason) {
  return FACE_CLOSE[code] ?? (reason || `The face session closed (code ${code}).`);
}

export function socketCloseSentence(code) {
  return SOCKET_CLOSE[code] ?? `The connection closed (code ${code}).`;
}

/** An error already worded for a person, with the machine code kept for tests and logs. */
export class GatewayError extends Error {
  constructor(code, detail) {
    super(sentence(code, detail));
    this.code = code;
    this.detail = detail;
  }
}
