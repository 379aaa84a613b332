/**
 * Coverage-guided fuzz tests of every reader of outside bytes, one class per reader: each input
 * must read, or fail with that reader's documented exception naming where the problem is; never
 * anything else, never an OutOfMemoryError, never a hang. Seed corpora of valid files live under
 * src/test/resources.
 */
package dev.backprop.fuzz;
