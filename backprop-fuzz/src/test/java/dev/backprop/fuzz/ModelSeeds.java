package dev.backprop.fuzz;

import dev.backprop.checkpoint.Checkpoints;
import dev.backprop.data.CsvData;
import dev.backprop.data.CsvOptions;
import dev.backprop.data.CsvReader;
import dev.backprop.data.Dataset;
import dev.backprop.data.Scaler;
import dev.backprop.data.Task;
import dev.backprop.io.SafetensorsDtype;
import dev.backprop.io.SafetensorsFile;
import dev.backprop.io.SafetensorsWriter;
import dev.backprop.model.DataIdentity;
import dev.backprop.model.Preprocessing;
import dev.backprop.model.Provenance;
import dev.backprop.model.SavedModel;
import dev.backprop.nn.CategoricalCrossEntropy;
import dev.backprop.nn.MeanSquaredError;
import dev.backprop.nn.Module;
import dev.backprop.nn.Sequential;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.tensor.Tensor;
import dev.backprop.train.BatchEvent;
import dev.backprop.train.EarlyStopping;
import dev.backprop.train.Examples;
import dev.backprop.train.ReduceOnPlateau;
import dev.backprop.train.Trainer;
import dev.backprop.train.TrainingConfig;
import dev.backprop.train.TrainingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Small model files and checkpoints for the seed corpora: a classifier with its CSV schema and
 * scaler, a regressor with a target scaler, a model carrying the training state of a run stopped
 * inside an epoch (batch normalization, dropout, early stopping, reduce-on-plateau), and checkpoints
 * after epoch 2 of a plain run and of one with all of those; each also without its checksum, so that
 * mutations get past the container into the model's own checks.
 */
final class ModelSeeds {
  private ModelSeeds() {}

  static void write(Path models, Path checkpoints, Path iris) throws IOException {
    CsvData csv = CsvReader.read(iris, CsvOptions.defaults());
    Scaler scaler = Scaler.fit(Scaler.Method.STANDARDIZE, csv.dataset());
    Dataset scaled = scaler.transform(csv.dataset());
    Examples irisExamples = Examples.classification(Tensor.of(scaled.features(), scaled.size(), 4), scaled.labels(), 3);
    Trainer classifier = new Trainer(Sequential.mlp(4, 6, 3).build(1), new CategoricalCrossEntropy(),
        TrainingConfig.of(2, 2, 1));
    classifier.fit(irisExamples);
    pair(models, "classifier", SavedModel.of(classifier.network(), classifier.loss(), Task.CLASSIFICATION,
        Preprocessing.of(csv.dataset(), scaler, null, csv.schema()),
        Provenance.of(classifier, DataIdentity.of("iris.csv", irisExamples), 1)));

    Trainer stateful = new Trainer(Sequential.mlp(4, 5, 3).dropout(0.2).batchNorm(true).build(2),
        new CategoricalCrossEntropy(), withEverything(TrainingConfig.of(2, 3, 2)));
    stateful.addListener(new TrainingListener() {
      @Override
      public void onBatchEnd(BatchEvent event) {
        if (event.epoch() == 1 && event.batch() == 0) {
          stateful.requestStop();
        }
      }
    });
    stateful.fit(irisExamples);
    pair(models, "mid-epoch-state", SavedModel.of(stateful.network(), stateful.loss(), Task.CLASSIFICATION,
        Preprocessing.none(), Provenance.untrained()).withTrainingState(stateful.state()));

    float[] x = {0, 1, 2, 3, 4, 5};
    float[] y = {10, 12, 14, 16, 18, 20};
    Dataset line = Dataset.regression("line", List.of("x"), x, List.of("y"), y);
    Scaler targetScaler = Scaler.fit(Scaler.Method.STANDARDIZE, y, 1);
    Trainer regressor = new Trainer(Sequential.mlp(1, 3, 1).build(3), new MeanSquaredError(), TrainingConfig.of(1, 3, 3));
    regressor.fit(Examples.regression(Tensor.of(x, 6, 1), Tensor.of(targetScaler.transform(y), 6, 1)));
    pair(models, "regressor", SavedModel.of(regressor.network(), regressor.loss(), Task.REGRESSION,
        Preprocessing.of(line, null, targetScaler, null), Provenance.untrained()));

    checkpoint(checkpoints, "plain", Sequential.mlp(4, 5, 3).build(4), TrainingConfig.of(3, 4, 4), irisExamples);
    checkpoint(checkpoints, "everything", Sequential.mlp(4, 5, 3).dropout(0.1).batchNorm(true).build(5),
        withEverything(TrainingConfig.of(3, 3, 5)), irisExamples);
  }

  /** A validation split, reduce-on-plateau and early stopping with the best weights kept. */
  private static TrainingConfig withEverything(TrainingConfig config) {
    return config.withValidationSplit(0.5)
        .withPlateau(new ReduceOnPlateau("val_loss", new ReduceLROnPlateau.Spec().withPatience(0)))
        .withEarlyStopping(EarlyStopping.on("val_accuracy").withPatience(3));
  }

  /** The checkpoint after epoch 2, which is the name the fuzz test gives its input. */
  private static void checkpoint(Path folder, String name, Module network, TrainingConfig config, Examples data)
      throws IOException {
    Path run = Files.createTempDirectory("seed-checkpoints");
    Checkpoints.in(run).keepLast(5).fit(new Trainer(network, new CategoricalCrossEntropy(), config), data);
    Path epoch2 = run.resolve("epoch-000002.bpm");
    Files.copy(epoch2, folder.resolve(name + ".bpm"));
    withoutChecksum(epoch2, folder.resolve(name + "-unchecksummed.bpm"));
  }

  private static void pair(Path folder, String name, SavedModel model) throws IOException {
    Path file = folder.resolve(name + ".bpm");
    model.save(file);
    withoutChecksum(file, folder.resolve(name + "-unchecksummed.bpm"));
  }

  /** The same tensors and metadata, written without the checksum keys. */
  static void withoutChecksum(Path from, Path to) throws IOException {
    SafetensorsFile file = SafetensorsFile.read(from);
    SafetensorsWriter writer = new SafetensorsWriter().withoutChecksum();
    for (String name : file.names()) {
      if (file.dtype(name) == SafetensorsDtype.F32) {
        writer.add(name, file.floats(name), file.shape(name));
      } else {
        writer.add(name, file.doubles(name), file.shape(name));
      }
    }
    file.metadata().forEach(writer::metadata);
    writer.write(to);
  }
}
