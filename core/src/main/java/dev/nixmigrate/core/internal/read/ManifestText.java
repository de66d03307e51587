package dev.nixmigrate.core.internal.read;

import dev.nixmigrate.core.model.Diagnostic;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads a manifest's bytes as strict UTF-8 text, refusing files that are too large, undecodable or
 * unreachable with a located diagnostic instead of an exception trace.
 */
public final class ManifestText {
  /** Larger than any real manifest we have seen (ruff's Cargo.lock is under 200 KiB). */
  public static final long MAX_BYTES = 4L * 1024 * 1024;

  private ManifestText() {}

  /**
   * Reads {@code file} (shown to users as {@code display}) as UTF-8.
   *
   * @throws ManifestException when the file is too large, not UTF-8, or cannot be read
   */
  public static String read(Path file, String display) throws ManifestException {
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw fail(
            display,
            1,
            1,
            String.format(
                java.util.Locale.ROOT,
                "file is %.1f MiB; nixmigrate reads manifests up to %d MiB. If this really is the manifest,"
                    + " shrink it; otherwise move it out of the repository or add it to .gitignore",
                size / (1024.0 * 1024.0),
                MAX_BYTES / (1024 * 1024)));
      }
      bytes = Files.readAllBytes(file);
    } catch (FileSystemLoopException e) {
      throw fail(display, 1, 1, "symbolic link loop; point the link at a real file or remove it");
    } catch (NoSuchFileException e) {
      throw fail(
          display,
          1,
          1,
          "cannot be read: it is a dangling symbolic link or was removed during the scan");
    } catch (FileSystemException e) {
      String reason = e.getReason() == null ? "cannot be read" : e.getReason();
      if (reason.toLowerCase(java.util.Locale.ROOT).contains("symbolic links")) {
        throw fail(
            display,
            1,
            1,
            "symbolic link loop (" + reason + "); point the link at a real file or remove it");
      }
      throw fail(display, 1, 1, "cannot be read: " + reason);
    } catch (IOException e) {
      throw fail(display, 1, 1, "cannot be read: " + e.getMessage());
    }
    return decode(bytes, display);
  }

  /** Decodes strict UTF-8, reporting the line and column of the first invalid byte. */
  public static String decode(byte[] bytes, String display) throws ManifestException {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int bad = in.position();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      String prefix = new String(bytes, lineStart, bad - lineStart, StandardCharsets.UTF_8);
      throw fail(
          display,
          line,
          prefix.codePointCount(0, prefix.length()) + 1,
          String.format(
              java.util.Locale.ROOT,
              "invalid UTF-8 (byte 0x%02X at offset %d); save the file as UTF-8",
              bytes[bad] & 0xff,
              bad));
    }
    decoder.flush(out);
    out.flip();
    String text = out.toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  static ManifestException fail(String display, int line, int column, String message) {
    return new ManifestException(Diagnostic.error(display, line, column, message));
  }
}
