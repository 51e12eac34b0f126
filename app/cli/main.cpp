// reslens-cli: ResLens without a window, for scripts, CI and slides.
// The contract (subcommands, flags, JSON fields, exit codes) is docs/cli.md.

#include <torch/torch.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "app/cli/commands/CompareCommand.h"
#include "app/cli/commands/EvaluateCommand.h"
#include "app/cli/commands/ImportCommand.h"
#include "app/cli/commands/InspectCommand.h"
#include "app/cli/commands/LandscapeCommand.h"
#include "app/cli/commands/LesionCommand.h"
#include "app/cli/commands/LessonsCommand.h"
#include "app/cli/commands/ProbeCommand.h"
#include "app/cli/commands/SimilarityCommand.h"
#include "app/cli/commands/TrainCommand.h"
#include "app/cli/common/ResourcePaths.h"
#include "app/cli/common/UsageError.h"
#include "app/cli/diagnostics/BenchCommand.h"
#include "app/cli/diagnostics/CheckDeviceCommand.h"
#include "app/core/runtime/ComputeThreads.h"
#include "model/checkpoint/TorchScriptLoader.h"
#include "model/network/ResNetConfig.h"
#include "model/runtime/InputError.h"
#ifdef RESLENS_WITH_IMAGING
#include "app/cli/commands/CamCommand.h"
#include "app/cli/commands/ClassifyCommand.h"
#include "app/cli/commands/FeaturesCommand.h"
#include "app/cli/commands/GradientLineCommand.h"
#endif

namespace {

using reslens::cli::Command;

// One line on stderr, as docs/cli.md promises.
int fail(const std::string& message, int exitCode) {
    std::string line = message.substr(0, message.find('\n'));
    std::cerr << "reslens-cli: error: " << line << std::endl;
    return exitCode;
}

// Every subcommand, in the order --help lists them.
std::vector<std::unique_ptr<Command>> subcommands(CLI::App& app) {
    using namespace reslens::cli;
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(std::make_unique<InspectCommand>(app));
#ifdef RESLENS_WITH_IMAGING
    commands.push_back(std::make_unique<ClassifyCommand>(app));
    commands.push_back(std::make_unique<FeaturesCommand>(app));
    commands.push_back(std::make_unique<CamCommand>(app));
    commands.push_back(std::make_unique<GradientLineCommand>(app));
#endif
    commands.push_back(std::make_unique<TrainCommand>(app));
    commands.push_back(std::make_unique<CompareCommand>(app));
    commands.push_back(std::make_unique<EvaluateCommand>(app));
    commands.push_back(std::make_unique<LesionCommand>(app));
    commands.push_back(std::make_unique<LandscapeCommand>(app));
    commands.push_back(std::make_unique<SimilarityCommand>(app));
    commands.push_back(std::make_unique<ProbeCommand>(app));
    commands.push_back(std::make_unique<LessonsCommand>(app));
    commands.push_back(std::make_unique<ImportCommand>(app));
    commands.push_back(std::make_unique<BenchCommand>(app));
    commands.push_back(std::make_unique<CheckDeviceCommand>(app));
    return commands;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"reslens-cli: look inside residual networks, headless"};
    app.require_subcommand(1, 1);
    int threads = 0;
    app.add_option("--threads", threads, "CPU threads for LibTorch (default: all cores)")
        ->check(CLI::Range(0, 1024));
    // What is running and which shipped files it would use: the first thing to ask of an
    // installed copy.
    app.set_version_flag("--version", [] {
        std::string resources;
        try {
            resources = reslens::cli::resourceDirectory();
        } catch (const std::exception& e) {
            resources = std::string("not found (") + e.what() + ")";
        }
        const std::string loader = reslens::torchScriptLoaderProgram();
        return std::string("reslens-cli " RESLENS_VERSION "\nLibTorch " TORCH_VERSION
                           "\nresources: ") +
               resources + "\nTorchScript loader: " + (loader.empty() ? "not found" : loader);
    });
    const std::vector<std::unique_ptr<Command>> commands = subcommands(app);
    std::string commandLine = "reslens-cli";
    for (int i = 1; i < argc; ++i) {
        commandLine += std::string(" ") + argv[i];
    }

    // CLI11 would report an unknown subcommand as a missing one; name it instead.
    if (argc > 1 && argv[1][0] != '-') {
        bool known = false;
        std::string names;
        for (const auto* sub : app.get_subcommands([](CLI::App*) { return true; })) {
            known = known || sub->get_name() == argv[1];
            names += (names.empty() ? "" : ", ") + sub->get_name();
        }
        if (!known) {
            return fail("unknown subcommand '" + std::string(argv[1]) + "' (one of: " + names + ")",
                        2);
        }
    }

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        return fail(e.what(), 2);
    }

    try {
        reslens::ComputeThreads::request(threads);
        reslens::ComputeThreads::Scope libtorch;  // the whole command runs inside LibTorch
        const reslens::cli::CliResources resources;
        const reslens::cli::CommandContext context{commandLine, resources};
        for (const auto& command : commands) {
            if (command->selected()) {
                return command->run(context);
            }
        }
        return fail("no subcommand given (see --help)", 2);
    } catch (const reslens::cli::UsageError& e) {
        return fail(e.what(), 2);
    } catch (const reslens::InputError& e) {
        return fail(e.what(), 2);
    } catch (const reslens::ConfigError& e) {
        return fail(e.what(), 2);
    } catch (const c10::Error& e) {
        return fail(e.what_without_backtrace(), 1);
    } catch (const std::exception& e) {
        return fail(e.what(), 1);
    }
}
