"""Prints an OSCAL 1.1 catalog of N controls (argv[1]) as JSON: groups of 100, an enhancement under every fifth control,
a parameter inserted in each statement. The same shape as the test suite's generated catalogs."""
import json
import sys
import uuid

n = int(sys.argv[1])
groups, made, g = [], 0, 0
while made < n:
    controls = []
    for i in range(100):
        if made >= n:
            break
        cid = f"g{g}-{i}"
        made += 1
        control = {"id": cid, "title": f"Control {cid}",
                   "params": [{"id": f"{cid}_prm_1", "label": "organization-defined frequency"}],
                   "parts": [{"id": f"{cid}_smt", "name": "statement",
                              "prose": "Review the accounts {{ insert: param, " + cid + "_prm_1 }}."}]}
        if i % 5 == 0 and made < n:
            made += 1
            control["controls"] = [{"id": f"{cid}.1", "title": f"Enhancement of {cid}"}]
        controls.append(control)
    groups.append({"id": f"g{g}", "title": f"Group {g}", "controls": controls})
    g += 1
print(json.dumps({"catalog": {"uuid": str(uuid.uuid4()), "metadata": {"title": f"Bench catalog of {n} controls",
      "last-modified": "2026-12-01T00:00:00Z", "version": "1.0", "oscal-version": "1.1.2"}, "groups": groups}}))
