/**
 * The file layer under model files and checkpoints: a strict JSON reader and writer, safetensors
 * files of plain arrays, and atomic, durable file replacement. Knows nothing of tensors or layers;
 * every reader validates a file before it allocates and names the file and offset when it fails.
 */
package dev.backprop.io;
