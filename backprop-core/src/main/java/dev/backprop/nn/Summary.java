package dev.backprop.nn;

import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Keras-style table of {@link Module#summary}. */
final class Summary {
  private static final String[] HEADER = {"Layer (type)", "Output Shape", "Param #"};

  private Summary() {}

  static String of(Module module, int[] inputShape) {
    List<String[]> rows = new ArrayList<>();
    int[] shape = inputShape.clone();
    long trainable = 0;
    long frozen = 0;
    long trainableBytes = 0;
    long frozenBytes = 0;
    String rootName = module.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    for (Map.Entry<String, Module> leaf : module.leaves("")) {
      Module m = leaf.getValue();
      String name = leaf.getKey().isEmpty() ? rootName : leaf.getKey();
      try {
        shape = m.outputShape(shape);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("summary: layer " + name + ": " + e.getMessage(), e);
      }
      long params = count(m.ownParameters());
      long buffers = count(m.ownBuffers());
      trainable += params;
      frozen += buffers;
      trainableBytes += bytes(m.ownParameters());
      frozenBytes += bytes(m.ownBuffers());
      rows.add(new String[] {
          name + " (" + m.getClass().getSimpleName() + ")", outputShape(shape), grouped(params + buffers)});
    }
    return table(rootName, rows, trainable, frozen, trainableBytes, frozenBytes);
  }

  private static String table(String model, List<String[]> rows, long trainable, long frozen, long tBytes, long fBytes) {
    int[] widths = {29, 26, 10};
    for (String[] row : rows) {
      for (int c = 0; c < 3; c++) {
        widths[c] = Math.max(widths[c], row[c].length() + 2);
      }
    }
    int total = 1 + widths[0] + widths[1] + widths[2];
    StringBuilder sb = new StringBuilder();
    sb.append("Model: \"").append(model).append("\"\n");
    sb.append("_".repeat(total)).append('\n');
    line(sb, HEADER, widths);
    sb.append("=".repeat(total)).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      line(sb, rows.get(i), widths);
      if (i + 1 < rows.size()) {
        sb.append('\n');
      }
    }
    sb.append("=".repeat(total)).append('\n');
    sb.append("Total params: ").append(grouped(trainable + frozen)).append(" (").append(size(tBytes + fBytes)).append(")\n");
    sb.append("Trainable params: ").append(grouped(trainable)).append(" (").append(size(tBytes)).append(")\n");
    sb.append("Non-trainable params: ").append(grouped(frozen)).append(" (").append(size(fBytes)).append(")\n");
    sb.append("_".repeat(total)).append('\n');
    return sb.toString();
  }

  private static void line(StringBuilder sb, String[] cells, int[] widths) {
    StringBuilder l = new StringBuilder(" ");
    for (int c = 0; c < cells.length; c++) {
      l.append(String.format("%-" + widths[c] + "s", cells[c]));
    }
    sb.append(l.toString().stripTrailing()).append('\n');
  }

  private static String outputShape(int[] shape) {
    return Arrays.stream(shape).mapToObj(Integer::toString)
        .collect(Collectors.joining(", ", "(None, ", ")"));
  }

  private static long count(Map<String, Tensor> tensors) {
    return tensors.values().stream().mapToLong(Tensor::numel).sum();
  }

  private static long bytes(Map<String, Tensor> tensors) {
    return tensors.values().stream().mapToLong(t -> (long) t.numel() * t.dtype().bytes()).sum();
  }

  /** 60600 → "60,600". */
  static String grouped(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Bytes in binary units with two decimals, as Keras: "236.72 KB". */
  static String size(long bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u + 1 < units.length) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
  }
}
