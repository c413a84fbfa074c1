package io.gatehouse.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.Validator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("the quick schema check never accepts what the full JSON Schema validator refuses")
class FastSchemaCheckTest {

  private static final List<String> FIELDS = List.of("action", "topic_name", "is_private", "username", "content",
    "message_id", "message_ids", "password", "email", "id", "extra");

  @ParameterizedTest
  @ValueSource(strings = {"register", "login", "actions/create", "actions/topic", "actions/invite", "actions/message",
    "actions/ack", "actions/empty"})
  @DisplayName("agrees with vertx-json-schema on 5 000 random requests")
  void agreesWithTheFullValidator(String name) throws IOException {
    JsonObject schema;
    try (InputStream in = RequestSchema.class.getResourceAsStream("/schemas/" + name + ".json")) {
      schema = new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    FastSchemaCheck quick = FastSchemaCheck.of(schema).orElseThrow();
    Validator full = Validator.create(JsonSchema.of(schema), new JsonSchemaOptions().setDraft(Draft.DRAFT202012)
      .setOutputFormat(OutputFormat.Flag).setBaseUri("https://gatehouse.invalid/"));
    Random random = new Random(name.hashCode());
    int acceptedByBoth = 0;
    for (int i = 0; i < 5000; i++) {
      Object instance = randomRequest(random, random.nextBoolean() ? FIELDS
        : List.copyOf(schema.getJsonObject("properties", new JsonObject()).fieldNames()));
      boolean valid = full.validate(instance).getValid();
      if (quick.accepts(instance)) {
        assertThat(valid).as("quick check accepted %s", instance).isTrue();
        acceptedByBoth++;
      }
    }
    assertThat(acceptedByBoth).as("the quick path is taken for valid requests").isPositive();
  }

  private static Object randomRequest(Random random, List<String> fields) {
    if (random.nextInt(20) == 0) {
      return random.nextBoolean() ? new JsonArray().add(1) : "text";
    }
    JsonObject request = new JsonObject();
    for (String field : fields) {
      if (random.nextInt(4) != 0) {
        request.put(field, randomValue(random, field));
      }
    }
    return request;
  }

  private static Object randomValue(Random random, String field) {
    return switch (random.nextInt(field.equals("message_ids") ? 8 : 7)) {
      case 0 -> random.nextInt(100);
      case 1 -> random.nextBoolean();
      case 2 -> "";
      case 3 -> "x".repeat(random.nextInt(300));
      case 4 -> "user" + random.nextInt(1000) + (random.nextBoolean() ? "@example.org" : "");
      case 5 -> field.startsWith("message_id") ? new UUID(random.nextLong(), random.nextLong()).toString() : null;
      case 6 -> "ü🙂" + "y".repeat(random.nextInt(70));
      default -> {
        JsonArray ids = new JsonArray();
        int n = random.nextInt(3);
        for (int i = 0; i < n; i++) {
          ids.add(switch (random.nextInt(3)) {
            case 0 -> "id" + i;
            case 1 -> new UUID(random.nextLong(), random.nextLong()).toString();
            default -> i;
          });
        }
        yield ids;
      }
    };
  }
}
