package dev.backprop.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/explain.md shows the real default output, so it must change when the output does. */
class ExplainDocsTest {
  /**
   * The differences printed in scientific notation (max |Δ| ≈ 1e-10, autograd ≈ 1e-17) are rounding
   * noise whose last digits move whenever the GEMM kernels change their summation order; every
   * other character must match.
   */
  private static final String ROUNDING_NOISE = "\\d\\.\\de[+-]\\d\\d";

  @Test
  void docsShowTheCurrentDefaultOutput() throws IOException {
    Path docs = Path.of(System.getProperty("basedir", ".")).resolve("../docs/explain.md").normalize();
    String page = Files.readString(docs, StandardCharsets.UTF_8);
    String output = Explain.run(ExplainSpec.defaults()).toText();
    assertThat(page.replaceAll(ROUNDING_NOISE, "#.#e-##"))
        .as("%s must contain the output of ExplainDefaultNetwork", docs)
        .contains("```text\n" + output.replaceAll(ROUNDING_NOISE, "#.#e-##") + "```\n");
  }
}
