# The two set-up commands of the README, plus the pieces they are made of.
#   make demo  - build, install and register the driver, start the emulator, run sample isql queries
#   make test  - build (normal, ASan+UBSan, TSan for the concurrency test) and run the whole test suite (formatting
#                included), plus a 20 s run of each fuzzer
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
BUILD     ?= build
ASAN      ?= build-asan
FUZZ      ?= build-fuzz
TSAN      ?= build-tsan
FUZZ_SECONDS ?= 600
PREFIX    ?= /usr/local
DEMO_PORT ?= 8765

.PHONY: all deps build build-asan build-fuzz build-tsan test test-release test-asan test-fuzz test-tsan demo demo-stop install format format-check tidy fuzz bench bench-local clean

all: build

deps:
	@packaging/install-deps.sh

build: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo
	cmake --build $(BUILD) -j$(JOBS)

build-asan: deps
	cmake -S . -B $(ASAN) -DCMAKE_BUILD_TYPE=Debug -DIGODBC_SANITIZE=ON -DIGODBC_BUILD_BENCH=OFF
	cmake --build $(ASAN) -j$(JOBS)

test-release: build
	cd $(BUILD) && ctest --output-on-failure --timeout 900

test-asan: build-asan
	cd $(ASAN) && ctest --output-on-failure --timeout 900 -L asan

# libFuzzer targets (clang): a 20 s smoke run per target in `make test`, FUZZ_SECONDS per target in `make fuzz`.
build-fuzz: deps
	cmake -S . -B $(FUZZ) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
	  -DIGODBC_FUZZ=ON -DIGODBC_BUILD_TESTS=OFF
	cmake --build $(FUZZ) -j$(JOBS) --target fuzzers

test-fuzz: build-fuzz
	cd $(FUZZ) && ctest --output-on-failure -L fuzz

fuzz: build-fuzz
	for t in connection_string escapes json_rows fields; do \
	  mkdir -p $(FUZZ)/fuzz/found_$$t; \
	  $(FUZZ)/fuzz/fuzz_$$t -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
	    -print_final_stats=1 -artifact_prefix=$(FUZZ)/fuzz/$$t- $(FUZZ)/fuzz/found_$$t fuzz/corpus/$$t || exit 1; done
	mkdir -p $(FUZZ)/fuzz/found_sql
	tests/integration/with_emulator.sh $(FUZZ)/emulator/instagram-emulator $(FUZZ)/driver/libinstagramodbc.so -- \
	  $(FUZZ)/fuzz/fuzz_sql -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=2048 -max_len=4096 \
	  -dict=fuzz/sql.dict -print_final_stats=1 -artifact_prefix=$(FUZZ)/fuzz/sql- $(FUZZ)/fuzz/found_sql fuzz/corpus/sql

# ThreadSanitizer: only the driver, the emulator and the concurrency test.
build-tsan: deps
	cmake -S . -B $(TSAN) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIGODBC_TSAN=ON -DIGODBC_BUILD_BENCH=OFF
	cmake --build $(TSAN) -j$(JOBS) --target concurrency_test

test-tsan: build-tsan
	cd $(TSAN) && TSAN_OPTIONS="halt_on_error=1 suppressions=$(CURDIR)/tests/resilience/tsan.supp" ctest --output-on-failure --timeout 900 -R '^concurrency$$'

test: test-release test-asan test-fuzz test-tsan

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)
	packaging/register-driver.sh $(PREFIX)/lib/libinstagramodbc.so

demo: install
	packaging/demo.sh $(BUILD)/emulator/instagram-emulator $(DEMO_PORT)

demo-stop:
	packaging/demo.sh --stop

bench: build
	$(BUILD)/bench/run-bench.sh $(BUILD)
	$(BUILD)/bench/run-bench-local.sh

# The local fetch path alone: a scratch SQLite file read with sqlite3, the driver and sqliteodbc (under 2 min).
bench-local: build
	$(BUILD)/bench/run-bench-local.sh

# The C++ sources of driver sql net graph oauth schema emulator tests bench fuzz against .clang-format (clang-format 14).
# `make test` checks it too (ctest format_check, label unit).
format:
	tests/format_check.sh --fix

format-check:
	tests/format_check.sh

# clang-tidy with .clang-tidy over the product sources (ctest tidy_check in `make test`).
tidy: build
	tests/tidy_check.sh $(BUILD)

clean:
	rm -rf $(BUILD) $(ASAN) $(FUZZ) $(TSAN)
