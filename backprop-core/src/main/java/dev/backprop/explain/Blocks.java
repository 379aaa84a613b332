package dev.backprop.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lays out matrices side by side under their titles, with operators between them on the middle
 * row, so an equation reads as it would on paper:
 *
 * <pre>
 *      dh⁽²⁾        σ'(z⁽²⁾)          dz⁽²⁾
 *   [  0.1234 ]    [ 0.2500 ]     [  0.0309 ]
 *   [ -0.0420 ]  ⊙ [ 0.1966 ]  =  [ -0.0083 ]
 *   [  0.0012 ]    [ 0.2350 ]     [  0.0003 ]
 * </pre>
 */
final class Blocks {
  private static final String INDENT = "    ";

  /** A titled rectangle of text. */
  record Block(String title, List<String> lines) {
    int width() {
      int w = title.length();
      for (String line : lines) {
        w = Math.max(w, line.length());
      }
      return w;
    }
  }

  private Blocks() {}

  /** A matrix with 4 decimals, one bracketed row per line, columns right-aligned. */
  static Block matrix(String title, Matrix m) {
    double[] values = m.values();
    String[] cells = new String[values.length];
    int width = 0;
    for (int k = 0; k < cells.length; k++) {
      cells[k] = decimals(values[k], 4);
      width = Math.max(width, cells[k].length());
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < m.rows(); i++) {
      StringBuilder row = new StringBuilder("[ ");
      for (int j = 0; j < m.cols(); j++) {
        row.append(j == 0 ? "" : "  ").append(pad(cells[i * m.cols() + j], width, true));
      }
      lines.add(row.append(" ]").toString());
    }
    return new Block(title, lines);
  }

  /** v with the given number of decimals; a value that rounds to zero prints without a minus sign. */
  static String decimals(double v, int places) {
    String s = String.format(Locale.ROOT, "%." + places + "f", v);
    return s.startsWith("-") && s.chars().noneMatch(c -> c >= '1' && c <= '9') ? s.substring(1) : s;
  }

  /** An operator such as "·", "+", "=" or "⊙", placed between two matrices on the middle row. */
  static Block operator(String symbol) {
    return new Block("", List.of(symbol));
  }

  /** The blocks side by side, titles centred above their block; indented lines ending in "\n". */
  static String sideBySide(Block... blocks) {
    int height = 0;
    for (Block b : blocks) {
      height = Math.max(height, b.lines().size());
    }
    int middle = (height - 1) / 2;
    StringBuilder out = new StringBuilder();
    for (int row = -1; row < height; row++) {
      StringBuilder line = new StringBuilder(INDENT);
      for (int k = 0; k < blocks.length; k++) {
        Block b = blocks[k];
        boolean isOperator = b.title().isEmpty();
        String cell;
        if (row < 0) {
          cell = centre(b.title(), b.width());
        } else if (isOperator) {
          cell = row == middle ? b.lines().get(0) : "";
        } else {
          cell = row < b.lines().size() ? b.lines().get(row) : "";
        }
        line.append(k == 0 ? "" : "  ").append(pad(cell, b.width(), false));
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
    return out.toString();
  }

  private static String centre(String s, int width) {
    int left = (width - s.length()) / 2;
    return " ".repeat(left) + s;
  }

  private static String pad(String s, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - s.length()));
    return right ? fill + s : s + fill;
  }
}
