/** The asynchronous audit writer (bounded queue, one writer thread) and the no-op log. */
package dev.switchboard.core.audit.impl;
