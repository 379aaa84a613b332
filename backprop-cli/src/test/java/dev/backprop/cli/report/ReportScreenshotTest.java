package dev.backprop.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders a sample report in a real browser, headless Chromium, through {@code
 * scripts/screenshot-report}, and checks that the charts were drawn: the screenshot must hold
 * the training line's blue, the validation line's vermillion and the heatmap's darkest blue.
 */
class ReportScreenshotTest {

    private static final int WIDTH = 1200;
    private static final int HEIGHT = 1800;

    @TempDir
    Path folder;

    @Test
    void chromiumDrawsTheChartsOfASampleReport() throws IOException, InterruptedException {
        assumeTrue(onPath(System.getenv().getOrDefault("CHROMIUM", "chromium")), "chromium is not installed");
        Path report = folder.resolve("report.html");
        Path png = folder.resolve("report.png");
        HtmlReport.write(SampleReports.classification(25, 42), report);

        Process process = new ProcessBuilder(script().toString(), report.toString(), png.toString(),
                Integer.toString(WIDTH), Integer.toString(HEIGHT))
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(finished).as("screenshot finished in time").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(WIDTH);
        assertThat(image.getHeight()).isEqualTo(HEIGHT);
        assertThat(pixelsNear(image, 0x0072B2)).as("training-line blue pixels").isGreaterThan(500);
        assertThat(pixelsNear(image, 0xD55E00)).as("validation-line vermillion pixels").isGreaterThan(300);
        assertThat(pixelsNear(image, 0x0C3D78)).as("dark heatmap cells").isGreaterThan(1_500);
        assertThat(distinctColours(image)).isGreaterThan(200);
    }

    private static Path script() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath();
        return module.getParent().resolve("scripts").resolve("screenshot-report");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, program)));
    }

    /** Pixels within a small distance of {@code rgb}: anti-aliased edges differ slightly. */
    private static int pixelsNear(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                int distance = Math.abs((pixel >> 16 & 0xFF) - (rgb >> 16 & 0xFF))
                        + Math.abs((pixel >> 8 & 0xFF) - (rgb >> 8 & 0xFF))
                        + Math.abs((pixel & 0xFF) - (rgb & 0xFF));
                if (distance <= 24) {
                    count++;
                }
            }
        }
        return count;
    }

    private static int distinctColours(BufferedImage image) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                colours.add(image.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return colours.size();
    }
}
