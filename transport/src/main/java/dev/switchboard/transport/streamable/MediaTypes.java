package dev.switchboard.transport.streamable;

import java.util.Locale;
import java.util.Set;

/**
 * Media-type checks for the streamable-HTTP transport. {@code Accept} ranges are matched as HTTP says: the most
 * specific matching range decides ({@code type/subtype} over {@code type/*} over {@code * /*}), other parameters are
 * ignored, and {@code q=0} makes a type not acceptable. A missing {@code Accept} header accepts nothing here, because
 * MCP requires clients to send one.
 */
public final class MediaTypes {
  public static final String APPLICATION_JSON = "application/json";
  public static final String TEXT_EVENT_STREAM = "text/event-stream";

  private MediaTypes() {
  }

  /** What MCP clients send in practice: answered without parsing (every POST asks). */
  private static final Set<String> JSON_AND_SSE = Set.of("application/json, text/event-stream",
    "text/event-stream, application/json", "application/json,text/event-stream", "text/event-stream,application/json");

  /** True when both {@code application/json} and {@code text/event-stream} are acceptable. */
  public static boolean acceptsJsonAndSse(String acceptHeader) {
    if (acceptHeader != null && JSON_AND_SSE.contains(acceptHeader)) {
      return true;
    }
    return accepts(acceptHeader, "application", "json") && accepts(acceptHeader, "text", "event-stream");
  }

  public static boolean acceptsSse(String acceptHeader) {
    return accepts(acceptHeader, "text", "event-stream");
  }

  /** True for {@code application/json}, with optional parameters, case-insensitive. */
  public static boolean isJson(String contentType) {
    if (contentType == null) {
      return false;
    }
    int semi = contentType.indexOf(';');
    String type = semi < 0 ? contentType : contentType.substring(0, semi);
    return type.trim().equalsIgnoreCase(APPLICATION_JSON);
  }

  /** True when {@code type/subtype} is acceptable according to {@code acceptHeader}. */
  public static boolean accepts(String acceptHeader, String type, String subtype) {
    if (acceptHeader == null) {
      return false;
    }
    int bestSpecificity = 0;
    boolean bestAcceptable = false;
    for (String range : acceptHeader.split(",")) {
      int specificity = specificity(range, type, subtype);
      if (specificity > bestSpecificity) {
        bestSpecificity = specificity;
        bestAcceptable = qualityAboveZero(range);
      } else if (specificity == bestSpecificity && specificity > 0) {
        bestAcceptable |= qualityAboveZero(range);
      }
    }
    return bestAcceptable;
  }

  /** 3 for an exact match, 2 for {@code type/*}, 1 for {@code * /*}, 0 for no match. */
  private static int specificity(String range, String type, String subtype) {
    int semi = range.indexOf(';');
    String mediaRange = (semi < 0 ? range : range.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
    int slash = mediaRange.indexOf('/');
    if (slash < 0) {
      return 0;
    }
    String rangeType = mediaRange.substring(0, slash).trim();
    String rangeSubtype = mediaRange.substring(slash + 1).trim();
    if (rangeType.equals("*") && rangeSubtype.equals("*")) {
      return 1;
    }
    if (!rangeType.equals(type)) {
      return 0;
    }
    if (rangeSubtype.equals("*")) {
      return 2;
    }
    return rangeSubtype.equals(subtype) ? 3 : 0;
  }

  private static boolean qualityAboveZero(String range) {
    String[] parts = range.split(";");
    for (int i = 1; i < parts.length; i++) {
      String param = parts[i].trim();
      if (param.length() > 2 && (param.charAt(0) == 'q' || param.charAt(0) == 'Q') && param.charAt(1) == '=') {
        try {
          return Double.parseDouble(param.substring(2).trim()) > 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
    }
    return true;
  }
}
