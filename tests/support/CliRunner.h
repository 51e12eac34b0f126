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
