# backcoach — two commands do all the set-up: `make run` and `make test`.
# The build needs ALSA's headers and pkg-config on Linux (rodio links ALSA);
# the spoken coach uses espeak-ng (the app runs without it, with chimes only,
# but its tests render real speech). `deps` installs them only when missing.

CARGO ?= cargo
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
UNAME := $(shell uname -s)

.PHONY: run test deps build release bench measure hot-functions check lint fmt clean man

run: deps
	$(CARGO) run --release --quiet -- start

test: deps
	$(CARGO) test --all-targets --quiet
	$(CARGO) test --doc --quiet

deps:
ifeq ($(UNAME),Linux)
	@if ! pkg-config --exists alsa 2>/dev/null; then \
		echo "Installing the ALSA headers and pkg-config the audio back end links against..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq libasound2-dev pkg-config; \
	fi
	@if ! command -v espeak-ng >/dev/null 2>&1; then \
		echo "Installing espeak-ng, the offline speech engine of the spoken coach..."; \
		$(SUDO) apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq espeak-ng; \
	fi
endif
	@true

build: deps
	$(CARGO) build --release

bench: deps
	$(CARGO) bench

measure: build
	scripts/measure

# Re-make the list of the functions a session runs (needs valgrind; ~15 min),
# which build.rs hands to the linker to keep them together.
hot-functions: build
	scripts/hot-functions

lint: deps
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --all-targets -- -D warnings

fmt:
	$(CARGO) fmt --all

# Man pages from the command line's definition: target/man/backcoach.1 and one per command
# (read with `man target/man/backcoach.1`).
man: deps
	$(CARGO) run --quiet --example man -- target/man

clean:
	$(CARGO) clean
