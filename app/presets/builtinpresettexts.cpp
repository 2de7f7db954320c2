#include "builtinpresettexts.h"

#include <QtGlobal>

QList<const char *> BuiltinPresetTexts::all()
{
    return {
        QT_TRANSLATE_NOOP("BuiltinPresets", "Hello from the child"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "Start one child process and read what it prints. communicate() waits for it to exit and "
                          "returns its output."),
        QT_TRANSLATE_NOOP("BuiltinPresets", "Polling a running child"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "The parent keeps working while the child runs, asking poll() every 0.2 s. sleep 0.3 is "
                          "still running at 0 s and 0.2 s, so it is polled twice (\"Working...\" twice), then exits "
                          "with status 0."),
        QT_TRANSLATE_NOOP("BuiltinPresets", "Ten sleeps in parallel"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "Start ten children first, then wait for them all. They run in parallel: the wall time is "
                          "about 0.1 s although the children add up to about 1 s."),
        QT_TRANSLATE_NOOP("BuiltinPresets", "Ten sleeps from CPython, watched"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "The seed's own fan-out script, run by python3 under watch. Every sleep that CPython's "
                          "Popen starts becomes a row under python3 and a lane on the timeline, with its exit code, "
                          "CPU time and peak memory. Run \"Ten sleeps in parallel\" as well: the same ten children, "
                          "started by SpawnScope instead, on the same timeline."),
        QT_TRANSLATE_NOOP("BuiltinPresets", "Encrypt with openssl"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "Three openssl children, each fed 10 random bytes on stdin and then EOF. The password "
                          "travels in an environment variable. The last 10 bytes of each ciphertext are shown in hex, "
                          "and openssl's warning on stderr is kept."),
        QT_TRANSLATE_NOOP("BuiltinPresets", "Chain: openssl | md5sum"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "Three chains. Each openssl child's stdout is an OS pipe into an md5sum child's stdin, so "
                          "data flows between children without passing through the parent. The chain's result is the "
                          "digest."),
        QT_TRANSLATE_NOOP("BuiltinPresets", "Chain: openssl | whirlpool"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "The second edition's chain: encrypt 100 random bytes, then hash the ciphertext with "
                          "whirlpool. OpenSSL 3 keeps whirlpool in its legacy provider, so the hash stage loads it "
                          "with -provider legacy. The digest is binary, so it is shown in hex."),
        QT_TRANSLATE_NOOP("BuiltinPresets", "Timeout after 0.1 s"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "communicate(timeout=0.1) gives up after 0.1 s and terminate() sends SIGTERM. The child "
                          "dies of that signal, so it has no exit code of its own."),
        QT_TRANSLATE_NOOP("BuiltinPresets", "Buffering: through a pipe"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "Run this, then \"Buffering: pipe and terminal side by side\", and compare. The child prints 1, "
                          "sleeps 2 s and prints 2. Its stdout is a pipe, so Python block-buffers it: nothing arrives for 2 "
                          "s, then both lines at once when it exits. PYTHONUNBUFFERED is cleared for the child, as it would "
                          "switch the buffering off."),
        QT_TRANSLATE_NOOP("BuiltinPresets", "Buffering: pipe and terminal side by side"),
        QT_TRANSLATE_NOOP("BuiltinPresets",
                          "The same child twice, side by side: the first copy through a pipe, the second in a "
                          "pseudo-terminal. It prints 1, sleeps 2 s and prints 2. Through the pipe Python block-buffers: "
                          "nothing for 2 s, then both lines at once when it exits. In the terminal Python sees isatty() and "
                          "line-buffers: 1 at once, 2 two seconds later. A program that must stream through a pipe can "
                          "flush itself (print(..., flush=True) or python3 -u). PYTHONUNBUFFERED is cleared for the child, "
                          "as it would switch the buffering off."),
    };
}
