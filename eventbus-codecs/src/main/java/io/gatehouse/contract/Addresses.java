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
    /** Any body → a {@code Buffer}: the HMAC key gateways share to bind signup CSRF tokens to a client. */
    public static final String CSRF_KEY = "gatehouse.auth.csrf.key";
    /** A {@code JsonArray} of user ids → the {@code JsonArray} of those that no longer exist. */
    public static final String MISSING_USERS = "gatehouse.auth.user.missing";

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
    /** One connection's publishes committed together, paced by the sender's quota ({@code PublishBatch}). */
    public static final String PUBLISH_BATCH = "gatehouse.routing.publish.batch";
    public static final String MEMBERSHIPS = "gatehouse.routing.memberships";
    public static final String READ_RANGE = "gatehouse.routing.range";
    public static final String LOCATE = "gatehouse.routing.locate";
    public static final String OPEN_CHAT = "gatehouse.routing.chat.open";
    public static final String CHAT_LIST = "gatehouse.routing.chat.list";
    public static final String CHAT_HISTORY = "gatehouse.routing.chat.history";
    public static final String HEALTH = "gatehouse.routing.health";

    private Routing() {
    }
  }

  /** pending-delivery: member cursors and catch-up. */
  public static final class Pending {
    public static final String CATCH_UP = "gatehouse.pending.catchup";
    public static final String ACK = "gatehouse.pending.ack";
    public static final String CURSORS = "gatehouse.pending.cursors";
    /**
     * {@code Ack} of one message only (STOMP client-individual): remembered while it lies beyond the cursor;
     * replies {@code Acked} with the cursor as it is.
     */
    public static final String ACK_ONE = "gatehouse.pending.ack.one";
    /** {@code AheadQuery} → {@code AckedAhead}: the individually acked seqs beyond the cursor. */
    public static final String ACKED_AHEAD = "gatehouse.pending.acked.ahead";
    public static final String HEALTH = "gatehouse.pending.health";

    private Pending() {
    }
  }

  /** face-processing: stateless frame analysis (any node), face sessions (one owner each), enrollments. */
  public static final class Face {
    /** {@code AnalyzeFrame} → {@code FrameAnalysis}; used by face sessions and eKYC liveness. */
    public static final String ANALYZE_FRAME = "gatehouse.face.analyze";
    public static final String CREATE_SESSION = "gatehouse.face.session.create";
    public static final String OPEN_SESSION = "gatehouse.face.session.open";
    public static final String HEALTH = "gatehouse.face.health";
    private static final String SESSION_PREFIX = "gatehouse.face.session.live.";

    private Face() {
    }

    /** Where the owner of one open session takes its frames and its close notice (by session id, never token). */
    public static String session(String sessionId) {
      return SESSION_PREFIX + sessionId;
    }
  }

  /**
   * The face engine workers (Node.js processes on a node's TCP event-bus bridge; the only addresses the bridge
   * lets through). {@link #ANALYZE}: JSON {@code {"image": bytes, "descriptor": bool}} → JSON
   * {@code {"width","height","faces":[{"box","score","landmarks","ear","yaw","pitch","quality","descriptor"?}]}};
   * fails 400 {@code invalid_frame: ...} for an image that does not decode, 500 {@code engine_failure}.
   */
  public static final class FaceEngine {
    public static final String ANALYZE = "gatehouse.face.engine.analyze";

    private FaceEngine() {
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

  /** stomp-bridge: its health probe (one consumer per running instance). */
  public static final class Stomp {
    public static final String HEALTH = "gatehouse.stomp.health";

    private Stomp() {
    }
  }

  /** gateway: its health probe (one consumer per running instance). */
  public static final class Gateway {
    public static final String HEALTH = "gatehouse.gateway.health";

    private Gateway() {
    }
  }

  /**
   * Live fan-out. topic-routing publishes each committed message once on its topic's address; a gateway
   * keeps one consumer per topic that has local subscribers, so a message costs one bus message per node.
   */
  public static final class Delivery {
    private static final String TOPIC_PREFIX = "gatehouse.deliver.topic.";
    private static final String INBOX_PREFIX = "gatehouse.deliver.inbox.";

    /**
     * Inboxes (one per user) share this many addresses, so that a gateway holding thousands of users needs
     * a handful of bus consumers instead of one per user; receivers filter by topic id.
     */
    public static final int INBOX_SHARDS = 64;

    private Delivery() {
    }

    /** Where the deliveries of one shared topic are published. */
    public static String topic(long topicId) {
      return TOPIC_PREFIX + topicId;
    }

    /** Where the deliveries of a topic of this kind are published: its own address, or its inbox shard. */
    public static String of(io.gatehouse.contract.routing.TopicKind kind, long topicId) {
      return kind == io.gatehouse.contract.routing.TopicKind.INBOX
        ? INBOX_PREFIX + Math.floorMod(topicId, INBOX_SHARDS)
        : topic(topicId);
    }
  }

  /**
   * Gateway to gateway: the Engine.IO sessions one gateway verticle instance owns. A polling request that
   * lands on another instance (no sticky sessions) is forwarded to the owner named in its sid.
   */
  public static final class SocketIo {
    private static final String OWNER_PREFIX = "gatehouse.socketio.owner.";

    private SocketIo() {
    }

    /** Where polling requests for the sessions of one owner are sent. */
    public static String owner(String ownerId) {
      return OWNER_PREFIX + ownerId;
    }
  }

  /**
   * Gateway to gateway: notices for every live connection of one user, wherever it is. Users share
   * {@link #USER_SHARDS} addresses (by a stable hash of the id); receivers filter by user id.
   */
  public static final class Sessions {
    private static final String USER_PREFIX = "gatehouse.sessions.users.";
    private static final String SEEN_PREFIX = "gatehouse.sessions.seen.";
    public static final int USER_SHARDS = 64;

    private Sessions() {
    }

    /** Where membership changes of one user are published. */
    public static String user(String userId) {
      return USER_PREFIX + Math.floorMod(userId.hashCode(), USER_SHARDS);
    }

    /** Where read receipts ({@code MessageSeen}) for one user's chat sockets are published. */
    public static String seen(String userId) {
      return SEEN_PREFIX + Math.floorMod(userId.hashCode(), USER_SHARDS);
    }
  }
}
