package io.incidentflow.incident;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of texts: tokens are compared and stored only as their digests. */
public final class Digests {

  private Digests() {
  }

  public static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  /** The digest as 64 hex digits. */
  public static String sha256Hex(String text) {
    return HexFormat.of().formatHex(sha256(text));
  }
}
