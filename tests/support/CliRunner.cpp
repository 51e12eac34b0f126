#include "CliRunner.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <QElapsedTimer>
#include <QFile>
#include <cerrno>
#include <string>
#include <vector>

bool CliRun::isOneLineUsageError() const {
    const QByteArray text = err.trimmed();
    return exitCode == 2 && !text.contains('\n') && text.startsWith("reslens-cli: error: ");
}

// fork and exec, not QProcess: Qt 6.4 starts processes with clone(CLONE_PIDFD), which
// clang 14's ThreadSanitizer cannot follow (a CHECK failure in the child), and the CLI tests
// run under tools/sanitize.sh --thread.
CliRun runCli(const QStringList& args, const QProcessEnvironment& environment, int timeoutMs) {
    std::vector<std::string> words{RESLENS_CLI_PATH};
    for (const QString& arg : args) {
        words.push_back(arg.toStdString());
    }
    std::vector<std::string> variables;
    for (const QString& variable : environment.toStringList()) {
        variables.push_back(variable.toStdString());
    }
    std::vector<char*> argv, envp;
    for (std::string& word : words) {
        argv.push_back(word.data());
    }
    argv.push_back(nullptr);
    for (std::string& variable : variables) {
        envp.push_back(variable.data());
    }
    envp.push_back(nullptr);

    CliRun run;
    int out[2], err[2];
    if (pipe2(out, O_CLOEXEC) != 0 || pipe2(err, O_CLOEXEC) != 0) {
        return run;
    }
    const pid_t pid = fork();
    if (pid == 0) {
        const int devNull = open("/dev/null", O_RDONLY);
        dup2(devNull, 0);
        dup2(out[1], 1);
        dup2(err[1], 2);
        execve(argv[0], argv.data(), envp.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    QElapsedTimer clock;
    clock.start();
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    QByteArray* sinks[2] = {&run.out, &run.err};
    int open = 2;
    bool timedOut = false;
    while (open > 0) {
        const qint64 left = timeoutMs - clock.elapsed();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        if (poll(fds, 2, int(std::min<qint64>(left, 1000))) < 0 && errno != EINTR) {
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd >= 0 && (fds[i].revents & (POLLIN | POLLHUP | POLLERR))) {
                char buffer[65536];
                const ssize_t got = read(fds[i].fd, buffer, sizeof buffer);
                if (got > 0) {
                    sinks[i]->append(buffer, got);
                } else if (got == 0 || errno != EINTR) {
                    close(fds[i].fd);
                    fds[i].fd = -1;
                    --open;
                }
            }
        }
    }
    for (const pollfd& fd : fds) {
        if (fd.fd >= 0) {
            close(fd.fd);
        }
    }
    if (timedOut) {
        kill(pid, SIGKILL);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (timedOut) {
        return CliRun{-1, run.out, run.err};
    }
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -2;
    return run;
}

int interruptCliOnceWritten(const QStringList& args, const QString& path, int signal) {
    std::vector<std::string> words{RESLENS_CLI_PATH};
    for (const QString& arg : args) {
        words.push_back(arg.toStdString());
    }
    std::vector<char*> argv;
    for (std::string& word : words) {
        argv.push_back(word.data());
    }
    argv.push_back(nullptr);
    const pid_t pid = fork();
    if (pid == 0) {
        const int devNull = open("/dev/null", O_RDWR);
        dup2(devNull, 0);
        dup2(devNull, 1);
        dup2(devNull, 2);
        execv(argv[0], argv.data());
        _exit(127);
    }
    QElapsedTimer clock;
    clock.start();
    int status = 0;
    bool ended = false;
    while (!QFile::exists(path) && clock.elapsed() < 20000) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
            ended = true;
            break;
        }
        usleep(20000);
    }
    if (!ended) {
        usleep(300000);  // into the next steps and checkpoints
        kill(pid, signal);
        clock.restart();
        while (waitpid(pid, &status, WNOHANG) != pid) {
            if (clock.elapsed() > 60000) {
                kill(pid, SIGKILL);
                waitpid(pid, &status, 0);
                return -1;
            }
            usleep(20000);
        }
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}
