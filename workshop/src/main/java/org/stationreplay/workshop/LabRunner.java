package org.stationreplay.workshop;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Checks a lab: compiles its current sources with its check, runs the check (a JUnit class) and says, test by
 * test, what passed and what is still wrong. Used by {@code ./station workshop check} on the learner's code, and by
 * {@code WorkshopIT} (in cli/, through the packaged jar) on both the untouched exercises (every check must fail) and the solutions (every check must pass).
 */
public final class LabRunner {
  /** Whose code: the learner's (the exercise folder as it is now), or the reference solution. */
  public enum Code { EXERCISE, SOLUTION }

  private LabRunner() {}

  public static LabResult check(Path workshop, Lab lab, Code code) {
    List<Path> sources = sources(workshop, lab, code);
    Path classes;
    try {
      classes = Files.createTempDirectory("station-lab" + lab.id() + "-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      LabCompiler.Result compiled = LabCompiler.compile(sources, classes);
      if (!compiled.ok()) {
        return new LabResult(lab, compiled.errors(), List.of());
      }
      return new LabResult(lab, List.of(), run(lab, compiled.loader()));
    } finally {
      delete(classes);
    }
  }

  /** The exercise's files (or the solution's, each in place of the exercise file of the same name) and the check. */
  static List<Path> sources(Path workshop, Lab lab, Code code) {
    Map<String, Path> byName = new LinkedHashMap<>();
    for (Path p : Lab.javaFiles(lab.exerciseDir(workshop))) {
      byName.put(p.getFileName().toString(), p);
    }
    if (code == Code.SOLUTION) {
      for (Path p : lab.solutionFiles(workshop)) {
        byName.put(p.getFileName().toString(), p);
      }
    }
    List<Path> sources = new ArrayList<>(byName.values());
    sources.addAll(Lab.javaFiles(lab.checkDir(workshop)));
    return sources;
  }

  private static List<LabResult.Step> run(Lab lab, ClassLoader loader) {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      Class<?> check = Class.forName(lab.checkClassName(), true, loader);
      // Steps in a fixed order (by method name) so that what a learner sees matches the README's example.
      LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request().selectors(selectClass(check))
          .configurationParameter("junit.jupiter.testmethod.order.default",
              "org.junit.jupiter.api.MethodOrderer$MethodName")
          .build();
      Launcher launcher = LauncherFactory.create();
      List<LabResult.Step> steps = new ArrayList<>();
      launcher.execute(request, new TestExecutionListener() {
        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
          boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
          if (id.isTest()) {
            steps.add(new LabResult.Step(words(id), !failed,
                failed ? problem(lab, result.getThrowable().orElse(null)) : ""));
          } else if (failed) {
            // The check's class itself failed (its set-up, or loading the learner's classes).
            steps.add(new LabResult.Step("set up " + id.getDisplayName(), false,
                problem(lab, result.getThrowable().orElse(null))));
          }
        }
      });
      return steps;
    } catch (ClassNotFoundException e) {
      return List.of(new LabResult.Step("find the check", false, "no class " + lab.checkClassName()));
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  /** {@code shouldFindTheFirstCrew()} as "find the first crew"; a display name as it is. */
  static String words(TestIdentifier id) {
    String name = id.getDisplayName();
    if (!name.endsWith("()")) {
      return name;
    }
    String method = name.substring(0, name.length() - 2).replaceFirst("^should", "");
    return humanize(method);
  }

  /** {@code FindAPoisonRecordInVersion2} as "find a poison record in version 2". */
  static String humanize(String camel) {
    return camel.replaceAll("([a-z0-9])([A-Z])", "$1 $2")
        .replaceAll("([A-Z])([A-Z][a-z])", "$1 $2")
        .replaceAll("([a-zA-Z])([0-9])", "$1 $2")
        .toLowerCase(java.util.Locale.ROOT).strip();
  }

  /** What went wrong, for a learner: the check's own message, or where in their code it broke. */
  static String problem(Lab lab, Throwable t) {
    if (t == null) {
      return "failed";
    }
    if (t instanceof UnsupportedOperationException && t.getMessage() != null) {
      return "Not done yet: " + t.getMessage();
    }
    if (t instanceof AssertionError) {
      return assertionMessage(String.valueOf(t.getMessage()));
    }
    String where = Stream.of(t.getStackTrace())
        .filter(f -> f.getClassName().startsWith(lab.packageName() + ".")
            && !f.getClassName().endsWith("Check"))
        .findFirst().map(f -> " (at " + f.getFileName() + ":" + f.getLineNumber() + ")").orElse("");
    String cause = t.getCause() == null || t.getCause() == t ? "" : "\ncaused by " + t.getCause();
    return "Your code threw " + t + where + cause;
  }

  private static final java.util.regex.Pattern DESCRIBED_BOOLEAN = java.util.regex.Pattern.compile(
      "(?s)\\s*\\[(.*)]\\s*Expecting value to be (true|false) but was (true|false)\\s*");

  /**
   * The check's description is the message; AssertJ's "Expecting value to be false but was true" under it says
   * nothing more to a learner, so it goes. Any other detail (expected and actual values) stays.
   */
  static String assertionMessage(String message) {
    java.util.regex.Matcher m = DESCRIBED_BOOLEAN.matcher(message);
    return m.matches() ? m.group(1).strip() : message.strip();
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // A temporary folder left behind is not worth failing a check for.
    }
  }
}
