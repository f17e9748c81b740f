package org.stationreplay.workshop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stationreplay.events.HistoryEvent;
import org.stationreplay.projection.Projection;
import org.stationreplay.projection.ProjectionEngine;
import org.stationreplay.projections.Projections;

/**
 * The projections a learner wrote in the labs (lab 2's {@code PeopleByAgencyProjection}), compiled from the
 * learner's files as they are now, with each lab's reference solution beside it under the name
 * {@code <name>-reference}: the dashboard of {@code ./station workshop demo} shows both, folded from the same log.
 */
public final class LearnerProjections {
  /** The lab whose exercise is a projection, and the class the learner completes. */
  static final Lab LAB = Labs.ALL.get(1);
  static final String CLASS = LAB.packageName() + ".PeopleByAgencyProjection";
  public static final String REFERENCE_SUFFIX = "-reference";

  private LearnerProjections() {}

  /** The learner's projections and the references, or why the learner's code could not be loaded. */
  public record Loaded(List<Projection<?>> projections, List<String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }

    /** Every registered projection, then these. */
    public ProjectionEngine engine() {
      List<Projection<?>> all = new ArrayList<>(Projections.ALL);
      all.addAll(projections);
      return new ProjectionEngine(all);
    }
  }

  public static Loaded load(Path workshop) {
    Path build;
    try {
      build = Files.createDirectories(workshop.resolve("target/lab-demo"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LabCompiler.Result yours = LabCompiler.compile(Lab.javaFiles(LAB.exerciseDir(workshop)), build.resolve("yours"));
    if (!yours.ok()) {
      return new Loaded(List.of(), yours.errors());
    }
    LabCompiler.Result reference = LabCompiler.compile(Lab.javaFiles(LAB.solutionDir(workshop)),
        build.resolve("reference"));
    if (!reference.ok()) {
      return new Loaded(List.of(), reference.errors());
    }
    Projection<?> mine = instantiate(yours.loader());
    Projection<?> ref = instantiate(reference.loader());
    return new Loaded(List.of(mine, renamed(ref, ref.name() + REFERENCE_SUFFIX)), List.of());
  }

  private static Projection<?> instantiate(ClassLoader loader) {
    try {
      return (Projection<?>) Class.forName(CLASS, true, loader).getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("cannot create " + CLASS + " (it needs a public no-argument constructor): "
          + e, e);
    }
  }

  /** The same fold under another name (its own store and topic), with the original's schema. */
  static <S> Projection<S> renamed(Projection<S> p, String name) {
    return new Projection<>() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public String description() {
        return p.description() + " (reference solution)";
      }

      @Override
      public Class<S> valueType() {
        return p.valueType();
      }

      @Override
      public S initial() {
        return p.initial();
      }

      @Override
      public S apply(S value, HistoryEvent event) {
        return p.apply(value, event);
      }

      @Override
      public String schemaResource() {
        return p.schemaResource();
      }
    };
  }
}
