package io.gatehouse.gateway.face;

import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.edge.FuzzInputs;
import io.gatehouse.gateway.edge.RawWebSocket;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the face WebSocket: mutated messages one at a time, each answered by one JSON reply with a
 * {@code type} or by a close with one of seed 002's codes; a closed session is replaced by a new one.
 */
public final class FaceFuzzer {

  private static final Set<Integer> CLOSE_CODES = Set.of(1000, 1009, 4000, 4400, 4401, 4403, 4404, 4429, 4500);

  private final GatewayFixture gatehouse;
  private final FaceTenant tenant;
  private final FuzzInputs inputs;
  private final List<String> seeds;
  public int closes;

  public FaceFuzzer(GatewayFixture gatehouse, long seed) {
    this.gatehouse = gatehouse;
    this.tenant = FaceTenant.create(gatehouse, "fuzz");
    this.inputs = new FuzzInputs(seed);
    String image = Base64.getEncoder().encodeToString(smallJpeg());
    this.seeds = List.of("{\"type\":\"ping\"}", "{\"type\":\"frame\",\"image\":\"data:image/jpeg;base64," + image + "\"}",
      "{\"type\":\"frame\",\"image\":\"" + image + "\"}", "{\"type\":\"frame\",\"image\":\"AAAA\"}", "{\"type\":\"selfie\"}");
  }

  /** Sends {@code count} inputs; returns how many were answered. */
  public int run(int count) {
    int answered = 0;
    while (answered < count) {
      String token = tenant.enrollment("fz-" + System.nanoTime()).getString("session_token");
      try (RawWebSocket ws = RawWebSocket.open(gatehouse.port, "/ws/auth/process-image/" + token + "/", 20_000)) {
        assertThat(ws.read().text()).contains("connection_established");
        boolean open = true;
        while (open && answered < count) {
          String input = inputs.random().nextInt(50) == 0 ? null : inputs.mutate(inputs.pick(seeds));
          if (input == null) {
            ws.send(0x82, inputs.bytes(100));
          } else {
            ws.sendText(input);
          }
          open = answer(ws, input);
          answered++;
        }
      }
    }
    return answered;
  }

  private boolean answer(RawWebSocket ws, String input) {
    RawWebSocket.Frame frame = ws.read();
    assertThat(frame).as("connection dropped without a close frame after " + input).isNotNull();
    assertThat(frame.text()).as("after " + input).doesNotContainPattern(FuzzInputs.STACK_TRACE);
    if (frame.isClose()) {
      assertThat(CLOSE_CODES).as("close code after " + input).contains(frame.closeCode());
      closes++;
      return false;
    }
    assertThat(new io.vertx.core.json.JsonObject(frame.text()).getString("type")).as(frame.text()).isNotNull();
    return true;
  }

  private static byte[] smallJpeg() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "jpg", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
