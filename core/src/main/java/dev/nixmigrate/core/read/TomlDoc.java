package dev.nixmigrate.core.read;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * A read-only view of a parsed TOML table with null-returning typed lookups by key path, so readers
 * can ask for optional fields without ceremony. Keys are given as separate segments, never as
 * dotted strings, because real keys contain dots ({@code cfg(target_os = "linux")}).
 */
public final class TomlDoc {
  private final TomlTable table;
  private final String file;

  TomlDoc(TomlTable table, String file) {
    this.table = table;
    this.file = file;
  }

  /** The file this table came from, as shown to users. */
  public String file() {
    return file;
  }

  public Set<String> keys() {
    return table.keySet();
  }

  public boolean has(String... path) {
    return table.contains(Arrays.asList(path));
  }

  /** The string at {@code path}, or null when absent or not a string. */
  public String string(String... path) {
    Object v = table.get(Arrays.asList(path));
    return v instanceof String s ? s : null;
  }

  /** The boolean at {@code path}, or false when absent or not a boolean. */
  public boolean flag(String... path) {
    return table.get(Arrays.asList(path)) instanceof Boolean b && b;
  }

  /** The table at {@code path}, or null when absent or not a table. */
  public TomlDoc table(String... path) {
    Object v = path.length == 0 ? table : table.get(Arrays.asList(path));
    return v instanceof TomlTable t ? new TomlDoc(t, file) : null;
  }

  /** The raw value at {@code path}: String, Long, Double, Boolean, a date, TomlDoc or List. */
  public Object value(String... path) {
    return wrap(table.get(Arrays.asList(path)));
  }

  /** The strings in the array at {@code path}; a lone string counts as a one-element array. */
  public List<String> strings(String... path) {
    Object v = table.get(Arrays.asList(path));
    List<String> out = new ArrayList<>();
    if (v instanceof String s) {
      out.add(s);
    } else if (v instanceof TomlArray a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof String s) {
          out.add(s);
        }
      }
    }
    return out;
  }

  /** The tables in the array at {@code path} (an array of tables), in order. */
  public List<TomlDoc> tables(String... path) {
    Object v = table.get(Arrays.asList(path));
    List<TomlDoc> out = new ArrayList<>();
    if (v instanceof TomlArray a) {
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i) instanceof TomlTable t) {
          out.add(new TomlDoc(t, file));
        }
      }
    }
    return out;
  }

  /** The 1-based line where {@code path} is defined, or 1 when unknown. */
  public int line(String... path) {
    TomlPosition p = table.inputPositionOf(Arrays.asList(path));
    return p == null ? 1 : p.line();
  }

  /** The 1-based column where {@code path} is defined, or 1 when unknown. */
  public int column(String... path) {
    TomlPosition p = table.inputPositionOf(Arrays.asList(path));
    return p == null ? 1 : p.column();
  }

  private Object wrap(Object v) {
    if (v instanceof TomlTable t) {
      return new TomlDoc(t, file);
    }
    if (v instanceof TomlArray a) {
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < a.size(); i++) {
        out.add(wrap(a.get(i)));
      }
      return out;
    }
    return v;
  }
}
