/**
 * Checkpoints of training runs: atomic, durable model files that carry the whole training state,
 * written while a {@link dev.backprop.train.Trainer} trains and read back to resume it exactly
 * ({@link dev.backprop.checkpoint.Checkpoints}).
 */
package dev.backprop.checkpoint;
