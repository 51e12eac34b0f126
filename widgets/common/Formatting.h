#pragma once

// How the widgets write counts, shapes and multiply-adds, so that the block list, the
// parameter table and the exports agree to the digit.

#include <QCoreApplication>
#include <QLocale>
#include <QString>

#include <algorithm>
#include <cmath>

#include "model/network/ArchitectureSummary.h"

namespace reslens {

// 1,179,648 (in the user's locale).
inline QString countText(int64_t n) {
    return QLocale().toString(static_cast<qlonglong>(n));
}

// 32×14×14
inline QString shapeText(const Shape3& s) {
    return QStringLiteral("%1×%2×%3").arg(s[0]).arg(s[1]).arg(s[2]);
}

// 4.089 G, or 40.9 M below a billion.
inline QString macsText(int64_t macs) {
    return macs >= 1e9 ? QStringLiteral("%1 G").arg(macs / 1e9, 0, 'f', 3)
                       : QStringLiteral("%1 M").arg(macs / 1e6, 0, 'f', 1);
}

// A time to wait, as a person says it: "40 s", "7 min", "1 h 25 min".
inline QString durationText(double seconds) {
    // Literal translate() calls: lupdate finds them under the "Duration" context.
    if (seconds < 90) {
        return QCoreApplication::translate("Duration", "%1 s")
            .arg(std::max<long>(1, std::lround(seconds)));
    }
    const long minutes = std::lround(seconds / 60);
    return minutes < 90 ? QCoreApplication::translate("Duration", "%1 min").arg(minutes)
                        : QCoreApplication::translate("Duration", "%1 h %2 min")
                              .arg(minutes / 60)
                              .arg(minutes % 60);
}

}  // namespace reslens
