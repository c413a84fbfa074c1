package io.gatehouse.contract;

import io.gatehouse.contract.auth.AuthMessages;
import io.gatehouse.contract.auth.LoginUser;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.UserPage;
import io.gatehouse.contract.auth.UserSummary;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class JsonRecordCodecTest {

  private static final HexFormat HEX = HexFormat.of();

  @SuppressWarnings("unchecked")
  private static <T> JsonRecordCodec<T> codecFor(Class<T> type) {
    return (JsonRecordCodec<T>) AuthMessages.CODECS.stream().filter(codec -> codec.type() == type).findFirst()
      .orElseThrow();
  }

  private static <T> Buffer encode(Class<T> type, T value) {
    Buffer wire = Buffer.buffer();
    codecFor(type).encodeToWire(wire, value);
    return wire;
  }

  @Test
  @DisplayName("a user summary goes on the wire as a 4-byte big-endian byte count then UTF-8 JSON")
  void userSummaryGoldenBytes() {
    Buffer wire = encode(UserSummary.class, new UserSummary("7d5f1c2e-0000-4000-8000-000000000001", "zoë"));
    // 67 bytes of JSON: "ë" is two bytes in UTF-8, so the prefix counts bytes, not characters
    assertThat(HEX.formatHex(wire.getBytes())).isEqualTo("00000043"
      + "7b22757365724964223a2237643566316332652d303030302d343030302d383030302d303030303030303030303031222c"
      + "22757365726e616d65223a227a6fc3ab227d");
  }

  @Test
  @DisplayName("a principal's kind travels as its enum name and its expiry as a JSON number")
  void principalGoldenBytes() {
    Buffer wire = encode(Principal.class, new Principal("c-1", "Acme", Principal.Kind.CLIENT, 1_700_000_000L));
    assertThat(wire.getInt(0)).isEqualTo(70);
    assertThat(wire.getString(4, wire.length(), "UTF-8"))
      .isEqualTo("{\"subject\":\"c-1\",\"name\":\"Acme\",\"kind\":\"CLIENT\",\"expiresAt\":1700000000}");
    assertThat(HEX.formatHex(wire.getBytes(0, 4))).isEqualTo("00000046");
  }

  @Test
  @DisplayName("records decode to equal records, also when preceded by other bytes in the buffer")
  void roundTrips() {
    Principal principal = new Principal("u-1", "山田", Principal.Kind.USER, 42L);
    UserPage page = new UserPage(List.of(new UserSummary("a", "ann"), new UserSummary("b", "bea")), "bea");
    LoginUser login = new LoginUser("o'brien", "pa\"ss\\word");

    assertThat(roundTrip(Principal.class, principal)).isEqualTo(principal);
    assertThat(roundTrip(UserPage.class, page)).isEqualTo(page);
    assertThat(roundTrip(LoginUser.class, login)).isEqualTo(login);
    assertThat(roundTrip(UserPage.class, new UserPage(List.of(), null))).isEqualTo(new UserPage(List.of(), null));
  }

  @Test
  @DisplayName("locally the record itself is passed on, and every codec has a distinct name")
  void transformIsIdentityAndNamesAreUnique() {
    UserSummary summary = new UserSummary("a", "ann");
    assertThat(codecFor(UserSummary.class).transform(summary)).isSameAs(summary);
    assertThat(Codecs.all().stream().map(codec -> codec.codec().name()).distinct().count()).isEqualTo(Codecs.all().size());
  }

  private static <T> T roundTrip(Class<T> type, T value) {
    Buffer wire = Buffer.buffer(new byte[] {9, 9, 9});
    codecFor(type).encodeToWire(wire, value);
    return codecFor(type).decodeFromWire(3, wire);
  }
}
