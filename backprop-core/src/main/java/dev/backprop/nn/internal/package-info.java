/**
 * The fused fast path for plain multi-layer perceptrons: a network of dense layers and elementwise
 * activations compiled into a plan over preallocated float32 buffers, whose forward pass, loss and
 * backward pass run as a few GEMMs and fused loops, with no graph and no garbage. Internal: the
 * trainer and predictor choose it automatically when a network qualifies.
 */
package dev.backprop.nn.internal;
