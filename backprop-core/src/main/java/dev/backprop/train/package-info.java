/**
 * Training by minibatch gradient descent and inference: the {@link dev.backprop.train.Trainer} loop
 * with validation, metrics, listeners, schedules, early stopping and an exportable state for exact
 * resume; the {@link dev.backprop.train.History} it records; and the thread-safe {@link
 * dev.backprop.train.Predictor}.
 */
package dev.backprop.train;
