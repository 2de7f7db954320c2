// A job's pseudo-terminal: opens it (the slave side for the child, the
// master for reading its output), and types into it. What the terminal
// cannot take yet (the child is not reading) waits for room without
// blocking the app.
#pragma once

#include <QByteArray>
#include <QObject>

class QSocketNotifier;

class TerminalInput : public QObject
{
    Q_OBJECT
public:
    explicit TerminalInput(QObject *parent = nullptr);
    ~TerminalInput() override;

    // Opens a pseudo-terminal of 120x40: *master (non-blocking) is read for
    // the child's output and *slave is for the child; both close-on-exec, and
    // the caller owns them. This keeps a duplicate of the master for typing.
    // False, errno set and nothing left open, if the kernel refused.
    bool open(int *master, int *slave);
    bool isOpen() const { return m_fd >= 0; }
    // As if typed: the terminal echoes the bytes and acts on ^C, ^D...
    void type(const QByteArray &bytes);
    // The terminal's EOF character (VEOF), which ends input only at the start
    // of a line, as when typed. (Closing the master would hang up the
    // terminal, SIGHUP, not end input.)
    void typeEndOfInput();
    void close();

private:
    void flush();

    int m_fd = -1; // a duplicate of the master, for writing
    QByteArray m_pending; // typed bytes the terminal has not taken yet
    QSocketNotifier *m_writable = nullptr;
};
