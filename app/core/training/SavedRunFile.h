#pragma once

// The saved-run file (.reslens-run, docs/design.md): one line of header, then the run as
// JSON, so a teacher can read it and a script can parse it.
//
//   RESLENS-RUN 1 length=<bytes of the JSON> fnv1a64=<16 hex digits of the JSON's hash>
//   { "source": ..., "recipe": {...}, "blocks": [...], "runs": [...] }
//
// The length catches a truncated copy and the hash any edit, so that a file is either
// exactly what was saved or refused with one message; the hash guards against accidents,
// it is no signature. Non-finite numbers (a diverged run's loss) are the strings "nan",
// "inf" and "-inf"; weights are a base64 ResLens model file.

#include <string>

#include "app/core/training/SavedRun.h"

namespace reslens {

// Atomic: an interrupted save leaves the previous file. Throws std::runtime_error.
void writeSavedRun(const std::string& path, const SavedRun& run);

// Throws InputError, one line naming the file and what is wrong with it.
SavedRun readSavedRun(const std::string& path);
// The same for a file's bytes; `name` starts each message.
SavedRun parseSavedRun(const std::string& bytes, const std::string& name);
// `body` behind the header that makes it a saved-run file (its length and hash): for tools
// and fuzzing, which write bodies of their own.
std::string framedSavedRun(const std::string& body);

// A saved-run file, or a `reslens-cli compare --out` folder (or its summary.json).
// Throws InputError.
SavedRun openSavedRun(const std::string& path);

}  // namespace reslens
