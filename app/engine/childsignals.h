// Signals to a job's child and its process group, sent only while QProcess
// has not reaped the child: until then its pid, and so its group's id,
// cannot have been recycled. An attached job's program is someone else's,
// running before the app came: what is meant for the program goes to it
// alone, while the tracer (the child) lives.
#pragma once

class QProcess;

class ChildSignals
{
public:
    // attachPid: the attached program, or 0.
    ChildSignals(const QProcess *process, long long attachPid);
    // The child's pid, once it started.
    void setPid(long long pid) { m_pid = pid; }
    // The whole group, or the child alone if it left its group (setsid).
    bool group(int signal) const;
    // group(), or the attached program alone.
    bool program(int signal) const;
    // The child alone.
    bool child(int signal) const;

private:
    bool alive() const;

    const QProcess *m_process;
    long long m_attachPid;
    long long m_pid = 0;
};
