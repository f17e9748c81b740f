package org.stationreplay.workshop;

import java.util.List;

/**
 * What a check of a lab found.
 *
 * @param compileErrors the compiler's errors, if the sources did not compile (then there are no steps)
 * @param steps each test of the lab's check, in order
 */
public record LabResult(Lab lab, List<String> compileErrors, List<Step> steps) {
  /** One test of a check: its name in words, and what is wrong if it failed. */
  public record Step(String name, boolean passed, String problem) {}

  public boolean passed() {
    return compileErrors.isEmpty() && !steps.isEmpty() && steps.stream().allMatch(Step::passed);
  }

  /** For people: what passed, and for what did not, what is wrong and what to do. */
  public String report() {
    StringBuilder b = new StringBuilder();
    b.append("Lab ").append(lab.id()).append(": ").append(lab.title()).append('\n');
    if (!compileErrors.isEmpty()) {
      b.append("  Your code does not compile yet:\n");
      compileErrors.forEach(e -> b.append("    ").append(e.replace("\n", "\n    ")).append('\n'));
    }
    for (Step s : steps) {
      b.append(s.passed() ? "  [pass] " : "  [FAIL] ").append(s.name()).append('\n');
      if (!s.passed()) {
        b.append("         ").append(s.problem().strip().replace("\n", "\n         ")).append('\n');
      }
    }
    if (steps.isEmpty() && compileErrors.isEmpty()) {
      b.append("  The check found no tests: is ").append(lab.checkClassName()).append(" there?\n");
    }
    b.append(passed()
        ? "  Passed. Next: " + next()
        : "  Not yet. Hints: " + "workshop/labs/" + lab.folder() + "/README.md; the reference solution: "
            + "./station workshop solve " + lab.id()).append('\n');
    return b.toString();
  }

  private String next() {
    int i = Labs.ALL.indexOf(lab);
    return i + 1 < Labs.ALL.size()
        ? "workshop/labs/" + Labs.ALL.get(i + 1).folder() + "/README.md"
        : "that was the last lab. Well done.";
  }
}
