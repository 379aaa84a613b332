package dev.backprop.model;

import dev.backprop.tensor.Tensor;
import dev.backprop.train.Examples;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Which data a model was trained on: where it came from, its shape, and a fingerprint of its values,
 * so that two models can be told to come from the same data or not.
 *
 * @param name where the data came from (a file path, {@code builtin:…}), as the user named it
 * @param rows the number of training examples
 * @param features the number of features per example
 * @param sha256 the SHA-256 of the examples, in lowercase hex: over the rows and features as two
 *     32-bit little-endian integers, then every feature as a little-endian float32, then every label
 *     as a little-endian int32 (classification) or every target as a float32 (regression)
 */
public record DataIdentity(String name, int rows, int features, String sha256) {
  /** Checks the values. */
  public DataIdentity {
    Objects.requireNonNull(name, "name");
    if (rows < 0 || features < 0 || sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
      throw new IllegalArgumentException(
          "data identity: rows and features must be >= 0 and sha256 64 hex digits, got " + rows + ", " + features
              + ", " + sha256);
    }
  }

  /** The identity of training examples under a name. */
  public static DataIdentity of(String name, Examples examples) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    ByteBuffer header = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
    digest.update(header.putInt(examples.size()).putInt(examples.featureCount()).array());
    digest.update(floatBytes(examples.features()));
    if (examples.isClassification()) {
      int[] labels = examples.labels();
      ByteBuffer b = ByteBuffer.allocate(labels.length * 4).order(ByteOrder.LITTLE_ENDIAN);
      b.asIntBuffer().put(labels);
      digest.update(b.array());
    } else {
      digest.update(floatBytes(examples.targets()));
    }
    return new DataIdentity(name, examples.size(), examples.featureCount(), HexFormat.of().formatHex(digest.digest()));
  }

  private static byte[] floatBytes(Tensor t) {
    float[] values = t.toFloatArray();
    ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return b.array();
  }
}
