package dev.backprop.checkpoint;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where in a run a checkpoint file stands, from its name: {@code epoch-000005.bpm} after 5 complete
 * epochs, {@code epoch-000005-batch-000012.bpm} after 12 batches of the sixth.
 *
 * @param epoch epochs completed
 * @param batch batches of the next epoch completed
 */
record CheckpointName(int epoch, int batch) {
  private static final Pattern NAME = Pattern.compile("epoch-(\\d{6,9})(?:-batch-(\\d{6,9}))?\\.bpm");
  /** Leftovers of {@link dev.backprop.io.AtomicFiles} writes cut short: {@code .NAME.PID-N.tmp}. */
  private static final Pattern TEMPORARY = Pattern.compile("\\.epoch-\\d{6,9}(?:-batch-\\d{6,9})?\\.bpm\\.\\d+-\\d+\\.tmp");

  static final Comparator<CheckpointName> ORDER =
      Comparator.comparingInt(CheckpointName::epoch).thenComparingInt(CheckpointName::batch);

  /** The position of a checkpoint file, or null if the name is not a checkpoint's. */
  static CheckpointName of(Path file) {
    Matcher m = NAME.matcher(file.getFileName().toString());
    if (!m.matches()) {
      return null;
    }
    return new CheckpointName(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
  }

  /** Whether the file is a temporary file of an interrupted checkpoint write. */
  static boolean isTemporary(Path file) {
    return TEMPORARY.matcher(file.getFileName().toString()).matches();
  }

  /** The file name. */
  String fileName() {
    return batch == 0 ? String.format(Locale.ROOT, "epoch-%06d.bpm", epoch)
        : String.format(Locale.ROOT, "epoch-%06d-batch-%06d.bpm", epoch, batch);
  }
}
