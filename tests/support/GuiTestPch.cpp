// The window tests share one precompiled header (tests/CMakeLists.txt); it needs a source.
