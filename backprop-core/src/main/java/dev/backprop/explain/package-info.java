/**
 * One forward and backward pass of a small dense network on one example, spelled out layer by
 * layer in the notation of the derivations (z, h, dz, dW, db, dh), every gradient checked against
 * finite differences and autograd: the computational core of {@code backprop explain}.
 */
package dev.backprop.explain;
