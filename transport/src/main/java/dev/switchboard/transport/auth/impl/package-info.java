/** Token validation with vertx-auth-oauth2 (JWKS and introspection), the token cache and the key refresher. */
package dev.switchboard.transport.auth.impl;
