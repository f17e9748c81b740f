package org.stationreplay.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.stationreplay.workshop.Lab;
import org.stationreplay.topics.StationTopics;
import org.stationreplay.topics.TopicNames;
import org.stationreplay.workshop.LabResult;
import org.stationreplay.workshop.LearnerProjections;
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
        WorkshopCommand.Reset.class, WorkshopCommand.Demo.class})
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

    @Option(names = "--solution", description = "Check the reference solution instead of your code (an "
        + "instructor's pre-flight: every lab should pass on this machine). Your labs' status is left alone.")
    boolean solution;

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
        LabResult result = solution ? w.checkSolution(l) : w.check(l);
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

  @Command(name = "demo", mixinStandardHelpOptions = true,
      description = {"The dashboard with your lab 2 projection (people-by-agency) beside the reference one "
          + "(people-by-agency-reference), both folded from the same log, under \"More projections\".",
          "Alone: on an embedded broker. In a classroom: on the room's broker (--bootstrap-servers), with topics, "
              + "application id and replay id of your own (--learner)."})
  static final class Demo implements Callable<Integer> {
    @ParentCommand WorkshopCommand parent;
    @Spec CommandLine.Model.CommandSpec spec;
    @CommandLine.Mixin ReplayOptions replay;
    @CommandLine.Mixin StreamOptions stream;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT",
        description = "The classroom's shared broker (the instructor runs ./station broker --advertised-host HOST);"
            + " default: an embedded broker of your own.")
    String bootstrapServers;

    @Option(names = "--learner", paramLabel = "NAME",
        description = "Your name in the room: lower case letters, digits and dashes. Your topics are "
            + "workshop.NAME.station.*, your Streams app station-workshop-NAME and your replay NAME, so that many "
            + "learners share one broker without seeing each other's outputs. Required with --bootstrap-servers.")
    String learner;

    @Option(names = "--kafka-port", defaultValue = "0",
        description = "Port of the embedded broker (default: any free port).")
    int kafkaPort;

    @Override
    public Integer call() throws Exception {
      if (learner != null && !learner.matches("[a-z0-9][a-z0-9-]{0,29}")) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--learner must be lower case letters, digits "
            + "and dashes (at most 30), was '" + learner + "'");
      }
      if (bootstrapServers != null && learner == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--learner NAME is required with "
            + "--bootstrap-servers: on a shared broker your topics must be your own");
      }
      Workshop w = parent.workshop();
      LearnerProjections.Loaded loaded = LearnerProjections.load(w.dir());
      if (!loaded.ok()) {
        System.out.println("Your lab 2 code does not compile yet:");
        loaded.errors().forEach(e -> System.out.println("  " + e));
        return 1;
      }
      TopicNames topics = TopicNames.DEFAULT;
      String applicationId = "station-workshop";
      if (learner != null) {
        topics = TopicNames.prefixed("workshop." + learner + ".");
        applicationId = "station-workshop-" + learner;
        if (StationTopics.ISS.equals(replay.replayId)) {
          replay.replayId = learner;
        }
      }
      String page = "http://" + stream.httpHost + ":" + stream.httpPort + "/"
          + (StationTopics.ISS.equals(replay.replayId) ? "" : "?replay=" + replay.replayId);
      List<String> notes = List.of(
          "Your projection: \"" + loaded.projections().get(0).name() + "\", the reference: \""
              + loaded.projections().get(1).name() + "\", side by side under \"More projections\" on " + page,
          "Their values: " + page.replaceFirst("/(\\?|$)", "/api/projections/" + loaded.projections().get(0).name()
              + "$1") + " (and the same with " + LearnerProjections.REFERENCE_SUFFIX + ")",
          learner == null ? "Topics station.*, on a broker of your own."
              : "Topics " + topics.events().replace("station.events", "station.*") + ", application id "
                  + applicationId + ", replay " + replay.replayId + ", on " + bootstrapServers + ".");
      return DemoCommand.run(replay, stream, kafkaPort,
          new DemoCommand.Setup(loaded.engine(), topics, applicationId, bootstrapServers, notes));
    }
  }
}
