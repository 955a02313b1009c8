package dev.switchboard.launcher.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parses a static member list such as {@code 127.0.0.1:5701,127.0.0.1:5702}. */
final class ClusterMembers {
  /** A host name, an IPv4 address or a bracketed IPv6 address, with an optional port. */
  private static final Pattern MEMBER = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[A-Za-z0-9._-]+)(:\\d{1,5})?");

  private ClusterMembers() {
  }

  /**
   * The members, in order.
   *
   * @param source named in the messages, e.g. the environment variable
   * @throws IllegalArgumentException naming {@code source} when the list is empty or a member is malformed
   */
  static List<String> parse(String source, String list) {
    List<String> members = new ArrayList<>();
    for (String part : list.split(",")) {
      String member = part.strip();
      if (member.isEmpty()) {
        continue;
      }
      if (!MEMBER.matcher(member).matches()) {
        throw new IllegalArgumentException(source + ": not a host[:port]: \"" + member + "\"");
      }
      int colon = member.lastIndexOf(':');
      if (colon > member.lastIndexOf(']') && Integer.parseInt(member.substring(colon + 1)) > 65535) {
        throw new IllegalArgumentException(source + ": port out of range in \"" + member + "\"");
      }
      members.add(member);
    }
    if (members.isEmpty()) {
      throw new IllegalArgumentException(source + ": no members (expected e.g. 127.0.0.1:5701,127.0.0.1:5702)");
    }
    return List.copyOf(members);
  }
}
