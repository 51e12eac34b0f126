#include "app/core/lessons/LessonId.h"

namespace reslens {
namespace {

struct Named {
    LessonId lesson;
    const char* name;
};
constexpr Named kLessons[] = {
    {LessonId::WhySkips, "why-skips"},
    {LessonId::Degradation, "degradation"},
    {LessonId::WithoutBatchNorm, "without-batch-norm"},
    {LessonId::Bottleneck, "bottleneck"},
    {LessonId::BlockIsCorrection, "lesion"},
    {LessonId::Landscape, "landscape"},
    {LessonId::EvidenceForms, "grad-cam"},
    {LessonId::ShatteredGradients, "shattered-gradients"},
    {LessonId::WatchTheBlocks, "watch-the-blocks"},
};

}  // namespace

std::vector<LessonId> lessonIds() {
    std::vector<LessonId> ids;
    for (const Named& named : kLessons) {
        ids.push_back(named.lesson);
    }
    return ids;
}

std::string lessonName(LessonId lesson) {
    for (const Named& named : kLessons) {
        if (named.lesson == lesson) {
            return named.name;
        }
    }
    return {};
}

std::optional<LessonId> lessonNamed(const std::string& name) {
    for (const Named& named : kLessons) {
        if (name == named.name) {
            return named.lesson;
        }
    }
    return std::nullopt;
}

bool lessonUsesSeeds(LessonId lesson) {
    return lesson != LessonId::Bottleneck && lesson != LessonId::EvidenceForms &&
           lesson != LessonId::WatchTheBlocks;
}

}  // namespace reslens
