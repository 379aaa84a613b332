package dev.backprop.checkpoint;

import dev.backprop.io.SafetensorsDtype;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/** Rewrites a checkpoint as a careless tool would: an edited training state, and no checksum to betray it. */
final class Tampering {
  private Tampering() {}

  static void rewriteState(Path file, UnaryOperator<String> edit) throws IOException {
    SafetensorsFile original = SafetensorsFile.read(file);
    SafetensorsWriter writer = new SafetensorsWriter().withoutChecksum();
    for (String name : original.names()) {
      if (original.dtype(name) == SafetensorsDtype.F32) {
        writer.add(name, original.floats(name), original.shape(name));
      } else {
        writer.add(name, original.doubles(name), original.shape(name));
      }
    }
    original.metadata().forEach((key, value) ->
        writer.metadata(key, key.equals("backprop.training_state") ? edit.apply(value) : value));
    writer.write(file);
  }
}
