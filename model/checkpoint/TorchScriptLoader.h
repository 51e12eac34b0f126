#pragma once

// TorchScript import behind a wall. Loading a TorchScript module runs code the file carries
// (its __setstate__) in LibTorch's interpreter, and a malformed file can crash LibTorch's
// TorchScript compiler (found by fuzzing). So the load runs in a child process,
// reslens-loader, with limits on memory, CPU time and wall-clock time; the child hands back
// only data -- the weights as safetensors and the graph's facts as JSON -- which this process
// reads with the same checks as a file a user brings. Whatever the file does to the child,
// this process gets one line back and keeps the model it had.

#include <atomic>
#include <memory>
#include <string>
#include <vector>

#include "model/checkpoint/CheckpointValue.h"
#include "model/checkpoint/TorchScriptGraph.h"

namespace reslens {

struct TorchScriptLoadLimits {
    double wallSeconds = 60;  // CPU time: 1.5 times this, plus 5 s
    // Memory the load may map beyond the loader's own libraries: this much plus eight
    // times the file's size.
    double baseBytes = 2.0 * (1ull << 30);
    // Set from another thread to stop the load (the import dialog's Cancel).
    std::shared_ptr<const std::atomic<bool>> cancel;
    // False: load in reslens-loader even if the last load was this unchanged file (the
    // benchmark of the wall).
    bool reuseLastLoad = true;
};

struct TorchScriptWeights {
    ValuePtr weights;  // a dict of name -> tensor, module by module in registration order
    GraphFacts graph;
    std::string printed;  // what the file's code printed while it was loaded
};

// Loads in reslens-loader. Throws InputError with one line when the file is refused, or
// the child crashed, ran out of time or memory ("'f.pt' made LibTorch's TorchScript loader
// crash (signal 11: Segmentation fault); nothing was loaded"). The last file loaded is kept
// while it is unchanged on disk (same inode, size and times): loading it again starts no
// process (the import dialog's reading, every change in it, and the opening after OK).
TorchScriptWeights loadTorchScriptIsolated(const std::string& path, const std::string& sourceName,
                                           const TorchScriptLoadLimits& limits = {});
// The same, for a file whose bytes the caller has read already.
TorchScriptWeights loadTorchScriptIsolated(const std::string& path, std::vector<char> bytes,
                                           const std::string& sourceName,
                                           const TorchScriptLoadLimits& limits = {});

// The same load in this process: what the child runs, and what `reslens-cli bench --import`
// compares the wall with. Throws InputError.
TorchScriptWeights loadTorchScriptHere(const std::vector<char>& bytes,
                                       const std::string& sourceName);

// The child's work: limits its address space to what it maps now plus `memoryBudgetBytes`,
// loads `input`, writes `replyDirectory`/weights.safetensors and graph.json, or error.txt
// (one line). Returns the exit status: 0 loaded, 2 refused, 3 out of memory.
int runTorchScriptLoaderChild(const std::string& input, const std::string& replyDirectory,
                              double memoryBudgetBytes);

// Where reslens-loader is: $RESLENS_LOADER, beside this program, in the installed
// libexec folder, or in the build tree. Empty when none is found.
std::string torchScriptLoaderProgram();

}  // namespace reslens
