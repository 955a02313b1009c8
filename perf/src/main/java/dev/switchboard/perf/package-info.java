/** Load generator, stub backend and benchmark scenarios. */
package dev.switchboard.perf;
