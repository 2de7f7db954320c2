#include "documentformat.h"

#include <QFile>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

namespace {

// A JSON scanner over the top level of one object: keys are read, values
// skipped (strings and nesting counted, nothing kept).
class Scanner
{
public:
    explicit Scanner(QIODevice *device) : m_device(device) {}

    std::optional<QString> format()
    {
        if (!nextSolid() || m_c != '{')
            return std::nullopt;
        for (;;) {
            if (!nextSolid() || m_c != '"')
                return std::nullopt; // '}' too: no "format"
            QByteArray key;
            if (!string(&key) || !nextSolid() || m_c != ':' || !nextSolid())
                return std::nullopt;
            if (decoded(key) == QLatin1String("format")) {
                QByteArray value;
                if (m_c != '"' || !string(&value))
                    return std::nullopt;
                const std::optional<QString> text = decoded(value);
                return text;
            }
            if (!skipValue() || m_c != ',')
                return std::nullopt;
        }
    }

private:
    static constexpr qsizetype MaxKeptBytes = 4096; // a key or the format's value

    bool next()
    {
        if (m_at == m_chunk.size()) {
            if (m_used >= DocumentFormat::MaxScanBytes)
                return false;
            m_chunk = m_device->read(std::min<qint64>(64 * 1024, DocumentFormat::MaxScanBytes - m_used));
            m_used += m_chunk.size();
            m_at = 0;
            if (m_chunk.isEmpty())
                return false;
        }
        m_c = m_chunk.at(m_at++);
        return true;
    }
    // The next character that is not white space.
    bool nextSolid()
    {
        do {
            if (!next())
                return false;
        } while (m_c == ' ' || m_c == '\n' || m_c == '\r' || m_c == '\t');
        return true;
    }
    // From the opening quote in m_c to the closing one, kept raw in *out.
    bool string(QByteArray *out)
    {
        if (out)
            *out += '"';
        while (next()) {
            if (out && out->size() < MaxKeptBytes)
                *out += m_c;
            if (m_c == '\\') {
                if (!next())
                    return false;
                if (out && out->size() < MaxKeptBytes)
                    *out += m_c;
            } else if (m_c == '"') {
                return !out || out->size() < MaxKeptBytes;
            }
        }
        return false;
    }
    // Skips the value starting at m_c; leaves m_c on what follows it.
    bool skipValue()
    {
        if (m_c == '"')
            return string(nullptr) && nextSolid();
        if (m_c == '{' || m_c == '[') {
            int depth = 1;
            while (depth > 0) {
                if (!next())
                    return false;
                if (m_c == '"' && !string(nullptr))
                    return false;
                if (m_c == '{' || m_c == '[')
                    ++depth;
                else if (m_c == '}' || m_c == ']')
                    --depth;
            }
            return nextSolid();
        }
        for (;;) { // a number, true, false or null
            if (!next())
                return false;
            if (m_c == ',' || m_c == '}')
                return true;
            if (m_c == ' ' || m_c == '\n' || m_c == '\r' || m_c == '\t')
                return nextSolid();
        }
    }
    // A raw JSON string (with its quotes) as text: escapes undone by Qt's parser.
    static std::optional<QString> decoded(const QByteArray &raw)
    {
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson('[' + raw + ']', &error);
        if (error.error != QJsonParseError::NoError || !doc.array().at(0).isString())
            return std::nullopt;
        return doc.array().at(0).toString();
    }

    QIODevice *m_device;
    QByteArray m_chunk;
    qsizetype m_at = 0;
    qint64 m_used = 0;
    char m_c = 0;
};

} // namespace

std::optional<QString> DocumentFormat::read(QIODevice *device)
{
    return Scanner(device).format();
}

std::optional<QString> DocumentFormat::read(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    return read(&file);
}
