package dev.switchboard.core;

/** The gateway's version, read from the jar manifest (a development build says {@code dev}). */
public final class Version {
  private Version() {
  }

  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
