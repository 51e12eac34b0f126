#include "app/cli/DatasetSource.h"

#include "app/cli/UsageError.h"
#include "model/DatasetFromSpec.h"
#ifdef RESLENS_WITH_IMAGING
#include "imaging/DatasetLoading.h"
#endif

namespace reslens::cli {

Dataset loadData(const DataSpec& spec, const Preprocessing& folderPreprocessing) {
#ifdef RESLENS_WITH_IMAGING
    return loadDataset(spec, folderPreprocessing);
#else
    (void)folderPreprocessing;
    if (spec.kind == DataSpec::Kind::Folder) {
        throw UsageError(
            "image folders need imaging (OpenCV), and this reslens-cli was built "
            "with RESLENS_WITH_IMAGING=OFF: use fashion-mnist or cifar10");
    }
    return loadBuiltinDataset(spec);
#endif
}

}  // namespace reslens::cli
