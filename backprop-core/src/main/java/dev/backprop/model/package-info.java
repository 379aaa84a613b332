/**
 * Model files: a trained network with its architecture, task, data preprocessing, provenance and
 * (optionally) its training state, in one safetensors file ({@link dev.backprop.model.SavedModel}).
 * See docs/model-format.md.
 */
package dev.backprop.model;
