package dev.nixmigrate.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One line on stderr saying what a slow command is doing: shown once the command has run for a
 * second, redrawn in place, and wiped when the command ends, so that nothing of it stays between
 * the command's own lines. Only for a terminal: piped or captured output never sees it.
 */
final class ProgressLine implements Consumer<String>, AutoCloseable {
  /** A command faster than this shows no progress at all. */
  static final Duration DELAY = Duration.ofSeconds(1);

  private static final int WIDTH = 72;

  private final PrintWriter err;
  private final LongSupplier nanos;
  private final long start;
  private final ScheduledExecutorService ticker;
  private String latest;
  private String shown;

  /**
   * A line on {@code err}, timed by {@code nanos}; {@code tick} redraws it on a timer, so that a
   * stage that takes long still appears once the second has passed.
   */
  ProgressLine(PrintWriter err, LongSupplier nanos, boolean tick) {
    this.err = err;
    this.nanos = nanos;
    this.start = nanos.getAsLong();
    if (tick) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "nixmigrate-progress");
                t.setDaemon(true);
                return t;
              });
      ticker.scheduleAtFixedRate(this::draw, 250, 250, TimeUnit.MILLISECONDS);
    } else {
      ticker = null;
    }
  }

  /**
   * The sink for a command: a progress line on the terminal's stderr, or nothing when {@code
   * quiet}, when stdout or stderr is not a terminal, or under {@code TERM=dumb}.
   */
  static Consumer<String> forCommand(boolean quiet) {
    if (quiet || System.console() == null || "dumb".equals(System.getenv("TERM"))) {
      return null;
    }
    return new ProgressLine(new PrintWriter(System.err, true), System::nanoTime, true);
  }

  @Override
  public synchronized void accept(String what) {
    latest = what;
    draw();
  }

  synchronized void draw() {
    if (latest == null || latest.equals(shown) || nanos.getAsLong() - start < DELAY.toNanos()) {
      return;
    }
    // A file name of the repository's may be in the line: no control character reaches the
    // terminal.
    String plain = dev.nixmigrate.core.internal.text.Printable.of(latest);
    String text = plain.length() > WIDTH ? plain.substring(0, WIDTH - 1) + "…" : plain;
    err.print("\r\033[K" + text + " …");
    err.flush();
    shown = latest;
  }

  /** Wipes the line; the next report draws it again. */
  synchronized void wipe() {
    if (shown != null) {
      err.print("\r\033[K");
      err.flush();
      shown = null;
    }
    latest = null;
  }

  /**
   * {@code target}, wiping the line before each write: the command's own output never shares a line
   * with the progress.
   */
  PrintWriter before(PrintWriter target) {
    return new PrintWriter(
        new java.io.Writer() {
          @Override
          public void write(char[] buf, int off, int len) {
            synchronized (ProgressLine.this) {
              wipe();
              target.write(buf, off, len);
            }
          }

          @Override
          public void flush() {
            target.flush();
          }

          @Override
          public void close() {
            target.flush();
          }
        },
        true);
  }

  @Override
  public synchronized void close() {
    if (ticker != null) {
      ticker.shutdownNow();
    }
    wipe();
  }
}
