package dev.switchboard.perf.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with columns sized to their widest cell. */
final class ConsoleTable {
  private final List<String[]> rows = new ArrayList<>();

  ConsoleTable(String... header) {
    rows.add(header);
  }

  ConsoleTable row(String... cells) {
    rows.add(cells);
    return this;
  }

  boolean isEmpty() {
    return rows.size() <= 1;
  }

  @Override
  public String toString() {
    int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
    int[] width = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int r = 0; r < rows.size(); r++) {
      String[] row = rows.get(r);
      for (int i = 0; i < row.length; i++) {
        String cell = row[i];
        sb.append(i == 0 ? cell + " ".repeat(width[i] - cell.length()) : " ".repeat(width[i] - cell.length()) + cell);
        sb.append(i < row.length - 1 ? "  " : "");
      }
      sb.append('\n');
      if (r == 0) {
        int total = 0;
        for (int w : width) {
          total += w + 2;
        }
        sb.append("-".repeat(Math.max(0, total - 2))).append('\n');
      }
    }
    return sb.toString();
  }
}
