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
    /** Signup (seed 000): OTP challenges, registration, password reset, the verified mark. */
    public static final String CHALLENGE_ISSUE = "gatehouse.auth.signup.challenge";
    public static final String CHALLENGE_VERIFY = "gatehouse.auth.signup.verify";
    public static final String SIGNUP_REGISTER = "gatehouse.auth.signup.register";
    public static final String SIGNUP_RESET = "gatehouse.auth.signup.reset";
    public static final String SIGNUP_STATUS = "gatehouse.auth.signup.status";
    public static final String MARK_VERIFIED = "gatehouse.auth.user.verified";

    private Auth() {
    }
  }

  /** topic-routing: topics, membership, the per-topic message logs. */
  public static final class Routing {
    public static final String CREATE_TOPIC = "gatehouse.routing.create";
    public static final String SUBSCRIBE = "gatehouse.routing.subscribe";
    public static final String UNSUBSCRIBE = "gatehouse.routing.unsubscribe";
    public static final String INVITE = "gatehouse.routing.invite";
    public static final String PUBLISH = "gatehouse.routing.publish";
    public static final String MEMBERSHIPS = "gatehouse.routing.memberships";
    public static final String READ_RANGE = "gatehouse.routing.range";
    public static final String LOCATE = "gatehouse.routing.locate";
    public static final String HEALTH = "gatehouse.routing.health";

    private Routing() {
    }
  }

  /** pending-delivery: member cursors and catch-up. */
  public static final class Pending {
    public static final String CATCH_UP = "gatehouse.pending.catchup";
    public static final String ACK = "gatehouse.pending.ack";
    public static final String CURSORS = "gatehouse.pending.cursors";
    public static final String HEALTH = "gatehouse.pending.health";

    private Pending() {
    }
  }

  /** face-processing: what the eKYC liveness verifier needs of the face engine. */
  public static final class Face {
    /** {@code AnalyzeFrame} → {@code FrameAnalysis}; used by face sessions and eKYC liveness. */
    public static final String ANALYZE_FRAME = "gatehouse.face.analyze";

    private Face() {
    }
  }

  /** ekyc-verification: identity-verification transactions, slots and verifiers (seed 000). */
  public static final class Ekyc {
    public static final String START = "gatehouse.ekyc.start";
    public static final String VERIFIER = "gatehouse.ekyc.verifier";
    public static final String ALLOT_SLOT = "gatehouse.ekyc.slot.allot";
    public static final String CLAIM_SLOT = "gatehouse.ekyc.slot.claim";
    public static final String SLOT_CLOSED = "gatehouse.ekyc.slot.closed";
    public static final String PROCESS_FRAMES = "gatehouse.ekyc.frames";
    public static final String STATUS = "gatehouse.ekyc.status";
    public static final String HEALTH = "gatehouse.ekyc.health";

    private Ekyc() {
    }
  }

  /**
   * Live fan-out. topic-routing publishes each committed message once on its topic's address; a gateway
   * keeps one consumer per topic that has local subscribers, so a message costs one bus message per node.
   */
  public static final class Delivery {
    private static final String TOPIC_PREFIX = "gatehouse.deliver.topic.";

    private Delivery() {
    }

    /** Where the deliveries of one topic are published. */
    public static String topic(long topicId) {
      return TOPIC_PREFIX + topicId;
    }
  }

  /** Gateway to gateway: notices for every live connection of one user, wherever it is. */
  public static final class Sessions {
    private static final String USER_PREFIX = "gatehouse.sessions.user.";

    private Sessions() {
    }

    /** Where membership changes of one user are published. */
    public static String user(String userId) {
      return USER_PREFIX + userId;
    }
  }
}
