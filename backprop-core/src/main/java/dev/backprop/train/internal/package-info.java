/**
 * Helpers shared by the train and model packages for reading and writing their records as maps of
 * plain values (JSON documents). Not a user API: it may change without notice.
 */
package dev.backprop.train.internal;
