#include "app/cli/commands/LessonsCommand.h"

#include <atomic>
#include <cstdio>
#include <iostream>
#include <optional>

#include "app/cli/common/ProgressLine.h"
#include "app/cli/common/SigintCancel.h"
#include "app/cli/common/UsageError.h"
#include "app/core/lessons/LessonExperiment.h"
#include "app/core/lessons/LessonId.h"
#include "app/core/lessons/LessonRecord.h"
#include "app/core/lessons/PairedRunCache.h"
#include "model/files/AtomicFileWriter.h"
#include "model/runtime/DeviceSelection.h"

namespace reslens::cli {

namespace {

// "why-skips, degradation, ...": every lesson's name, from the one list of lessons.
std::string lessonNameList() {
    std::string names;
    for (LessonId lesson : lessonIds()) {
        names += (names.empty() ? "" : ", ") + lessonName(lesson);
    }
    return names;
}

}  // namespace

LessonsCommand::LessonsCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "lessons", "the lessons, and with --measure what each shows over several seeds");
    command_->add_flag("--measure", measure_,
                       "run every lesson's experiment (or --lesson's) at the lesson's settings");
    command_->add_option("--lesson", lesson_, "one lesson: " + lessonNameList());
    command_->add_option("--seeds", seeds_, "seeds per lesson that trains or samples")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    command_->add_option("--first-seed", firstSeed_, "the first seed; the others follow it")
        ->check(CLI::Range(uint64_t(1), uint64_t(1) << 62))
        ->capture_default_str();
    command_->add_option("--out", out_, "write the record (JSON) here, atomically");
    command_->add_flag("--json", json_, "print the record (JSON) on standard output");
    command_->add_flag("--short", short_,
                       "the tests' short version: fewer steps and images, the same set-up");
    command_
        ->add_option("--steps", steps_,
                     "steps of every paired run (why skips, degradation, without batch "
                     "norm) instead of the lesson's")
        ->check(CLI::Range(int64_t(1), int64_t(1000000)));
    command_
        ->add_option("--batch", batch_,
                     "batch of every paired run instead of the lesson's; the learning "
                     "rate follows it linearly (0.1 x batch / 128)")
        ->check(CLI::Range(1, 4096));
    command_->add_option("--device", device_, "cpu, cuda or cuda:N")->capture_default_str();
}

int LessonsCommand::run(const CommandContext& context) {
    std::vector<LessonId> lessons = lessonIds();
    if (!lesson_.empty()) {
        const std::optional<LessonId> one = lessonNamed(lesson_);
        if (!one) {
            throw UsageError("--lesson " + lesson_ + ": not a lesson (" + lessonNameList() + ")");
        }
        lessons = {*one};
    }
    LessonSettings settings = short_ ? LessonSettings::shortVersion() : LessonSettings::reference();
    if (steps_ > 0) {
        settings.steps = steps_;
        settings.degradationSteps = steps_;
    }
    if (batch_ > 0) {
        settings.setBatch(batch_);
    }
    if (!measure_) {
        if (!out_.empty() || json_) {
            throw UsageError("--out and --json need --measure");
        }
        for (LessonId lesson : lessons) {
            std::printf("%-20s %s\n", lessonName(lesson).c_str(),
                        settings.describe(lesson).c_str());
        }
        return 0;
    }
    if (out_.empty() && !json_) {
        throw UsageError("--measure needs --out FILE.json or --json");
    }
    parseDevice(device_);  // a bad device is refused before any work

    std::atomic<bool> stopped{false};
    const SigintCancel sigint([&stopped] { stopped = true; });
    std::vector<LessonRecord> records;
    for (LessonId lesson : lessons) {
        ProgressLine progress;
        const std::string name = lessonName(lesson);
        // Each lesson from cold, so that its time in the record is what a class waits for
        // it (the app's estimate), not what is left after another lesson trained its runs.
        PairedRunCache::shared().clear();
        LessonRecord record =
            measureLesson(lesson, firstSeed_, seeds_, settings, context.resources, device_,
                          [&](const std::string& what, double done) {
                              progress.update(int64_t(done * 1000), 1000, name + ": " + what);
                              return !stopped.load();
                          });
        progress.finish();
        if (!json_) {
            std::printf("%s (%.0f s)\n", name.c_str(), record.seconds);
            for (const LessonSentence& sentence : record.sentences) {
                std::printf("  %s\n", sentence.english().c_str());
            }
            std::fflush(stdout);  // each lesson as it finishes, also into a pipe or a log
        }
        records.push_back(std::move(record));
        if (stopped) {
            break;
        }
    }
    const std::string document = lessonRecordsJson(records);
    if (!out_.empty()) {
        writeFileAtomically(out_, document);
    }
    if (json_) {
        std::cout << document << std::flush;
    }
    if (stopped) {
        std::fprintf(stderr, "stopped: the record holds what ran, marked incomplete\n");
        return 1;
    }
    return 0;
}

}  // namespace reslens::cli
