package dev.backprop.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/** Data files for the command-line tests, written into a test's temporary folder. */
final class TestFiles {

    /** Where the Debian package dataset-fashion-mnist installs Fashion-MNIST. */
    static final Path FASHION_MNIST = Path.of("/usr/share/datasets/fashion-mnist");

    private TestFiles() {
    }

    /**
     * A CSV file with a header, a numeric id to ignore, two numeric features, a categorical
     * feature {@code color} and a string class {@code grade}: {@code high} when
     * x1 + x2 + shift(color) &gt; 0, where red shifts by +0.8, green by 0 and blue by −0.8.
     * The class therefore depends on the color: a model that ignored it would be wrong on about a
     * fifth of the rows.
     */
    static Path shopCsv(Path folder, String name, int rows, long seed, boolean withTarget) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        String[] colors = {"red", "green", "blue"};
        StringBuilder csv = new StringBuilder(withTarget ? "id,x1,color,x2,grade\n" : "x2,id,color,x1\n");
        for (int i = 0; i < rows; i++) {
            double x1 = random.nextDouble(-1, 1);
            double x2 = random.nextDouble(-1, 1);
            String color = colors[random.nextInt(3)];
            if (withTarget) {
                csv.append(String.format(Locale.ROOT, "%d,%.4f,%s,%.4f,%s%n", i, x1, color, x2, grade(x1, x2, color)));
            } else {
                csv.append(String.format(Locale.ROOT, "%.4f,%d,\"%s\",%.4f%n", x2, i, color, x1));
            }
        }
        Path file = folder.resolve(name);
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    /** The true class of a row of {@link #shopCsv}. */
    static String grade(double x1, double x2, String color) {
        double shift = switch (color) {
            case "red" -> 0.8;
            case "blue" -> -0.8;
            default -> 0;
        };
        return x1 + x2 + shift > 0 ? "high" : "low";
    }

    /** The true classes of the rows of a {@link #shopCsv} file without target, in file order. */
    static List<String> grades(Path file) throws IOException {
        List<String> grades = new ArrayList<>();
        List<String> lines = Files.readAllLines(file);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            grades.add(grade(Double.parseDouble(f[3]), Double.parseDouble(f[0]), f[2].replace("\"", "")));
        }
        return grades;
    }

    /**
     * An IDX folder named {@code fashion-subset} with the first {@code train} training and
     * {@code test} test images of Fashion-MNIST, as raw (uncompressed) files.
     */
    static Path fashionSubset(Path folder, int train, int test) throws IOException {
        Path subset = Files.createDirectories(folder.resolve("fashion-subset"));
        copyPrefix("train-images-idx3-ubyte", subset, train);
        copyPrefix("train-labels-idx1-ubyte", subset, train);
        copyPrefix("t10k-images-idx3-ubyte", subset, test);
        copyPrefix("t10k-labels-idx1-ubyte", subset, test);
        return subset;
    }

    private static void copyPrefix(String name, Path folder, int count) throws IOException {
        try (InputStream gz = new GZIPInputStream(Files.newInputStream(FASHION_MNIST.resolve(name + ".gz")));
                DataInputStream in = new DataInputStream(gz)) {
            int magic = in.readInt();
            int dimensions = magic & 0xff;
            int[] sizes = new int[dimensions];
            for (int d = 0; d < dimensions; d++) {
                sizes[d] = in.readInt();
            }
            int itemBytes = 1;
            for (int d = 1; d < dimensions; d++) {
                itemBytes *= sizes[d];
            }
            ByteBuffer header = ByteBuffer.allocate(4 + 4 * dimensions).putInt(magic).putInt(count);
            for (int d = 1; d < dimensions; d++) {
                header.putInt(sizes[d]);
            }
            byte[] items = in.readNBytes(count * itemBytes);
            Files.write(folder.resolve(name), concat(header.array(), items));
        }
    }

    /** A raw IDX file: magic, dimensions, data. */
    static byte[] idx(int magic, int[] dimensions, byte[] data) {
        ByteBuffer buffer = ByteBuffer.allocate(4 + 4 * dimensions.length + data.length).putInt(magic);
        for (int size : dimensions) {
            buffer.putInt(size);
        }
        return buffer.put(data).array();
    }

    /** An IDX folder of {@code n} 2×2 images per part, all files valid. */
    static Path tinyIdx(Path folder, String name, int n) throws IOException {
        Path dir = Files.createDirectories(folder.resolve(name));
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 2);
        }
        for (String part : List.of("train", "t10k")) {
            Files.write(dir.resolve(part + "-images-idx3-ubyte"), idx(0x803, new int[] {n, 2, 2}, new byte[n * 4]));
            Files.write(dir.resolve(part + "-labels-idx1-ubyte"), idx(0x801, new int[] {n}, labels));
        }
        return dir;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
