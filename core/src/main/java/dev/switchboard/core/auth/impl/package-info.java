/** Token endpoint client, cached credential sources and the compiled authorization policy. */
package dev.switchboard.core.auth.impl;
