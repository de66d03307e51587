package dev.nixmigrate.cli;

import dev.nixmigrate.core.NixMigrateException;
import dev.nixmigrate.generators.Options;
import dev.nixmigrate.generators.Setting;
import dev.nixmigrate.migrate.Settings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The choices that shape generated files, each a flag made from its declaration ({@link Setting});
 * every one has a default.
 */
@CommandLine.Command // a mixin; its flags are added by declareOn
final class GenerationOptions {
  /** What was given on the command line. */
  private final Map<Setting, Object> given = new EnumMap<>(Setting.class);

  /**
   * Adds a flag for each {@link Setting} to every command of {@code cl} that mixes these options
   * in.
   */
  static void declareOn(CommandLine cl) {
    CommandSpec spec = cl.getCommandSpec();
    for (CommandSpec mixin : spec.mixins().values()) {
      if (mixin.userObject() instanceof GenerationOptions target) {
        for (Setting s : Setting.values()) {
          spec.addOption(target.option(s));
        }
      }
    }
    cl.getSubcommands().values().forEach(GenerationOptions::declareOn);
  }

  private OptionSpec option(Setting s) {
    OptionSpec.Builder b = OptionSpec.builder(s.flag()).description(s.help());
    switch (s.type()) {
      case LIST -> b.type(List.class).auxiliaryTypes(String.class);
      case STRING -> b.type(String.class);
      case FLAG -> b.type(Boolean.class).negatable(true);
      case PATH -> b.type(Path.class);
    }
    if (s.label() != null) {
      b.paramLabel(s.label());
    }
    return b.setter(
            new CommandLine.Model.ISetter() {
              @Override
              public <T> T set(T value) {
                if (value == null) {
                  given.remove(s);
                } else {
                  given.put(s, value);
                }
                return null;
              }
            })
        .getter(
            new CommandLine.Model.IGetter() {
              @Override
              @SuppressWarnings("unchecked")
              public <T> T get() {
                return (T) given.get(s);
              }
            })
        .build();
  }

  /**
   * The options: each one given on the command line, else the repository's nixmigrate.toml, else
   * the default; a bad value is a bad-input error that says what to write.
   */
  Options toOptions(Optional<Settings> saved) {
    Options base = saved.map(Settings::options).orElse(Options.defaults());
    Map<Setting, Object> set = new EnumMap<>(Setting.class);
    given.forEach(
        (s, v) -> {
          if (!(v instanceof Collection<?> c) || !c.isEmpty()) {
            set.put(s, v instanceof Collection<?> c ? new ArrayList<>(c) : v);
          }
        });
    try {
      return base.with(set);
    } catch (IllegalArgumentException e) {
      throw new NixMigrateException(NixMigrateException.Kind.BAD_INPUT, e.getMessage());
    }
  }
}
