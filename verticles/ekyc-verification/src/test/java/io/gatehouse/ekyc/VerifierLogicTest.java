package io.gatehouse.ekyc;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class VerifierLogicTest {

  private static final String SLOT = "slot-1";

  @Test
  @DisplayName("slotId is base64url without padding of SHA3-256(transactionId): 43 characters")
  void slotIdIsSha3() throws Exception {
    String transactionId = SlotIds.newTransactionId();
    byte[] digest = MessageDigest.getInstance("SHA3-256").digest(transactionId.getBytes(StandardCharsets.UTF_8));
    assertThat(SlotIds.slotIdOf(transactionId))
      .isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest))
      .hasSize(43);
    // a known vector: SHA3-256("") = a7ffc6f8bf1ed766...
    assertThat(Base64.getUrlDecoder().decode(SlotIds.slotIdOf(""))[0]).isEqualTo((byte) 0xa7);
  }

  @Test
  @DisplayName("process-frame bodies: orders as numbers or numeric strings; each defect has its code")
  void frameBatchParsing() {
    FrameBatch ok = FrameBatch.parse(body(SLOT, "START", "\"0\""), SLOT, 10);
    assertThat(ok.valid()).isTrue();
    assertThat(ok.frames()).containsExactly(new FrameBatch.Frame("", 0));
    assertThat(FrameBatch.parse(body(SLOT, "x", "7"), SLOT, 10).frames().get(0).order()).isEqualTo(7);
    assertThat(FrameBatch.parse(body("other", "START", "0"), SLOT, 10).error()).isEqualTo("invalid_slot_id");
    assertThat(FrameBatch.parse(body(SLOT, "", "0"), SLOT, 10).error()).isEqualTo("invalid_step_code");
    assertThat(FrameBatch.parse(body(SLOT, "START", "\"one\""), SLOT, 10).error()).isEqualTo("invalid_order");
    assertThat(FrameBatch.parse(body(SLOT, "START", "-1"), SLOT, 10).error()).isEqualTo("invalid_order");
    assertThat(FrameBatch.parse("{\"slotId\":\"slot-1\",\"stepCode\":\"S\",\"frames\":[{\"frame\":3,\"order\":1}]}",
      SLOT, 10).error()).isEqualTo("invalid_frame");
    assertThat(FrameBatch.parse("not json", SLOT, 10).error()).isEqualTo("invalid_request");
    assertThat(FrameBatch.parse("[1]", SLOT, 10).error()).isEqualTo("invalid_request");
  }

  @Test
  @DisplayName("the mock verifier: START, then order 1 turn_left, 2 turn_right, 5 END and COMPLETED with its claims")
  void mockStory() {
    MockIdentityVerifier mock = new MockIdentityVerifier();
    Verifier.Outcome start = mock.process(new JsonObject(), batch("START", 0)).result();
    assertThat(start.events()).singleElement().satisfies(e -> assertThat(e.step().getString("code"))
      .isEqualTo("liveness_check"));
    assertThat(mock.process(new JsonObject(), batch("liveness_check", 1)).result().events().get(0).feedback()
      .getString("code")).isEqualTo("turn_left");
    assertThat(mock.process(new JsonObject(), batch("liveness_check", 2)).result().events().get(0).feedback()
      .getString("code")).isEqualTo("turn_right");
    assertThat(mock.process(new JsonObject(), batch("liveness_check", 3)).result().events()).isEmpty();
    Verifier.Outcome end = mock.process(new JsonObject(), batch("liveness_check", 5)).result();
    assertThat(end.events().get(0).step().getString("code")).isEqualTo("END");
    assertThat(end.status()).isEqualTo("COMPLETED");
    assertThat(end.claims().getList()).containsExactly("fullName", "phone");
    assertThat(mock.process(new JsonObject(), batch("END", 0)).result().events().get(0).isError()).isTrue();
    assertThat(mock.process(end.progress(), batch("END", 0)).result().events()).isEmpty();
  }

  private static FrameBatch batch(String step, int order) {
    return FrameBatch.parse(body(SLOT, step, Integer.toString(order)), SLOT, 10);
  }

  private static String body(String slot, String step, String order) {
    return "{\"slotId\":\"" + slot + "\",\"stepCode\":\"" + step + "\",\"frames\":[{\"frame\":\"\",\"order\":" + order
      + "}]}";
  }
}
