#include "model/data/DataSpec.h"

#include "model/runtime/InputError.h"

namespace reslens {
namespace {

const char* kForms =
    "expected fashion-mnist[:DIR][:train|test], cifar10:DIR[:train|test] or folder:DIR";

// Splits off a trailing ":train" / ":test".
void takeSplit(std::string& rest, DataSpec& spec) {
    for (const auto& [suffix, split] :
         {std::pair{":train", Split::Train}, {":test", Split::Test}}) {
        const std::string s = suffix;
        if (rest.size() >= s.size() && rest.compare(rest.size() - s.size(), s.size(), s) == 0) {
            rest.erase(rest.size() - s.size());
            spec.split = split;
            spec.splitGiven = true;
            return;
        }
    }
    if (rest == "train" || rest == "test") {  // "fashion-mnist:test" leaves "test"
        spec.split = rest == "train" ? Split::Train : Split::Test;
        spec.splitGiven = true;
        rest.clear();
    }
}

}  // namespace

DataSpec DataSpec::parse(const std::string& text) {
    DataSpec spec;
    const auto colon = text.find(':');
    const std::string kind = text.substr(0, colon);
    std::string rest = colon == std::string::npos ? "" : text.substr(colon + 1);
    if (kind == "fashion-mnist") {
        spec.kind = Kind::FashionMnist;
        takeSplit(rest, spec);
        spec.directory = rest.empty() ? kFashionMnistDirectory : rest;
    } else if (kind == "cifar10") {
        spec.kind = Kind::Cifar10;
        takeSplit(rest, spec);
        if (rest.empty()) {
            throw InputError("--data cifar10 needs its directory: cifar10:DIR[:train|test]");
        }
        spec.directory = rest;
    } else if (kind == "folder") {
        spec.kind = Kind::Folder;
        if (rest.empty()) {
            throw InputError("--data folder needs its directory: folder:DIR");
        }
        spec.directory = rest;
    } else {
        throw InputError("unknown dataset '" + text + "' (" + kForms + ")");
    }
    return spec;
}

DataSpec DataSpec::withSplit(Split other) const {
    DataSpec spec = *this;
    spec.split = other;
    spec.splitGiven = true;
    return spec;
}

std::string DataSpec::toString() const {
    const std::string split = this->split == Split::Train ? "train" : "test";
    switch (kind) {
        case Kind::FashionMnist:
            return "fashion-mnist:" + directory + ":" + split;
        case Kind::Cifar10:
            return "cifar10:" + directory + ":" + split;
        case Kind::Folder:
            return "folder:" + directory;
    }
    return {};
}

}  // namespace reslens
