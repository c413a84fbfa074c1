package io.gatehouse.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeapProbeTest {

  @Test
  @DisplayName("the used heap of G1 is read from GC.heap_info, leaving Metaspace out")
  void readsG1HeapInfo() {
    String output = """
      12345:
       garbage-first heap   total 262144K, used 20480K [0x0000000700000000, 0x0000000800000000)
        region size 1024K, 3 young (3072K), 0 survivors (0K)
       Metaspace       used 9000K, committed 9216K, reserved 1114112K
        class space    used 900K, committed 1024K, reserved 1048576K
      """;

    assertThat(HeapProbe.parseUsedHeap(output)).isEqualTo(20480L * 1024);
  }

  @Test
  @DisplayName("generational collectors report the sum of their spaces")
  void sumsGenerations() {
    String output = """
       PSYoungGen      total 76288K, used 1024K [0x00000007ab000000, 0x00000007b0500000, 0x00000007c0000000)
       ParOldGen       total 175104K, used 2M [0x0000000700000000, 0x000000070ab00000, 0x00000007ab000000)
       Metaspace       used 4960K, committed 5120K, reserved 1056768K
      """;

    assertThat(HeapProbe.parseUsedHeap(output)).isEqualTo(1024L * 1024 + 2L * 1024 * 1024);
  }

  @Test
  @DisplayName("the live bytes are the Total line of GC.class_histogram")
  void readsHistogramTotal() {
    String output = """
      12345:
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:         10000         480000  [B (java.base@17)
         2:          9000         216000  java.lang.String (java.base@17)
      Total         19000         696000
      """;

    assertThat(HeapProbe.parseHistogramTotal(output)).isEqualTo(696000L);
    assertThatThrownBy(() -> HeapProbe.parseHistogramTotal("12345:\nnothing")).hasMessageContaining("Total");
  }

  @Test
  @DisplayName("jcmd reads the heap of a running JVM, this one")
  void probesRunningJvm() throws Exception {
    HeapProbe.HeapReading reading = HeapProbe.read(ProcessHandle.current().pid());

    assertThat(reading.liveBytes()).isPositive();
    assertThat(reading.usedBytes()).isPositive();
  }
}
