// Picks the window's language and installs its translators: Korean from
// --lang ko or a Korean system locale, English otherwise.
#pragma once

#include <QString>

class Translations
{
public:
    // requested: "en", "ko" or empty for the system locale. Needs a
    // QCoreApplication; returns the language now in use ("en" or "ko").
    static QString install(const QString &requested);
    // The language the system locale asks for, of those we have.
    static QString systemLanguage();
    // The compiled translation in the resources, e.g. ":/i18n/spawnscope_ko.qm".
    static QString resourcePath(const QString &language);
};
