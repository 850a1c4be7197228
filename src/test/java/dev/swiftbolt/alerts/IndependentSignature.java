package dev.swiftbolt.alerts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks signature written from the specification with javax.crypto, for receivers
 * in tests to check what {@link WebhookSignature} signed without using it.
 */
public final class IndependentSignature {

  private IndependentSignature() {}

  /** {@code v1,} + base64(HMAC-SHA256(base64-decoded key after whsec_, id.timestamp.body)). */
  public static String of(String whsec, String id, long timestamp, String body) {
    try {
      byte[] key = Base64.getDecoder().decode(whsec.split("_", 2)[1]);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String signed = id + "." + timestamp + "." + body;
      return "v1,"
          + Base64.getEncoder()
              .encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
