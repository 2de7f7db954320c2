// The open descriptors of one process for ProcessDetails: each /proc/PID/fd
// link classified (file, pipe, socket, terminal, other), with its access
// from fdinfo's flags, each pipe with the processes holding the other end
// and each socket with its addresses. The other ends come from one pass over
// every process's fd links, kept only for the wanted pipe inodes (an index by
// inode, not a search per pipe), so the cost is one readlink per descriptor
// on the machine, once per call.
#pragma once

#include "processdetails.h"

#include <QByteArray>
#include <QByteArrayView>

class DescriptorReader
{
public:
    // Reads pid's descriptors into *out, or says why not in *problem.
    static void read(const QByteArray &procRoot, qint64 pid, qint64 ownerUid, QList<ProcessDetails::Descriptor> *out,
                     QString *problem);

    // "pipe:[123]" is a Pipe with inode 123; "/dev/pts/3" a Terminal; ...
    static ProcessDetails::Descriptor::Kind classify(QByteArrayView target, quint64 *inode);
    // The access mode on fdinfo's "flags:" line (octal), Unknown without one.
    static ProcessDetails::PipeEnd::Access accessFromFdinfo(QByteArrayView text);
};
