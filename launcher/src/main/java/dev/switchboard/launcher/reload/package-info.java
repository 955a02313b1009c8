/**
 * Hot reload: {@link dev.switchboard.launcher.reload.ConfigReloader} watches the configuration file (and listens for
 * {@code SIGHUP}), validates the whole file, and applies what can change live; {@link
 * dev.switchboard.launcher.reload.ReloadHook} is the seam for other parts (e.g. authorization rules) to take their
 * share of a new configuration.
 */
package dev.switchboard.launcher.reload;
