/**
 * The gateway's YAML configuration: {@link dev.switchboard.launcher.config.ConfigLoader} reads a file, substitutes
 * {@code ${ENV}} references, validates every key strictly and maps the result onto the modules' options records
 * ({@link dev.switchboard.launcher.config.GatewayConfig}). A bad value fails with a
 * {@link dev.switchboard.launcher.config.ConfigException} whose message starts with the key path.
 *
 * <p>Only {@code ConfigLoader}, {@code GatewayConfig} and {@code ConfigException} are public; the tree walker, the
 * unit parsers, the substitution and the per-section mappers are package-private helpers. The reference for users
 * is {@code docs/configuration.md}.
 */
package dev.switchboard.launcher.config;
