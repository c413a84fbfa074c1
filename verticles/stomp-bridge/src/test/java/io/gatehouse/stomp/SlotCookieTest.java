package io.gatehouse.stomp;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlotCookieTest {

  @Test
  @DisplayName("both spellings are read from a Cookie header; the document's correct spelling wins")
  void spellings() {
    assertThat(SlotCookie.parse("a=b; IDV_SLOT_ALLOTTED=tx###slot")).isEqualTo(new SlotCookie("tx", "slot"));
    assertThat(SlotCookie.parse("IDV_SLOT_ALOTTED=\"tx###slot\"")).isEqualTo(new SlotCookie("tx", "slot"));
    assertThat(SlotCookie.parse("IDV_SLOT_ALOTTED=old###s1; IDV_SLOT_ALLOTTED=new###s2"))
      .isEqualTo(new SlotCookie("new", "s2"));
  }

  @Test
  @DisplayName("missing or malformed cookies are null")
  void malformed() {
    assertThat(SlotCookie.parse(null)).isNull();
    assertThat(SlotCookie.parse("IDV_SLOT_ALLOTTED=noseparator")).isNull();
    assertThat(SlotCookie.parse("IDV_SLOT_ALLOTTED=###slot")).isNull();
    assertThat(SlotCookie.parse("IDV_SLOT_ALLOTTED=tx###")).isNull();
    assertThat(SlotCookie.parse("OTHER=tx###slot")).isNull();
  }
}
