#include "model/checkpoint/GraphFactsJson.h"

#include <nlohmann/json.hpp>

#include "model/runtime/InputError.h"

namespace reslens {
namespace {

const char* endName(ForwardEnd end) {
    switch (end) {
        case ForwardEnd::Relu:
            return "relu";
        case ForwardEnd::Add:
            return "add";
        case ForwardEnd::Other:
            return "other";
    }
    return "other";
}

}  // namespace

std::string graphFactsToJson(const GraphFacts& facts) {
    nlohmann::json json = nlohmann::json::object();
    json["stem_pool_stride"] =
        facts.stemPoolStride ? nlohmann::json(*facts.stemPoolStride) : nlohmann::json();
    json["zero_pad"] = !facts.zeroPad                            ? nlohmann::json()
                       : *facts.zeroPad == ZeroPadPlacement::End ? nlohmann::json("end")
                                                                 : nlohmann::json("both");
    nlohmann::json ends = nlohmann::json::object();
    for (const auto& [path, end] : facts.ends) {
        ends[path] = endName(end);
    }
    json["ends"] = ends;
    return json.dump();
}

GraphFacts graphFactsFromJson(const std::string& text, const std::string& sourceName) {
    auto fail = [&](const std::string& why) -> void {
        throw InputError(sourceName + ": the loader's reply is not valid (" + why + ")");
    };
    const nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (!json.is_object() || !json.contains("stem_pool_stride") || !json.contains("zero_pad") ||
        !json.contains("ends") || !json["ends"].is_object()) {
        fail("not the graph's facts");
    }
    GraphFacts facts;
    const auto& stride = json["stem_pool_stride"];
    if (stride.is_number_unsigned() && stride.get<uint64_t>() <= 16) {
        facts.stemPoolStride = int(stride.get<uint64_t>());
    } else if (!stride.is_null()) {
        fail("stem_pool_stride");
    }
    const auto& pad = json["zero_pad"];
    if (pad == "end") {
        facts.zeroPad = ZeroPadPlacement::End;
    } else if (pad == "both") {
        facts.zeroPad = ZeroPadPlacement::Both;
    } else if (!pad.is_null()) {
        fail("zero_pad");
    }
    if (json["ends"].size() > 100000) {
        fail("too many modules");
    }
    for (const auto& item : json["ends"].items()) {
        const auto& end = item.value();
        facts.ends[item.key()] = end == "relu"  ? ForwardEnd::Relu
                                 : end == "add" ? ForwardEnd::Add
                                 : end == "other"
                                     ? ForwardEnd::Other
                                     : (fail("ends of '" + item.key() + "'"), ForwardEnd::Other);
    }
    return facts;
}

}  // namespace reslens
