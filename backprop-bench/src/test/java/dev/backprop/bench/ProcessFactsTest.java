package dev.backprop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessFactsTest {
  @TempDir
  Path dir;

  @Test
  void aFieldIsReadInKibibytes() throws IOException {
    Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\nVmHWM:\t  123456 kB\nVmRSS:\t 1 kB\n");
    assertThat(ProcessFacts.kibibytes(status, "VmHWM:")).isEqualTo(123456);
  }

  @Test
  void aMissingFieldIsAnErrorNamingFileAndField() throws IOException {
    Path status = Files.writeString(dir.resolve("status"), "Name:\tjava\n");
    assertThatThrownBy(() -> ProcessFacts.kibibytes(status, "VmHWM:"))
        .hasMessage(status + " has no VmHWM: line");
  }

  @Test
  void aFieldInAnotherUnitIsAnErrorQuotingTheLine() throws IOException {
    Path status = Files.writeString(dir.resolve("status"), "VmHWM:\t12 MB\n");
    assertThatThrownBy(() -> ProcessFacts.kibibytes(status, "VmHWM:"))
        .hasMessageContaining("expected 'VmHWM: <n> kB', got 'VmHWM:\t12 MB'");
  }

  @Test
  void peakResidentMemoryIsAtLeastTheCurrentResidentMemory() {
    long current = ProcessFacts.kibibytes(Path.of("/proc/self/status"), "VmRSS:");
    assertThat(ProcessFacts.peakRssMib() * 1024).isGreaterThanOrEqualTo(current);
  }
}
