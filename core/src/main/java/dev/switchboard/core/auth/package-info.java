/**
 * Credentials the gateway presents to backends ({@code backends[].auth}: a static bearer token, one client-credentials
 * token per backend, or a per-caller token obtained by RFC 8693 token exchange), the caller tokens core needs for the
 * exchange (in memory only), and per-tool authorization ({@code auth.authorization}). The client's own token is never
 * sent to a backend. Implementations live in {@code .impl}.
 */
package dev.switchboard.core.auth;
