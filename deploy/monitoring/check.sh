#!/usr/bin/env bash
# Checks the monitoring kit with Prometheus's own tool (promtool, Debian package prometheus): the scrape
# configuration, the alert rules and their unit tests (alerts.test.yml: each alert fires when it should, not
# before), and the Grafana dashboard (valid JSON, every query valid PromQL). That the metrics they name exist is
# checked on the real jar by the fault runs (README, "Fault runs").
set -euo pipefail
cd "$(dirname "$0")"

promtool check config prometheus.yml
promtool test rules alerts.test.yml

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
# each panel's query as a recording rule, which promtool parses
python3 - grafana/passerelle.json > "$scratch/dashboard.yml" << 'PY'
import json, sys
dashboard = json.load(open(sys.argv[1]))
queries = [t["expr"] for p in dashboard["panels"] for t in p.get("targets", [])]
if not queries:
    sys.exit("the dashboard has no query")
print("groups:\n  - name: dashboard\n    rules:")
for i, expr in enumerate(queries):
    print(f"      - record: dashboard:query{i}\n        expr: {json.dumps(expr)}")
PY
promtool check rules "$scratch/dashboard.yml"
echo "monitoring: configuration, $(grep -c '^      - alert:' alerts.yml) alert rules and their tests, and" \
  "$(grep -c '^      - record:' "$scratch/dashboard.yml") dashboard queries checked"
