#include "app/cli/common/ExplorerOpening.h"

namespace reslens::cli {

OpenedModel openExplorer(const ModelSource& source, ExplorerSession& session) {
    session.setDevice(source.deviceName());
    session.setCropToObject(source.cropToObject());
    return session.open(source.request());
}

}  // namespace reslens::cli
