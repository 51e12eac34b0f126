#include "model/training/RunStatus.h"

#include "model/runtime/EnumNames.h"

namespace reslens {
namespace {

constexpr EnumNameTable<RunStatus, 3> kNames = {{
    {RunStatus::Finished, "finished"},
    {RunStatus::Cancelled, "cancelled"},
    {RunStatus::Diverged, "diverged"},
}};

}  // namespace

std::string toString(RunStatus status) {
    return enumName(kNames, status);
}

std::optional<RunStatus> runStatusFromString(const std::string& name) {
    return enumFromName(kNames, name);
}

}  // namespace reslens
