#include "app/core/training/CompareFolder.h"

#include <sys/stat.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "model/files/AtomicFileWriter.h"
#include "model/runtime/InputError.h"

namespace reslens {
namespace {

using nlohmann::json;

// Files a compare run writes are small; anything far larger is not one.
constexpr std::streamoff kMaxFileBytes = std::streamoff(1) << 28;

std::string readText(const std::string& path) {
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) {
        throw InputError(path + ": cannot be read (is this a reslens-cli compare --out folder?)");
    }
    if (in.tellg() > kMaxFileBytes) {
        throw InputError(path + ": too large for a compare run");
    }
    in.seekg(0);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::vector<std::string> splitLine(const std::string& line) {
    std::vector<std::string> cells;
    std::string cell;
    std::istringstream in(line);
    while (std::getline(in, cell, ',')) {
        cells.push_back(cell);
    }
    if (!line.empty() && line.back() == ',') {
        cells.emplace_back();
    }
    return cells;
}

double parseNumber(const std::string& cell, const std::string& where) {
    if (cell.empty()) {
        throw InputError(where + ": an empty cell");
    }
    char* end = nullptr;
    errno = 0;
    const double value = std::strtod(cell.c_str(), &end);
    if (end != cell.c_str() + cell.size() || errno == ERANGE) {
        throw InputError(where + ": \"" + cell + "\" is not a number");
    }
    return value;
}

// train --log's columns: step, loss, accuracy, one per block, learning_rate, epoch.
std::vector<StepReport> readLog(const std::string& path, int64_t totalSteps,
                                std::vector<std::string>* blocks) {
    std::istringstream lines(readText(path));
    std::string line;
    if (!std::getline(lines, line)) {
        throw InputError(path + ": empty");
    }
    const std::vector<std::string> header = splitLine(line);
    if (header.size() < 6 || header[0] != "step" || header[1] != "loss" ||
        header[2] != "accuracy" || header[header.size() - 2] != "learning_rate" ||
        header.back() != "epoch") {
        throw InputError(path +
                         ": not a training log (its header is not step,loss,accuracy,"
                         "<blocks>,learning_rate,epoch)");
    }
    const std::vector<std::string> names(header.begin() + 3, header.end() - 2);
    if (blocks->empty()) {
        *blocks = names;
    } else if (*blocks != names) {
        throw InputError(path + ": its blocks differ from the other run's");
    }
    std::vector<StepReport> steps;
    int64_t previous = 0;
    for (size_t row = 2; std::getline(lines, line); ++row) {
        const std::string where = path + ", line " + std::to_string(row);
        const std::vector<std::string> cells = splitLine(line);
        if (cells.size() != header.size()) {
            throw InputError(where + ": " + std::to_string(cells.size()) +
                             " cells, the header has " + std::to_string(header.size()));
        }
        StepReport r;
        const double step = parseNumber(cells[0], where);
        if (step != static_cast<double>(static_cast<int64_t>(step)) || step <= previous ||
            step > static_cast<double>(totalSteps)) {
            throw InputError(where + ": step " + cells[0] + " is out of order or beyond the " +
                             std::to_string(totalSteps) + " steps of the run");
        }
        r.step = previous = static_cast<int64_t>(step);
        r.totalSteps = totalSteps;
        r.loss = parseNumber(cells[1], where);
        r.accuracy = parseNumber(cells[2], where);
        for (size_t b = 0; b < names.size(); ++b) {
            r.blockGradientNorms.push_back(parseNumber(cells[3 + b], where));
        }
        r.learningRate = parseNumber(cells[cells.size() - 2], where);
        r.epoch = parseNumber(cells.back(), where);
        steps.push_back(std::move(r));
    }
    return steps;
}

const json& member(const json& object, const std::string& key, const std::string& where) {
    if (!object.is_object() || !object.contains(key)) {
        throw InputError(where + ": has no \"" + key + "\"");
    }
    return object[key];
}

std::string textMember(const json& object, const std::string& key, const std::string& where) {
    const json& v = member(object, key, where);
    if (!v.is_string()) {
        throw InputError(where + ": \"" + key + "\" is not a string");
    }
    return v.get<std::string>();
}

// The summary's names for the pair, in order; also each CSV's name.
constexpr const char* kTrackKeys[] = {"skip", "noskip"};

}  // namespace

void prepareCompareFolder(const std::string& directory) {
    if (::mkdir(directory.c_str(), 0777) != 0 && errno != EEXIST) {
        throw InputError("cannot create '" + directory + "': " + std::strerror(errno));
    }
    struct stat info {};
    if (::stat(directory.c_str(), &info) != 0 || !S_ISDIR(info.st_mode)) {
        throw InputError("'" + directory + "' exists and is not a directory");
    }
}

std::string writeCompareFolder(const std::string& directory, const CompareRecord& record) {
    json runs = json::object();
    for (size_t i = 0; i < record.tracks.size() && i < std::size(kTrackKeys); ++i) {
        const CompareTrackRecord& track = record.tracks[i];
        const std::string csv = std::string(kTrackKeys[i]) + ".csv";
        track.log.write(directory + "/" + csv);
        json norms = json::object();
        for (const auto& [block, norm] : track.firstNorms) {
            norms[block] = norm;
        }
        runs[kTrackKeys[i]] = {{"csv", csv},
                               {"arch", track.arch},
                               {"final_loss", track.end.lastLoss},
                               {"grad_norms_step0", norms},
                               {"steps_done", track.end.steps},
                               {"status", toString(track.end.status)},
                               {"message", track.end.message}};
    }
    const json summary = {{"arch", record.start.runs.empty() ? "" : record.start.runs.front()},
                          {"steps", record.start.totalSteps},
                          {"seed", record.seed},
                          {"data", record.start.dataName},
                          {"batch", record.start.batch},
                          {"learning_rate", record.start.learningRate},
                          {"command", record.command},
                          {"runs", runs}};
    const std::string text = summary.dump(2);
    writeFileAtomically(directory + "/summary.json", text + "\n");
    return text;
}

SavedRun readCompareFolder(const std::string& directory) {
    const std::string summaryPath = directory + "/summary.json";
    json summary;
    try {
        summary = json::parse(readText(summaryPath));
    } catch (const json::exception& e) {
        throw InputError(summaryPath + ": not valid JSON (" + e.what() + ")");
    }
    SavedRun run;
    run.source = "reslens-cli compare";
    const json& steps = member(summary, "steps", summaryPath);
    const json& batch = member(summary, "batch", summaryPath);
    const json& seed = member(summary, "seed", summaryPath);
    const json& rate = member(summary, "learning_rate", summaryPath);
    if (!steps.is_number_integer() || steps.get<int64_t>() < 1 || !batch.is_number_integer() ||
        batch.get<int64_t>() < 1 || batch.get<int64_t>() > INT32_MAX ||
        !seed.is_number_unsigned() || !rate.is_number()) {
        throw InputError(summaryPath +
                         ": steps, batch, seed or learning_rate is not a number "
                         "a compare run writes");
    }
    SavedRecipe& recipe = run.recipe;
    const std::string arch = textMember(summary, "arch", summaryPath);
    try {
        recipe.architecture = ResNetConfig::fromArchName(arch);
    } catch (const std::exception& e) {
        throw InputError(summaryPath + ": " + e.what());
    }
    recipe.steps = steps.get<int64_t>();
    recipe.batch = static_cast<int>(batch.get<int64_t>());
    recipe.seed = seed.get<uint64_t>();
    recipe.learningRate = rate.get<double>();
    run.dataDescription = textMember(summary, "data", summaryPath);
    recipe.data = run.dataDescription.rfind("fashion-mnist", 0) == 0 ? "fashion-mnist"
                  : run.dataDescription.rfind("cifar10", 0) == 0     ? "cifar10"
                                                                     : "folder";
    recipe.compare = true;
    // The summary records the recipe's numbers; whether batch norm was on, only the command.
    if (summary.contains("command") && summary["command"].is_string()) {
        recipe.batchNorm =
            summary["command"].get<std::string>().find(" --no-bn") == std::string::npos;
    }
    const json& runs = member(summary, "runs", summaryPath);
    for (const char* key : kTrackKeys) {
        const std::string where = summaryPath + ", run \"" + key + "\"";
        const json& entry = member(runs, key, summaryPath);
        SavedTrack track;
        track.arch = textMember(entry, "arch", where);
        track.status = runStatusFromString(textMember(entry, "status", where));
        if (!track.status) {
            throw InputError(where + ": an unknown status");
        }
        track.message = textMember(entry, "message", where);
        const std::string csv = textMember(entry, "csv", where);
        if (csv.empty() || csv.find('/') != std::string::npos || csv == "." || csv == "..") {
            throw InputError(where + ": \"csv\" must name a file in the folder");
        }
        track.steps = readLog(directory + "/" + csv, recipe.steps, &run.blocks);
        run.runs.push_back(std::move(track));
    }
    if (run.blocks.empty()) {
        throw InputError(directory + ": the logs name no blocks");
    }
    return run;
}

}  // namespace reslens
