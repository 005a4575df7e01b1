# Makefile - builds build/jixiao from grammar/ (flex, bison) and src/, linking system cJSON.
#   make            build/jixiao
#   make test       `make deps`, then tests/run.sh: unit tests, tests/cases and the shell suites,
#                   ending with one line "N passed, N failed"
#   make demo       `make deps` (build packages only), build, score the Huangpu 2022 example
#                   and write its report (build/huangpu-2022.html, .xlsx)
#   make deps       install the missing Debian packages of DEPS_BUILD and DEPS_TEST (as root),
#                   or print the apt-get command to run
#   make editors    test the editor grammars and package the VS Code extension (build/jixiao.vsix)
#   make bench      the benchmark of bench/ (see bench/README.md)
#   make fuzz       build the libFuzzer targets of fuzz/ with clang and run each for
#                   FUZZ_SECONDS (default 60) on one core (docs/reliability.md); not part of test
#   make SANITIZE=1 ...   build/jixiao with AddressSanitizer and UBSan (objects in build/asan)

CC      ?= cc
FLEX    ?= flex
BISON   ?= bison
PREFIX  ?= /usr/local
CFLAGS  ?= -O2 -g
CWARNS  := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS += -Isrc -Iinclude -Ibuild/gen -I/usr/include/cjson -D_POSIX_C_SOURCE=200809L
LDLIBS  += -lcjson -lzip -lexpat -lxlsxwriter -lm -lpthread

ifeq ($(SANITIZE),1)
  B := build/asan
  # float-cast-overflow: a double converted to int out of range (gcc leaves it out of undefined)
  CFLAGS += -fsanitize=address,undefined,float-cast-overflow -fno-omit-frame-pointer \
            -fno-sanitize-recover=undefined,float-cast-overflow
  LDFLAGS += -fsanitize=address,undefined,float-cast-overflow
else
  B := build/obj
endif

SRCS    := $(wildcard src/*.c)
OBJS    := $(SRCS:src/%.c=$(B)/%.o) $(B)/parser.o $(B)/lexer.o
UNITS   := $(patsubst tests/unit/%.c,build/unit/%,$(wildcard tests/unit/test_*.c))
BIN     := build/jixiao
# each object (and unit test) records the headers it included; -MP keeps a deleted header
# from breaking the build
DEPFLAGS = -MMD -MP -MF $@.d

# Debian packages, each as PACKAGE:PROBE; the package counts as missing when PROBE (a command
# on PATH, or an absolute file name) is absent. Add what your code or test needs with +=.
# DEPS_BUILD: needed to build (missing ones stop the build); DEPS_TEST: needed by some tests
# (missing ones are reported and the tests that need them print SKIP).
DEPS_BUILD := flex:$(FLEX) bison:$(BISON) libcjson-dev:/usr/include/cjson/cJSON.h \
              gcc:$(firstword $(CC)) make:$(firstword $(MAKE))
DEPS_TEST  := parallel:parallel bsdutils:script nodejs:node vim:vim
# the xlsx writer; opening the reports as people do (tests/reports.sh)
DEPS_BUILD += libxlsxwriter-dev:/usr/include/xlsxwriter.h
# the xlsx reader (src/in_xlsx.c)
DEPS_BUILD += libzip-dev:/usr/include/zip.h libexpat1-dev:/usr/include/expat.h
DEPS_TEST  += libreoffice-calc-nogui:soffice python3-openpyxl:/usr/lib/python3/dist-packages/openpyxl \
              poppler-utils:pdftotext chromium:chromium \
              fonts-noto-cjk:/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

.PHONY: all test test-only demo bench clean install deps unit editors fuzz

all: $(BIN)

build/gen/parser.c: grammar/parser.y
	@mkdir -p build/gen
	$(BISON) -Wall -Werror --header=build/gen/parser.h -o build/gen/parser.c $<
build/gen/parser.h: build/gen/parser.c ;

build/gen/lexer.c: grammar/lexer.l
	@mkdir -p build/gen
	$(FLEX) -o $@ $<

# generated code: no -Werror (we do not own its warnings). Every object waits for parser.h
# (order-only) the first time; after that its .d file says whether it really includes it.
$(B)/parser.o: build/gen/parser.c | build/gen/parser.h
	@mkdir -p $(B)
	$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) -Wall $(DEPFLAGS) -c -o $@ $<

$(B)/lexer.o: build/gen/lexer.c | build/gen/parser.h
	@mkdir -p $(B)
	$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) -Wall -Wno-unused-function $(DEPFLAGS) -c -o $@ $<

$(B)/%.o: src/%.c | build/gen/parser.h
	@mkdir -p $(B)
	$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) $(CWARNS) $(DEPFLAGS) -c -o $@ $<

# build/jixiao is whichever flavour was built last; the stamp makes a switch relink it
FLAVOR := $(if $(filter 1,$(SANITIZE)),asan,plain)
build/flavor.$(FLAVOR):
	@mkdir -p build
	@rm -f build/flavor.*
	@touch $@

$(BIN): $(OBJS) build/flavor.$(FLAVOR)
	$(CC) $(LDFLAGS) -o $@ $(OBJS) $(LDLIBS)

build/unit/test_%: tests/unit/test_%.c $(filter-out $(B)/main.o,$(OBJS)) build/flavor.$(FLAVOR)
	@mkdir -p build/unit
	$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) $(CWARNS) $(DEPFLAGS) $(LDFLAGS) -o $@ \
	  $(filter %.c %.o,$^) $(LDLIBS)

-include $(OBJS:%=%.d) $(UNITS:%=%.d)

unit: $(UNITS)

# `make test` and `make demo` each work alone on a fresh machine: both start with `make deps`
test:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory $(BIN) unit
	bash tests/run.sh $(BIN)

test-only: $(BIN) unit
	bash tests/run.sh $(BIN)

# missing PACKAGE:PROBE list, fatal (1 or 0): installs what is missing with apt-get as root,
# else prints the command to run; a fatal list stops make when something is still missing
define install_missing
missing=""; \
for d in $(1); do \
  p=$${d%%:*} x=$${d#*:}; \
  case $$x in /*) [ -e "$$x" ] ;; *) command -v "$$x" >/dev/null ;; esac || missing="$$missing $$p"; \
done; \
if [ -z "$$missing" ]; then :; \
elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
  echo "installing:$$missing"; \
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; } \
    || { echo "could not install:$$missing"; [ $(2) = 0 ]; }; \
else \
  echo "missing packages:$$missing"; \
  echo "run: sudo apt-get install -y$$missing"; \
  [ $(2) = 0 ] && echo "(the tests that need them will SKIP)"; [ $(2) = 0 ]; \
fi
endef

# DEPS_TEST= (empty) limits it to the build packages, as `make demo` does
deps:
	@$(call install_missing,$(DEPS_BUILD),1)
	@$(call install_missing,$(DEPS_TEST),0)

demo:
	@$(MAKE) --no-print-directory deps DEPS_TEST=
	@$(MAKE) --no-print-directory $(BIN)
	$(BIN) run rules/2022/huangpu.eval examples/2022/huangpu.json --format table
	$(BIN) run rules/2022/huangpu.eval examples/2022/huangpu.json --format html -o build/huangpu-2022.html
	$(BIN) run rules/2022/huangpu.eval examples/2022/huangpu.json --format xlsx -o build/huangpu-2022.xlsx
	@echo "the report: $(CURDIR)/build/huangpu-2022.html (open it in a browser, print it on A4)"
	@echo "the workbook: $(CURDIR)/build/huangpu-2022.xlsx (汇总 and the 自评表, for Excel or WPS)"

# the editor support of editors/: grammar tests (vscode-tmgrammar-test on the annotated samples
# of editors/vscode/test), then the VS Code extension packaged as build/jixiao.vsix; needs
# node and npm (and the npm registry, for the packages of editors/vscode/package-lock.json)
editors:
	@$(call install_missing,nodejs:node npm:npm,1)
	node editors/gen.js --check
	@mkdir -p build
	cd editors/vscode && npm ci --no-audit --no-fund && npm test && npm run package

# the benchmark's peers (bench/run.sh skips a missing one visibly)
DEPS_BENCH := jq:jq time:/usr/bin/time luajit:luajit lua-cjson:/usr/share/doc/lua-cjson

bench: $(BIN)
	@$(call install_missing,$(DEPS_BENCH),0)
	$(MAKE) -C bench

# libFuzzer targets (fuzz/*.c): every source but main.c built with clang, ASan and UBSan into
# build/fuzz; seeds made from rules/, examples/ and tests/ by fuzz/corpus.sh; what a run finds
# is kept in build/fuzz/work (new inputs) and build/fuzz/findings (crashes, with the input)
DEPS_FUZZ    := clang:clang
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined \
                -fno-omit-frame-pointer -DJX_ROOT='"$(CURDIR)"'
FUZZ_OBJS    := $(patsubst src/%.c,build/fuzz/obj/%.o,$(filter-out src/main.c,$(SRCS))) \
                build/fuzz/obj/parser.o build/fuzz/obj/lexer.o
FUZZ_TARGETS := $(patsubst fuzz/%.c,build/fuzz/%,$(wildcard fuzz/fuzz_*.c))

build/fuzz/obj/%.o: src/%.c | build/gen/parser.h
	@mkdir -p build/fuzz/obj
	$(FUZZ_CC) -std=c11 $(CPPFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -Wall -c -o $@ $<
build/fuzz/obj/%.o: build/gen/%.c | build/gen/parser.h
	@mkdir -p build/fuzz/obj
	$(FUZZ_CC) -std=c11 $(CPPFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<
build/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) -std=c11 $(CPPFLAGS) $(FUZZ_FLAGS) -fsanitize=fuzzer -Wall -o $@ $^ $(LDLIBS)

fuzz:
	@$(call install_missing,$(DEPS_FUZZ),1)
	@$(MAKE) --no-print-directory $(FUZZ_TARGETS)
	bash fuzz/corpus.sh build/fuzz/corpus
	@mkdir -p build/fuzz/work/script build/fuzz/work/data build/fuzz/findings
	build/fuzz/fuzz_script -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -close_fd_mask=2 -artifact_prefix=build/fuzz/findings/script- \
	  build/fuzz/work/script build/fuzz/corpus/script
	build/fuzz/fuzz_data -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -close_fd_mask=2 -artifact_prefix=build/fuzz/findings/data- \
	  build/fuzz/work/data build/fuzz/corpus/data

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/jixiao

clean:
	rm -rf build
