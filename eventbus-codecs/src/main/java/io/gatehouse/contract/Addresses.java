package io.gatehouse.contract;

/** Every event-bus address Gatehouse uses, grouped by the service that consumes it. */
public final class Addresses {

  private Addresses() {
  }

  /** user-auth: users, tokens, API clients, authorization codes. */
  public static final class Auth {
    public static final String REGISTER = "gatehouse.auth.register";
    public static final String LOGIN = "gatehouse.auth.login";
    public static final String VERIFY_TOKEN = "gatehouse.auth.verify";
    public static final String FIND_USER = "gatehouse.auth.user.find";
    public static final String LIST_USERS = "gatehouse.auth.user.list";
    public static final String CREATE_CLIENT = "gatehouse.auth.client.create";
    public static final String CLIENT_TOKEN = "gatehouse.auth.client.token";
    public static final String CLIENT_SECRET = "gatehouse.auth.client.secret";
    public static final String ISSUE_CODE = "gatehouse.auth.code.issue";
    public static final String REDEEM_CODE = "gatehouse.auth.code.redeem";
    public static final String HEALTH = "gatehouse.auth.health";

    private Auth() {
    }
  }
}
