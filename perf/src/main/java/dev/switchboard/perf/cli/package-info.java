/** The command line: argument parsing and the commands ({@code benchmark}, {@code scenario}, {@code load},
 * {@code stub}, {@code help}). */
package dev.switchboard.perf.cli;
