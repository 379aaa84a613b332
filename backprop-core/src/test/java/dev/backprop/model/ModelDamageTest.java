package dev.backprop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.backprop.data.Task;
import dev.backprop.io.ModelFormatException;
import dev.backprop.io.SafetensorsWriter;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, foreign and inconsistent files are refused with a message naming the file and the problem. */
class ModelDamageTest {
  @TempDir
  Path dir;

  private Path good;

  @BeforeEach
  void writeAGoodModel() throws IOException {
    good = dir.resolve("good.bpm");
    Sequential net = Sequential.mlp(4, 5, 3).dropout(0.1).batchNorm(true).build(1);
    SavedModel.of(net, new CategoricalCrossEntropy(), Task.CLASSIFICATION, Preprocessing.none(), Provenance.untrained())
        .save(good);
  }

  private static void assertRefused(Path file, String... fragments) {
    assertThatThrownBy(() -> SavedModel.load(file))
        .isInstanceOf(ModelFormatException.class)
        .hasMessageStartingWith(file + ": ")
        .satisfies(e -> {
          for (String fragment : fragments) {
            assertThat(e.getMessage()).contains(fragment);
          }
        });
  }

  @Test
  void aFileTruncatedAtEverySixteenthOfItsLengthIsRefused() throws IOException {
    byte[] bytes = Files.readAllBytes(good);
    for (int k = 0; k < 16; k++) {
      Path cut = Fixtures.copyWith(good, dir, "cut" + k + ".bpm", Arrays.copyOf(bytes, bytes.length * k / 16));
      assertRefused(cut);
    }
  }

  @Test
  void aFlippedBitInAnyEightByteWordOfHeaderOrWeightsIsRefused() throws IOException {
    // One damaged byte per 8-byte word, at a moving position and bit: the length field, every part
    // of the JSON header and every weight are hit (the io tests flip every bit of every byte).
    byte[] bytes = Files.readAllBytes(good);
    Path damaged = dir.resolve("damaged.bpm");
    for (int word = 0; word * 8 < bytes.length; word++) {
      int i = Math.min(bytes.length - 1, word * 8 + word % 8);
      byte[] copy = bytes.clone();
      copy[i] ^= (byte) (1 << (word * 3 % 8));
      Files.write(damaged, copy);
      try {
        SavedModel.load(damaged);
        fail("byte " + i + " of " + bytes.length + " was flipped, but the file loaded");
      } catch (ModelFormatException expected) {
        assertThat(expected.getMessage()).startsWith(damaged + ": ");
      }
    }
  }

  @Test
  void anArchitectureClaimingHugeLayersIsRefusedBeforeAnythingIsAllocated() throws IOException {
    Path huge = Rewriter.rewrite(good, dir.resolve("huge.bpm"), r -> r.metadata.put("backprop.architecture",
        "{\"type\":\"Sequential\",\"layers\":[{\"type\":\"Dense\",\"in\":2000000000,\"out\":2000000000}]}"));
    assertRefused(huge, "$.layers[0]: Dense: in=2000000000 x out=2000000000 is 4,000,000,000,000,000,000 weights,"
        + " more than one array can hold");
  }

  @Test
  void aMissingTensorIsNamed() throws IOException {
    Path missing = Rewriter.rewrite(good, dir.resolve("missing.bpm"), r -> r.arrays.remove("1.running_var"));
    assertRefused(missing, "weights: the architecture needs a tensor \"1.running_var\" of shape [5], which the file does not have");
  }

  @Test
  void anUnexpectedTensorIsNamed() throws IOException {
    Path extra = Rewriter.rewrite(good, dir.resolve("extra.bpm"), r -> {
      r.arrays.put("5.weight", new float[] {1});
      r.shapes.put("5.weight", new int[] {1});
    });
    assertRefused(extra, "unexpected tensor \"5.weight\": it belongs to neither the architecture nor the training state");
  }

  @Test
  void weightsOfMixedOrNonFloatDtypesAreRefused() throws IOException {
    Path mixed = Rewriter.rewrite(good, dir.resolve("mixed.bpm"), r -> {
      float[] f = (float[]) r.arrays.get("0.bias");
      r.arrays.put("0.bias", new double[f.length]);
    });
    assertRefused(mixed, "tensor \"0.bias\" is F64, but the tensors before it are F32");
    Path ints = Rewriter.rewrite(good, dir.resolve("ints.bpm"), r -> r.arrays.put("0.weight", new int[20]));
    assertRefused(ints, "tensor \"0.weight\" is I32; model weights are F32 or F64");
  }

  @Test
  void aNewerFormatVersionIsRefused() throws IOException {
    Path newer = Rewriter.rewrite(good, dir.resolve("newer.bpm"), r -> r.metadata.put("backprop.model_format", "2"));
    assertRefused(newer, "backprop.model_format is \"2\", but this version of backprop reads model format \"1\"");
  }

  @Test
  void aPlainSafetensorsFileIsNotTakenForAModel() throws IOException {
    Path plain = dir.resolve("plain.safetensors");
    new SafetensorsWriter().add("w", new float[] {1, 2}, 2).withoutChecksum().write(plain);
    assertRefused(plain, "not a backprop model: __metadata__ has no \"backprop.model_format\"");
  }

  @Test
  void malformedDocumentsNameTheirKeyAndWhere() throws IOException {
    Path syntax = Rewriter.rewrite(good, dir.resolve("syntax.bpm"), r -> r.metadata.put("backprop.task", "{\"task\":"));
    assertRefused(syntax, "backprop.task: ");
    Path layer = Rewriter.rewrite(good, dir.resolve("layer.bpm"), r -> r.metadata.put("backprop.architecture",
        "{\"type\":\"Sequential\",\"layers\":[{\"type\":\"Conv2d\"}]}"));
    assertRefused(layer, "backprop.architecture: $.layers[0]: unknown layer type 'Conv2d'");
    Path outputs = Rewriter.rewrite(good, dir.resolve("outputs.bpm"), r -> r.metadata.put("backprop.task",
        r.metadata.get("backprop.task").replace("\"outputs\":3", "\"outputs\":4")));
    assertRefused(outputs, "backprop.task says 4 inputs and 4 outputs, but the architecture has 4 and 3");
    Path names = Rewriter.rewrite(good, dir.resolve("names.bpm"), r -> r.metadata.put("backprop.preprocessing",
        r.metadata.get("backprop.preprocessing").replace("\"feature_names\":[]", "\"feature_names\":[\"a\"]")));
    assertRefused(names, "model: the network takes 4 features, but the preprocessing describes 1");
    Path missing = Rewriter.rewrite(good, dir.resolve("noprov.bpm"), r -> r.metadata.remove("backprop.provenance"));
    assertRefused(missing, "__metadata__ has no \"backprop.provenance\"");
  }
}
