#pragma once

// This process's resident memory, for tests that check that memory comes back or that
// nothing large was allocated. Qt Core only.

#include <QFile>

namespace reslens::testing {

// Resident memory of this process, in bytes (-1 where /proc is not there).
inline qint64 residentBytes() {
    QFile statm("/proc/self/statm");
    if (!statm.open(QIODevice::ReadOnly)) {
        return -1;
    }
    return statm.readAll().split(' ').value(1).toLongLong() * 4096;
}

}  // namespace reslens::testing
