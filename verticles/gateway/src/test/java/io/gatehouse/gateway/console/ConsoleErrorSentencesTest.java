package io.gatehouse.gateway.console;

import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The console's error sentences")
class ConsoleErrorSentencesTest {

  /** Every error code the protocols send (PROTOCOLS.md and the services' refusal reasons). */
  private static final List<String> CODES = List.of(
    // action protocol and REST
    "not_found", "forbidden", "already_exists", "already_member", "not_member", "invalid_request", "rate_limited",
    "unauthorized", "internal", "too_large", "missing_token", "invalid_credentials", "invalid_username",
    "invalid_password", "invalid_email", "user_not_found", "unknown_user", "invalid_name", "invalid_target",
    "quota_exceeded", "topic_quota_exceeded", "membership_quota_exceeded", "invite_rate_exceeded",
    "too_many_requests", "login_throttled", "forbidden_origin", "Expired", "Invalid token", "Invalid signature",
    // Socket.IO chat
    "unknown_event", "binary_not_supported",
    // signup and identity verification
    "invalid_csrf_token", "invalid_purpose", "invalid_identifier", "identifier_blocked", "too_early_attempt",
    "identifier_mismatch", "too_many_verify_attempts", "challenge_expired", "invalid_challenge",
    "identifier_already_registered", "identifier_not_found", "invalid_transaction", "consent_required",
    "invalid_code", "invalid_identity_verifier_id", "slot_not_available", "invalid_slot", "invalid_slot_id",
    "invalid_step_code", "invalid_frame", "invalid_order", "face_not_found", "multiple_faces", "unavailable",
    // face sessions
    "invalid_client", "client_not_found", "session_not_found", "session_used", "session_finished",
    "session_expired", "engine_unavailable", "no_face", "several_faces", "low_quality", "liveness_failed",
    "not_matched", "identity_changed");

  @Test
  @DisplayName("every error code of the protocols, and every face close code, has a sentence of its own")
  void everyCodeHasASentence() throws IOException {
    Path dir = Files.createTempDirectory("console-errors");
    try (InputStream in = getClass().getResourceAsStream("/console/js/errors.js")) {
      Files.write(dir.resolve("errors.mjs"), in.readAllBytes());
    }
    String check = "import('" + dir.resolve("errors.mjs").toUri() + "').then((m) => {"
      + " const codes = JSON.parse(process.argv[1]);"
      + " const missing = codes.filter((c) => !m.known(c));"
      + " const faces = [4000, 4400, 4401, 4403, 4404, 4429, 4500].filter((c) => m.faceCloseSentence(c, 'raw') === 'raw');"
      + " console.log(JSON.stringify({ missing, faces, sample: m.sentence('not_member') })); })";
    NodeClients.Run run = NodeClients.run(dir, 30, "node", "-e", check, new JsonArray(CODES).encode());

    assertThat(run.status()).as(run.stderr()).isZero();
    assertThat(run.stdout().strip()).isEqualTo("{\"missing\":[],\"faces\":[],\"sample\":"
      + "\"You are not a member of that topic. Subscribe or ask a member to invite you.\"}");
  }
}
