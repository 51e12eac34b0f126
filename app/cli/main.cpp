// reslens-cli: the ResLens engine without a window, for scripts, CI and slides.
// The contract (subcommands, flags, JSON fields, exit codes) is ../shared/CLI.md.

#include <torch/torch.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <string>
#include <thread>

#include "app/cli/BenchCommand.h"
#include "app/cli/CheckDeviceCommand.h"
#include "app/cli/CompareCommand.h"
#include "app/cli/EvaluateCommand.h"
#include "app/cli/ImportCommand.h"
#include "app/cli/InspectCommand.h"
#include "app/cli/TrainCommand.h"
#include "app/cli/UsageError.h"
#include "model/InputError.h"
#ifdef RESLENS_WITH_IMAGING
#include "app/cli/ClassifyCommand.h"
#include "app/cli/FeaturesCommand.h"
#endif

namespace {

// One line on stderr, as CLI.md promises.
int fail(const std::string& message, int exitCode) {
    std::string line = message.substr(0, message.find('\n'));
    std::cerr << "reslens-cli: error: " << line << std::endl;
    return exitCode;
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"reslens-cli: look inside residual networks, headless"};
    app.require_subcommand(1, 1);
    int threads = 0;
    app.add_option("--threads", threads, "CPU threads for LibTorch (default: all cores)")
        ->check(CLI::Range(0, 1024));
    reslens::cli::InspectCommand inspect(app);
#ifdef RESLENS_WITH_IMAGING
    reslens::cli::ClassifyCommand classify(app);
    reslens::cli::FeaturesCommand features(app);
#endif
    reslens::cli::TrainCommand train(app);
    reslens::cli::CompareCommand compare(app);
    reslens::cli::EvaluateCommand evaluate(app);
    reslens::cli::ImportCommand import(app);
    reslens::cli::BenchCommand bench(app);
    reslens::cli::CheckDeviceCommand checkDevice(app);
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
    } catch (const CLI::ParseError& e) {
        return fail(e.what(), 2);
    }

    try {
        // LibTorch would pick one intra-op thread on small machines; choose on purpose.
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        torch::set_num_threads(threads > 0 ? threads : static_cast<int>(cores));
        if (inspect.selected()) {
            return inspect.run();
        }
#ifdef RESLENS_WITH_IMAGING
        if (classify.selected()) {
            return classify.run();
        }
        if (features.selected()) {
            return features.run();
        }
#endif
        if (train.selected()) {
            return train.run(commandLine);
        }
        if (compare.selected()) {
            return compare.run(commandLine);
        }
        if (evaluate.selected()) {
            return evaluate.run();
        }
        if (import.selected()) {
            return import.run(commandLine);
        }
        if (bench.selected()) {
            return bench.run();
        }
        if (checkDevice.selected()) {
            return checkDevice.run();
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
