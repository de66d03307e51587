package dev.nixmigrate.core;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a long run is doing now, for a progress line: the work reports each stage ({@link #report})
 * and the caller decides where, if anywhere, it shows ({@link #reporting}). A report goes to the
 * sink of the thread's innermost {@link #reporting} call, or nowhere.
 */
public final class Progress {
  private static final ThreadLocal<Consumer<String>> SINK = new ThreadLocal<>();

  private Progress() {}

  /** Runs {@code work}, sending what it reports on this thread to {@code sink}. */
  public static <T> T reporting(Consumer<String> sink, Supplier<T> work) {
    Objects.requireNonNull(sink);
    Consumer<String> outer = SINK.get();
    SINK.set(sink);
    try {
      return work.get();
    } finally {
      if (outer == null) {
        SINK.remove();
      } else {
        SINK.set(outer);
      }
    }
  }

  /** Says what the run is doing now, in a few words ("scanning: 12000 files"). */
  public static void report(String what) {
    Consumer<String> sink = SINK.get();
    if (sink != null) {
      sink.accept(what);
    }
  }
}
