# The two set-up commands of the README, plus the pieces they are made of.
#   make demo  - build, install and register the driver, start the emulator, run sample isql queries
#   make test  - build (normal and ASan+UBSan) and run the whole test suite
JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
BUILD     ?= build
ASAN      ?= build-asan
PREFIX    ?= /usr/local
DEMO_PORT ?= 8765

.PHONY: all deps build build-asan test test-release test-asan demo demo-stop install format fuzz bench clean

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

test: test-release test-asan

install: build
	cmake --install $(BUILD) --prefix $(PREFIX)
	packaging/register-driver.sh $(PREFIX)/lib/libinstagramodbc.so

demo: install
	packaging/demo.sh $(BUILD)/emulator/instagram-emulator $(DEMO_PORT)

demo-stop:
	packaging/demo.sh --stop

bench: build
	$(BUILD)/bench/run-bench.sh $(BUILD)

format:
	find driver sql graph oauth schema emulator tests bench -name '*.cpp' -o -name '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD) $(ASAN)
