package org.stationreplay.workshop;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a lab's sources as they are now (the learner's exercise, or the solution, with the lab's check) against
 * the classes of the running program, and loads them in a loader of their own. The labs' packages are loaded from
 * what was just compiled first, so that a stale copy elsewhere on the class path (an IDE's output, the module's own
 * {@code target/classes}) never stands in for the learner's code.
 */
public final class LabCompiler {
  private static final Pattern LAB_PACKAGE = Pattern.compile("org\\.stationreplay\\.workshop\\.lab\\d+\\..*");

  private LabCompiler() {}

  /** The compiled classes, or the compiler's errors, one line each ({@code File.java:12: message}). */
  public record Result(ClassLoader loader, List<String> errors) {
    public boolean ok() {
      return errors.isEmpty();
    }
  }

  public static Result compile(List<Path> sources, Path outputDir) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      return new Result(null, List.of("no Java compiler in this Java (" + System.getProperty("java.home")
          + "): the workshop needs a JDK 17 or later, not a JRE"));
    }
    try {
      Files.createDirectories(outputDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter out = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
        StandardCharsets.UTF_8)) {
      List<String> options = List.of("--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8",
          "-classpath", System.getProperty("java.class.path"), "-d", outputDir.toString());
      boolean ok = javac.getTask(out, files, diagnostics, options, null,
          files.getJavaFileObjectsFromPaths(sources)).call();
      List<String> errors = new ArrayList<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName() + ":"
              + d.getLineNumber() + ": ";
          errors.add(file + d.getMessage(Locale.ROOT));
        }
      }
      if (!ok && errors.isEmpty()) {
        errors.add(out.toString().isBlank() ? "the compiler failed" : out.toString().strip());
      }
      return errors.isEmpty() ? new Result(loader(outputDir), List.of()) : new Result(null, errors);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ClassLoader loader(Path classes) {
    try {
      return new LabLoader(new URL[] {classes.toUri().toURL()}, LabCompiler.class.getClassLoader());
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Child first for the labs' packages, parent first for everything else. */
  private static final class LabLoader extends URLClassLoader {
    LabLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!LAB_PACKAGE.matcher(name).matches()) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            c = super.loadClass(name, false);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }
}
