package io.gatehouse.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyMaterialTest {

  @TempDir
  Path dataDir;

  @Test
  @DisplayName("keys are created once with owner-only permissions and loaded unchanged afterwards")
  void keysAreCreatedThenLoaded() throws IOException {
    Path keyDir = dataDir.resolve("keys");
    KeyMaterial created = KeyMaterial.loadOrCreate(keyDir);
    KeyMaterial loaded = KeyMaterial.loadOrCreate(keyDir);

    assertThat(created.signingKey()).hasSize(32).isEqualTo(loaded.signingKey());
    assertThat(created.masterKey()).hasSize(32).isEqualTo(loaded.masterKey());
    assertThat(created.signingKey()).isNotEqualTo(created.masterKey());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyDir))).isEqualTo("rwx------");
    for (String file : new String[] {KeyMaterial.SIGNING_KEY_FILE, KeyMaterial.MASTER_KEY_FILE}) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyDir.resolve(file)))).isEqualTo("rw-------");
    }
    try (var files = Files.list(keyDir)) {
      assertThat(files.map(path -> path.getFileName().toString()))
        .containsExactlyInAnyOrder(KeyMaterial.SIGNING_KEY_FILE, KeyMaterial.MASTER_KEY_FILE);
    }
    assertThat(created.toString()).doesNotContain("[B");
  }

  @Test
  @DisplayName("instances starting together on an empty key directory all end up with the same keys")
  void concurrentFirstStartsAgree() throws Exception {
    Path keyDir = dataDir.resolve("keys");
    ExecutorService starts = Executors.newFixedThreadPool(4);
    try {
      List<Future<KeyMaterial>> loaded = starts.invokeAll(
        Collections.nCopies(8, (Callable<KeyMaterial>) () -> KeyMaterial.loadOrCreate(keyDir)));
      byte[] signing = loaded.get(0).get().signingKey();
      for (Future<KeyMaterial> each : loaded) {
        assertThat(each.get().signingKey()).isEqualTo(signing);
        assertThat(each.get().masterKey()).isEqualTo(loaded.get(0).get().masterKey());
      }
    } finally {
      starts.shutdownNow();
    }
  }

  @Test
  @DisplayName("a truncated key file stops start-up instead of weakening the keys")
  void shortKeysAreRejected() throws IOException {
    Files.write(dataDir.resolve(KeyMaterial.SIGNING_KEY_FILE), new byte[16]);
    assertThatThrownBy(() -> KeyMaterial.loadOrCreate(dataDir))
      .isInstanceOf(IllegalStateException.class)
      .hasMessageContaining(KeyMaterial.SIGNING_KEY_FILE);
  }
}
