#include "TestNetworks.h"

#include <QtTest/QtTest>

using namespace reslens;

std::vector<NamedConfig> everyFamily() {
    auto make = [](const char* arch, int size, auto&& adjust) {
        ResNetConfig c = ResNetConfig::fromArchName(arch);
        c.inputHeight = c.inputWidth = size;
        adjust(c);
        c.arch = c.canonicalName();
        return c;
    };
    auto keep = [](ResNetConfig&) {};
    return {
        {"resnet18", make("resnet18", 64, keep)},
        {"resnet50 v1.5", make("resnet50", 64, keep)},
        {"resnet50 v1",
         make("resnet50", 64, [](ResNetConfig& c) { c.strideOn = StrideOn::Conv1x1; })},
        {"resnet50 option A",
         make("resnet50", 64, [](ResNetConfig& c) { c.shortcut = ShortcutOption::A; })},
        {"resnet20 option A", make("resnet20", 32, keep)},
        {"resnet20 option B",
         make("resnet20", 32, [](ResNetConfig& c) { c.shortcut = ShortcutOption::B; })},
        {"plain20", make("plain20", 32, keep)},
        {"plain18", make("plain18", 64, keep)},
        {"preact resnet20", make("resnet20", 32, [](ResNetConfig& c) { c.preact = true; })},
        {"preact resnet20 B", make("resnet20", 32,
                                   [](ResNetConfig& c) {
                                       c.preact = true;
                                       c.shortcut = ShortcutOption::B;
                                   })},
        {"preact resnet50", make("resnet50", 64, [](ResNetConfig& c) { c.preact = true; })},
        {"preact plain20", make("plain20", 32, [](ResNetConfig& c) { c.preact = true; })},
        {"no-bn resnet20", make("resnet20", 32, [](ResNetConfig& c) { c.batchNorm = false; })},
        {"no-bn resnet18", make("resnet18", 64, [](ResNetConfig& c) { c.batchNorm = false; })},
        {"no-bn preact resnet20 B", make("resnet20", 32,
                                         [](ResNetConfig& c) {
                                             c.batchNorm = false;
                                             c.preact = true;
                                             c.shortcut = ShortcutOption::B;
                                         })},
        {"gray 28x28 resnet20", make("resnet20", 28, [](ResNetConfig& c) { c.inChannels = 1; })},
    };
}

void addEveryFamilyRows() {
    QTest::addColumn<int>("index");
    const auto configs = everyFamily();
    for (size_t i = 0; i < configs.size(); ++i) {
        QTest::newRow(configs[i].label.toUtf8().constData()) << int(i);
    }
}
