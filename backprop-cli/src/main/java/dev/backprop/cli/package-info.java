/**
 * The {@code backprop} command line: the top-level command, its subcommands and their shared
 * error handling (one-line {@code error: ...} messages, exit codes 0, 1 and 2).
 */
package dev.backprop.cli;
