#!/usr/bin/env bash
# The test command of the README: lint, unit/property/integration tests, then the accuracy gate.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -x .venv/bin/python ] && [ -z "${VIRTUAL_ENV:-}" ]; then . .venv/bin/activate; fi
python -c "import eightk, pytest" 2>/dev/null || python -m pip install -q -e '.[test,dask]'

echo "== ruff"
ruff check src tests bench
echo "== pytest"
python -m pytest -p no:cacheprovider
echo "== accuracy gate (eightk eval on the shared dev set, floors per group and per offering field in .ci/eval-floors.json)"
GOLD=../shared/gold/dev
CORPUS=../shared/corpus/dev
if [ -d "$GOLD" ] && [ -d "$CORPUS" ]; then
  eightk eval --gold "$GOLD" --corpus "$CORPUS" --floors .ci/eval-floors.json --quiet
  # Our own silver labels on filings the rules were not written from (tests/silver/README.md).
  for set in parse parse_v2 offerings offerings_v2; do
    echo "== silver set: $set"
    eightk eval --gold "tests/silver/$set" --corpus ../shared/corpus/unlabeled \
      --floors ".ci/silver-$set-floors.json" --quiet
  done
elif [ "${CI:-}" = "true" ]; then
  echo "CI: $GOLD is missing; the accuracy gate cannot run" >&2
  exit 1
else
  echo "skipped: no $GOLD beside the project (the gate runs in CI)"
fi
# Silver financing excerpts from public web pages, shipped with the project (tests/silver/excerpts*/README.md).
for set in excerpts excerpts_v2; do
  echo "== silver set: $set"
  eightk eval --gold "tests/silver/$set/gold" --corpus "tests/silver/$set/corpus" \
    --floors ".ci/silver-$set-floors.json" --quiet
done
