package org.stationreplay.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.stationreplay.workshop.Lab;
import org.stationreplay.workshop.LabResult;
import org.stationreplay.workshop.Labs;
import org.stationreplay.workshop.Workshop;
import org.stationreplay.workshop.WorkshopDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ./station workshop}: the labs of workshop/, checked on an embedded broker. */
@Command(name = "workshop", mixinStandardHelpOptions = true,
    description = "Guided labs on event sourcing with Kafka (workshop/README.md): list them, check your code, "
        + "see or apply a solution, start a lab again.",
    subcommands = {WorkshopCommand.ListLabs.class, WorkshopCommand.Check.class, WorkshopCommand.Solve.class,
        WorkshopCommand.Reset.class})
final class WorkshopCommand implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--workshop-dir", paramLabel = "DIR",
      description = "The workshop/ folder of your checkout (default: found from the working directory).")
  Path workshopDir;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  Workshop workshop() {
    Path dir = workshopDir != null ? workshopDir : WorkshopDir.find().orElseThrow(() -> new IllegalStateException(
        "no workshop/ folder here: run ./station workshop from your checkout of the project"));
    if (!WorkshopDir.isWorkshop(dir)) {
      throw new IllegalStateException(dir + " is not the workshop folder (it has no labs/ and solutions/)");
    }
    return new Workshop(dir);
  }

  /** A path as the learner would type it from where they ran ./station. */
  static String shown(Path p) {
    Path here = Path.of("").toAbsolutePath();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(here) ? here.relativize(abs).toString() : abs.toString();
  }

  static Lab lab(String name, CommandLine.Model.CommandSpec spec) {
    return Labs.find(name).orElseThrow(() -> new CommandLine.ParameterException(spec.commandLine(),
        "no lab '" + name + "': the labs are 1 to " + Labs.ALL.size() + " (./station workshop list)"));
  }

  @Command(name = "list", mixinStandardHelpOptions = true,
      description = "The labs, and whether each passed its last check.")
  static final class ListLabs implements Callable<Integer> {
    @ParentCommand WorkshopCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      Workshop w = parent.workshop();
      for (Lab lab : Labs.ALL) {
        String status = w.status(lab).map(s -> (s.passed() ? "passes" : "fails") + " (checked " + s.when()
            .toString().substring(0, 16).replace('T', ' ') + ")").orElse("not checked yet");
        System.out.printf("%s  %-30s %s%n      %s%n", lab.id(), status, lab.title(),
            "workshop/labs/" + lab.folder() + "/README.md");
      }
      System.out.println();
      System.out.println("Start with lab 01's README. ./station workshop check N checks lab N (and records whether "
          + "it passes); check with no number checks them all.");
      return 0;
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Compile your code of a lab (or of every lab) and run its check; says what is still wrong.")
  static final class Check implements Callable<Integer> {
    @ParentCommand WorkshopCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "LAB", description = "Lab number (1-7); every lab if left out.")
    String lab;

    @Override
    public Integer call() {
      Workshop w = parent.workshop();
      List<Lab> labs = lab == null ? Labs.ALL : List.of(lab(lab, spec));
      boolean all = true;
      for (Lab l : labs) {
        if (l.broker()) {
          System.out.println("Lab " + l.id() + ": starting a Kafka broker and replaying the history (a few "
              + "seconds)...");
        }
        LabResult result = w.check(l);
        System.out.print(result.report());
        all &= result.passed();
      }
      return all ? 0 : 1;
    }
  }

  @Command(name = "solve", mixinStandardHelpOptions = true,
      description = "Show the reference solution of a lab; with --apply, copy it over your code (yours is kept "
          + "in workshop/target/lab-backup).")
  static final class Solve implements Callable<Integer> {
    @ParentCommand WorkshopCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LAB", description = "Lab number (1-7).")
    String lab;

    @Option(names = "--apply", description = "Replace your exercise files with the solution's.")
    boolean apply;

    @Override
    public Integer call() {
      Workshop w = parent.workshop();
      Lab l = lab(lab, spec);
      if (!apply) {
        System.out.print(w.solution(l));
        System.out.println("// ./station workshop solve " + l.id() + " --apply copies it over your code.");
        return 0;
      }
      Workshop.Change change = w.applySolution(l);
      for (Path p : change.files()) {
        System.out.println("replaced " + shown(p));
      }
      System.out.println("Your own files are in " + shown(change.backup()) + ". ./station workshop check "
          + l.id() + " should pass now.");
      return 0;
    }
  }

  @Command(name = "reset", mixinStandardHelpOptions = true,
      description = "Put a lab's exercise back as the checkout has it (git checkout; yours is kept in "
          + "workshop/target/lab-backup).")
  static final class Reset implements Callable<Integer> {
    @ParentCommand WorkshopCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "LAB", description = "Lab number (1-7).")
    String lab;

    @Override
    public Integer call() {
      Workshop w = parent.workshop();
      Lab l = lab(lab, spec);
      Workshop.Change change = w.reset(l);
      System.out.println("Lab " + l.id() + " is back to its start: " + shown(l.exerciseDir(w.dir()))
          + ". Your own files are in " + shown(change.backup()) + ".");
      return 0;
    }
  }
}
