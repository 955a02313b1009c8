/**
 * Test helpers shared by every module's tests through the core test-jar: the one await helper ({@code Awaits}).
 */
package dev.switchboard.testkit;
