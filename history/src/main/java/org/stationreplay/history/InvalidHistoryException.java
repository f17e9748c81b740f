package org.stationreplay.history;

import java.util.List;
import java.util.stream.Collectors;

/** A history file that cannot be used, with every problem found in it. */
public final class InvalidHistoryException extends RuntimeException {
  private final List<Problem> problems;

  public InvalidHistoryException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    String shown = problems.stream().limit(20).map(Problem::toString).collect(Collectors.joining("\n"));
    return problems.size() + " problem(s) in history:\n" + shown
        + (problems.size() > 20 ? "\n... and " + (problems.size() - 20) + " more" : "");
  }
}
