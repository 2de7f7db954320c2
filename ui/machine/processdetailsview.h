// The Machine panel's details of the selected process: what the scan knows
// (command, user, state, figures) and what ProcessDetails read for it
// (directory, parents, memory, threads, descriptors with their pipe peers,
// environment, limits, cgroup, namespaces), each part the kernel withheld
// replaced by its reason. Plain text, so it can be selected and copied; a
// refresh that changes nothing leaves the text, its scroll and its
// selection alone.
#pragma once

#include <QPlainTextEdit>

struct MachineProcess;
struct ProcessDetails;

class ProcessDetailsView : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit ProcessDetailsView(QWidget *parent = nullptr);

    // process: the scan's row, nullptr when nothing is selected; details
    // may be for another pid (not read yet) and is then left out.
    void showProcess(const MachineProcess *process, const ProcessDetails &details);
    // The text showProcess() shows, for tests and for the copy.
    static QString compose(const MachineProcess &process, const ProcessDetails &details);

private:
    static void addDetails(QStringList &lines, const ProcessDetails &details);
};
