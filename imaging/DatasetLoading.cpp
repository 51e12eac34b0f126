#include "imaging/DatasetLoading.h"

#include <torch/torch.h>

#include <algorithm>
#include <cstring>
#include <filesystem>

#include "imaging/ImageDecoder.h"
#include "imaging/ImagePreprocessor.h"
#include "model/data/BuiltinDatasets.h"
#include "model/runtime/InputError.h"

namespace reslens {

namespace fs = std::filesystem;

Dataset loadImageFolder(const std::string& directory, const Preprocessing& preprocessing) {
    std::error_code error;
    if (!fs::is_directory(directory, error)) {
        throw InputError("'" + directory + "' is not a directory of class folders");
    }
    std::vector<fs::path> classDirs;
    for (const auto& entry : fs::directory_iterator(directory, error)) {
        if (entry.is_directory()) {
            classDirs.push_back(entry.path());
        }
    }
    std::sort(classDirs.begin(), classDirs.end());
    if (classDirs.empty()) {
        throw InputError("'" + directory + "' has no class sub-folders (one per class)");
    }
    // Each image is prepared exactly as the same file dropped into the app or given to
    // classify: one preparation everywhere, so a folder of photos measures what users see.
    const Preprocessing& p = preprocessing;
    Dataset dataset;
    dataset.name = "folder:" + directory;
    std::vector<torch::Tensor> images;
    std::vector<int64_t> labels;
    for (size_t c = 0; c < classDirs.size(); ++c) {
        dataset.classNames.push_back(classDirs[c].filename().string());
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(classDirs[c], error)) {
            if (entry.is_regular_file() && entry.path().filename().string()[0] != '.') {
                files.push_back(entry.path());
            }
        }
        std::sort(files.begin(), files.end());
        for (const fs::path& file : files) {
            const PreparedImage prepared = prepareImage(decodeImageFile(file.string()), p);
            const cv::Mat& view = prepared.networkView;
            torch::Tensor pixels =
                torch::from_blob(view.data, {view.rows, view.cols, view.channels()}, torch::kUInt8)
                    .permute({2, 0, 1})
                    .clone();
            images.push_back(pixels);
            labels.push_back(static_cast<int64_t>(c));
        }
    }
    if (images.empty()) {
        throw InputError("'" + directory + "' has class folders but no images in them");
    }
    dataset.images = torch::stack(images);
    dataset.labels = torch::tensor(labels, torch::kLong);
    return dataset;
}

Dataset loadDataset(const DataSpec& spec, const Preprocessing& folderPreprocessing) {
    return spec.kind == DataSpec::Kind::Folder
               ? loadImageFolder(spec.directory, folderPreprocessing)
               : loadBuiltinDataset(spec);
}

}  // namespace reslens
