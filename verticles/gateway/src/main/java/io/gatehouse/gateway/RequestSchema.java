package io.gatehouse.gateway;

import io.gatehouse.contract.text.CanonicalText;
import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A JSON Schema (draft 2020-12) that a request body must satisfy before its handler runs; every string in it
 * must also be well-formed Unicode (no lone surrogates), see {@link CanonicalText}.
 */
public final class RequestSchema {

  private final Validator validator;
  private final FastSchemaCheck quick;

  private RequestSchema(JsonObject schema) {
    this.quick = FastSchemaCheck.of(schema).orElse(null);
    this.validator = Validator.create(JsonSchema.of(schema), new JsonSchemaOptions()
      .setDraft(Draft.DRAFT202012)
      .setOutputFormat(OutputFormat.Basic)
      .setBaseUri("https://gatehouse.invalid/schemas/"));
  }

  public static RequestSchema of(JsonObject schema) {
    return new RequestSchema(schema);
  }

  /** Loads {@code schemas/<name>.json} from the classpath. */
  public static RequestSchema load(String name) {
    try (InputStream in = RequestSchema.class.getResourceAsStream("/schemas/" + name + ".json")) {
      if (in == null) {
        throw new IllegalArgumentException("no schema " + name);
      }
      return of(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first problem with {@code instance}, naming the field, or empty when it is valid. */
  public Optional<String> problem(Object instance) {
    if (!CanonicalText.wellFormedJson(instance)) {
      return Optional.of("text must be well-formed Unicode: a \\uD800-\\uDFFF escape must be half of a pair");
    }
    if (quick != null && quick.accepts(instance)) {
      return Optional.empty();
    }
    OutputUnit result = validator.validate(instance);
    if (Boolean.TRUE.equals(result.getValid())) {
      return Optional.empty();
    }
    List<OutputUnit> errors = result.getErrors();
    OutputUnit first = errors == null || errors.isEmpty() ? result : errors.get(errors.size() - 1);
    String location = first.getInstanceLocation() == null || first.getInstanceLocation().isEmpty()
      ? "" : first.getInstanceLocation().replaceFirst("^#?/", "") + ": ";
    return Optional.of(location + first.getError());
  }
}
