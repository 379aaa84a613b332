package dev.backprop.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutation fuzzing of the CSV reader: every mutated input is either read or refused with a
 * {@link DataException} whose message starts with the source name; nothing else may escape, and
 * the whole run must finish in bounded time.
 */
class CsvFuzzTest {
  private static final int INPUTS = 2000;
  private static final byte[] INTERESTING = ",;\t|\"\n\r 0123456789.-eE?NaInf\u00ff".getBytes(StandardCharsets.ISO_8859_1);

  private static final List<String> CORPUS = List.of(
      "sepal,petal,color,species\n5.1,3.5,red,setosa\n4.9,3.0,blue,setosa\n6.2,2.9,red,versicolor\n"
          + "5.9,3.0,green,virginica\n",
      "1;2;0\r\n3;4;1\r\n5;6;0\r\n7;8;1\r\n",
      "\"note, with comma\",x,y\n\"say \"\"hi\"\"\",1,a\n\"two\nlines\",2,b\n\"\",3,a\n",
      "a\tb\tc\n1\t2\t3.5\n4\t\t6.5\n7\t8\t9.5\n",
      "x,y\n1,0.5\n2,NaN\n3,inf\n4,?\n5,\n");

  private static final List<CsvOptions> OPTIONS = List.of(
      CsvOptions.defaults(),
      CsvOptions.defaults().withImputeMean(),
      CsvOptions.defaults().noHeader().withMaxCategories(3),
      CsvOptions.defaults().withTarget("2").withTask(Task.CLASSIFICATION));

  @Test
  void mutatedCsvInputsOnlyEverRaiseDataException() {
    CsvSchema schema = CsvReader.read(ByteSource.of("corpus", CORPUS.get(0).getBytes(StandardCharsets.UTF_8)),
        CsvOptions.defaults()).schema();
    int[] outcomes = new int[2];
    assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
      Mutator mutator = new Mutator(20240601L, INTERESTING);
      for (int i = 0; i < INPUTS; i++) {
        int pick = mutator.nextInt(CORPUS.size());
        byte[] input = mutator.mutate(CORPUS.get(pick).getBytes(StandardCharsets.UTF_8));
        if (mutator.nextInt(10) == 0) {
          input = IdxFixtures.gzip(input);
        }
        String name = "fuzz-" + i;
        ByteSource source = ByteSource.of(name, input);
        CsvOptions options = OPTIONS.get(i % OPTIONS.size());
        outcomes[readOrRefuse(name, () -> CsvReader.read(source, options))]++;
        outcomes[readOrRefuse(name, () -> CsvEncoder.read(source, schema, false))]++;
      }
    });
    System.out.printf("CSV fuzz: %d mutated inputs, %d reads succeeded, %d refused with DataException%n",
        INPUTS, outcomes[0], outcomes[1]);
    assertThat(outcomes[0]).isPositive();
    assertThat(outcomes[1]).isPositive();
  }

  /** 0 when the read succeeds, 1 when it is refused with a DataException naming the source. */
  static int readOrRefuse(String name, Runnable read) {
    try {
      read.run();
      return 0;
    } catch (DataException e) {
      assertThat(e.getMessage()).startsWith(name);
      return 1;
    } catch (Throwable t) {
      return fail("input " + name + " raised " + t, t);
    }
  }
}
