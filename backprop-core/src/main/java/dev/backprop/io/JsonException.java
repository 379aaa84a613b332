package dev.backprop.io;

/**
 * Malformed JSON text, or text beyond the {@link JsonLimits}. The message reads
 * {@code "line 3, column 7 (offset 42): expected ',' or '}' after an object member, found 'x'"};
 * the parts are also available separately so a caller can prefix its own file name.
 *
 * <p>Unchecked: the text is already in memory, so this is an argument error, not an I/O error.
 */
public final class JsonException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int offset;
    private final int line;
    private final int column;
    private final String reason;

    JsonException(int offset, int line, int column, String reason) {
        super("line " + line + ", column " + column + " (offset " + offset + "): " + reason);
        this.offset = offset;
        this.line = line;
        this.column = column;
        this.reason = reason;
    }

    /**
     * Returns the offset of the offending character, in UTF-16 chars from the start of the text.
     *
     * @return the 0-based char offset
     */
    public int offset() {
        return offset;
    }

    /**
     * Returns the line of the offending character; {@code \n}, {@code \r\n} and {@code \r} end lines.
     *
     * @return the 1-based line number
     */
    public int line() {
        return line;
    }

    /**
     * Returns the column of the offending character within its line.
     *
     * @return the 1-based column, counted in UTF-16 chars
     */
    public int column() {
        return column;
    }

    /**
     * Returns what was wrong, without the position: {@code "expected ':' after an object key, found '}'"}.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
