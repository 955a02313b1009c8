/**
 * Implementation of {@link dev.switchboard.core.CoreServices}: the backend registry with its availability probe,
 * session opening and re-injection, catalog fetching, view interning and request routing.
 */
package dev.switchboard.core.impl;
