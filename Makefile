# handbook: two set-up commands — `make site` (build the handbook into Site/) and `make test` (all tests).
SWIFT ?= swift
BIN := .build/release/handbook
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: site pdf pdf-deps test check-fast serve deps build check bench bench-serve fuzz clean

deps:
	@{ pkg-config --exists libcmark libdeflate && dpkg -s libmimalloc-dev >/dev/null 2>&1; } || { \
	  echo "installing libcmark-dev, libdeflate-dev and libmimalloc-dev (needs apt-get)"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libcmark-dev pkg-config libdeflate-dev libmimalloc-dev; }

build: deps
	$(SWIFT) build -c release --product handbook

site: build
	$(BIN) build --content Content --templates Templates --output Site

# The site with the PDF edition of each language (Site/<lang>/handbook-<date>.pdf), made by WeasyPrint.
pdf: build pdf-deps
	$(BIN) build --content Content --templates Templates --output Site --pdf

pdf-deps:
	@python3 -c "import weasyprint" 2>/dev/null || { \
	  echo "installing WeasyPrint (PyPI) and the fonts and libraries it uses (apt-get)"; \
	  $(SUDO) apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-cjk fonts-dejavu-core && \
	  python3 -m pip install -q weasyprint; }

check: build
	$(BIN) check --content Content --templates Templates

test:
	.ci/install-test-deps
	$(SWIFT) build -c release --product handbook
	Tests/mustache/fetch-spec .build/mustache-spec
	Tests/markdown/fetch-commonmark-spec .build/commonmark-spec
	MUSTACHE_SPEC_DIR=$(CURDIR)/.build/mustache-spec COMMONMARK_SPEC_DIR=$(CURDIR)/.build/commonmark-spec $(SWIFT) test
	$(BIN) build --content Content --templates Templates --output .build/site-test --quiet --base-url http://127.0.0.1/
	python3 Tests/browser/check_site.py .build/site-test --handbook $(BIN) --content Content
	python3 Tests/browser/check_search.py .build/site-test --handbook $(BIN) --content Content
	python3 Tests/security/check_xss.py $(BIN) Templates
	python3 Tests/publish/check_nginx.py $(BIN) Content Templates
	python3 Tests/preview/check_serve.py $(BIN) Content Templates
	python3 Tests/preview/check_serve_load.py $(BIN) Content Templates
	python3 Tests/pdf/check_pdf.py $(BIN) Content Templates

# The edit-test loop: the Swift tests without the suites that build the bundled handbook again and
# again (incremental builds, the preview's rebuilds) or run the `handbook` executable (the CLI,
# killed builds); `make test` runs everything.
FAST_SKIP := IncrementalBuildTests|LiveSiteTests|LiveSiteFirstBuildTests|KilledBuildTests|HandbookCLITests
check-fast: deps
	Tests/mustache/fetch-spec .build/mustache-spec
	Tests/markdown/fetch-commonmark-spec .build/commonmark-spec
	MUSTACHE_SPEC_DIR=$(CURDIR)/.build/mustache-spec COMMONMARK_SPEC_DIR=$(CURDIR)/.build/commonmark-spec \
	  $(SWIFT) test --skip '$(FAST_SKIP)'

# Preview: build, serve Site/ on http://127.0.0.1:8000/, rebuild on every save and reload the browser.
serve: build
	$(BIN) serve --content Content --templates Templates --output Site

# Benchmarks (docs/performance.md): handbook against Hugo and the cmark floor on the
# 10,000-page corpus, scaling from 10,000 to 50,000 pages, the per-stage breakdown, search downloads.
bench: build
	../shared/bench/compare-hugo --handbook $(BIN) --templates Templates --runs 3
	python3 Tests/bench/scaling.py $(BIN) Templates --runs 3 --work .build/bench-scaling
	../shared/bench/make-corpus .build/bench-corpus --pages 10000 --languages en >/dev/null
	$(BIN) build --content .build/bench-corpus/handbook/Content --templates Templates --output .build/bench-site --quiet --timings 2>/dev/null
	python3 Tests/browser/bench_search.py .build/bench-site en

# Save-to-reload latency of `handbook serve` on the 10,000-page corpus, then wrk against the preview.
bench-serve: build
	../shared/bench/make-corpus .build/bench-corpus --pages 10000 --languages en >/dev/null
	python3 Tests/preview/bench_serve.py $(BIN) Templates .build/bench-corpus/handbook/Content

# libFuzzer (with address sanitizer) on front matter + YAML, CSV, Markdown and a whole tiny site;
# FUZZ_SECONDS per target (default 600), two targets at a time. Not part of `make test`.
FUZZ_SECONDS ?= 600
fuzz: deps
	HANDBOOK_FUZZ=1 $(SWIFT) build --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
	  -Xswiftc -parse-as-library --product handbook-fuzz
	Fuzz/run $(FUZZ_SECONDS)

clean:
	rm -rf .build Site
