#include "model/checkpoint/TorchScriptLoader.h"

#include <sys/resource.h>
#include <torch/script.h>
#include <torch/torch.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <optional>
#include <sstream>

#include "model/checkpoint/CheckpointFile.h"
#include "model/checkpoint/GraphFactsJson.h"
#include "model/checkpoint/SafetensorsWriter.h"
#include "model/files/AtomicFileWriter.h"
#include "model/files/FileBytes.h"
#include "model/files/FileStamp.h"
#include "model/files/PickleCheck.h"
#include "model/runtime/ChildProcess.h"
#include "model/runtime/InputError.h"
#include "model/runtime/SanitizedBuild.h"

namespace reslens {
namespace {

namespace fs = std::filesystem;

constexpr double kBytesPerFileByte = 8;  // the file read, copied, unpickled, then written
constexpr int kRefused = 2;
constexpr int kOutOfMemory = 3;

// A temporary folder for the child's reply, removed with everything in it.
class ReplyDirectory {
public:
    ReplyDirectory() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/reslens-load-XXXXXX";
        if (!mkdtemp(pattern.data())) {
            throw InputError(std::string("cannot make a temporary folder for the TorchScript "
                                         "loader: ") +
                             std::strerror(errno));
        }
        path_ = pattern;
    }
    ~ReplyDirectory() {
        std::error_code ignored;
        fs::remove_all(path_, ignored);
    }
    ReplyDirectory(const ReplyDirectory&) = delete;
    ReplyDirectory& operator=(const ReplyDirectory&) = delete;
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

std::string firstLine(std::string text) {
    text = text.substr(0, text.find_first_of("\r\n"));
    return text.size() > 2000 ? text.substr(0, 2000) + "..." : text;
}

std::string readSmallFile(const std::string& path, size_t maxBytes) {
    std::ifstream in(path, std::ios::binary);
    std::string text(maxBytes, '\0');
    in.read(text.data(), std::streamsize(maxBytes));
    text.resize(size_t(in.gcount()));
    return text;
}

bool outOfMemory(const std::string& message) {
    return message.find("can't allocate memory") != std::string::npos ||
           message.find("std::bad_alloc") != std::string::npos ||
           message.find("out of memory") != std::string::npos;
}

// RLIMIT_AS at the current mapped size plus `budget`. Not under ASan or TSan, which
// reserve terabytes of address space for their shadow memory.
void limitAddressSpace(double budget) {
#ifdef RESLENS_SANITIZED
    (void)budget;
#else
    std::ifstream statm("/proc/self/statm");
    double pages = 0;
    statm >> pages;
    const double limit = pages * double(sysconf(_SC_PAGESIZE)) + budget;
    rlimit memory{rlim_t(limit), rlim_t(limit)};
    setrlimit(RLIMIT_AS, &memory);
#endif
}

// The archive checks speak of model files; this is a TorchScript file.
void requireSoundTorchScriptArchive(const std::vector<char>& bytes, const std::string& sourceName) {
    try {
        requireSoundPickleArchive(bytes, sourceName);
    } catch (const InputError& error) {
        std::string message = error.what();
        const std::string modelFile = "is not a ResLens model file";
        if (const size_t at = message.find(modelFile); at != std::string::npos) {
            message.replace(at, modelFile.size(), "is not a readable TorchScript file");
        }
        throw InputError(message);
    }
}

// The last file loaded. The import dialog reads a file, reads it again for every choice the
// user changes, and the explorer opens it after OK: one load in reslens-loader serves them
// all while the file is unchanged. One entry, files up to 1 GB; the tensors are shared, and
// nothing that reads them writes to them.
class LastLoad {
public:
    std::optional<TorchScriptWeights> find(const std::string& path, const FileStamp& identity) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (entry_ && entry_->path == path && entry_->identity == identity) {
            return entry_->weights;
        }
        return std::nullopt;
    }
    void keep(const std::string& path, const FileStamp& identity,
              const TorchScriptWeights& weights) {
        std::lock_guard<std::mutex> lock(mutex_);
        if (identity.size <= (int64_t(1) << 30)) {
            entry_ = Entry{path, identity, weights};
        }
    }

private:
    struct Entry {
        std::string path;
        FileStamp identity;
        TorchScriptWeights weights;
    };
    std::mutex mutex_;
    std::optional<Entry> entry_;
};

LastLoad& lastLoad() {
    static LastLoad cache;
    return cache;
}

std::string gigabytes(double bytes) {
    std::ostringstream text;
    text.precision(2);
    text << std::fixed << bytes / 1e9 << " GB";
    return text.str();
}

}  // namespace

TorchScriptWeights loadTorchScriptHere(const std::vector<char>& bytes,
                                       const std::string& sourceName) {
    requireSoundTorchScriptArchive(bytes, sourceName);
    torch::jit::Module module;
    try {
        // From a stream over the checked bytes: LibTorch's stream reader checks every read
        // against the stream, and the file cannot change between the check and the load.
        std::istringstream stream(std::string(bytes.begin(), bytes.end()));
        module = torch::jit::load(stream, torch::kCPU);
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& error) {
        if (outOfMemory(error.what())) {
            throw std::bad_alloc();
        }
        throw InputError(sourceName + " is a TorchScript archive LibTorch cannot load");
    }
    TorchScriptWeights result;
    result.graph = readGraphFacts(module);
    result.weights = CheckpointValue::make(CheckpointValue::Kind::Dict);
    auto add = [&](const std::string& name, const torch::Tensor& tensor) {
        auto key = CheckpointValue::make(CheckpointValue::Kind::String);
        key->text = name;
        auto value = CheckpointValue::make(CheckpointValue::Kind::Tensor);
        value->tensor = tensor.detach();
        result.weights->entries.emplace_back(key, value);
    };
    // Parameters and buffers module by module, in registration order (named_parameters
    // would list every parameter before any buffer).
    for (const auto& child : module.named_modules()) {
        const std::string prefix = child.name.empty() ? "" : child.name + ".";
        for (const auto& p : child.value.named_parameters(/*recurse=*/false)) {
            add(prefix + p.name, p.value);
        }
        for (const auto& b : child.value.named_buffers(/*recurse=*/false)) {
            add(prefix + b.name, b.value);
        }
    }
    return result;
}

int runTorchScriptLoaderChild(const std::string& input, const std::string& replyDirectory,
                              double memoryBudgetBytes) {
    const std::string sourceName = "'" + input + "'";
    auto refuse = [&](const std::string& message, int status) {
        try {
            const std::string line = firstLine(message) + "\n";
            writeFileAtomically(replyDirectory + "/error.txt", line.data(), line.size());
        } catch (const std::exception&) {
        }
        return status;
    };
    try {
        torch::set_num_threads(1);  // a load needs no parallelism; the limit is CPU time
        // The address-space limit is set here, by the loader's own code before it reads the
        // file, on top of what this process already maps: LibTorch's libraries alone map
        // from 0.3 GB (Debian's CPU build) to several GB (a CUDA build).
        limitAddressSpace(memoryBudgetBytes);
        const TorchScriptWeights loaded = loadTorchScriptHere(readFileBytes(input), sourceName);
        std::vector<std::pair<std::string, at::Tensor>> tensors;
        for (const auto& [key, value] : loaded.weights->entries) {
            tensors.emplace_back(key->text, value->tensor);
        }
        const std::vector<char> weights = safetensorsBytes(tensors);
        const std::string graph = graphFactsToJson(loaded.graph);
        writeFileAtomically(replyDirectory + "/weights.safetensors", weights.data(),
                            weights.size());
        writeFileAtomically(replyDirectory + "/graph.json", graph.data(), graph.size());
        return 0;
    } catch (const InputError& error) {
        return refuse(error.what(), kRefused);
    } catch (const std::bad_alloc&) {
        return refuse("out of memory", kOutOfMemory);
    } catch (const std::exception& error) {
        if (outOfMemory(error.what())) {
            return refuse("out of memory", kOutOfMemory);
        }
        return refuse(sourceName + " is a TorchScript archive LibTorch cannot load", kRefused);
    }
}

std::string torchScriptLoaderProgram() {
    if (const char* given = std::getenv("RESLENS_LOADER"); given && *given) {
        return given;
    }
    std::error_code error;
    const fs::path self = fs::read_symlink("/proc/self/exe", error);
    std::vector<fs::path> candidates;
    if (!error) {
        candidates.push_back(self.parent_path() / "reslens-loader");
        candidates.push_back(self.parent_path() / RESLENS_BIN_TO_LOADER / "reslens-loader");
    }
#ifdef RESLENS_BUILD_LOADER
    candidates.push_back(RESLENS_BUILD_LOADER);
#endif
    for (const fs::path& candidate : candidates) {
        if (access(candidate.c_str(), X_OK) == 0) {
            return candidate.lexically_normal().string();
        }
    }
    return {};
}

TorchScriptWeights loadTorchScriptIsolated(const std::string& path, const std::string& sourceName,
                                           const TorchScriptLoadLimits& limits) {
    return loadTorchScriptIsolated(path, {}, sourceName, limits);
}

TorchScriptWeights loadTorchScriptIsolated(const std::string& path, std::vector<char> bytes,
                                           const std::string& sourceName,
                                           const TorchScriptLoadLimits& limits) {
    const std::optional<FileStamp> before = FileStamp::of(path);
    if (before && limits.reuseLastLoad) {
        if (std::optional<TorchScriptWeights> cached = lastLoad().find(path, *before)) {
            return *cached;
        }
    }
    if (bytes.empty()) {
        bytes = readFileBytes(path);
    }
    // ResLens's own checks first, here: a damaged archive is refused without a process.
    requireSoundTorchScriptArchive(bytes, sourceName);
    const std::string program = torchScriptLoaderProgram();
    if (program.empty()) {
        throw InputError(
            "ResLens's TorchScript loader (reslens-loader) is not installed beside "
            "it: " +
            sourceName + " was not loaded");
    }
    // The child reads the bytes this process checked, not the path, which may change.
    ReplyDirectory reply;
    const std::string input = reply.file("input.pt");
    writeFileAtomically(input, bytes.data(), bytes.size());

    ChildLimits childLimits;
    childLimits.wallSeconds = limits.wallSeconds;
    childLimits.cpuSeconds = limits.wallSeconds * 1.5 + 5;
    childLimits.cancel = limits.cancel.get();
    const double memory = limits.baseBytes + kBytesPerFileByte * double(bytes.size());
    const ChildOutcome outcome =
        runChild(program, {input, reply.path(), std::to_string(int64_t(memory))}, childLimits);
    const std::string nothing = "; nothing was loaded";
    if (!outcome.started) {
        throw InputError("ResLens's TorchScript loader (" + program + ") could not be run: " +
                         firstLine(outcome.output) + "; " + sourceName + " was not loaded");
    }
    if (outcome.cancelled) {
        throw InputError("the import of " + sourceName + " was cancelled" + nothing);
    }
    if (outcome.timedOut) {
        throw InputError(sourceName + " kept LibTorch's TorchScript loader busy past " +
                         describeEnd(outcome, childLimits) +
                         " (the file's code may never end): it was stopped" + nothing);
    }
    if (outcome.signal == SIGXCPU) {
        throw InputError(sourceName + " used up " + describeEnd(outcome, childLimits) +
                         " in LibTorch's TorchScript loader: it was stopped" + nothing);
    }
    if (outcome.signal == SIGKILL) {
        throw InputError(sourceName +
                         " made LibTorch's TorchScript loader be killed (signal 9), "
                         "most likely for want of memory" +
                         nothing);
    }
    if (outcome.signal != 0) {
        throw InputError(sourceName + " made LibTorch's TorchScript loader crash (signal " +
                         std::to_string(outcome.signal) + ": " + strsignal(outcome.signal) + ")" +
                         nothing);
    }
    const std::string said = firstLine(readSmallFile(reply.file("error.txt"), 4096));
    if (outcome.exitCode == kOutOfMemory) {
        throw InputError(sourceName +
                         " needed more memory than the TorchScript loader's limit of " +
                         gigabytes(memory) + nothing);
    }
    if (outcome.exitCode == kRefused && !said.empty()) {
        // The child's message names the copy it read; say the user's file.
        std::string message = said;
        const std::string copy = "'" + input + "'";
        for (size_t at = message.find(copy); at != std::string::npos; at = message.find(copy)) {
            message.replace(at, copy.size(), sourceName);
        }
        throw InputError(message);
    }
    if (outcome.exitCode != 0) {
        throw InputError(sourceName + " made LibTorch's TorchScript loader fail (" +
                         describeEnd(outcome, childLimits) + ")" + nothing);
    }
    // The reply is as untrusted as the file: read with the checks any safetensors file gets.
    const std::string replyName = sourceName + " (as the TorchScript loader handed it back)";
    TorchScriptWeights result;
    try {
        result.weights =
            readSafetensors(readFileBytes(reply.file("weights.safetensors")), replyName);
        result.graph =
            graphFactsFromJson(readSmallFile(reply.file("graph.json"), 16 << 20), replyName);
    } catch (const InputError& error) {
        throw InputError(std::string(error.what()) + nothing);
    }
    result.printed = outcome.output;
    // Kept only if the file did not change while it was read.
    if (before && FileStamp::of(path) == before) {
        lastLoad().keep(path, *before, result);
    }
    return result;
}

}  // namespace reslens
