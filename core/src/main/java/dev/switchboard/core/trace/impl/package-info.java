/** The {@code traceparent}-only Vert.x tracer and its factory. */
package dev.switchboard.core.trace.impl;
