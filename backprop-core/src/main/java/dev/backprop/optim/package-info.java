/**
 * Optimizers that update parameters in place from their gradients (SGD, Adam, AdamW, RMSProp,
 * Adagrad, following PyTorch's update rules), gradient clipping, and learning-rate schedules. Each
 * optimizer owns its state, keyed by parameter name, and exports it for checkpoints.
 */
package dev.backprop.optim;
