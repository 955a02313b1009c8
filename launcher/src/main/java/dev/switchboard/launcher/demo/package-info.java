/**
 * Demo MCP backends for the gateway's demo mode, built on the project's own server kit
 * ({@code dev.switchboard.transport.kit}): {@code demo-math} and {@code demo-text}, both on loopback ephemeral
 * ports. Tool argument errors are reported as {@code isError} tool results, as MCP 2025-11-25 asks.
 */
package dev.switchboard.launcher.demo;
