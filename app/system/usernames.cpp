#include "usernames.h"

#include <QHash>
#include <QMutex>

#include <pwd.h>
#include <unistd.h>

namespace UserNames {

QString name(qint64 uid)
{
    if (uid < 0)
        return QString();
    static QMutex mutex;
    static QHash<qint64, QString> cache;
    {
        QMutexLocker lock(&mutex);
        const auto it = cache.constFind(uid);
        if (it != cache.cend())
            return it.value();
    }
    QByteArray buffer(16 * 1024, Qt::Uninitialized);
    passwd entry{};
    passwd *found = nullptr;
    QString result = QString::number(uid);
    if (::getpwuid_r(uid_t(uid), &entry, buffer.data(), size_t(buffer.size()), &found) == 0 && found
        && found->pw_name)
        result = QString::fromLocal8Bit(found->pw_name);
    QMutexLocker lock(&mutex);
    cache.insert(uid, result);
    return result;
}

} // namespace UserNames
