// Why attaching a watch to a running process would be refused, asked before
// trying and again to explain a PTRACE_SEIZE that failed. The causes are
// checked in the order strace reports them: the process does not exist, it
// is SpawnScope itself or one of its tracers, another tracer already has it
// (TracerPid), it is another user's, or kernel.yama.ptrace_scope forbids it.
// Nothing is ever elevated; the text says what would allow it.
#pragma once

#include <QCoreApplication>
#include <QString>

class AttachCheck
{
    Q_DECLARE_TR_FUNCTIONS(AttachCheck)
public:
    // Empty when nothing here forbids attaching to pid (the kernel may still
    // refuse: a seccomp profile, an LSM); otherwise one sentence naming the
    // cause. procRoot: a directory laid out like /proc; empty for "/proc".
    static QString refusal(qint64 pid, const QByteArray &procRoot = QByteArray());
    // The sentence for a PTRACE_SEIZE that failed with error (errno): the
    // cause refusal() finds, or the system's own words when it finds none.
    static QString seizeFailure(qint64 pid, int error);

    // kernel.yama.ptrace_scope, or -1 when the kernel has no Yama.
    static int ptraceScope(const QByteArray &procRoot = QByteArray());
    // What a ptrace_scope value allows, in a sentence.
    static QString scopeMeaning(int scope);
};
