package dev.backprop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers of STYLE.md apart: kernels → tensor → nn / optim / data → train / explain → model
 * → checkpoint. A
 * package may import only from layers below its own (its {@code internal} and {@code spi}
 * sub-packages count as itself), and the core imports nothing outside the JDK.
 */
class LayeringTest {
  private static final Map<String, Integer> LAYER = Map.of(
      "kernels", 0, "io", 0,
      "tensor", 1,
      "nn", 2, "optim", 2, "data", 2,
      "train", 3, "explain", 3,
      "model", 4,
      "checkpoint", 5);

  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);

  @Test
  void everyPackageImportsOnlyFromLayersBelowIt() throws IOException {
    Path root = Path.of("src/main/java/dev/backprop");
    List<String> violations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      files.filter(p -> p.toString().endsWith(".java")).forEach(file -> {
        String own = topPackage(root.relativize(file).toString().replace('\\', '/'));
        assertThat(LAYER).as("layer of package %s (add it to this test)", own).containsKey(own);
        Matcher m = IMPORT.matcher(read(file));
        while (m.find()) {
          String imported = m.group(2);
          if (imported.startsWith("dev.backprop.")) {
            String other = imported.substring("dev.backprop.".length()).split("\\.")[0];
            if (!other.equals(own) && !(LAYER.getOrDefault(other, 99) < LAYER.get(own))) {
              violations.add(root.relativize(file) + " imports " + imported);
            }
          } else if (!imported.startsWith("java.")) {
            violations.add(root.relativize(file) + " imports " + imported + " (core allows only the JDK)");
          }
        }
      });
    }
    assertThat(violations).isEmpty();
  }

  @Test
  void everyPackageExplainsItself() throws IOException {
    Path root = Path.of("src/main/java/dev/backprop");
    try (Stream<Path> dirs = Files.walk(root)) {
      dirs.filter(Files::isDirectory).filter(LayeringTest::holdsJava).forEach(dir ->
          assertThat(dir.resolve("package-info.java")).as("package-info in %s", dir).exists());
    }
  }

  private static boolean holdsJava(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> p.toString().endsWith(".java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String topPackage(String relative) {
    return relative.split("/")[0];
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
