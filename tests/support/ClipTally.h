#pragma once

// For the "Watch the blocks" tests: the share of the turning clip's frames of each pose that
// `reslens-cli classify --video` names right, tallied here from the clip's manifest and the
// command's JSON — apart from the lesson's own code (TurningClip, SeedMeasure). Header-only
// and Qt-only.

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QString>

#include "CliRunner.h"

namespace reslens::testing {

// "face-on", "edge-on", "sideways", "upside-down" -> share right; "frames" -> frames read.
// Empty when the command or the manifest fails.
inline QMap<QString, double> tallyTurningClip(const QString& resources) {
    QFile manifestFile(resources + "/videos/turning-products.json");
    if (!manifestFile.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QJsonArray manifest =
        QJsonDocument::fromJson(manifestFile.readAll()).object().value("frames").toArray();
    const CliRun run = runCli({"classify", "--model", "default", "--video",
                               resources + "/videos/turning-products.mkv", "--top", "1", "--json"});
    if (run.exitCode != 0) {
        return {};
    }
    const QJsonArray results = QJsonDocument::fromJson(run.out).object().value("results").toArray();
    if (results.size() != manifest.size()) {
        return {};
    }
    QMap<QString, int> right, all;
    for (int i = 0; i < results.size(); ++i) {
        const QJsonObject frame = manifest[i].toObject();
        const QString pose = frame.value("pose").toString();
        const int top1 =
            results[i].toObject().value("top").toArray()[0].toObject().value("index").toInt();
        all[pose] += 1;
        right[pose] += top1 == frame.value("label").toInt();
    }
    QMap<QString, double> shares;
    for (const QString& pose : {"face-on", "edge-on", "sideways", "upside-down"}) {
        shares[pose] = double(right[pose]) / all[pose];
    }
    shares["frames"] = results.size();
    return shares;
}

}  // namespace reslens::testing
