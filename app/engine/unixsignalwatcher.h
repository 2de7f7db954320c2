// Turns SIGINT, SIGTERM and SIGHUP sent to the app into a Qt signal, so the
// app can stop its children before it goes (children lead their own process
// groups, so a terminal's Ctrl+C does not reach them).
#pragma once

#include <QObject>

class QSocketNotifier;

class UnixSignalWatcher : public QObject
{
    Q_OBJECT
public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

signals:
    void received(int signal);

private:
    QSocketNotifier *m_notifier = nullptr;
};
