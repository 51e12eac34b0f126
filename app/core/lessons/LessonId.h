#pragma once

// The lessons (docs/user-guide.md, *Lessons*) by identity and command-line name, shared by
// the app's lessons and `reslens-cli lessons --measure`. Their texts live in the app.

#include <optional>
#include <string>
#include <vector>

namespace reslens {

enum class LessonId {
    WhySkips,
    Degradation,
    WithoutBatchNorm,
    Bottleneck,
    BlockIsCorrection,
    Landscape,
    EvidenceForms,
    ShatteredGradients,
    WatchTheBlocks,
};

// Every lesson, in the order the menu, the start page and the record list them.
std::vector<LessonId> lessonIds();
// "why-skips", "degradation", ... (`reslens --lesson NAME`, `reslens-cli lessons --lesson`).
std::string lessonName(LessonId lesson);
std::optional<LessonId> lessonNamed(const std::string& name);
// Whether the lesson trains or samples: it then measures over several seeds. The
// bottleneck's arithmetic and Grad-CAM of one photo are the same every time.
bool lessonUsesSeeds(LessonId lesson);

}  // namespace reslens
