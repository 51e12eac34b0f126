// reslens-loader: loads one TorchScript file for ResLens, in a process of its own, and hands
// back its weights as data (model/checkpoint/TorchScriptLoader.h). Run by ResLens, not by
// people: reslens-loader INPUT REPLY_DIRECTORY MEMORY_BUDGET_BYTES.

#include <cstdio>
#include <cstdlib>
#include <string>

#include "model/checkpoint/TorchScriptLoader.h"

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr,
                     "reslens-loader is run by ResLens to load a TorchScript file in a process "
                     "of its own: reslens-loader INPUT REPLY_DIRECTORY MEMORY_BUDGET_BYTES\n");
        return 64;
    }
    return reslens::runTorchScriptLoaderChild(argv[1], argv[2], std::strtod(argv[3], nullptr));
}
