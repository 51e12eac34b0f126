#pragma once

// Runs a program in a child process behind limits, for work on files ResLens does not trust:
// whatever the file makes the child do (crash, loop, take all memory, print), the parent
// gets an exit status back and carries on. POSIX (fork, setrlimit, execv): Linux only.

#include <atomic>
#include <string>
#include <vector>

namespace reslens {

struct ChildLimits {
    double wallSeconds = 60;       // then the child and its process group are killed
    double cpuSeconds = 90;        // RLIMIT_CPU: SIGXCPU, then SIGKILL
    double addressSpaceBytes = 0;  // RLIMIT_AS; 0: none (and none under ASan or TSan)
    // Set by another thread (a Cancel button): the child is killed within 0.1 s.
    const std::atomic<bool>* cancel = nullptr;
};

struct ChildOutcome {
    bool started = false;  // false: the program could not be run (message in `output`)
    bool exited = false;   // ended by exit(); `exitCode` is its status
    int exitCode = -1;
    int signal = 0;          // the signal that ended it, when it did not exit
    bool timedOut = false;   // killed by the parent at the wall-clock limit
    bool cancelled = false;  // killed by the parent because `cancel` was set
    std::string output;      // stdout and stderr together, at most 64 KB (the rest dropped)
};

// Runs `program` with `arguments` (argv[1...]); standard input is /dev/null, standard output
// and error are captured, no other descriptor is inherited, and the child is killed if this
// process dies. Blocks until the child has ended.
ChildOutcome runChild(const std::string& program, const std::vector<std::string>& arguments,
                      const ChildLimits& limits);

// What ended the child, for a person: "exit status 3", "signal 11 (Segmentation fault)",
// "the time limit of 60 s".
std::string describeEnd(const ChildOutcome& outcome, const ChildLimits& limits);

}  // namespace reslens
