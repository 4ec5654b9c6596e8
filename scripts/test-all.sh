#!/usr/bin/env bash
# The whole test suite, in the order CI runs it. Ends with one plain line: "N passed, N failed, N skipped".
# Counts come from vitest's JSON reports; each non-vitest step (typecheck, layer check, build) counts as one.
set -uo pipefail
cd "$(dirname "$0")/.."
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
# Kill trials of the crash test (tests/node/storage/crash-safety.test.ts): 220 on CI (.ci/run sets CI),
# a quick 24 locally; set CRASH_KILLS to choose.
if [ -n "${CI:-}" ]; then export CRASH_KILLS="${CRASH_KILLS:-220}"; else export CRASH_KILLS="${CRASH_KILLS:-24}"; fi
mkdir -p test-results
rm -f test-results/unit.json test-results/e2e.json

passed=0
failed=0
skipped=0
failures=()
start=$(date +%s)

if ! bash scripts/system-deps.sh; then
  echo "0 passed, 1 failed, 0 skipped (system packages missing: see above)"
  exit 1
fi

step() {
  local name="$1"; shift
  echo "== $name"
  if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); failures+=("$name"); fi
}

count_json() {
  local file="$1" label="$2"
  if [ ! -s "$file" ]; then
    echo "!! $label produced no report: counted as one failure"
    failed=$((failed + 1)); failures+=("$label (no report)")
    return
  fi
  read -r p f s < <(node -e '
    const r = require(require("path").resolve(process.argv[1]));
    // A suite that fails to load has no failed tests of its own: count it once.
    const suiteOnly = r.numFailedTests === 0 && r.numFailedTestSuites > 0 ? r.numFailedTestSuites : 0;
    console.log(r.numPassedTests + " " + (r.numFailedTests + suiteOnly) + " " + (r.numPendingTests + r.numTodoTests));
  ' "$file")
  if ! [[ "${p:-}" =~ ^[0-9]+$ && "${f:-}" =~ ^[0-9]+$ && "${s:-}" =~ ^[0-9]+$ ]]; then
    echo "!! $label report unreadable: counted as one failure"
    failed=$((failed + 1)); failures+=("$label (unreadable report)")
    return
  fi
  echo "   $label: $p passed, $f failed, $s skipped"
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  # Nothing is skipped silently: every skipped test is named (its reason is printed where it skips).
  if [ "$s" -gt 0 ]; then
    node -e '
      const r = require(require("path").resolve(process.argv[1]));
      for (const file of r.testResults) for (const t of file.assertionResults)
        if (t.status === "pending" || t.status === "skipped" || t.status === "todo")
          console.log("   skipped: " + require("path").relative(process.cwd(), file.name) + " > " + t.fullName);
    ' "$file"
  fi
  [ "$f" -gt 0 ] && failures+=("$label")
}

step "typecheck (node + web programs)" npm run -s typecheck
step "lint (eslint + prettier)" npm run -s lint
step "layer check" npm run -s lint:layers

echo "== unit and integration tests (vitest: node + dom)"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/unit.json
count_json test-results/unit.json "unit/integration"

step "build (electron-vite + cli)" npm run -s build

echo "== e2e (Chromium against the HTTP host)"
npx vitest run --config vitest.e2e.config.mts --reporter=default --reporter=json --outputFile.json=test-results/e2e.json
count_json test-results/e2e.json "e2e"

echo "== finished in $(( $(date +%s) - start )) s"
[ ${#failures[@]} -gt 0 ] && printf 'failed: %s\n' "${failures[@]}"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
