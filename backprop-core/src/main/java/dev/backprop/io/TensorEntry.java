package dev.backprop.io;

/**
 * One tensor of a safetensors header: where its bytes lie in the data section
 * ({@code begin} inclusive, {@code end} exclusive) and how to read them.
 */
record TensorEntry(String name, SafetensorsDtype dtype, int[] shape, long begin, long end) {

    long byteLength() {
        return end - begin;
    }

    long elementCount() {
        return byteLength() / dtype.byteSize();
    }

    /** The name quoted as a JSON string, so control characters and spaces show in messages. */
    String quotedName() {
        return Json.write(name);
    }
}
