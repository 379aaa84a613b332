package dev.backprop.model;

import dev.backprop.io.SafetensorsDtype;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.io.SafetensorsWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Rewrites a valid model file with some of its parts changed, as a well-formed safetensors file with a
 * correct checksum: so that the model-level checks, not the container's, must catch the change.
 */
final class Rewriter {
  final Map<String, Object> arrays = new LinkedHashMap<>();
  final Map<String, int[]> shapes = new LinkedHashMap<>();
  final Map<String, String> metadata = new LinkedHashMap<>();

  Rewriter(Path file) throws IOException {
    SafetensorsFile f = SafetensorsFile.read(file);
    for (String name : f.names()) {
      shapes.put(name, f.shape(name));
      arrays.put(name, f.dtype(name) == SafetensorsDtype.F32 ? f.floats(name) : f.doubles(name));
    }
    metadata.putAll(f.metadata());
  }

  Path write(Path target) throws IOException {
    SafetensorsWriter w = new SafetensorsWriter();
    arrays.forEach((name, a) -> {
      if (a instanceof float[] fs) {
        w.add(name, fs, shapes.get(name));
      } else if (a instanceof double[] ds) {
        w.add(name, ds, shapes.get(name));
      } else {
        w.add(name, (int[]) a, shapes.get(name));
      }
    });
    metadata.forEach(w::metadata);
    w.write(target);
    return target;
  }

  static Path rewrite(Path source, Path target, Consumer<Rewriter> change) throws IOException {
    Rewriter r = new Rewriter(source);
    change.accept(r);
    return r.write(target);
  }
}
