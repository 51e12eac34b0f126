#include "app/core/lessons/LessonSentence.h"

namespace reslens {

std::string LessonSentence::english() const {
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            const size_t arg = size_t(text[i + 1] - '1');
            if (arg < args.size()) {
                out += args[arg];
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

}  // namespace reslens
