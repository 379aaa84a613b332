package dev.backprop.train;

import dev.backprop.nn.Loss;
import dev.backprop.nn.Module;
import dev.backprop.optim.EpochScheduler;
import dev.backprop.optim.LearningRateScheduler;
import dev.backprop.optim.Optimizer;
import dev.backprop.optim.ReduceLROnPlateau;
import dev.backprop.tensor.DType;
import dev.backprop.tensor.NoGrad;
import dev.backprop.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains a network by minibatch gradient descent: for each epoch, the training examples in a
 * seeded order, and for each batch of them the forward pass, the loss, backpropagation, optional
 * gradient clipping and one optimizer step; after each epoch, the metrics on the training and
 * validation examples, the learning-rate schedule, early stopping and the listeners.
 *
 * <pre>{@code
 * Sequential net = Sequential.mlp(784, 256, 128, 10).build(42);
 * Trainer trainer = new Trainer(net, new CategoricalCrossEntropy(), TrainingConfig.of(10, 128, 42));
 * History history = trainer.fit(train, test);
 * System.out.println(history.last().metric("val_accuracy"));
 * }</pre>
 *
 * <p>Deterministic: the order of epoch e depends only on (seed, e), the validation split on the
 * seed, dropout masks on the layers' own seeds, and the kernels give the same bits with any number
 * of threads. So the same configuration and data give bit-identical weights on every run, and a
 * run resumed from a {@link #state()} ({@link #restore}) ends exactly as if it had never stopped.
 *
 * <p>Not thread-safe, except {@link #requestStop()}: one thread drives a trainer.
 */
public final class Trainer {
  private final Module network;
  private final Loss loss;
  private final TrainingConfig config;
  private final BatchStep step;
  private final DType dtype;
  private final Module outputActivation;
  private final List<TrainingListener> listeners = new ArrayList<>();
  private Optimizer optimizer;
  private LearningRateScheduler scheduler;
  private EarlyStopper stopper;
  private volatile boolean stopRequested;

  private int epoch;
  private int batch;
  private History history = History.empty();
  private Tally tally;
  private EpochProgress pending;
  private double epochSeconds;
  private int skipped;

  /**
   * A trainer of {@code network} (trained in place) with {@code loss}, following {@code config}.
   * The optimizer is created here, over the network's parameters.
   */
  public Trainer(Module network, Loss loss, TrainingConfig config) {
    this.network = Objects.requireNonNull(network, "network");
    this.loss = Objects.requireNonNull(loss, "loss");
    this.config = Objects.requireNonNull(config, "config");
    this.step = BatchStep.of(network, loss);
    this.dtype = Networks.dtypeOf(network);
    this.outputActivation = loss.outputActivation().layer();
    this.optimizer = config.optimizer().create(network.namedParameters());
    this.scheduler = schedulerFor(optimizer);
    this.stopper = config.earlyStopping() == null ? null : new EarlyStopper(config.earlyStopping());
  }

  private LearningRateScheduler schedulerFor(Optimizer opt) {
    if (config.schedule() != null) {
      return new EpochScheduler(opt, config.schedule());
    }
    return config.plateau() == null ? null : new ReduceLROnPlateau(opt, config.plateau().settings());
  }

  /** Adds a listener; returns this trainer. */
  public Trainer addListener(TrainingListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** Removes a listener added before (it hears nothing more); returns this trainer. */
  public Trainer removeListener(TrainingListener listener) {
    listeners.remove(listener);
    return this;
  }

  /**
   * Trains on {@code train}, holding out {@link TrainingConfig#validationSplit()} of it for
   * validation when that is above 0; see {@link #fit(Examples, Examples)}.
   */
  public History fit(Examples train) {
    if (config.validationSplit() > 0) {
      Examples[] parts = ValidationSplit.split(train, config.validationSplit(), config.seed());
      return fit(parts[0], parts[1]);
    }
    return fit(train, null);
  }

  /**
   * Trains until {@link TrainingConfig#epochs()} epochs are complete, early stopping ends the run
   * or {@link #requestStop()} is called, validating after each epoch on {@code validation} (null
   * for none). Continues from where the trainer stands: epoch 0 when new, or the epoch and batch
   * of a {@link #restore}d state.
   *
   * @return the history of all epochs so far
   * @throws IllegalArgumentException if the examples do not fit the network and loss (or a restored
   *     state's half-finished epoch), or a monitored metric is not among those the run reports
   * @throws TrainingDivergedException if a loss or gradient is not finite under {@link
   *     NonFinitePolicy#STOP}
   */
  public History fit(Examples train, Examples validation) {
    RunCheck.check(network, loss, config, train, validation);
    if (pending != null) {
      checkProgress(train);
    }
    int outputs = Networks.outputWidth(network, train.featureCount());
    network.train();
    listeners.forEach(l -> l.onTrainBegin(epoch, config.epochs()));
    boolean interrupted = false;
    while (epoch < config.epochs() && !interrupted && (stopper == null || !stopper.stopped())) {
      interrupted = !runEpoch(train, validation, outputs);
    }
    stopRequested = false;
    if (!interrupted && stopper != null) {
      stopper.restoreBest(network);
    }
    listeners.forEach(l -> l.onTrainEnd(history));
    return history;
  }

  /** A restored state's half-finished epoch must have the metric sums these examples give. */
  private void checkProgress(Examples train) {
    try {
      Tally.of(train, config.topK()).restore(pending.sums());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the restored state's half-finished epoch " + (epoch + 1)
          + " does not fit these examples: " + e.getMessage(), e);
    }
  }

  /** Trains the rest of the current epoch; false if a stop request cut it short. */
  private boolean runEpoch(Examples train, Examples validation, int outputs) {
    int[] order = EpochOrder.of(train.size(), config.seed(), epoch, config.shuffle());
    int batches = (train.size() + config.batchSize() - 1) / config.batchSize();
    if (tally == null) {
      startEpoch(train, batches);
    }
    long start = System.nanoTime();
    while (batch < batches) {
      int from = batch * config.batchSize();
      int[] rows = Arrays.copyOfRange(order, from, Math.min(train.size(), from + config.batchSize()));
      BatchEvent event = trainBatch(train, rows, outputs, batches);
      batch++;
      listeners.forEach(l -> l.onBatchEnd(event));
      if (stopRequested) {
        epochSeconds += (System.nanoTime() - start) / 1e9;
        return false;
      }
    }
    endEpoch(validation, start);
    return true;
  }

  private void startEpoch(Examples train, int batches) {
    tally = Tally.of(train, config.topK());
    epochSeconds = 0;
    skipped = 0;
    if (pending != null) {
      tally.restore(pending.sums());
      epochSeconds = pending.seconds();
      skipped = pending.skippedBatches();
      pending = null;
    } else {
      listeners.forEach(l -> l.onEpochStart(epoch, batches));
    }
  }

  private BatchEvent trainBatch(Examples train, int[] rows, int outputs, int batches) {
    BatchTargets targets = BatchTargets.of(train, rows, dtype, loss.outputActivation(), outputs);
    optimizer.zeroGrad();
    BatchStep.Result result = step.run(train, rows, targets);
    NonFiniteCheck.Problem problem = NonFiniteCheck.find(result.loss(), optimizer.parameters());
    if (problem != null) {
      if (config.onNonFinite() == NonFinitePolicy.STOP) {
        throw NonFiniteCheck.diverged(epoch, batch, batches, problem, network.spec());
      }
      skipped++;
      optimizer.zeroGrad();
      return new BatchEvent(epoch, batch, batches, rows.length, result.loss(), true, tally.metrics());
    }
    if (config.clipping() != null) {
      config.clipping().apply(network.parameters());
    }
    optimizer.step();
    try (NoGrad ignored = Tensor.noGrad()) {
      tally.add(outputActivation.forward(result.outputs()), targets, result.loss());
    }
    return new BatchEvent(epoch, batch, batches, rows.length, result.loss(), false, tally.metrics());
  }

  private void endEpoch(Examples validation, long start) {
    Map<String, Double> metrics = new LinkedHashMap<>(tally.metrics());
    ConfusionMatrix confusion = tally.confusion();
    if (validation != null) {
      Evaluation v = Evaluator.evaluate(network, loss, validation, config.topK());
      v.metrics().forEach((name, value) -> metrics.put(MetricNames.validation(name), value));
      confusion = v.confusionMatrix().orElse(null);
    }
    epochSeconds += (System.nanoTime() - start) / 1e9;
    EpochRecord record = new EpochRecord(epoch, metrics, optimizer.learningRate(), epochSeconds, skipped);
    history = history.plus(record, confusion);
    if (scheduler != null) {
      scheduler.step(config.plateau() == null ? Double.NaN : record.metric(config.plateau().monitor()));
    }
    if (stopper != null) {
      stopper.update(record, network);
      history = history.withEarlyStopping(stopper.stopped(), stopper.bestEpoch());
    }
    epoch++;
    batch = 0;
    tally = null;
    listeners.forEach(l -> l.onEpochEnd(record));
  }

  /**
   * One step on a batch the caller supplies, as a hand-written loop takes it (PyTorch's {@code
   * zero_grad(); loss_fn(model(x), y).backward(); step()}): clears the gradients, runs the forward
   * pass, the loss and the backward pass (fused, without a graph or garbage, for plain MLPs), clips
   * the gradients if so configured, and steps the optimizer. The network is put in training mode.
   * The history, metrics, listeners, learning-rate schedule and the position within an epoch are
   * left alone, and no check for non-finite values is made: the returned loss tells.
   *
   * @param features the batch's inputs [b, d], in the network's dtype
   * @param targets what the loss takes: class indices [b] for cross-entropy, else [b, outputs]
   * @return the batch's mean loss, before the step
   * @throws IllegalArgumentException if the features or targets do not fit the network and loss
   */
  public double trainOnBatch(Tensor features, Tensor targets) {
    if (!network.isTraining()) {
      network.train();
    }
    optimizer.zeroGrad();
    double value = step.run(features, targets);
    if (config.clipping() != null) {
      config.clipping().apply(network.parameters());
    }
    optimizer.step();
    return value;
  }

  /**
   * The metrics of the network on {@code examples}, in evaluation mode (dropout off, batch
   * normalization with its running statistics); the network's mode is left as it was.
   */
  public Evaluation evaluate(Examples examples) {
    RunCheck.checkExamples(network, loss, examples, "examples");
    return Evaluator.evaluate(network, loss, examples, config.topK());
  }

  /**
   * Asks a running {@link #fit} to stop after the current batch; {@code fit} then returns and
   * {@link #state()} describes the run up to that batch. Safe to call from any thread (a signal
   * handler, a listener).
   */
  public void requestStop() {
    stopRequested = true;
  }

  /** The state of the run at the last batch boundary, for checkpoints: see {@link TrainingState}. */
  public TrainingState state() {
    EpochProgress progress = pending;
    if (tally != null && batch > 0) {
      progress = new EpochProgress(epochSeconds, skipped, tally.export());
    }
    return new TrainingState(config, epoch, batch, history, network.spec(), network.state(), network.generatorStates(),
        optimizer.exportState(), scheduler == null ? Map.of() : scheduler.exportState(),
        stopper == null ? null : stopper.export(), progress);
  }

  /**
   * Puts the run back into a saved state: the network's parameters, buffers and generators, the
   * optimizer, the scheduler, early stopping, the history and the position in the epoch. The
   * state's architecture must equal the network's (dropout seeds included), and its configuration
   * this trainer's, except for the number of epochs (a run may be extended).
   *
   * @throws IllegalArgumentException naming what does not fit; the network is unchanged then
   */
  public void restore(TrainingState state) {
    if (!state.config().withEpochs(config.epochs()).equals(config)) {
      throw new IllegalArgumentException("restore: the state was trained with " + state.config().toMap()
          + ", this trainer has " + config.toMap() + "; only the number of epochs may differ");
    }
    if (!network.spec().equals(state.architecture())) {
      throw new IllegalArgumentException("restore: the state is of a network " + state.architecture().toMap()
          + ", this trainer's network is " + network.spec().toMap());
    }
    Optimizer restoredOptimizer = config.optimizer().create(network.namedParameters());
    restoredOptimizer.importState(state.optimizer());
    LearningRateScheduler restoredScheduler = schedulerFor(restoredOptimizer);
    if (restoredScheduler != null) {
      restoredScheduler.importState(state.scheduler());
    } else if (!state.scheduler().isEmpty()) {
      throw new IllegalArgumentException("restore: the state has a scheduler state, but the run has no scheduler");
    }
    EarlyStopper restoredStopper = stopper == null ? null : new EarlyStopper(config.earlyStopping());
    if (restoredStopper != null) {
      restoredStopper.restore(state.earlyStopping());
    }
    network.loadState(state.model());
    network.restoreGeneratorStates(state.generators());
    optimizer = restoredOptimizer;
    scheduler = restoredScheduler;
    stopper = restoredStopper;
    epoch = state.epoch();
    batch = state.batch();
    history = state.history();
    tally = null;
    pending = state.progress();
  }

  /** The network being trained. */
  public Module network() {
    return network;
  }

  /** The loss. */
  public Loss loss() {
    return loss;
  }

  /** The configuration. */
  public TrainingConfig config() {
    return config;
  }

  /** The optimizer (its learning rate follows the schedule). */
  public Optimizer optimizer() {
    return optimizer;
  }

  /** The history so far. */
  public History history() {
    return history;
  }
}
