#include "model/runtime/ChildProcess.h"

#include "model/runtime/SanitizedBuild.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>

namespace reslens {
namespace {

constexpr size_t kMaxOutput = 64 * 1024;

// Between fork and exec only async-signal-safe calls: no allocation, no locks. On any
// failure the child ends with status 127, which the parent reports as "could not be run".
[[noreturn]] void becomeChild(const char* program, char* const argv[], int outputFd,
                              const ChildLimits& limits, pid_t parent) {
    setpgid(0, 0);  // its own group: the parent kills whatever it starts, too
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) {  // the parent died before prctl took effect
        _exit(127);
    }
    const int devNull = open("/dev/null", O_RDONLY);
    if (devNull < 0 || dup2(devNull, 0) < 0 || dup2(outputFd, 1) < 0 || dup2(outputFd, 2) < 0) {
        _exit(127);
    }
    // Nothing else of the parent's: no model file, socket or pipe of its own.
    if (syscall(SYS_close_range, 3U, ~0U, 0U) != 0) {
        for (int fd = 3; fd < 65536; ++fd) {
            close(fd);
        }
    }
    rlimit none{0, 0};
    setrlimit(RLIMIT_CORE, &none);  // a crash leaves no core file behind
    if (limits.cpuSeconds > 0) {
        const rlim_t seconds = rlim_t(std::ceil(limits.cpuSeconds));
        rlimit cpu{seconds, seconds + 2};
        setrlimit(RLIMIT_CPU, &cpu);
    }
#ifndef RESLENS_SANITIZED  // the sanitizers reserve terabytes of address space for shadows
    if (limits.addressSpaceBytes > 0) {
        rlimit memory{rlim_t(limits.addressSpaceBytes), rlim_t(limits.addressSpaceBytes)};
        setrlimit(RLIMIT_AS, &memory);
    }
#endif
    execv(program, argv);
    _exit(127);
}

}  // namespace

ChildOutcome runChild(const std::string& program, const std::vector<std::string>& arguments,
                      const ChildLimits& limits) {
    ChildOutcome outcome;
    // argv prepared before fork: the child may not allocate.
    std::vector<std::string> words{program};
    words.insert(words.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& word : words) {
        argv.push_back(word.data());
    }
    argv.push_back(nullptr);

    int pipeFds[2];
    if (pipe2(pipeFds, O_CLOEXEC) != 0) {
        outcome.output = std::string("no pipe for the child: ") + std::strerror(errno);
        return outcome;
    }
    const pid_t parent = getpid();
    const pid_t pid = fork();
    if (pid < 0) {
        close(pipeFds[0]);
        close(pipeFds[1]);
        outcome.output = std::string("could not start a process: ") + std::strerror(errno);
        return outcome;
    }
    if (pid == 0) {
        becomeChild(program.c_str(), argv.data(), pipeFds[1], limits, parent);
    }
    close(pipeFds[1]);
    setpgid(pid, pid);  // also here: whichever of the two runs first, the group exists

    using Clock = std::chrono::steady_clock;
    const auto deadline =
        Clock::now() + std::chrono::milliseconds(int64_t(limits.wallSeconds * 1000));
    bool open = true;
    char buffer[4096];
    while (open) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            outcome.timedOut = true;
            break;
        }
        if (limits.cancel && limits.cancel->load()) {
            outcome.cancelled = true;
            break;
        }
        pollfd watched{pipeFds[0], POLLIN, 0};
        const int ready = poll(&watched, 1, int(std::min<int64_t>(left, 100)));
        if (ready < 0 && errno != EINTR) {
            break;
        }
        if (ready <= 0) {
            continue;
        }
        const ssize_t got = read(pipeFds[0], buffer, sizeof buffer);
        if (got > 0) {
            // Keep reading past the cap: a child blocked on a full pipe would look hung.
            const size_t room = kMaxOutput - std::min(kMaxOutput, outcome.output.size());
            outcome.output.append(buffer, std::min(size_t(got), room));
        } else if (got == 0 || errno != EINTR) {
            open = false;  // every writer closed: the child (and its children) ended
        }
    }
    close(pipeFds[0]);
    // A child that closed its output and carries on is still held to the deadline.
    int status = 0;
    while (!outcome.timedOut && !outcome.cancelled) {
        const pid_t ended = waitpid(pid, &status, WNOHANG);
        if (ended == pid || (ended < 0 && errno != EINTR)) {
            break;
        }
        if (Clock::now() >= deadline) {
            outcome.timedOut = true;
            break;
        }
        outcome.cancelled = limits.cancel && limits.cancel->load();
        usleep(5000);
    }
    if (outcome.timedOut || outcome.cancelled) {
        kill(-pid, SIGKILL);
        kill(pid, SIGKILL);
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    }
    kill(-pid, SIGKILL);  // anything the child left running in its group
    outcome.started = true;
    if (WIFEXITED(status)) {
        outcome.exited = !outcome.timedOut && !outcome.cancelled;
        outcome.exitCode = WEXITSTATUS(status);
        if (outcome.exitCode == 127) {
            outcome.started = false;
            outcome.exited = false;
            outcome.output = "could not run " + program;
        }
    } else if (WIFSIGNALED(status)) {
        outcome.signal = WTERMSIG(status);
    }
    return outcome;
}

std::string describeEnd(const ChildOutcome& outcome, const ChildLimits& limits) {
    auto seconds = [](double value) { return std::to_string(int64_t(std::llround(value))) + " s"; };
    if (outcome.timedOut) {
        return "the time limit of " + seconds(limits.wallSeconds);
    }
    if (outcome.signal == SIGXCPU) {
        return "the CPU-time limit of " + seconds(limits.cpuSeconds);
    }
    if (outcome.signal != 0) {
        const char* name = strsignal(outcome.signal);
        return "signal " + std::to_string(outcome.signal) +
               (name ? std::string(" (") + name + ")" : "");
    }
    return "exit status " + std::to_string(outcome.exitCode);
}

}  // namespace reslens
