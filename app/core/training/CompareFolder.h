#pragma once

// A `reslens-cli compare --out` folder (docs/cli.md: summary.json, skip.csv, noskip.csv): its
// one writer and its one reader. The reader gives it back as a saved run, so the lab opens
// what a script trained. The CSVs carry parameter gradient norms only: the runs come back
// without output-gradient norms.

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "app/core/training/SavedRun.h"
#include "app/core/training/TrainingJob.h"
#include "app/core/training/TrainingLog.h"

namespace reslens {

// What one network of the pair left: its log, its gradient norms at step 1 and its end.
struct CompareTrackRecord {
    std::string arch;
    TrainingLog log;
    std::map<std::string, double> firstNorms;  // by block name; empty before step 1
    RunEnd end;
};

struct CompareRecord {
    TrainingStart start;
    uint64_t seed = 0;
    std::string command;
    std::vector<CompareTrackRecord> tracks;  // the skip network, then its plain twin
};

// Makes `directory` (or accepts an existing one) before the run, so that a folder that cannot
// be written is said before minutes of training. Throws InputError.
void prepareCompareFolder(const std::string& directory);
// summary.json (written last, atomically, after both CSVs); returns its text. Throws.
std::string writeCompareFolder(const std::string& directory, const CompareRecord& record);

// Throws InputError, one line naming the file and what is wrong with it.
SavedRun readCompareFolder(const std::string& directory);

}  // namespace reslens
