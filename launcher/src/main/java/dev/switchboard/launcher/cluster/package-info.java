/**
 * The optional Vert.x cluster ({@code -cluster} on the command line): a Hazelcast cluster manager configured from the
 * {@code switchboard-hazelcast.xml} resource (or the file that {@code -Dswitchboard.hazelcast.config} names) with
 * static TCP members, no multicast and no phone-home, members and port adjustable from the environment. Sessions do
 * not need the cluster (they live in Redis); it gives the instances a shared event bus.
 */
package dev.switchboard.launcher.cluster;
