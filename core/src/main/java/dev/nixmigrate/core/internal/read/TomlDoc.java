package dev.nixmigrate.core.internal.read;

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
  private final List<String> prefix;

  TomlDoc(TomlTable table, String file) {
    this(table, file, List.of());
  }

  private TomlDoc(TomlTable table, String file, List<String> prefix) {
    this.table = table;
    this.file = file;
    this.prefix = prefix;
  }

  private TomlDoc child(TomlTable t, String... path) {
    List<String> p = new ArrayList<>(prefix);
    p.addAll(Arrays.asList(path));
    return new TomlDoc(t, file, List.copyOf(p));
  }

  /**
   * The dotted key of {@code path} from the top of the file, as users write it ({@code
   * package.name}); keys that are not bare are quoted.
   */
  public String key(String... path) {
    List<String> parts = new ArrayList<>();
    for (String k : prefix) {
      parts.add(bare(k));
    }
    for (String k : path) {
      parts.add(bare(k));
    }
    return String.join(".", parts);
  }

  private static String bare(String k) {
    return k.matches("[A-Za-z0-9_-]+")
        ? k
        : "\"" + k.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** The TOML type of the value at {@code path} in words ("a string", "a table"), or null. */
  public String typeOf(String... path) {
    return typeName(table.get(Arrays.asList(path)));
  }

  static String typeName(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof String) {
      return "a string";
    }
    if (v instanceof Long) {
      return "an integer";
    }
    if (v instanceof Double) {
      return "a float";
    }
    if (v instanceof Boolean) {
      return "a boolean";
    }
    if (v instanceof TomlTable) {
      return "a table";
    }
    if (v instanceof TomlArray) {
      return "an array";
    }
    return "a date or time";
  }

  /** A string in an array, with where it stands. */
  public record Item(int index, String value, int line, int column) {}

  /**
   * The elements of the array at {@code path} with their positions; a value that is not a string is
   * given as null. Empty when the value is not an array.
   */
  public List<Item> items(String... path) {
    Object v = table.get(Arrays.asList(path));
    List<Item> out = new ArrayList<>();
    if (v instanceof TomlArray a) {
      for (int i = 0; i < a.size(); i++) {
        TomlPosition p = a.inputPositionOf(i);
        out.add(
            new Item(
                i,
                a.get(i) instanceof String s ? s : null,
                p == null ? line(path) : p.line(),
                p == null ? column(path) : p.column()));
      }
    }
    return out;
  }

  /** The TOML type of the element {@code index} of the array at {@code path} in words. */
  public String elementType(int index, String... path) {
    return table.get(Arrays.asList(path)) instanceof TomlArray a && index < a.size()
        ? typeName(a.get(index))
        : null;
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
    return v instanceof TomlTable t ? child(t, path) : null;
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
          out.add(child(t, path));
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
      return new TomlDoc(t, file, prefix);
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
