package dev.backprop.cli;

import dev.backprop.kernels.Gemm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * What {@code backprop --version} prints: the project version, the Java runtime running it and the
 * float32 matrix-multiply kernels in use (SIMD needs backprop-simd and the incubator module).
 */
final class VersionInfo implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "backprop " + projectVersion(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch"),
            "float32 kernels: " + Gemm.providerName()
        };
    }

    /** The version Maven filtered into {@code version.properties} at build time. */
    static String projectVersion() {
        Properties properties = new Properties();
        try (InputStream in = VersionInfo.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                throw new IllegalStateException("version.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read version.properties", e);
        }
        return properties.getProperty("version");
    }
}
