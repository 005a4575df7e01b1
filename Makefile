# Makefile - builds build/jixiao from grammar/ (flex, bison) and src/, linking system cJSON.
#   make            build/jixiao
#   make test       the whole suite (unit tests, tests/cases, seed reproductions)
#   make demo       install missing Debian packages, build, score the Huangpu 2022 example
#   make bench      the benchmark of bench/ (see bench/README.md)
#   make SANITIZE=1 ...   build/jixiao with AddressSanitizer and UBSan (objects in build/asan)

CC      ?= cc
FLEX    ?= flex
BISON   ?= bison
PREFIX  ?= /usr/local
CFLAGS  ?= -O2 -g
CWARNS  := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wno-unused-parameter
CPPFLAGS += -Isrc -Iinclude -Ibuild/gen -I/usr/include/cjson -D_POSIX_C_SOURCE=200809L
LDLIBS  += -lcjson -lm -lpthread

ifeq ($(SANITIZE),1)
  B := build/asan
  CFLAGS += -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
  LDFLAGS += -fsanitize=address,undefined
else
  B := build/obj
endif

SRCS    := $(wildcard src/*.c)
OBJS    := $(SRCS:src/%.c=$(B)/%.o) $(B)/parser.o $(B)/lexer.o
UNITS   := $(patsubst tests/unit/%.c,build/unit/%,$(wildcard tests/unit/test_*.c))
BIN     := build/jixiao
DEMO_PKGS := flex bison libcjson-dev gcc make

.PHONY: all test demo bench clean install deps unit

all: $(BIN)

build/gen/parser.c build/gen/parser.h: grammar/parser.y
	@mkdir -p build/gen
	$(BISON) -Wall -Werror --header=build/gen/parser.h -o build/gen/parser.c $<

build/gen/lexer.c: grammar/lexer.l build/gen/parser.h
	@mkdir -p build/gen
	$(FLEX) -o $@ $<

# generated code: no -Werror (we do not own its warnings)
$(B)/parser.o: build/gen/parser.c $(wildcard src/*.h)
	@mkdir -p $(B)
	$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) -Wall -c -o $@ $<

$(B)/lexer.o: build/gen/lexer.c $(wildcard src/*.h)
	@mkdir -p $(B)
	$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) -Wall -Wno-unused-function -c -o $@ $<

$(B)/%.o: src/%.c build/gen/parser.h $(wildcard src/*.h include/*.h)
	@mkdir -p $(B)
	$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) $(CWARNS) -c -o $@ $<

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
	$(CC) -std=c11 $(CPPFLAGS) $(CFLAGS) $(CWARNS) $(LDFLAGS) -o $@ $(filter %.c %.o,$^) $(LDLIBS)

unit: $(UNITS)

test:
	@$(MAKE) --no-print-directory deps DEPS=test
	@$(MAKE) --no-print-directory $(BIN) unit
	bash tests/csv_libreoffice.sh $(BIN)
	bash tests/run.sh $(BIN)

.PHONY: test-only
test-only: $(BIN) unit
	bash tests/run.sh $(BIN)

# build packages; `make test` also needs GNU parallel (tests/cases/scale.test)
deps:
	@missing=""; \
	command -v $(FLEX) >/dev/null || missing="$$missing flex"; \
	command -v $(BISON) >/dev/null || missing="$$missing bison"; \
	[ -f /usr/include/cjson/cJSON.h ] || missing="$$missing libcjson-dev"; \
	command -v $(CC) >/dev/null || missing="$$missing gcc"; \
	[ "$(DEPS)" != test ] || command -v parallel >/dev/null || missing="$$missing parallel"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else \
	    echo "missing packages:$$missing"; \
	    echo "run: sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

demo: deps
	$(MAKE) $(BIN)
	$(BIN) run rules/2022/huangpu.eval examples/2022/huangpu.json --format table

bench: $(BIN)
	$(MAKE) -C bench

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/jixiao

clean:
	rm -rf build
