/**
 * Training by minibatch gradient descent: the {@link dev.backprop.train.Trainer} loop with
 * validation, metrics, listeners and early stopping, and the {@link dev.backprop.train.History} it
 * records.
 */
package dev.backprop.train;
