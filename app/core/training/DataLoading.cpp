#include "app/core/training/DataLoading.h"

#include "model/data/DatasetFromSpec.h"
#include "model/runtime/InputError.h"
#ifdef RESLENS_WITH_IMAGING
#include "imaging/DatasetLoading.h"
#endif

namespace reslens {

Dataset loadData(const DataSpec& spec, const Preprocessing& folderPreprocessing) {
#ifdef RESLENS_WITH_IMAGING
    return loadDataset(spec, folderPreprocessing);
#else
    (void)folderPreprocessing;
    if (spec.kind == DataSpec::Kind::Folder) {
        throw InputError(
            "image folders need imaging (OpenCV), and this build has "
            "RESLENS_WITH_IMAGING=OFF: use fashion-mnist or cifar10");
    }
    return loadBuiltinDataset(spec);
#endif
}

}  // namespace reslens
