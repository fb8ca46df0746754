package org.diplomacykg.cli;

import java.util.Map;

/** Renders the per-graph triple counts that the commands print after a load. */
final class GraphSummary {

    /** e.g. "3 graphs, 120 triples" followed by one indented line per graph. */
    static String format(Map<String, Long> sizes) {
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder sb = new StringBuilder();
        sb.append(sizes.size()).append(sizes.size() == 1 ? " graph, " : " graphs, ")
          .append(total).append(total == 1 ? " triple" : " triples");
        sizes.forEach((graph, size) -> sb.append("\n  <").append(graph).append(">  ").append(size));
        return sb.toString();
    }

    private GraphSummary() {}
}
