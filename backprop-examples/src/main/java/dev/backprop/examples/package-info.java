/** Small programs that use the public API exactly as the README shows it. */
package dev.backprop.examples;
