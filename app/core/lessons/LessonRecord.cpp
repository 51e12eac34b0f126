#include "app/core/lessons/LessonRecord.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>

#include "model/runtime/InputError.h"

namespace reslens {
namespace {

nlohmann::json number(double value) {
    return std::isfinite(value) ? nlohmann::json(value) : nlohmann::json(nullptr);
}

double numberOf(const nlohmann::json& value) {
    return value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN();
}

}  // namespace

const Quantity* LessonRecord::quantity(const std::string& name) const {
    for (const Quantity& q : quantities) {
        if (q.name == name) {
            return &q;
        }
    }
    return nullptr;
}

double LessonRecord::estimatedSeconds(int count) const {
    const double runs = double(std::max<size_t>(1, seeds.size()));
    const double oneSeed = seconds / runs;
    if (seeds.empty()) {
        return seconds;  // runs once, whatever the seeds
    }
    if (cpuSeconds <= 0 || cores <= 0) {
        return oneSeed * count;  // an older record: the seeds one after another
    }
    return std::max(oneSeed, cpuSeconds / runs * count / double(cores));
}

std::string lessonRecordsJson(const std::vector<LessonRecord>& records) {
    nlohmann::json lessons = nlohmann::json::array();
    for (const LessonRecord& record : records) {
        nlohmann::json quantities = nlohmann::json::array();
        for (const Quantity& q : record.quantities) {
            nlohmann::json values = nlohmann::json::array();
            for (double v : q.values) {
                values.push_back(number(v));
            }
            quantities.push_back({{"name", q.name},
                                  {"kind", q.kind == QuantityKind::Share ? "share" : "number"},
                                  {"values", values},
                                  {"median", number(q.median)},
                                  {"min", number(q.min)},
                                  {"max", number(q.max)}});
        }
        nlohmann::json sentences = nlohmann::json::array();
        for (const LessonSentence& sentence : record.sentences) {
            sentences.push_back(sentence.english());
        }
        lessons.push_back({{"name", record.lesson},
                           {"settings", record.settings},
                           {"seeds", record.seeds},
                           {"complete", record.complete},
                           {"seconds", std::round(record.seconds * 10) / 10},
                           {"cpu_seconds", std::round(record.cpuSeconds * 10) / 10},
                           {"cores", record.cores},
                           {"quantities", quantities},
                           {"sentences", sentences}});
    }
    return nlohmann::json({{"lessons", lessons}}).dump(2) + "\n";
}

std::vector<LessonRecord> parseLessonRecords(const std::string& text) {
    try {
        const nlohmann::json doc = nlohmann::json::parse(text);
        std::vector<LessonRecord> records;
        for (const nlohmann::json& lesson : doc.at("lessons")) {
            LessonRecord record;
            record.lesson = lesson.at("name").get<std::string>();
            record.settings = lesson.value("settings", std::string());
            record.seeds = lesson.at("seeds").get<std::vector<uint64_t>>();
            record.complete = lesson.value("complete", true);
            record.seconds = lesson.contains("seconds") ? numberOf(lesson["seconds"]) : 0;
            record.cpuSeconds =
                lesson.contains("cpu_seconds") ? numberOf(lesson["cpu_seconds"]) : 0;
            record.cores = lesson.value("cores", 0);
            for (const nlohmann::json& q : lesson.at("quantities")) {
                std::vector<double> values;
                for (const nlohmann::json& v : q.at("values")) {
                    values.push_back(numberOf(v));
                }
                const QuantityKind kind = q.value("kind", std::string()) == "share"
                                              ? QuantityKind::Share
                                              : QuantityKind::Number;
                record.quantities.push_back(
                    quantityOf(q.at("name").get<std::string>(), kind, values));
            }
            for (const nlohmann::json& s : lesson.at("sentences")) {
                record.sentences.push_back({s.get<std::string>(), {}});
            }
            records.push_back(std::move(record));
        }
        return records;
    } catch (const nlohmann::json::exception& e) {
        throw InputError(std::string("not a lesson record: ") + e.what());
    }
}

}  // namespace reslens
