package dev.nixmigrate.migrate;

/** A file's line endings: CRLF when most of its lines end so, else LF. */
enum LineEndings {
  LF,
  CRLF;

  static LineEndings of(String text) {
    if (text == null) {
      return LF;
    }
    int crlf = 0;
    int lf = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (i > 0 && text.charAt(i - 1) == '\r') {
          crlf++;
        } else {
          lf++;
        }
      }
    }
    return crlf > lf ? CRLF : LF;
  }

  String toLf(String text) {
    return text.replace("\r\n", "\n");
  }

  /** LF text in this style. */
  String apply(String lfText) {
    return this == CRLF ? lfText.replace("\r\n", "\n").replace("\n", "\r\n") : lfText;
  }
}
