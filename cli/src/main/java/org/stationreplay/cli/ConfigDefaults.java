package org.stationreplay.cli;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where an option's value comes from when it is not on the command line: an environment variable
 * ({@code --http-port} reads {@code STATION_HTTP_PORT}), then the properties file ({@code http-port=8081}, or
 * {@code stream.http-port=8081} for one command only), then the built-in default. The file is
 * {@code --config FILE}, or {@code $STATION_CONFIG}, or {@code ./station.properties} if it exists.
 */
final class ConfigDefaults implements IDefaultValueProvider {
  static final String ENV_PREFIX = "STATION_";
  private final Map<String, String> env;
  private final Properties file;

  ConfigDefaults(Map<String, String> env, Properties file) {
    this.env = env;
    this.file = file;
  }

  static ConfigDefaults from(String[] args, Map<String, String> env) {
    Path path = configPath(args, env);
    Properties p = new Properties();
    if (path != null) {
      try (Reader r = Files.newBufferedReader(path)) {
        p.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read config file " + path + ": " + e.getMessage(), e);
      }
    }
    return new ConfigDefaults(env, p);
  }

  private static Path configPath(String[] args, Map<String, String> env) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--config") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
      if (args[i].startsWith("--config=")) {
        return Path.of(args[i].substring("--config=".length()));
      }
    }
    if (env.containsKey(ENV_PREFIX + "CONFIG")) {
      return Path.of(env.get(ENV_PREFIX + "CONFIG"));
    }
    Path local = Path.of("station.properties");
    return Files.isRegularFile(local) ? local : null;
  }

  /** The first long name ({@code --replay-id} for {@code --replay-id, --station-id}), without its dashes. */
  static String primaryName(OptionSpec option) {
    for (String n : option.names()) {
      if (n.startsWith("--")) {
        return n.substring(2);
      }
    }
    return option.longestName().replaceFirst("^-+", "");
  }

  /** The environment variable that sets an option: {@code --http-port} is {@code STATION_HTTP_PORT}. */
  static String envName(OptionSpec option) {
    return ENV_PREFIX + primaryName(option).toUpperCase(Locale.ROOT).replace('-', '_');
  }

  @Override
  public String defaultValue(ArgSpec arg) {
    if (!(arg instanceof OptionSpec option) || option.longestName().equals("--config")) {
      return null;
    }
    String name = primaryName(option);
    String fromEnv = env.get(envName(option));
    if (fromEnv != null) {
      return fromEnv;
    }
    String command = option.command() == null ? null : option.command().name();
    String scoped = command == null ? null : file.getProperty(command + "." + name);
    return scoped != null ? scoped : file.getProperty(name);
  }
}
