package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** One page of users; {@code next} is the cursor for the following page, null on the last one. */
public record UserPage(List<UserSummary> users, String next) {

  public UserPage {
    users = List.copyOf(users);
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    users.forEach(user -> array.add(user.toJson()));
    return new JsonObject().put("users", array).put("next", next);
  }

  public static UserPage fromJson(JsonObject json) {
    List<UserSummary> users = json.getJsonArray("users").stream()
      .map(item -> UserSummary.fromJson((JsonObject) item))
      .toList();
    return new UserPage(users, json.getString("next"));
  }
}
