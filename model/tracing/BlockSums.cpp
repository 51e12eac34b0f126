#include "model/tracing/BlockSums.h"

#include <ATen/Parallel.h>

#include <array>
#include <cstring>
#include <vector>

namespace reslens {
namespace {

constexpr int64_t kChunk = 4096;  // float lanes are flushed into doubles per chunk

using Sums = std::array<double, kBlockSumColumns>;

// GCC vector extensions: eight floats, two vectors per sum for instruction-level
// parallelism. Compiled per target clone, so 256-bit AVX2 where present, SSE2 pairs else.
// Only ever inlined, so the vector ABI note GCC gives for it does not apply.
#pragma GCC diagnostic ignored "-Wpsabi"
typedef float Float8 __attribute__((vector_size(32)));

__attribute__((always_inline)) inline Float8 load8(const float* p) {
    Float8 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

__attribute__((always_inline)) inline double horizontalSum(Float8 a, Float8 b) {
    double total = 0;
    for (int l = 0; l < 8; ++l) {
        total += double(a[l]) + double(b[l]);
    }
    return total;
}

// One chunk: float accumulation across 16 lanes (exact enough for 4096 elements),
// returned in double.
template <bool kHasShortcut>
__attribute__((always_inline)) inline Sums chunkSumsImpl(const float* r, const float* s,
                                                         const float* y, int64_t n) {
    Float8 sr[2] = {}, srr[2] = {}, sss[2] = {}, srs[2] = {}, syy[2] = {};
    int64_t i = 0;
    for (; i + 16 <= n; i += 16) {
        for (int h = 0; h < 2; ++h) {
            const Float8 rv = load8(r + i + 8 * h), yv = load8(y + i + 8 * h);
            sr[h] += rv;
            srr[h] += rv * rv;
            syy[h] += yv * yv;
            if (kHasShortcut) {
                const Float8 sv = load8(s + i + 8 * h);
                sss[h] += sv * sv;
                srs[h] += rv * sv;
            }
        }
    }
    Sums out{};
    out[kSumResidual] = horizontalSum(sr[0], sr[1]);
    out[kSumResidualSquared] = horizontalSum(srr[0], srr[1]);
    out[kSumShortcutSquared] = horizontalSum(sss[0], sss[1]);
    out[kSumResidualTimesShortcut] = horizontalSum(srs[0], srs[1]);
    out[kSumOutputSquared] = horizontalSum(syy[0], syy[1]);
    for (; i < n; ++i) {
        out[kSumResidual] += r[i];
        out[kSumResidualSquared] += double(r[i]) * r[i];
        out[kSumOutputSquared] += double(y[i]) * y[i];
        if (kHasShortcut) {
            out[kSumShortcutSquared] += double(s[i]) * s[i];
            out[kSumResidualTimesShortcut] += double(r[i]) * s[i];
        }
    }
    return out;
}

// Debian builds for baseline x86-64 (SSE2); an AVX2 clone, picked at run time, doubles
// the vector width where the CPU has it.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define RESLENS_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define RESLENS_VECTOR_CLONES
#endif

RESLENS_VECTOR_CLONES Sums chunkSumsWithShortcut(const float* r, const float* s, const float* y,
                                                 int64_t n) {
    return chunkSumsImpl<true>(r, s, y, n);
}

RESLENS_VECTOR_CLONES Sums chunkSumsPlain(const float* r, const float* y, int64_t n) {
    return chunkSumsImpl<false>(r, nullptr, y, n);
}

Sums chunkSums(const float* r, const float* s, const float* y, int64_t n) {
    return s ? chunkSumsWithShortcut(r, s, y, n) : chunkSumsPlain(r, y, n);
}

// Dense with the batch outermost: a per-image sum does not depend on the order of the rest,
// so NCHW and channels-last tensors (the inference fast path's) both qualify.
bool fastPathApplies(const torch::Tensor& t) {
    return t.device().is_cpu() && t.scalar_type() == torch::kFloat &&
           (t.is_contiguous() || t.is_contiguous(torch::MemoryFormat::ChannelsLast));
}

torch::Tensor cpuBlockSums(const torch::Tensor& residual, const torch::Tensor& shortcut,
                           const torch::Tensor& output) {
    const int64_t batch = residual.size(0);
    const int64_t perImage = residual.numel() / std::max<int64_t>(batch, 1);
    const int64_t chunksPerImage = (perImage + kChunk - 1) / kChunk;
    const float* r = residual.data_ptr<float>();
    const float* s = shortcut.defined() ? shortcut.data_ptr<float>() : nullptr;
    const float* y = output.data_ptr<float>();

    std::vector<Sums> partial(static_cast<size_t>(batch * chunksPerImage));
    at::parallel_for(0, batch * chunksPerImage, 1, [&](int64_t begin, int64_t end) {
        for (int64_t c = begin; c < end; ++c) {
            const int64_t image = c / chunksPerImage;
            const int64_t start = image * perImage + (c % chunksPerImage) * kChunk;
            const int64_t n = std::min(kChunk, (image + 1) * perImage - start);
            partial[c] = chunkSums(r + start, s ? s + start : nullptr, y + start, n);
        }
    });

    torch::Tensor result = torch::zeros({batch, kBlockSumColumns}, torch::kDouble);
    auto out = result.accessor<double, 2>();
    for (int64_t c = 0; c < batch * chunksPerImage; ++c) {
        for (int k = 0; k < kBlockSumColumns; ++k) {
            out[c / chunksPerImage][k] += partial[c][k];
        }
    }
    return result;
}

}  // namespace

torch::Tensor blockSums(const torch::Tensor& residual, const torch::Tensor& shortcut,
                        const torch::Tensor& output) {
    torch::NoGradGuard noGrad;
    const bool sameSizes = output.sizes() == residual.sizes() &&
                           (!shortcut.defined() || shortcut.sizes() == residual.sizes());
    if (sameSizes && fastPathApplies(residual) && fastPathApplies(output) &&
        (!shortcut.defined() || fastPathApplies(shortcut))) {
        // Elementwise products need the three in one layout. The fast path's convolutions
        // may return NCHW beside a channels-last shortcut; a copy of one small tensor costs
        // less than the general reductions below.
        const auto layout = residual.suggest_memory_format();
        return cpuBlockSums(residual, shortcut.defined() ? shortcut.contiguous(layout) : shortcut,
                            output.contiguous(layout));
    }
    // Any other device, dtype or layout (CUDA above all): the same sums as reductions in the
    // tensors' own dtype, without float64 copies of whole activations, which would cost more
    // memory traffic on a GPU than the forward itself. Only the [batch, 5] result is widened.
    // Per-image sums of squares come from norms (one pass, no squared temporary).
    const torch::Tensor r = residual.detach().flatten(1);
    const torch::Tensor y = output.detach().flatten(1);
    torch::Tensor ss, rs;
    if (shortcut.defined()) {
        const torch::Tensor s = shortcut.detach().flatten(1);
        ss = s.norm(2, 1).square();
        rs = (r * s).sum(1);
    } else {
        ss = torch::zeros({r.size(0)}, r.options());
        rs = ss;
    }
    return torch::stack({r.sum(1), r.norm(2, 1).square(), ss, rs, y.norm(2, 1).square()}, 1)
        .to(torch::kDouble);
}

torch::Tensor sumOfSquaresPerImage(const torch::Tensor& t) {
    torch::NoGradGuard noGrad;
    if (fastPathApplies(t)) {
        // Reuse the fused kernel with t as both F(x) and output; take the output column.
        return cpuBlockSums(t, torch::Tensor(), t).select(1, kSumOutputSquared).contiguous();
    }
    return t.detach().flatten(1).norm(2, 1).square().to(torch::kDouble);
}

}  // namespace reslens
