#include "app/core/models/LabelRule.h"

#include "model/files/FileBytes.h"
#include "model/files/ModelMetadata.h"
#include "model/runtime/InputError.h"

namespace reslens {

std::vector<std::string> parseLabels(const std::vector<char>& text, int classes,
                                     const std::string& source) {
    std::vector<std::string> labels;
    std::string line;
    auto take = [&] {
        if (!line.empty() && line.back() == '\r') {
            line.pop_back();
        }
        if (!line.empty()) {
            labels.push_back(line);
        }
        line.clear();
    };
    for (char c : text) {
        if (c == '\n') {
            take();
        } else {
            line += c;
        }
    }
    take();
    if (labels.size() != static_cast<size_t>(classes)) {
        throw InputError(source + " has " + std::to_string(labels.size()) +
                         " labels but the network has " + std::to_string(classes) + " classes");
    }
    return labels;
}

std::vector<std::string> labelsFor(int classes, const LabelChoice& choice,
                                   const ResourceSource& resources) {
    LabelChoice::Kind kind = choice.kind;
    if (kind == LabelChoice::Kind::Automatic) {
        kind = classes == 1000 ? LabelChoice::Kind::ImageNet : LabelChoice::Kind::Automatic;
    }
    switch (kind) {
        case LabelChoice::Kind::ImageNet: {
            if (classes != 1000) {
                throw InputError("the ImageNet labels need 1000 classes; the network has " +
                                 std::to_string(classes));
            }
            const auto text = resources.read(kImageNetLabelsResource);
            if (!text) {
                throw InputError("the ImageNet labels are not there (" +
                                 resources.locate(kImageNetLabelsResource) + ")");
            }
            return parseLabels(*text, classes,
                               "'" + resources.locate(kImageNetLabelsResource) + "'");
        }
        case LabelChoice::Kind::File: {
            std::vector<char> text;
            try {
                text = readFileBytes(choice.path, size_t(64) << 20);
            } catch (const InputError& e) {
                throw InputError("cannot read the labels file (" + std::string(e.what()) + ")");
            }
            return parseLabels(text, classes, "'" + choice.path + "'");
        }
        case LabelChoice::Kind::Automatic:
            break;
    }
    return numberedLabels(classes);
}

}  // namespace reslens
