package io.gatehouse.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.face.polyglot.BridgePeer;
import io.gatehouse.face.polyglot.EngineTestKit;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fuzz run against the engine bridge port of a node serving with one real worker: generated inputs
 * of every kind a hostile or broken peer could send, each answered with an {@code err} frame naming a known
 * reason or with a close; no reply carries a stack trace; afterwards the worker still serves a real face frame.
 */
@DisplayName("the face engine bridge answers 10 000 generated bad inputs and stays healthy")
class EngineBridgeFuzzTest {

  private static final int INPUTS = 10_000;
  private static final int MAX_FRAME = 8_192;
  private static final Set<String> REASONS = Set.of("invalid_length", "frame_too_large", "invalid_json",
    "unknown_type", "missing_address", "invalid_field", "invalid_headers", "access_denied",
    "blocked by bridgeEvent handler");

  private static BusSessions sessions;
  private static String secret;
  private static int port;

  @BeforeAll
  static void deploy() {
    JsonObject faceSection = EngineTestKit.faceSection(1).put("bridgeMaxFrameBytes", MAX_FRAME);
    sessions = new BusSessions("bridgefuzz", faceSection);
    BusSessions.await(sessions.face.engine().bridge().awaitWorkers(1));
    secret = EngineTestKit.secret(faceSection);
    port = sessions.face.engine().bridge().port();
  }

  @AfterAll
  static void close() {
    sessions.close();
  }

  @Test
  @DisplayName("bad lengths, non-JSON, unknown types, bad headers and fields, wrong addresses, no secret, "
    + "truncated frames")
  void fuzz() throws Exception {
    AtomicInteger errFrames = new AtomicInteger();
    AtomicInteger closes = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<?>> runs = new ArrayList<>();
    for (int lane = 0; lane < 2; lane++) {
      int first = lane;
      runs.add(threads.submit(() -> {
        try (BridgePeer admitted = BridgePeer.connect(port)) {
          // admitted by its secret, but on no engine address, so it never takes the real worker's frames
          admitted.register("gatehouse.not.the.engine", secret);
          expectErr(admitted.read(), errFrames, "registration of another address");
          for (int i = first; i < INPUTS; i += 2) {
            Random random = new Random(i);
            if (i % 8 == 4) {
              JsonObject input = wrongAddress(random);
              admitted.send(input);
              expectErr(admitted.read(), errFrames, input.encode());
            } else {
              oneConnection(i % 8, random, errFrames, closes);
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> run : runs) {
      run.get();
    }
    threads.shutdown();

    assertThat(errFrames.get() + closes.get()).isGreaterThanOrEqualTo(INPUTS);
    assertThat(sessions.face.engine().bridge().workers()).as("the real worker is still joined").isEqualTo(1);
    FrameAnalysis analysis = BusSessions.await(sessions.vertx.eventBus().<FrameAnalysis>request(
      Addresses.Face.ANALYZE_FRAME, new AnalyzeFrame(FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false)),
      new DeliveryOptions().setSendTimeout(120_000))).body();
    assertThat(analysis.faces()).isEqualTo(1);
  }

  /** One input on its own connection: every frame read back is a known err, and the node closes it. */
  private static void oneConnection(int kind, Random random, AtomicInteger errFrames, AtomicInteger closes) {
    try (BridgePeer peer = BridgePeer.connect(port)) {
      peer.sendRaw(input(kind, random));
      if (kind == 6) {
        peer.shutdownOutput();
      }
      for (JsonObject reply = peer.read(); reply != null; reply = peer.read()) {
        expectErr(reply, errFrames, "input " + kind);
      }
      closes.incrementAndGet();
    }
  }

  private static void expectErr(JsonObject reply, AtomicInteger errFrames, String input) {
    assertThat(reply).as(input).isNotNull();
    String text = reply.encode();
    assertThat(text).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("at io.");
    assertThat(reply.getString("type")).as(text).isEqualTo("err");
    assertThat(reply.getString("message")).as(text).isIn(REASONS);
    errFrames.incrementAndGet();
  }

  private static byte[] input(int kind, Random random) {
    return switch (kind) {
      case 0 -> badLength(random);
      case 1 -> framed(notJson(random));
      case 2 -> frame(new JsonObject().put("type", pick(random, "dance", "", "PING", "message", 7, null, true,
        new JsonArray())).put("address", Addresses.FaceEngine.ANALYZE));
      case 3 -> frame(new JsonObject().put("type", pick(random, "register", "send", "publish"))
        .put("address", Addresses.FaceEngine.ANALYZE).put("headers", badHeaders(random)));
      case 5 -> frame(noSecret(random));
      case 6 -> truncated(random);
      default -> frame(badFields(random));
    };
  }

  private static byte[] badLength(Random random) {
    int length = (int) pick(random, 0, -1, Integer.MIN_VALUE, -random.nextInt(1 << 20) - 1, MAX_FRAME + 1,
      MAX_FRAME + 1 + random.nextInt(1 << 24), Integer.MAX_VALUE);
    byte[] tail = new byte[random.nextInt(64)];
    random.nextBytes(tail);
    return ByteBuffer.allocate(4 + tail.length).putInt(length).put(tail).array();
  }

  private static byte[] notJson(Random random) {
    return switch (random.nextInt(8)) {
      case 0 -> randomBytes(random, 1 + random.nextInt(200));
      case 1 -> "{".getBytes(StandardCharsets.UTF_8);
      case 2 -> ((String) pick(random, "[]", "\"text\"", "null", "123", "true", "{\"a\":}", "{'type':'ping'}"))
        .getBytes(StandardCharsets.UTF_8);
      case 3 -> new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'};
      case 4 -> ("[".repeat(2_000) + "]".repeat(2_000)).getBytes(StandardCharsets.UTF_8);
      case 5 -> "{\"type\":\"ping\"".getBytes(StandardCharsets.UTF_8);
      case 6 -> ("{\"type\":\"send\",\"address\":\"" + "\u0000".repeat(3) + "\"").getBytes(StandardCharsets.UTF_8);
      default -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, '{', '}'};
    };
  }

  private static Object badHeaders(Random random) {
    return switch (random.nextInt(7)) {
      case 0 -> "secret";
      case 1 -> 42;
      case 2 -> new JsonArray().add(secret);
      case 3 -> new JsonObject().put("secret", (Object) null);
      case 4 -> new JsonObject().put("secret", secret).put(pick(random, "timeout", "localOnly", "codecName")
        .toString(), pick(random, "x", 5, true, null));
      case 5 -> {
        JsonObject many = new JsonObject();
        for (int i = 0; i < 17 + random.nextInt(30); i++) {
          many.put("h" + i, "v");
        }
        yield many;
      }
      default -> new JsonObject().put("secret", "x".repeat(MAX_FRAME));
    };
  }

  private static JsonObject noSecret(Random random) {
    JsonObject frame = new JsonObject().put("type", pick(random, "register", "send", "publish", "unregister"))
      .put("address", pick(random, Addresses.FaceEngine.ANALYZE, Addresses.Face.CREATE_SESSION, "anything"))
      .put("body", new JsonObject().put("n", random.nextInt()));
    if (random.nextBoolean()) {
      frame.put("headers", new JsonObject().put("secret", Integer.toHexString(random.nextInt())));
    }
    return frame;
  }

  private static JsonObject wrongAddress(Random random) {
    String address = (String) pick(random, Addresses.Face.CREATE_SESSION, Addresses.Face.ANALYZE_FRAME,
      "gatehouse.routing.publish", "x" + random.nextInt(), "");
    JsonObject frame = new JsonObject().put("type", pick(random, "register", "send", "publish", "unregister"))
      .put("address", address.isEmpty() ? "__vertx.reply." + random.nextInt(1000) : address)
      .put("body", new JsonObject().put("image", "AAAA"));
    // a registration without the secret would end the connection (covered by the no-secret inputs)
    return "register".equals(frame.getString("type"))
      ? frame.put("headers", new JsonObject().put("secret", secret)) : frame;
  }

  private static JsonObject badFields(Random random) {
    JsonObject frame = new JsonObject().put("type", pick(random, "send", "register", "publish"));
    switch (random.nextInt(6)) {
      case 0 -> frame.put("address", pick(random, 5, new JsonArray(), new JsonObject(), false));
      case 1 -> frame.put("address", "a".repeat(257 + random.nextInt(1_000)));
      case 2 -> frame.put("address", "x").put("failureCode", pick(random, "500", 1.5, 1L << 40, new JsonObject()));
      case 3 -> frame.put("address", "x").put("replyAddress", pick(random, 1, new JsonArray(), true));
      case 4 -> frame.put("address", "x").put("message", pick(random, 7, new JsonObject(), "m".repeat(5_000)));
      default -> frame.put("address", "");
    }
    return frame;
  }

  private static byte[] truncated(Random random) {
    byte[] json = new JsonObject().put("type", "register").put("address", Addresses.FaceEngine.ANALYZE)
      .put("headers", new JsonObject().put("secret", secret)).encode().getBytes(StandardCharsets.UTF_8);
    int sent = random.nextInt(json.length);
    return ByteBuffer.allocate(4 + sent).putInt(json.length).put(json, 0, sent).array();
  }

  private static byte[] frame(JsonObject frame) {
    return framed(frame.encode().getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] framed(byte[] payload) {
    return ByteBuffer.allocate(4 + payload.length).putInt(payload.length).put(payload).array();
  }

  private static byte[] randomBytes(Random random, int length) {
    byte[] bytes = new byte[length];
    random.nextBytes(bytes);
    bytes[0] = (byte) '#';
    return bytes;
  }

  private static Object pick(Random random, Object... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
