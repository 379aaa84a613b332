/**
 * Neural-network building blocks over {@link dev.backprop.tensor.Tensor}: modules (dense,
 * activation, dropout and batch-norm layers, {@link dev.backprop.nn.Sequential}), their
 * configuration records ({@link dev.backprop.nn.LayerSpec}), seeded initializers and losses.
 */
package dev.backprop.nn;
