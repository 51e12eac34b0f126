#pragma once

// Configurations that cover every block family and option, at input sizes small enough
// for quick tests, and the data-driven rows that walk through them.

#include <QString>
#include <vector>

#include "model/network/ResNetConfig.h"

struct NamedConfig {
    QString label;
    reslens::ResNetConfig config;
};

std::vector<NamedConfig> everyFamily();

// For a `_data()` function: an "index" column into everyFamily(), one row per configuration.
void addEveryFamilyRows();
