#include "runcomparison.h"

#include "jobformat.h"
#include "jobprocess.h"
#include "jobrun.h"

#include <QLocale>

#include <algorithm>

namespace {

struct Figures
{
    double cpuMs = -1;
    double peakRssKb = -1;
};

Figures figuresOf(const JobRun *run)
{
    Figures figures;
    for (const JobProcess *job : run->jobs()) {
        if (!job)
            continue;
        const JobResources &res = job->resources();
        if (res.cpuUserMs >= 0 && res.cpuSysMs >= 0)
            figures.cpuMs = std::max(figures.cpuMs, 0.0) + double(res.cpuUserMs + res.cpuSysMs);
        if (res.peakRssKb >= 0)
            figures.peakRssKb = std::max(figures.peakRssKb, double(res.peakRssKb));
    }
    return figures;
}

} // namespace

QString RunComparison::ratio(double a, double b)
{
    if (a <= 0 || b < 0)
        return QStringLiteral("—");
    return tr("×%1").arg(QLocale().toString(b / a, 'f', b / a < 10 ? 2 : 1));
}

QList<RunComparison::Row> RunComparison::compare(const JobRun *a, const JobRun *b)
{
    const Figures fa = figuresOf(a);
    const Figures fb = figuresOf(b);
    const auto unknownOr = [](double value, const QString &text) { return value < 0 ? tr("not measured") : text; };
    QList<Row> rows;
    auto add = [&rows](const QString &label, const QString &tooltip, double va, double vb, const QString &ta,
                       const QString &tb) {
        rows << Row{label, tooltip, va, vb, ta, tb, ratio(va, vb)};
    };
    add(tr("Wall time"), tr("From the first child's start to the last one's exit"), a->wallMs(), b->wallMs(),
        JobFormat::seconds(a->wallMs()), JobFormat::seconds(b->wallMs()));
    add(tr("Σ children's time"), tr("Every child's own lifetime, added up"), a->sumMs(), b->sumMs(),
        JobFormat::seconds(a->sumMs()), JobFormat::seconds(b->sumMs()));
    add(tr("Parallelism (Σ ÷ wall)"), tr("About 1 when the children ran one at a time, about N when N ran at once"),
        a->parallelism(), b->parallelism(), JobFormat::parallelism(a->parallelism()),
        JobFormat::parallelism(b->parallelism()));
    add(tr("CPU time"), tr("User plus system time of every child, exact from the kernel where it could tell"),
        fa.cpuMs, fb.cpuMs, unknownOr(fa.cpuMs, JobFormat::cpuTime(qint64(fa.cpuMs))),
        unknownOr(fb.cpuMs, JobFormat::cpuTime(qint64(fb.cpuMs))));
    add(tr("Peak memory"), tr("The most resident memory one child held"), fa.peakRssKb, fb.peakRssKb,
        unknownOr(fa.peakRssKb, JobFormat::kibibytes(qint64(fa.peakRssKb))),
        unknownOr(fb.peakRssKb, JobFormat::kibibytes(qint64(fb.peakRssKb))));
    add(tr("Jobs"), tr("Children started"), double(a->jobs().size()), double(b->jobs().size()),
        QLocale().toString(qint64(a->jobs().size())), QLocale().toString(qint64(b->jobs().size())));
    add(tr("Failed"), tr("Children that failed, timed out or were killed"), a->failedCount(), b->failedCount(),
        QLocale().toString(a->failedCount()), QLocale().toString(b->failedCount()));
    return rows;
}
