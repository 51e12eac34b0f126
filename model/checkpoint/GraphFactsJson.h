#pragma once

// GraphFacts as JSON, for the TorchScript loader process to hand back beside the weights.
// The parent reads it as untrusted input: every field's type and range is checked.

#include <string>

#include "model/checkpoint/TorchScriptGraph.h"

namespace reslens {

std::string graphFactsToJson(const GraphFacts& facts);

// Throws InputError("<sourceName> ...") for text that is not what graphFactsToJson writes.
GraphFacts graphFactsFromJson(const std::string& text, const std::string& sourceName);

}  // namespace reslens
