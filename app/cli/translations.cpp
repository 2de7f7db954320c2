#include "translations.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

QString Translations::systemLanguage()
{
    const QStringList languages = QLocale::system().uiLanguages();
    for (const QString &language : languages) {
        if (language.startsWith(QLatin1String("ko")))
            return QStringLiteral("ko");
        if (language.startsWith(QLatin1String("en")))
            return QStringLiteral("en");
    }
    return QStringLiteral("en");
}

QString Translations::resourcePath(const QString &language)
{
    return QStringLiteral(":/i18n/spawnscope_%1.qm").arg(language);
}

QString Translations::install(const QString &requested)
{
    const QString language = requested.isEmpty() ? systemLanguage() : requested;
    if (language != QLatin1String("ko"))
        return QStringLiteral("en");

    auto *ours = new QTranslator(QCoreApplication::instance());
    if (!ours->load(resourcePath(language))) {
        delete ours;
        return QStringLiteral("en");
    }
    QCoreApplication::installTranslator(ours);
    // Qt's own strings (standard buttons, dialogs), when the system has them.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(QLocale(QLocale::Korean), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    QLocale::setDefault(QLocale(QLocale::Korean, QLocale::SouthKorea));
    return language;
}
