#include "app/core/training/SavedRunFile.h"

#include <sys/stat.h>

#include <cinttypes>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string_view>

#include "app/core/models/Base64.h"
#include "app/core/models/Provenance.h"
#include "app/core/training/CompareFolder.h"
#include "model/files/AtomicFileWriter.h"
#include "model/files/ConfigJson.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

using nlohmann::json;

constexpr int kFormatVersion = 1;
constexpr const char* kMagic = "RESLENS-RUN";
// A run file this large is not one the lab wrote (resnet152's weights are 240 MB in base64
// ~320 MB); refusing it early keeps a wrong file from filling memory.
constexpr int64_t kMaxFileBytes = int64_t(1) << 30;

uint64_t fnv1a64(std::string_view text) {
    uint64_t hash = 14695981039346656037ull;
    for (unsigned char c : text) {
        hash = (hash ^ c) * 1099511628211ull;
    }
    return hash;
}

json number(double value) {
    if (std::isnan(value)) {
        return "nan";
    }
    if (std::isinf(value)) {
        return value > 0 ? "inf" : "-inf";
    }
    return value;
}

json numbers(const std::vector<double>& values) {
    json list = json::array();
    for (double v : values) {
        list.push_back(number(v));
    }
    return list;
}

json recipeToJson(const SavedRecipe& r) {
    return {{"architecture", configToJson(r.architecture)},
            {"data", r.data},
            {"directory", r.directory},
            {"steps", r.steps},
            {"batch", r.batch},
            {"learning_rate", number(r.learningRate)},
            {"seed", r.seed},
            {"batch_norm", r.batchNorm},
            {"compare", r.compare},
            {"subset", r.subset},
            {"device", r.device}};
}

json trackToJson(const SavedTrack& track) {
    json steps = json::array();
    for (const StepReport& s : track.steps) {
        steps.push_back({{"step", s.step},
                         {"epoch", number(s.epoch)},
                         {"loss", number(s.loss)},
                         {"accuracy", number(s.accuracy)},
                         {"learning_rate", number(s.learningRate)},
                         {"block_norms", numbers(s.blockGradientNorms)},
                         {"output_norms", numbers(s.outputGradientNorms)}});
    }
    json out = {{"arch", track.arch},
                {"status", track.status ? json(toString(*track.status)) : json(nullptr)},
                {"message", track.message},
                {"steps", steps}};
    if (!track.weights.empty()) {
        out["weights"] = toBase64(track.weights);
    }
    return out;
}

// Reading: every field is looked up by name and type, so an unexpected document gives one
// message naming the field rather than a JSON library's exception text.
class Fields {
public:
    Fields(const json& object, std::string where) : object_(object), where_(std::move(where)) {
        if (!object_.is_object()) {
            fail("is not an object");
        }
    }

    const json& at(const std::string& key) const {
        const auto it = object_.find(key);
        if (it == object_.end()) {
            fail("has no \"" + key + "\"");
        }
        return *it;
    }
    std::string text(const std::string& key) const {
        const json& v = at(key);
        if (!v.is_string()) {
            fail("\"" + key + "\" is not a string");
        }
        return v.get<std::string>();
    }
    bool flag(const std::string& key) const {
        const json& v = at(key);
        if (!v.is_boolean()) {
            fail("\"" + key + "\" is not true or false");
        }
        return v.get<bool>();
    }
    int64_t whole(const std::string& key, int64_t lowest) const {
        const json& v = at(key);
        if (!v.is_number_integer() || (v.is_number_unsigned() && v.get<uint64_t>() > INT64_MAX) ||
            v.get<int64_t>() < lowest) {
            fail("\"" + key + "\" is not a whole number from " + std::to_string(lowest));
        }
        return v.get<int64_t>();
    }
    double real(const std::string& key) const { return realFrom(at(key), "\"" + key + "\""); }
    std::vector<double> reals(const std::string& key, size_t count, bool mayBeEmpty) const {
        const json& v = at(key);
        if (!v.is_array() || (v.size() != count && !(mayBeEmpty && v.empty()))) {
            fail("\"" + key + "\" is not a list of " + std::to_string(count) + " numbers");
        }
        std::vector<double> out;
        for (const json& item : v) {
            out.push_back(realFrom(item, "\"" + key + "\""));
        }
        return out;
    }

    [[noreturn]] void fail(const std::string& what) const { throw InputError(where_ + " " + what); }

private:
    double realFrom(const json& v, const std::string& name) const {
        if (v.is_number()) {
            return v.get<double>();
        }
        if (v.is_string()) {
            const std::string s = v.get<std::string>();
            if (s == "nan")
                return std::nan("");
            if (s == "inf")
                return INFINITY;
            if (s == "-inf")
                return -INFINITY;
        }
        fail(name + " is not a number");
    }

    const json& object_;
    std::string where_;
};

SavedRecipe recipeFromJson(const json& value) {
    const Fields f(value, "its recipe");
    SavedRecipe r;
    try {
        r.architecture = configFromJson(f.at("architecture"));
    } catch (const std::exception& e) {
        f.fail(std::string("has an architecture ResLens cannot build: ") + e.what());
    }
    r.data = f.text("data");
    if (r.data != "fashion-mnist" && r.data != "cifar10" && r.data != "folder") {
        f.fail("names unknown data \"" + r.data + "\"");
    }
    r.directory = f.text("directory");
    r.steps = f.whole("steps", 1);
    r.batch = static_cast<int>(std::min<int64_t>(f.whole("batch", 1), INT32_MAX));
    r.learningRate = f.real("learning_rate");
    r.seed = static_cast<uint64_t>(f.whole("seed", 0));
    r.batchNorm = f.flag("batch_norm");
    r.compare = f.flag("compare");
    r.subset = f.whole("subset", 0);
    r.device = f.text("device");
    return r;
}

SavedTrack trackFromJson(const json& value, size_t index, size_t blocks, int64_t totalSteps) {
    const Fields f(value, "its run " + std::to_string(index + 1));
    SavedTrack track;
    track.arch = f.text("arch");
    const json& status = f.at("status");
    if (!status.is_null()) {
        track.status =
            status.is_string() ? runStatusFromString(status.get<std::string>()) : std::nullopt;
        if (!track.status) {
            f.fail("has an unknown status");
        }
    }
    track.message = f.text("message");
    const json& steps = f.at("steps");
    if (!steps.is_array()) {
        f.fail("has no list of steps");
    }
    int64_t previous = 0;
    for (const json& item : steps) {
        const Fields s(item, "its run " + std::to_string(index + 1) + ", step " +
                                 std::to_string(track.steps.size() + 1) + ",");
        StepReport r;
        r.step = s.whole("step", 1);
        if (r.step <= previous || r.step > totalSteps) {
            s.fail("is out of order or beyond the run's " + std::to_string(totalSteps) + " steps");
        }
        previous = r.step;
        r.totalSteps = totalSteps;
        r.epoch = s.real("epoch");
        r.loss = s.real("loss");
        r.accuracy = s.real("accuracy");
        r.learningRate = s.real("learning_rate");
        r.blockGradientNorms = s.reals("block_norms", blocks, false);
        r.outputGradientNorms = s.reals("output_norms", blocks, true);
        track.steps.push_back(std::move(r));
    }
    if (value.contains("weights")) {
        const json& weights = value["weights"];
        std::optional<std::vector<char>> bytes;
        if (weights.is_string()) {
            bytes = fromBase64(weights.get<std::string>());
        }
        if (!bytes || bytes->empty()) {
            f.fail("has weights that are not base64");
        }
        track.weights = std::move(*bytes);
    }
    return track;
}

SavedRun runFromJson(const json& document) {
    const Fields f(document, "the run");
    SavedRun run;
    run.source = f.text("source");
    run.savedAt = f.text("saved_at");
    run.recipe = recipeFromJson(f.at("recipe"));
    run.dataDescription = f.text("data_description");
    const json& blocks = f.at("blocks");
    if (!blocks.is_array() || blocks.empty()) {
        f.fail("has no block names");
    }
    for (const json& name : blocks) {
        if (!name.is_string() || name.get<std::string>().empty()) {
            f.fail("has a block name that is not a name");
        }
        run.blocks.push_back(name.get<std::string>());
    }
    const json& runs = f.at("runs");
    if (!runs.is_array() || runs.empty() || runs.size() > 2) {
        f.fail("does not hold one or two runs");
    }
    for (size_t i = 0; i < runs.size(); ++i) {
        run.runs.push_back(trackFromJson(runs[i], i, run.blocks.size(), run.recipe.steps));
    }
    return run;
}

std::string readWholeFile(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
        throw InputError(path + ": no such file");
    }
    if (info.st_size > kMaxFileBytes) {
        throw InputError(path + ": too large for a saved run");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw InputError(path + ": cannot be read");
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

}  // namespace

std::string framedSavedRun(const std::string& body) {
    char header[96];
    std::snprintf(header, sizeof header, "%s %d length=%zu fnv1a64=%016" PRIx64 "\n", kMagic,
                  kFormatVersion, body.size(), fnv1a64(body));
    return header + body;
}

void writeSavedRun(const std::string& path, const SavedRun& run) {
    json runs = json::array();
    for (const SavedTrack& track : run.runs) {
        runs.push_back(trackToJson(track));
    }
    const json document = {{"source", run.source},
                           {"saved_at", run.savedAt.empty() ? utcTimestamp() : run.savedAt},
                           {"recipe", recipeToJson(run.recipe)},
                           {"data_description", run.dataDescription},
                           {"blocks", run.blocks},
                           {"runs", runs}};
    const std::string text = framedSavedRun(document.dump(1) + "\n");
    AtomicFileWriter writer(path);
    writer.write(text.data(), text.size());
    writer.commit();
}

SavedRun parseSavedRun(const std::string& bytes, const std::string& name) {
    const size_t newline = bytes.find('\n');
    int version = 0;
    unsigned long long length = 0;
    unsigned long long hash = 0;
    int consumed = 0;
    const std::string header = bytes.substr(0, newline == std::string::npos ? 0 : newline);
    if (std::sscanf(header.c_str(), "RESLENS-RUN %d length=%llu fnv1a64=%16llx%n", &version,
                    &length, &hash, &consumed) != 3 ||
        static_cast<size_t>(consumed) != header.size()) {
        throw InputError(name +
                         ": not a ResLens saved run (it does not start with a "
                         "RESLENS-RUN header)");
    }
    if (version != kFormatVersion) {
        throw InputError(name + ": saved-run format " + std::to_string(version) +
                         ", this ResLens reads format " + std::to_string(kFormatVersion));
    }
    // A view: the body can be hundreds of megabytes (weights), no copy of it is needed.
    const std::string_view body = std::string_view(bytes).substr(newline + 1);
    if (body.size() != length) {
        throw InputError(name + (body.size() < length ? ": truncated (" : ": damaged (") +
                         std::to_string(body.size()) + " bytes of run data, " +
                         std::to_string(length) + " were saved)");
    }
    if (fnv1a64(body) != hash) {
        throw InputError(name + ": changed after it was saved (its checksum does not match)");
    }
    try {
        return runFromJson(json::parse(body.begin(), body.end()));
    } catch (const json::exception& e) {
        throw InputError(name + ": not valid JSON (" + e.what() + ")");
    } catch (const InputError& e) {
        throw InputError(name + ": " + e.what());
    }
}

SavedRun readSavedRun(const std::string& path) {
    return parseSavedRun(readWholeFile(path), path);
}

SavedRun openSavedRun(const std::string& path) {
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        return readCompareFolder(path);
    }
    // A file dialog picks files: a compare folder is opened through its summary.json.
    const std::string summary = "summary.json";
    if (path == summary ||
        (path.size() > summary.size() &&
         path.compare(path.size() - summary.size() - 1, std::string::npos, "/" + summary) == 0)) {
        const size_t slash = path.rfind('/');
        return readCompareFolder(slash == std::string::npos ? "." : path.substr(0, slash));
    }
    return readSavedRun(path);
}

}  // namespace reslens
