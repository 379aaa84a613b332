package dev.backprop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backprop.data.CsvColumn;
import dev.backprop.data.CsvSchema;
import dev.backprop.data.Scaler;
import dev.backprop.data.Task;
import dev.backprop.io.Json;
import dev.backprop.io.SafetensorsDtype;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.Huber;
import dev.backprop.nn.MeanSquaredError;
import dev.backprop.nn.Sequential;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.Tensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ModelFileTest {
  @TempDir
  Path dir;

  @ParameterizedTest
  @EnumSource(DType.class)
  void saveThenLoadIsBitExactForEveryLayerType(DType dtype) throws IOException {
    Sequential net = Fixtures.everyLayer(dtype);
    Path file = dir.resolve("model.bpm");
    SavedModel.of(net, new CategoricalCrossEntropy(), Task.CLASSIFICATION, Preprocessing.none(), Provenance.untrained())
        .save(file);

    SavedModel loaded = SavedModel.load(file);
    assertThat(loaded.network().spec()).isEqualTo(net.spec());
    assertThat(Fixtures.sameBits(Fixtures.values(loaded.network()), Fixtures.values(net))).isTrue();
    assertThat(loaded.network().namedParameters().values()).allMatch(t -> t.dtype() == dtype);
    assertThat(loaded.network().isTraining()).isFalse();

    Tensor x = Tensor.randn(new SplittableRandom(9), 7, 6);
    Tensor input = dtype == DType.FLOAT32 ? x : x.toFloat64();
    net.eval();
    assertThat(loaded.predict(input).toDoubleArray())
        .isEqualTo(dev.backprop.train.Predictor.of(net, new CategoricalCrossEntropy()).predict(input).toDoubleArray());
  }

  @Test
  void theFileIsPlainSafetensorsWithTheWeightsUnderTheirDottedNamesAndJsonMetadata() throws IOException {
    Sequential net = Sequential.mlp(4, 5, 3).build(1);
    Path file = dir.resolve("m.bpm");
    SavedModel.of(net, new CategoricalCrossEntropy(), Task.CLASSIFICATION, Preprocessing.none(), Provenance.untrained())
        .save(file);

    SafetensorsFile raw = SafetensorsFile.read(file);
    assertThat(raw.names()).containsExactly("0.weight", "0.bias", "2.weight", "2.bias");
    assertThat(raw.dtype("0.weight")).isEqualTo(SafetensorsDtype.F32);
    assertThat(raw.shape("0.weight")).containsExactly(5, 4);
    assertThat(raw.metadata().keySet()).containsExactly("backprop.model_format", "backprop.architecture",
        "backprop.task", "backprop.preprocessing", "backprop.provenance");
    assertThat(raw.metadata().get("backprop.model_format")).isEqualTo("1");
    assertThat(Json.parseObject(raw.metadata().get("backprop.architecture")).get("type")).isEqualTo("Sequential");
    assertThat(Json.parseObject(raw.metadata().get("backprop.task"))).containsEntry("task", "classification")
        .containsEntry("inputs", 4L).containsEntry("outputs", 3L).containsEntry("output_activation", "softmax");
    assertThat(Json.parseObject(raw.metadata().get("backprop.preprocessing")).get("class_labels"))
        .isEqualTo(List.of("0", "1", "2"));
  }

  @Test
  void preprocessingScalesFeaturesInAndTargetsBackOut() throws IOException {
    Sequential net = Sequential.mlp(2, 1).build(3);
    Scaler features = Scaler.of(Scaler.Method.STANDARDIZE, new float[] {10, -1}, new float[] {2, 4});
    Scaler targets = Scaler.of(Scaler.Method.MIN_MAX, new float[] {100}, new float[] {50});
    CsvSchema schema = new CsvSchema(';', true, true, List.of(
        new CsvColumn("a", CsvColumn.Role.NUMERIC, List.of(), 10.5f),
        new CsvColumn("b", CsvColumn.Role.NUMERIC, List.of(), -1f),
        new CsvColumn("price", CsvColumn.Role.VALUE_TARGET, List.of(), 0)));
    Preprocessing pre = new Preprocessing(List.of("a", "b"), features, List.of(), List.of("price"), targets, schema);
    Path file = dir.resolve("r.bpm");
    SavedModel.of(net, new Huber(0.5), Task.REGRESSION, pre, Provenance.untrained()).save(file);
    SavedModel loaded = SavedModel.load(file);

    Tensor raw = Tensor.of(new float[] {12, 3, 8, -5}, 2, 2);
    float[] scaled = {(12 - 10) / 2f, (3 + 1) / 4f, (8 - 10) / 2f, (-5 + 1) / 4f};
    net.eval();
    float[] network = net.forward(Tensor.of(scaled, 2, 2)).toFloatArray();
    assertThat(loaded.predict(raw).toFloatArray()).containsExactly(network[0] * 50 + 100, network[1] * 50 + 100);
    assertThat(loaded.loss()).isInstanceOfSatisfying(Huber.class, h -> assertThat(h.delta()).isEqualTo(0.5));
    assertThat(loaded.preprocessing().csvSchema()).isEqualTo(schema);
    assertThat(loaded.preprocessing().featureScaler().scales()).containsExactly(2, 4);
    assertThat(loaded.preprocessing().targetNames()).containsExactly("price");
    assertThatThrownBy(() -> loaded.predictClasses(raw)).hasMessageContaining("regression model");
  }

  @Test
  void classLabelsComeBackAsPredictions() throws IOException {
    Sequential net = Sequential.mlp(2, 3).build(3);
    net.loadState(Map.of("0.weight", Tensor.of(new float[] {1, 0, 0, 1, -1, -1}, 3, 2), "0.bias", Tensor.zeros(3)));
    Preprocessing pre = Preprocessing.none().withClassLabels(List.of("cat", "dog", "eel"));
    Path file = dir.resolve("c.bpm");
    SavedModel.of(net, new CategoricalCrossEntropy().withLabelSmoothing(0.1).withClassWeights(1, 2, 3),
        Task.CLASSIFICATION, pre, Provenance.untrained()).save(file);
    SavedModel loaded = SavedModel.load(file);

    assertThat(loaded.predictLabels(Tensor.of(new float[] {5, 0, 0, 5, -5, -5}, 3, 2)))
        .containsExactly("cat", "dog", "eel");
    assertThat(loaded.loss()).isInstanceOfSatisfying(CategoricalCrossEntropy.class, c -> {
      assertThat(c.labelSmoothing()).isEqualTo(0.1);
      assertThat(c.classWeights()).containsExactly(1, 2, 3);
    });
  }

  @Test
  void partsThatDoNotFitTogetherAreRefusedWhenTheModelIsMade() {
    Sequential net = Sequential.mlp(2, 3).build(3);
    assertThatThrownBy(() -> SavedModel.of(net, new CategoricalCrossEntropy(), Task.CLASSIFICATION,
        Preprocessing.none().withClassLabels(List.of("a", "b")), Provenance.untrained()))
        .hasMessage("the network gives 3 outputs for 2 class labels [a, b]");
    assertThatThrownBy(() -> SavedModel.of(net, new MeanSquaredError(), Task.REGRESSION,
        Preprocessing.none().withFeatureNames(List.of("x", "y", "z")), Provenance.untrained()))
        .hasMessage("the network takes 2 features, but the preprocessing describes 3");
  }
}
