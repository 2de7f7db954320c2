// The kept session is private: its file is 0600 and the folders SpawnScope
// makes for it 0700, from the first byte written. QSaveFile gives a new file
// 0666 less the umask but keeps an existing file's mode, so the file is made
// (empty, 0600, O_EXCL) or tightened before StreamedFile writes over it,
// and the temporary file QSaveFile renames into place is 0600 too.
#pragma once

#include <QCoreApplication>
#include <QString>

class PrivateFiles
{
    Q_DECLARE_TR_FUNCTIONS(PrivateFiles)
public:
    // Makes every missing folder of dir 0700 (PrivateDir), and takes group
    // and other access away from dir itself when it is the user's own (the
    // session's folder is SpawnScope's, unlike ~/.local/share above it). False, with
    // *error saying why (a phrase to follow "cannot write X to PATH: "),
    // when dir cannot be made.
    static bool makeFolder(const QString &dir, QString *error);
    // path's folder as makeFolder does, then path itself 0600: made empty
    // when missing (*created says so), or its mode tightened when it is a
    // regular file of the user's own. Symlinks are left alone.
    static bool prepareFile(const QString &path, bool *created, QString *error);
};
