// A bounded record of one output stream: the last N bytes and an exact count
// of everything that passed, so a child writing gigabytes costs constant memory.
#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

#include <memory>

class OutputTail
{
public:
    static constexpr qsizetype DefaultCapacity = 1024 * 1024;

    explicit OutputTail(qsizetype capacity = DefaultCapacity);

    void append(const char *data, qsizetype size);
    void append(const QByteArray &data) { append(data.constData(), data.size()); }

    // For reading straight into the ring (one copy, kernel to tail): where the
    // next bytes go and how many fit contiguously there, or nullptr while the
    // ring is still growing (then append() a copy). commit(n) accounts for n
    // bytes written there, n <= the size given; the oldest are overwritten.
    char *writeRegion(qsizetype *size);
    void commit(qsizetype n);

    // The kept bytes, oldest first (at most capacity()).
    QByteArray tail() const;
    // The last n kept bytes.
    QByteArray last(qsizetype n) const;
    // The last non-empty line, without its newline, cut to maxChars bytes.
    QByteArray lastLine(qsizetype maxBytes = 512) const;

    qint64 totalBytes() const { return m_total; }
    qsizetype keptBytes() const { return m_size; }
    qsizetype capacity() const { return m_capacity; }
    bool truncated() const { return m_total > m_size; }

    // Keeps only the last keep bytes and never more from now on, freeing the
    // rest: how the output budget makes room. totalBytes() stays exact, and
    // trimmed() says the tail is shorter than it would have been.
    void shrinkTo(qsizetype keep);
    bool trimmed() const { return m_trimmed; }

    // A recorded stream (a session file): kept are its last bytes, total
    // the count of everything that passed. The capacity grows to hold kept.
    void restore(const QByteArray &kept, qint64 total, bool trimmed);

    // Also writes every byte that passes to the file at path, as it arrives
    // (created or truncated, never through a symbolic link), so a full copy
    // costs no memory. False, with *error set, if it cannot be opened.
    bool copyTo(const QString &path, QString *error);
    // The same into fd, a file opened for writing (OutputDir opens it safely);
    // the tail owns fd from now on, path names it in messages.
    void copyTo(int fd, const QString &path);
    // The copy could not even be opened (a refused --output-dir file): the
    // copy is incomplete from the start, with error saying why.
    void failCopy(const QString &error);
    void closeCopy();
    // A write that fails (disk full, quota, a size limit) is logged once and
    // ends the copy: copyIncomplete() is then true, fileError() says which
    // file and why ("cannot write PATH: No space left on device"), and
    // copiedBytes() is what reached the file.
    bool copyIncomplete() const { return !m_fileError.isEmpty(); }
    QString fileError() const { return m_fileError; }
    qint64 copiedBytes() const { return m_copied; }

private:
    void writeCopy(const char *data, qsizetype size);

    char at(qsizetype logicalIndex) const;

    // A ring grown on demand up to m_capacity, then overwritten in place.
    QByteArray m_ring;
    qsizetype m_capacity;
    qsizetype m_start = 0; // index of the oldest byte in m_ring
    qsizetype m_size = 0;
    qint64 m_total = 0;
    bool m_trimmed = false;
    struct Copy;
    // Shared, so a tail stays copyable; it closes with the last copy.
    std::shared_ptr<Copy> m_file;
    QString m_fileError;
    qint64 m_copied = 0;
};
