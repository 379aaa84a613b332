package dev.backprop.data;

/**
 * The one exception the data package throws for bad input: a file that is missing, unreadable or
 * malformed, or a data set specification that cannot be resolved. The message always names the
 * source (file path or specification) and, where it applies, the line, the column (number and
 * name) and the offending value, then says what was expected.
 *
 * <p>Programming errors (an array of the wrong length passed to a factory, a negative batch size)
 * are reported as {@link IllegalArgumentException} instead.
 */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a complete message.
   *
   * @param message what is wrong and where, starting with the source name
   */
  public DataException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a complete message and the low-level cause.
   *
   * @param message what is wrong and where, starting with the source name
   * @param cause the I/O or decoding failure behind it
   */
  public DataException(String message, Throwable cause) {
    super(message, cause);
  }

  static DataException inFile(String source, String detail) {
    return new DataException(source + ": " + detail);
  }

  static DataException atLine(String source, long line, String detail) {
    return new DataException(source + ", line " + line + ": " + detail);
  }

  static DataException atCell(String source, long line, int column, String columnName,
      String detail) {
    return new DataException(
        source + ", line " + line + ", column " + column + " (" + columnName + "): " + detail);
  }
}
