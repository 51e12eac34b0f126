#include "CliRunner.h"

#include <QProcess>

bool CliRun::isOneLineUsageError() const {
    const QByteArray text = err.trimmed();
    return exitCode == 2 && !text.contains('\n') && text.startsWith("reslens-cli: error: ");
}

CliRun runCli(const QStringList& args, const QProcessEnvironment& environment, int timeoutMs) {
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(RESLENS_CLI_PATH, args);
    CliRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -2;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}
