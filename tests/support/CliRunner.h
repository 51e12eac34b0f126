#pragma once

// Runs reslens-cli as a script would and keeps what it said.

#include <QByteArray>
#include <QProcessEnvironment>
#include <QStringList>

struct CliRun {
    int exitCode = -1;  // -1: did not finish in time, -2: crashed
    QByteArray out;
    QByteArray err;

    // Exit code 2 and exactly one line on stderr, "reslens-cli: error: ...".
    bool isOneLineUsageError() const;
};

CliRun runCli(const QStringList& args,
              const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
              int timeoutMs = 120000);

// Runs reslens-cli and sends it `signal` once `path` exists (or after 20 s), 0.3 s later.
// Returns its exit code, minus the signal that ended it, or -1 if it did not end in 60 s.
int interruptCliOnceWritten(const QStringList& args, const QString& path, int signal);
