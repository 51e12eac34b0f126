#include "app/core/training/TrainingSetup.h"

#include <torch/torch.h>

#include "app/core/models/Provenance.h"
#include "app/core/training/DataLoading.h"
#include "model/data/DatasetFromSpec.h"
#include "model/network/SeededNetwork.h"
#include "model/runtime/DeviceSelection.h"
#include "model/runtime/InputError.h"
#include "model/training/Trainer.h"

namespace reslens {

ResNetConfig fitArchitecture(const TrainingRecipe& recipe, int channels, int height, int width,
                             int classes) {
    ResNetConfig config = recipe.architecture;
    auto fit = [](int& value, bool given, int fromData, const char* flag) {
        if (given && value != fromData) {
            throw InputError(std::string(flag) + " " + std::to_string(value) +
                             " does not match the data (" + std::to_string(fromData) + ")");
        }
        value = fromData;
    };
    fit(config.inChannels, recipe.inChannelsGiven, channels, "--in-channels");
    fit(config.classes, recipe.classesGiven, classes, "--classes");
    fit(config.inputHeight, recipe.inputGiven, height, "--input height");
    fit(config.inputWidth, recipe.inputGiven, width, "--input width");
    if (recipe.withPlainTwin) {
        config.skip = true;  // the pair is always the residual network and its plain twin
    }
    config.arch = config.canonicalName();
    try {
        config.validate();
    } catch (const ConfigError& e) {
        throw InputError(e.what());
    }
    return config;
}

PreparedTraining prepareTraining(const TrainingRecipe& recipe, bool loadTestSplit) {
    const torch::Device device = parseDevice(recipe.device);  // refuse it before loading data
    const ResNetConfig& asked = recipe.architecture;
    const Preprocessing folderPreprocessing =
        preprocessingFor(recipe.data, asked.inChannels, asked.inputHeight, asked.inputWidth);

    PreparedTraining prepared;
    DataSpec trainSpec = recipe.data;
    if (!trainSpec.splitGiven) {
        trainSpec.split = Split::Train;
    }
    prepared.data = loadData(trainSpec, folderPreprocessing);
    if (recipe.subset > 0 && recipe.subset < prepared.data.size()) {
        prepared.data.images = prepared.data.images.narrow(0, 0, recipe.subset);
        prepared.data.labels = prepared.data.labels.narrow(0, 0, recipe.subset);
    }
    const Dataset& data = prepared.data;
    prepared.config =
        fitArchitecture(recipe, data.channels(), data.height(), data.width(), data.classes());
    const ResNetConfig& config = prepared.config;
    prepared.preprocessing =
        preprocessingFor(recipe.data, config.inChannels, config.inputHeight, config.inputWidth);
    prepared.options = recipe.options(prepared.preprocessing);
    prepared.totalSteps = prepared.options.totalSteps(data.size());
    const bool hasTestSplit = recipe.data.kind != DataSpec::Kind::Folder &&
                              !(recipe.data.splitGiven && recipe.data.split == Split::Test);
    if (loadTestSplit && hasTestSplit) {
        prepared.test = loadData(recipe.data.withSplit(Split::Test), prepared.preprocessing);
    }

    prepared.networks.push_back(seededResNet(config, recipe.training.seed));
    prepared.networks.front()->to(device);  // the twin follows its device
    if (recipe.withPlainTwin) {
        prepared.networks.push_back(plainTwinOf(*prepared.networks.front()));
    }
    for (const ResNet& network : prepared.networks) {
        ModelMetadata metadata;
        metadata.config = network->config();
        metadata.labels = data.classNames;
        metadata.preprocessing = prepared.preprocessing;
        metadata.provenance =
            trainingProvenance(recipe, data.name, data.size(), prepared.totalSteps);
        prepared.metadata.push_back(std::move(metadata));
    }
    for (const auto& block : prepared.networks.front()->blocks()) {
        prepared.blockNames.push_back(block->info().name);
    }
    return prepared;
}

}  // namespace reslens
