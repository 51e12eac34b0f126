#include "app/core/instruments/SimilaritySummary.h"

namespace reslens {

std::vector<StageSimilarity> withinStageSimilarity(const SimilarityResult& result) {
    std::vector<StageSimilarity> stages;
    const size_t n = result.blocks.size();
    const int last = result.stages.empty() ? 0 : result.stages.back();
    for (int stage = 1; stage <= last; ++stage) {
        StageSimilarity s;
        s.stage = stage;
        double sum = 0;
        for (size_t i = 0; i < n; ++i) {
            for (size_t j = i + 1; j < n; ++j) {
                if (result.stages[i] == stage && result.stages[j] == stage) {
                    sum += result.cka[i][j];
                    ++s.pairs;
                }
            }
        }
        if (s.pairs > 0) {
            s.meanCka = sum / s.pairs;
            stages.push_back(s);
        }
    }
    return stages;
}

std::vector<double> neighbourSimilarity(const SimilarityResult& result) {
    std::vector<double> neighbours;
    for (size_t i = 0; i + 1 < result.cka.size(); ++i) {
        neighbours.push_back(result.cka[i][i + 1]);
    }
    return neighbours;
}

}  // namespace reslens
