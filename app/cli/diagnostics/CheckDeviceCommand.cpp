#include "app/cli/diagnostics/CheckDeviceCommand.h"

#include <torch/torch.h>

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "app/cli/diagnostics/DeviceChecks.h"
#include "model/runtime/DeviceSelection.h"

namespace reslens::cli {

CheckDeviceCommand::CheckDeviceCommand(CLI::App& parent) {
    command_ = parent.add_subcommand(
        "check-device",
        "check logits, block statistics and a training step on a device against the CPU");
    command_->add_option("--device", device_, "cuda, cuda:N, or cpu (float32 vs float64)")
        ->capture_default_str();
    command_->add_option("--paired-steps", pairedSteps_, "steps of the paired run")
        ->check(CLI::Range(5, 100000))
        ->capture_default_str();
    command_->add_option("--seed", seed_, "seed for weights, inputs and batches");
    command_->add_flag("--json", json_, "print one JSON document");
}

int CheckDeviceCommand::run(const CommandContext&) {
    DeviceCheckOptions options;
    options.device = parseDevice(device_);  // InputError names what is missing
    options.pairedSteps = pairedSteps_;
    options.seed = static_cast<uint64_t>(seed_);
    // On the CPU itself, the reference is the CPU in float64.
    options.referenceType = options.device.is_cpu() ? torch::kDouble : torch::kFloat;
    const std::string reference = options.device.is_cpu() ? "cpu float64" : "cpu float32";
    const std::vector<CheckResult> results = runDeviceChecks(options);

    bool allPassed = true;
    for (const CheckResult& r : results) {
        allPassed = allPassed && r.passed;
    }
    if (json_) {
        nlohmann::json checks = nlohmann::json::array();
        for (const CheckResult& r : results) {
            checks.push_back({{"name", r.name},
                              {"measure", r.measure},
                              {"value", r.value},
                              {"tolerance", r.tolerance},
                              {"passed", r.passed},
                              {"detail", r.detail}});
        }
        std::cout << nlohmann::json{{"device", options.device.str()},
                                    {"reference", reference},
                                    {"tf32", false},
                                    {"checks", checks},
                                    {"passed", allPassed}}
                         .dump(2)
                  << std::endl;
    } else {
        std::printf("%s (float32, TF32 off) against %s\n", options.device.str().c_str(),
                    reference.c_str());
        for (const CheckResult& r : results) {
            std::printf("  %s  %-52s %.3g (<= %.3g: %s)%s%s\n", r.passed ? "PASS" : "FAIL",
                        r.name.c_str(), r.value, r.tolerance, r.measure.c_str(),
                        r.detail.empty() ? "" : "\n        ", r.detail.c_str());
        }
        std::printf("%s\n", allPassed ? "all checks passed" : "SOME CHECKS FAILED");
    }
    return allPassed ? 0 : 1;
}

}  // namespace reslens::cli
