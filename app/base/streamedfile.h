// A file written piece by piece, for output too large to build in memory
// first (the report of a million jobs), with AtomicFile's rules: "-" is
// stdout, a regular file appears whole or not at all (QSaveFile, renamed into
// place by commit()), a special file (/dev/null, a FIFO) is written in place
// (a FIFO without blocking past a SIGINT or SIGTERM),
// and a failure reads "cannot write WHAT to PATH: why".
#pragma once

#include <QByteArray>
#include <QString>

#include <memory>

class QFileDevice;

class StreamedFile
{
public:
    StreamedFile();
    ~StreamedFile();

    bool open(const QString &path, const QString &what, QString *error);
    // A failed write is remembered and reported by commit(); later writes
    // are dropped.
    void write(const QByteArray &bytes);
    // Flushes and, for a regular file, renames it into place. False, with
    // *error, if anything failed; the previous file is then unchanged.
    bool commit(QString *error);

private:
    bool fail(const QString &why, QString *error);
    // A FIFO (or a socket): written without blocking, waiting in poll()
    // slices, so SIGINT and SIGTERM (StopRequest) end a wait for a reader
    // that has stopped reading.
    void writeToPipe(const QByteArray &bytes);

    std::unique_ptr<QFileDevice> m_file;
    QString m_what;
    QString m_shownPath;
    bool m_atomic = false;
    bool m_failed = false;
    int m_pipe = -1;
    QString m_pipeError;
};
