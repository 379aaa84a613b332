package dev.backprop.io;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Recognises common file types by their first bytes, so that a reader handed the wrong file can
 * say what it was given ("a PNG image") instead of only what it was not.
 */
final class FileSignatures {

    private FileSignatures() {
    }

    /** Returns a description such as "a PNG image", or null if the bytes are not recognised. */
    static String describe(byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G')) {
            return "a PNG image";
        } else if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return "a JPEG image";
        } else if (startsWith(head, 'P', 'K', 3, 4)) {
            return "a ZIP archive (PyTorch .pt/.pth files are ZIP archives;"
                    + " save with safetensors.torch.save_file instead)";
        } else if (startsWith(head, 0x1F, 0x8B)) {
            return "a gzip file";
        } else if (startsWith(head, 0x89, 'H', 'D', 'F')) {
            return "an HDF5 file (such as a Keras .h5 model)";
        } else if (startsWith(head, 0x93, 'N', 'U', 'M', 'P', 'Y')) {
            return "a NumPy .npy file";
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0x80 && head[1] >= 2 && head[1] <= 5) {
            return "a Python pickle";
        } else if (startsWith(head, 0, 0, 8) && head.length >= 4 && head[3] >= 1 && head[3] <= 4) {
            return "an IDX file (the MNIST format)";
        }
        String text = asText(head);
        return text == null ? null : "a text file starting with " + Json.write(JsonStrings.abbreviate(text, 24));
    }

    private static boolean startsWith(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Decodes the bytes as UTF-8 text, allowing a character cut off at the end; null if they
     * are not text (malformed UTF-8, or control characters other than tab and line breaks).
     */
    private static String asText(byte[] head) {
        for (int cut = 0; cut < 4 && cut < head.length; cut++) {
            try {
                String text = StandardCharsets.UTF_8.newDecoder()
                        .decode(ByteBuffer.wrap(head, 0, head.length - cut)).toString();
                boolean printable = text.chars().allMatch(c -> c >= 0x20 || c == '\t' || c == '\n' || c == '\r');
                return printable ? text : null;
            } catch (CharacterCodingException notYet) {
                // A multi-byte character may be cut off at the end; try a shorter prefix.
            }
        }
        return null;
    }
}
