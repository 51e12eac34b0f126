#include "model/checkpoint/PickleReader.h"

#include <torch/torch.h>

#include <cstring>
#include <map>
#include <set>

#include "model/runtime/InputError.h"

namespace reslens {
namespace {

using Kind = CheckpointValue::Kind;

// The storage classes torch.save names in a tensor's persistent id.
bool storageType(const std::string& name, torch::ScalarType& type) {
    static const std::map<std::string, torch::ScalarType> kTypes = {
        {"torch.FloatStorage", torch::kFloat32}, {"torch.DoubleStorage", torch::kFloat64},
        {"torch.HalfStorage", torch::kFloat16},  {"torch.BFloat16Storage", torch::kBFloat16},
        {"torch.LongStorage", torch::kInt64},    {"torch.IntStorage", torch::kInt32},
        {"torch.ShortStorage", torch::kInt16},   {"torch.CharStorage", torch::kInt8},
        {"torch.ByteStorage", torch::kUInt8},    {"torch.BoolStorage", torch::kBool},
    };
    const auto found = kTypes.find(name);
    if (found == kTypes.end()) {
        return false;
    }
    type = found->second;
    return true;
}

// The globals a checkpoint of weights holds, besides the storage classes.
bool allowedGlobal(const std::string& name) {
    return name == "collections.OrderedDict" || name == "torch._utils._rebuild_tensor_v2" ||
           name == "torch._utils._rebuild_parameter" ||
           name == "torch._utils._rebuild_parameter_with_state" || name == "builtins.set" ||
           name == "builtins.frozenset" || name == "torch.jit._pickle.restore_type_tag";
}

class Reader {
public:
    Reader(const char* data, size_t size, const StorageLoader& storages, std::string sourceName)
        : data_(data), size_(size), storages_(storages), source_(std::move(sourceName)) {}

    // A pickle's memo lets a container hold itself; shared pointers would then never be
    // freed (found by fuzzing). Unless the result was accepted, every container is emptied,
    // which also keeps deeply nested ones from being destroyed recursively.
    ~Reader() {
        if (!accepted_) {
            for (const ValuePtr& container : containers_) {
                container->items.clear();
                container->entries.clear();
            }
        }
    }

    ValuePtr run() {
        while (true) {
            const auto op = static_cast<unsigned char>(byte());
            if (op == '.') {
                if (stack_.size() != 1) {
                    fail("the stream ends with " + std::to_string(stack_.size()) +
                         " values instead of one");
                }
                const auto reachable = requireAcyclicAndShallow(stack_.back());
                // What the result does not hold (popped, or only in the memo) may still form
                // a cycle: emptied.
                for (const ValuePtr& container : containers_) {
                    if (!reachable.count(container.get())) {
                        container->items.clear();
                        container->entries.clear();
                    }
                }
                accepted_ = true;
                return stack_.back();
            }
            step(op);
        }
    }

private:
    [[noreturn]] void fail(const std::string& why) const {
        throw InputError(source_ + " is not a readable checkpoint (" + why + ")");
    }

    char byte() {
        if (at_ >= size_) {
            fail("the pickle ends early");
        }
        return data_[at_++];
    }
    const char* take(uint64_t n) {
        if (n > size_ - at_) {
            fail("a length runs past the end of the pickle");
        }
        const char* p = data_ + at_;
        at_ += n;
        return p;
    }
    uint64_t little(int width) {
        const char* p = take(width);
        uint64_t value = 0;
        for (int i = width - 1; i >= 0; --i) {
            value = (value << 8) | static_cast<unsigned char>(p[i]);
        }
        return value;
    }
    std::string line() {
        const size_t start = at_;
        while (byte() != '\n') {
        }
        return std::string(data_ + start, at_ - start - 1);
    }

    void push(ValuePtr value) { stack_.push_back(std::move(value)); }
    ValuePtr pop() {
        if (stack_.size() <= floor()) {
            fail("an opcode takes a value the stack does not have");
        }
        ValuePtr value = stack_.back();
        stack_.pop_back();
        return value;
    }
    ValuePtr& top() {
        if (stack_.size() <= floor()) {
            fail("an opcode takes a value the stack does not have");
        }
        return stack_.back();
    }
    size_t floor() const { return marks_.empty() ? 0 : marks_.back(); }
    // The values since the last MARK, which is removed.
    std::vector<ValuePtr> popToMark() {
        if (marks_.empty()) {
            fail("a MARK is missing");
        }
        const size_t mark = marks_.back();
        marks_.pop_back();
        std::vector<ValuePtr> items(stack_.begin() + mark, stack_.end());
        stack_.resize(mark);
        return items;
    }

    // Iterative, so that no nesting depth can exhaust the stack here. Returns every value
    // the root reaches.
    std::set<const CheckpointValue*> requireAcyclicAndShallow(const ValuePtr& root) {
        constexpr size_t kMaxDepth = 64;  // a checkpoint nests a handful of levels
        enum class Mark { Open, Done };
        std::map<const CheckpointValue*, Mark> marks;
        struct Frame {
            const CheckpointValue* value;
            size_t next;
        };
        std::vector<Frame> path{{root.get(), 0}};
        marks[root.get()] = Mark::Open;
        while (!path.empty()) {
            Frame& frame = path.back();
            const CheckpointValue* value = frame.value;
            const size_t children = value->items.size() + 2 * value->entries.size();
            if (frame.next == children) {
                marks[value] = Mark::Done;
                path.pop_back();
                continue;
            }
            const size_t i = frame.next++;
            const CheckpointValue* child =
                i < value->items.size() ? value->items[i].get()
                : (i - value->items.size()) % 2 == 0
                    ? value->entries[(i - value->items.size()) / 2].first.get()
                    : value->entries[(i - value->items.size()) / 2].second.get();
            const auto seen = marks.find(child);
            if (seen != marks.end()) {
                if (seen->second == Mark::Open) {
                    fail("a container holds itself");
                }
                continue;
            }
            if (path.size() >= kMaxDepth) {
                fail("containers nested more than " + std::to_string(kMaxDepth) + " deep");
            }
            marks[child] = Mark::Open;
            path.push_back({child, 0});
        }
        std::set<const CheckpointValue*> reachable;
        for (const auto& entry : marks) {
            reachable.insert(entry.first);
        }
        return reachable;
    }

    ValuePtr scalar(Kind kind) {
        ValuePtr value = CheckpointValue::make(kind);
        if (kind == Kind::Dict || kind == Kind::List || kind == Kind::Tuple) {
            containers_.push_back(value);
        }
        return value;
    }
    ValuePtr integer(int64_t v) {
        auto value = scalar(Kind::Int);
        value->integer = v;
        return value;
    }
    ValuePtr string(std::string text) {
        auto value = scalar(Kind::String);
        value->text = std::move(text);
        return value;
    }
    ValuePtr tuple(std::vector<ValuePtr> items) {
        auto value = scalar(Kind::Tuple);
        value->items = std::move(items);
        return value;
    }

    ValuePtr global(const std::string& module, const std::string& name) {
        const std::string full = module + "." + name;
        torch::ScalarType type;
        if (!allowedGlobal(full) && !storageType(full, type)) {
            throw InputError(source_ + " names '" + full +
                             "', which a checkpoint of weights never needs: it was refused, "
                             "and nothing in the file was run");
        }
        auto value = scalar(Kind::Global);
        value->text = full;
        return value;
    }

    void memoize(uint64_t index) { memo_[index] = top(); }
    ValuePtr recall(uint64_t index) {
        const auto found = memo_.find(index);
        if (found == memo_.end()) {
            fail("the memo has no entry " + std::to_string(index));
        }
        return found->second;
    }

    void setItems(const ValuePtr& dict, const std::vector<ValuePtr>& items) {
        if (dict->kind != Kind::Dict || items.size() % 2 != 0) {
            fail("SETITEMS on " + describe(*dict));
        }
        for (size_t i = 0; i < items.size(); i += 2) {
            dict->entries.emplace_back(items[i], items[i + 1]);
        }
    }
    void append(const ValuePtr& list, const std::vector<ValuePtr>& items) {
        if (list->kind != Kind::List) {
            fail("APPENDS on " + describe(*list));
        }
        list->items.insert(list->items.end(), items.begin(), items.end());
    }

    int64_t argInt(const ValuePtr& value) {
        if (value->kind != Kind::Int) {
            fail("expected an int, found " + describe(*value));
        }
        return value->integer;
    }
    std::vector<int64_t> argInts(const ValuePtr& value) {
        if (value->kind != Kind::Tuple && value->kind != Kind::List) {
            fail("expected a tuple of ints, found " + describe(*value));
        }
        std::vector<int64_t> ints;
        for (const auto& item : value->items) {
            ints.push_back(argInt(item));
        }
        return ints;
    }

    // torch._utils._rebuild_tensor_v2(storage, offset, size, stride, requires_grad, hooks[, ...])
    ValuePtr rebuildTensor(const std::vector<ValuePtr>& args) {
        if (args.size() < 4 || args[0]->kind != Kind::Tensor) {
            fail("_rebuild_tensor_v2 without a storage, offset, size and stride");
        }
        const torch::Tensor& storage = args[0]->tensor;
        const int64_t offset = argInt(args[1]);
        const auto sizes = argInts(args[2]);
        const auto strides = argInts(args[3]);
        if (sizes.size() != strides.size() || sizes.size() > 8 || offset < 0) {
            fail("a tensor's size and stride disagree");
        }
        // The last element the view reaches must lie in the storage, and the view may hold no
        // more elements than the storage (a stride-0 view of 10^12 elements would be
        // materialised later).
        int64_t last = offset;
        int64_t numel = 1;
        bool empty = false;
        const int64_t available = storage.numel();
        for (size_t d = 0; d < sizes.size(); ++d) {
            if (sizes[d] < 0 || strides[d] < 0 || sizes[d] > (int64_t(1) << 31) ||
                strides[d] > (int64_t(1) << 40)) {
                fail("a tensor has a negative or impossible size or stride");
            }
            empty = empty || sizes[d] == 0;
        }
        for (size_t d = 0; d < sizes.size() && !empty; ++d) {
            if (sizes[d] > available || (strides[d] > 0 && sizes[d] - 1 > available / strides[d])) {
                fail("a tensor reaches past the end of its storage");
            }
            last += (sizes[d] - 1) * strides[d];
            numel *= sizes[d];
            if (last >= available || numel > available) {
                fail("a tensor reaches past the end of its storage");
            }
        }
        if (!empty && last >= available) {  // a 0-dimensional tensor at `offset`
            fail("a tensor reaches past the end of its storage");
        }
        auto value = scalar(Kind::Tensor);
        value->tensor = empty ? torch::empty(sizes, storage.options())
                              : storage.as_strided(sizes, strides, offset);
        return value;
    }

    ValuePtr reduce(const ValuePtr& callable, const ValuePtr& args) {
        if (callable->kind != Kind::Global || args->kind != Kind::Tuple) {
            fail("REDUCE of " + describe(*callable));
        }
        const std::string& name = callable->text;
        if (name == "collections.OrderedDict") {
            return scalar(Kind::Dict);
        }
        if (name == "torch._utils._rebuild_tensor_v2") {
            return rebuildTensor(args->items);
        }
        // restore_type_tag(value, "Dict[str, Tensor]"): LibTorch's pickler (torch::pickle_save,
        // ResLens's model files) tags typed containers; the value is the data.
        if (name == "torch.jit._pickle.restore_type_tag") {
            if (args->items.empty()) {
                fail("restore_type_tag without a value");
            }
            return args->items[0];
        }
        if (name == "builtins.set" || name == "builtins.frozenset") {
            auto value = scalar(Kind::List);
            if (!args->items.empty() && args->items[0]->kind == Kind::List) {
                value->items = args->items[0]->items;
            }
            return value;
        }
        // _rebuild_parameter(data, requires_grad, hooks[, state]): the data is the weight.
        if (args->items.empty() || args->items[0]->kind != Kind::Tensor) {
            fail(name + " without a tensor");
        }
        return args->items[0];
    }

    // ('storage', torch.FloatStorage, key, location, numel)
    ValuePtr persistentLoad(const ValuePtr& pid) {
        if (pid->kind != Kind::Tuple || pid->items.size() < 5 ||
            pid->items[0]->kind != Kind::String || pid->items[0]->text != "storage" ||
            pid->items[1]->kind != Kind::Global || pid->items[2]->kind != Kind::String) {
            fail("a persistent id that is not a storage");
        }
        torch::ScalarType type;
        if (!storageType(pid->items[1]->text, type)) {
            fail("a storage of type " + pid->items[1]->text);
        }
        const std::string& key = pid->items[2]->text;
        const int64_t numel = argInt(pid->items[4]);
        const auto cached = storagesRead_.find(key);
        auto value = scalar(Kind::Tensor);
        if (cached != storagesRead_.end()) {
            value->tensor = cached->second;
        } else {
            value->tensor = storages_(key, type, numel);
            storagesRead_.emplace(key, value->tensor);
        }
        return value;
    }

    void step(unsigned char op) {
        switch (op) {
            case 0x80:  // PROTO
                byte();
                return;
            case 0x95:  // FRAME
                take(8);
                return;
            case '(':
                marks_.push_back(stack_.size());
                return;
            case '}':
                push(scalar(Kind::Dict));
                return;
            case ']':
                push(scalar(Kind::List));
                return;
            case ')':
                push(tuple({}));
                return;
            case 'N':
                push(scalar(Kind::None));
                return;
            case 0x88:
            case 0x89: {
                auto value = scalar(Kind::Bool);
                value->flag = op == 0x88;
                push(value);
                return;
            }
            case 'J':
                push(integer(static_cast<int32_t>(little(4))));
                return;
            case 'K':
                push(integer(static_cast<unsigned char>(byte())));
                return;
            case 'M':
                push(integer(static_cast<int64_t>(little(2))));
                return;
            case 0x8a: {  // LONG1: a little-endian two's complement of n bytes
                const int n = static_cast<unsigned char>(byte());
                if (n > 8) {
                    fail("an integer wider than 64 bits");
                }
                uint64_t raw = n ? little(n) : 0;
                if (n > 0 && n < 8 && (raw >> (8 * n - 1)) & 1) {
                    raw |= ~uint64_t(0) << (8 * n);
                }
                push(integer(static_cast<int64_t>(raw)));
                return;
            }
            case 'G': {  // BINFLOAT, big-endian
                const char* p = take(8);
                uint64_t bits = 0;
                for (int i = 0; i < 8; ++i) {
                    bits = (bits << 8) | static_cast<unsigned char>(p[i]);
                }
                auto value = scalar(Kind::Float);
                std::memcpy(&value->real, &bits, 8);
                push(value);
                return;
            }
            case 'X':    // BINUNICODE
            case 'B':    // BINBYTES
            case 'T': {  // BINSTRING
                const uint64_t n = little(4);
                push(string(std::string(take(n), n)));
                return;
            }
            case 0x8c:   // SHORT_BINUNICODE
            case 'C':    // SHORT_BINBYTES
            case 'U': {  // SHORT_BINSTRING
                const uint64_t n = static_cast<unsigned char>(byte());
                push(string(std::string(take(n), n)));
                return;
            }
            case 0x8d:    // BINUNICODE8
            case 0x8e: {  // BINBYTES8
                const uint64_t n = little(8);
                push(string(std::string(take(n), n)));
                return;
            }
            case 'c': {  // GLOBAL module\nname\n
                const std::string module = line();
                const std::string name = line();
                push(global(module, name));
                return;
            }
            case 0x93: {  // STACK_GLOBAL
                const ValuePtr name = pop();
                const ValuePtr module = pop();
                if (name->kind != Kind::String || module->kind != Kind::String) {
                    fail("STACK_GLOBAL without two strings");
                }
                push(global(module->text, name->text));
                return;
            }
            case 'q':
                memoize(static_cast<unsigned char>(byte()));
                return;
            case 'r':
                memoize(little(4));
                return;
            case 0x94:
                memoize(memo_.size());
                return;
            case 'h':
                push(recall(static_cast<unsigned char>(byte())));
                return;
            case 'j':
                push(recall(little(4)));
                return;
            case 't':
                push(tuple(popToMark()));
                return;
            case 0x85:
            case 0x86:
            case 0x87: {
                std::vector<ValuePtr> items(op - 0x84);
                for (auto it = items.rbegin(); it != items.rend(); ++it) {
                    *it = pop();
                }
                push(tuple(std::move(items)));
                return;
            }
            case 'l': {
                auto list = scalar(Kind::List);
                list->items = popToMark();
                push(list);
                return;
            }
            case 'd': {
                auto dict = scalar(Kind::Dict);
                setItems(dict, popToMark());
                push(dict);
                return;
            }
            case 'a': {
                const ValuePtr item = pop();
                append(top(), {item});
                return;
            }
            case 'e': {
                const auto items = popToMark();
                append(top(), items);
                return;
            }
            case 's': {
                const ValuePtr value = pop();
                const ValuePtr key = pop();
                setItems(top(), {key, value});
                return;
            }
            case 'u': {
                const auto items = popToMark();
                setItems(top(), items);
                return;
            }
            case 'R': {
                const ValuePtr args = pop();
                const ValuePtr callable = pop();
                push(reduce(callable, args));
                return;
            }
            case 0x81: {  // NEWOBJ: cls.__new__(cls, *args); only OrderedDict gets here
                const ValuePtr args = pop();
                const ValuePtr cls = pop();
                push(reduce(cls, args));
                return;
            }
            case 'b':  // BUILD: an OrderedDict's attributes (state_dict's _metadata)
                pop();
                top();
                return;
            case 'Q':
                push(persistentLoad(pop()));
                return;
            case '0':
                pop();
                return;
            case '1':
                popToMark();
                return;
            case '2':
                push(top());
                return;
            default:
                fail("opcode 0x" + hex(op) + " is not one a checkpoint of weights uses");
        }
    }

    static std::string hex(unsigned char op) {
        const char* digits = "0123456789abcdef";
        return {digits[op >> 4], digits[op & 15]};
    }

    const char* data_;
    size_t size_;
    size_t at_ = 0;
    const StorageLoader& storages_;
    std::string source_;
    std::vector<ValuePtr> stack_;
    std::vector<size_t> marks_;
    std::map<uint64_t, ValuePtr> memo_;
    std::map<std::string, torch::Tensor> storagesRead_;
    std::vector<ValuePtr> containers_;
    bool accepted_ = false;
};

}  // namespace

ValuePtr readDataOnlyPickle(const char* data, size_t size, const StorageLoader& storages,
                            const std::string& sourceName) {
    return Reader(data, size, storages, sourceName).run();
}

}  // namespace reslens
