#pragma once

// Reference data made at test time by Debian's python3-torch/torchvision: run a fixture
// script, read what it saved with torch.save.

#include <torch/types.h>

#include <QString>
#include <QStringList>
#include <string>

// Runs fixtures/<script> with RESLENS_PYTHON; returns an empty string on success, else the
// reason (exit code and stderr), for QVERIFY2.
QString runPythonFixture(const QString& script, const QStringList& arguments,
                         int timeoutMs = 600000);

// A file written with Python's torch.save of a dict, as a generic dict.
c10::impl::GenericDict loadPickledDict(const std::string& path);

// The tensor under `key` of such a dict.
torch::Tensor tensorAt(const c10::impl::GenericDict& dict, const std::string& key);
