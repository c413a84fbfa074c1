package io.gatehouse.face;

import io.gatehouse.face.engine.FaceTemplate;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SealingTest {

  @Test
  @DisplayName("a sealed result is base64 of a fresh IV and AES-256-CBC under SHA-256 of the secret")
  void resultFormat() throws Exception {
    JsonObject payload = new JsonObject().put("id", "e1").put("session_type", "enrollment");
    String first = ResultSealer.seal(payload, "sk_secret");
    String second = ResultSealer.seal(payload, "sk_secret");

    byte[] raw = Base64.getDecoder().decode(first);
    byte[] key = MessageDigest.getInstance("SHA-256").digest("sk_secret".getBytes(StandardCharsets.UTF_8));
    Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
    cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(Arrays.copyOf(raw, 16)));
    String plain = new String(cipher.doFinal(Arrays.copyOfRange(raw, 16, raw.length)), StandardCharsets.UTF_8);

    assertThat(new JsonObject(plain)).isEqualTo(payload);
    assertThat(second).isNotEqualTo(first);
    assertThat((raw.length - 16) % 16).isZero();
  }

  @Test
  @DisplayName("templates sealed for one tenant open for it only, and the key file is reused")
  void templatesBoundToTenant() throws Exception {
    Path dir = Files.createTempDirectory("face-keys");
    TemplateVault vault = TemplateVault.loadOrCreate(dir);
    List<FaceTemplate> templates = List.of(new FaceTemplate(new float[] {1, 2, 3}), new FaceTemplate(new float[] {4}));
    byte[] sealed = vault.seal("tenant-a", "e1", templates);

    assertThat(TemplateVault.loadOrCreate(dir).open("tenant-a", "e1", sealed)).isEqualTo(templates);
    assertThatThrownBy(() -> vault.open("tenant-b", "e1", sealed)).isInstanceOf(IllegalStateException.class);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("tenant-a");
  }
}
