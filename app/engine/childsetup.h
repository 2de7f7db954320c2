// What a child is given between fork and exec: its own process group (or
// session, for a terminal), stdin/stdout/stderr from the app's descriptors
// and no other inherited one, the open-files limit the app started with, a
// fork-bomb brake, and death with the app (PDEATHSIG).
#pragma once

class QProcess;
struct StageSpec;

class ChildSetup
{
public:
    // The descriptors the child gets; -1 for none (stdin, stdout and stderr
    // then stay as QProcess set them).
    struct Descriptors
    {
        int stdinFd = -1;
        int stdoutFd = -1;
        int stderrFd = -1;
        // A terminal's slave side: becomes all three, and the child starts a
        // session so it can be the controlling tty.
        int terminalFd = -1;
        // A tracer's events pipe, kept open across exec under its own number.
        int eventsFd = -1;
    };
    // Sets process's program, arguments, working directory and environment
    // (the app's, with stage's variables over it).
    static void prepare(QProcess *process, const StageSpec &stage);
    // Sets process's child modifier. maxMoreProcesses > 0 caps the user's
    // processes (RLIMIT_NPROC) at what they own now plus that many.
    static void install(QProcess *process, const Descriptors &fds, int maxMoreProcesses);
    // The app's /dev/null, opened once: a child without stdin gets a copy
    // (dup2 in the child) instead of QProcess opening the file for every
    // child. -1 if it could not be opened.
    static int sharedNullDevice();
};
