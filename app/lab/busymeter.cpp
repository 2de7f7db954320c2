#include "busymeter.h"

#include <QFile>

#include <algorithm>
#include <chrono>

#include <sys/resource.h>
#include <time.h>

namespace {

// The fields of a "cpu" line, in the kernel's order (proc(5)).
enum Field { User, Nice, System, Idle, IoWait, Irq, SoftIrq, Steal, FieldCount };

// Parses "cpu  1 2 3 4 ..." (the aggregate line); false when fewer than the
// four fields every kernel has, or when one is not a number.
bool parseCpuLine(QByteArrayView line, quint64 (&fields)[FieldCount])
{
    std::fill(std::begin(fields), std::end(fields), 0);
    int count = 0;
    qsizetype i = 3; // past "cpu"
    while (i < line.size() && count < FieldCount) {
        while (i < line.size() && line.at(i) == ' ')
            ++i;
        if (i == line.size())
            break;
        quint64 value = 0;
        const qsizetype begin = i;
        while (i < line.size() && line.at(i) >= '0' && line.at(i) <= '9')
            value = value * 10 + quint64(line.at(i++) - '0');
        if (i == begin || (i < line.size() && line.at(i) != ' '))
            return false;
        fields[count++] = value;
    }
    return count >= Idle + 1;
}

double msOf(const timeval &tv)
{
    return double(tv.tv_sec) * 1e3 + double(tv.tv_usec) / 1e3;
}

double ownCpuMs()
{
    timespec self{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &self);
    rusage children{};
    getrusage(RUSAGE_CHILDREN, &children);
    return double(self.tv_sec) * 1e3 + double(self.tv_nsec) / 1e6 + msOf(children.ru_utime) + msOf(children.ru_stime);
}

} // namespace

BusyMeter::Snapshot BusyMeter::parseProcStat(QByteArrayView text)
{
    Snapshot snapshot;
    bool aggregate = false;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        const QByteArrayView line = text.sliced(start, end - start);
        start = end + 1;
        if (!line.startsWith("cpu")) {
            if (aggregate)
                break; // the CPU lines come first; intr and the rest are not needed
            continue;
        }
        if (line.size() > 3 && line.at(3) >= '0' && line.at(3) <= '9') {
            ++snapshot.cores;
            continue;
        }
        quint64 fields[FieldCount];
        if (aggregate || !parseCpuLine(line, fields))
            return {};
        aggregate = true;
        snapshot.busyTicks = fields[User] + fields[Nice] + fields[System] + fields[Irq] + fields[SoftIrq] + fields[Steal];
        snapshot.totalTicks = snapshot.busyTicks + fields[Idle] + fields[IoWait];
    }
    snapshot.valid = aggregate && snapshot.cores > 0;
    return snapshot.valid ? snapshot : Snapshot{};
}

BusyMeter::Snapshot BusyMeter::take(const QString &procStatPath)
{
    Snapshot snapshot;
    QFile file(procStatPath);
    if (file.open(QIODevice::ReadOnly))
        snapshot = parseProcStat(file.readAll());
    snapshot.ownCpuMs = ownCpuMs();
    snapshot.wallMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
    return snapshot;
}

MachineLoad BusyMeter::between(const Snapshot &start, const Snapshot &end)
{
    MachineLoad load;
    load.cores = end.valid ? end.cores : start.cores;
    const double wallMs = end.wallMs - start.wallMs;
    // A CPU brought on- or offline, or counters that went backwards (seen on
    // some hypervisors), make the difference meaningless.
    if (!start.valid || !end.valid || start.cores != end.cores || end.totalTicks <= start.totalTicks
        || end.busyTicks < start.busyTicks || wallMs < MinWallMs)
        return load;
    const double busyCores = double(end.cores) * double(end.busyTicks - start.busyTicks)
                             / double(end.totalTicks - start.totalTicks);
    const double ownCores = std::max(0.0, end.ownCpuMs - start.ownCpuMs) / wallMs;
    load.known = true;
    load.othersCores = std::clamp(busyCores - ownCores, 0.0, double(end.cores));
    return load;
}
