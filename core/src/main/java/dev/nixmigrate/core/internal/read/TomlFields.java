package dev.nixmigrate.core.internal.read;

import dev.nixmigrate.core.model.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of manifest fields that report a value of the wrong type where it stands instead of
 * passing over it: an ERROR when nixmigrate needs the value, else a WARNING that says it is
 * ignored.
 */
public final class TomlFields {
  private final RepoFiles files;

  public TomlFields(RepoFiles files) {
    this.files = files;
  }

  /** The string at {@code path}, or null when absent or of another type (reported). */
  public String string(TomlDoc doc, boolean needed, String... path) {
    String s = doc.string(path);
    if (s == null && doc.has(path)) {
      wrongType(doc, needed, "a string", path);
    }
    return s;
  }

  /**
   * The strings of the array at {@code path}; a value that is not an array, and each element that
   * is not a string, is reported and left out.
   */
  public List<TomlDoc.Item> strings(TomlDoc doc, boolean needed, String... path) {
    if (!doc.has(path)) {
      return List.of();
    }
    if (!"an array".equals(doc.typeOf(path))) {
      wrongType(doc, needed, "an array of strings", path);
      return List.of();
    }
    List<TomlDoc.Item> out = new ArrayList<>();
    for (TomlDoc.Item item : doc.items(path)) {
      if (item.value() != null) {
        out.add(item);
      } else {
        files.report(
            diagnostic(
                doc.file(),
                item.line(),
                item.column(),
                needed,
                doc.key(path)
                    + "["
                    + item.index()
                    + "] is "
                    + doc.elementType(item.index(), path)
                    + ", but must be a string"));
      }
    }
    return out;
  }

  /** The table at {@code path}, or null when absent or of another type (reported). */
  public TomlDoc table(TomlDoc doc, boolean needed, String... path) {
    TomlDoc t = doc.table(path);
    if (t == null && doc.has(path)) {
      wrongType(doc, needed, "a table", path);
    }
    return t;
  }

  /** Reports the value at {@code path} as not being {@code expected}. */
  public void wrongType(TomlDoc doc, boolean needed, String expected, String... path) {
    files.report(
        diagnostic(
            doc.file(),
            doc.line(path),
            doc.column(path),
            needed,
            doc.key(path) + " is " + doc.typeOf(path) + ", but must be " + expected));
  }

  /** An ERROR that asks for a fix, or a WARNING that says the value is ignored. */
  static Diagnostic diagnostic(String file, int line, int column, boolean needed, String what) {
    return needed
        ? Diagnostic.error(file, line, column, what + "; fix the manifest")
        : Diagnostic.warning(file, line, column, what + "; it is ignored");
  }
}
