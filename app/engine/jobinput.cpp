#include "jobinput.h"

#include "terminalinput.h"

#include <QProcess>

JobInput::JobInput(QProcess *process)
    : m_process(process)
{
}

bool JobInput::isClosed() const
{
    return m_closed || (m_terminal && !m_terminal->isOpen());
}

void JobInput::feed(const QByteArray &data)
{
    m_fedBytes = data.size();
    m_closed = true;
    if (m_terminal) {
        // Typed into the terminal, then its EOF character, as if at a keyboard.
        QByteArray typed = data;
        if (!typed.isEmpty() && !typed.endsWith('\n'))
            typed += '\n'; // VEOF ends input only at the start of a line
        m_terminal->type(typed);
        m_terminal->typeEndOfInput();
    } else {
        // QProcess buffers this until the child's stdin is writable, then the
        // close makes the child see EOF once everything was written.
        m_process->write(data);
        m_process->closeWriteChannel();
    }
}

void JobInput::send(const QByteArray &bytes, double atMs, qint64 stdoutOffset)
{
    if (isClosed())
        return;
    if (m_terminal)
        m_terminal->type(bytes);
    else
        m_process->write(bytes);
    m_sentBytes += bytes.size();
    if (m_records.size() >= MaxRecords)
        m_records.removeFirst();
    m_records.append({atMs, stdoutOffset, bytes});
}

void JobInput::close()
{
    if (isClosed())
        return;
    m_closed = true;
    if (m_terminal)
        m_terminal->typeEndOfInput();
    else
        m_process->closeWriteChannel();
}

void JobInput::restore(qint64 fedBytes, qint64 sentBytes, const QList<InputRecord> &records)
{
    m_closed = true;
    m_fedBytes = fedBytes;
    m_sentBytes = sentBytes;
    m_records = records;
}
