#pragma once

// Every key the app keeps in QSettings, in one place. Values are written by name where
// they name something (a model kind, a colormap), so that reordering an enum never changes
// what a settings file means; SettingsCompat reads the integers that versions up to 0.1
// wrote.

namespace reslens::settings {

inline constexpr const char* kDevice = "device";
inline constexpr const char* kThreads = "threads";
inline constexpr const char* kCropToObject = "cropToObject";  // bool, default true
inline constexpr const char* kModelKind = "model/kind";       // "shipped", "file", "torchscript"
inline constexpr const char* kModelLocation = "model/location";
// An import's settings (importStateText): the same network on the next start.
inline constexpr const char* kModelImport = "model/import";
inline constexpr const char* kRecentImages = "recentImages";
inline constexpr const char* kImageDirectory = "imageDirectory";
inline constexpr const char* kVideoDirectory = "videoDirectory";
inline constexpr const char* kExportDirectory = "exportDirectory";
inline constexpr const char* kWindowGeometry = "window/geometry";
inline constexpr const char* kWindowState = "window/state";
// bool: the user ticked "Don't warn me again" under the TorchScript import warning.
inline constexpr const char* kTorchScriptWarningRead = "import/torchScriptWarningRead";
// Presenter mode: on or off (bool), its scale in percent (125-200), high-contrast charts.
inline constexpr const char* kPresenterMode = "presenter/enabled";
inline constexpr const char* kPresenterScale = "presenter/scalePercent";
inline constexpr const char* kPresenterHighContrast = "presenter/highContrast";
// "system" (follow the locale), "en" or "zh_CN": View ▸ Language.
inline constexpr const char* kLanguage = "language";
// The start page (the lessons) has been shown once: later starts open on the explorer.
inline constexpr const char* kStartPageShown = "startPageShown";
inline constexpr const char* kFeatures = "features";  // a map with the keys below

namespace features {
inline constexpr const char* kTensor =
    "tensor";  // "input", "residual", "shortcut", "output", "gradcam"
inline constexpr const char* kColormap = "colormap";            // "viridis", ..., "signed"
inline constexpr const char* kNormalization = "normalization";  // "channel", "shared"
inline constexpr const char* kSort = "sort";
inline constexpr const char* kZoom = "zoom";
inline constexpr const char* kFit = "fit";
inline constexpr const char* kOverlay = "overlay";
}  // namespace features

}  // namespace reslens::settings
