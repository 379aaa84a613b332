/**
 * Not API: direct access to tensor storage for the library's own layers, optimizers and file
 * formats, which update parameters in place and read them without copies. May change at any time.
 */
package dev.backprop.tensor.internal;
