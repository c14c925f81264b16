#!/usr/bin/env python3
"""Writes test/fixtures/aws-cli-commands.json: the options of the AWS CLI commands tfauth
prints, read from the AWS CLI's own command table (service models plus its hand-written
commands such as `configure`, `s3 ls`, `sso login`, `eks get-token`).

Usage (needs the AWS CLI's Python package: Debian's `apt-get install -y awscli` gives v2,
`pip install awscli` gives v1 with newer service models; run it with each, the output merges):
  rm test/fixtures/aws-cli-commands.json
  /usr/bin/python3 test/support/commands/aws-cli-tree.py test/fixtures/aws-cli-keys.txt \
    test/fixtures/aws-cli-commands.json      # AWS CLI v2 (Debian package)
  python3 test/support/commands/aws-cli-tree.py test/fixtures/aws-cli-keys.txt \
    test/fixtures/aws-cli-commands.json      # AWS CLI v1 from pip (newest service models)
aws-cli-keys.txt has one `service operation` (or `service`) per line; test/diagnosis/commands.test.ts
fails, naming the keys to add there, when tfauth prints a command the fixture lacks.
"""
import json
import sys

import awscli
from awscli.clidriver import create_clidriver


def table(cmd):
    if hasattr(cmd, "subcommand_table"):
        return cmd.subcommand_table
    return cmd._get_command_table()


def main(keys_file, out):
    driver = create_clidriver()
    top = driver._get_command_table()
    label = "aws-cli " + awscli.__version__
    try:
        doc = json.load(open(out))
    except FileNotFoundError:
        doc = {"sources": [], "globals": [], "commands": {}}
    doc["sources"] = sorted(set(doc["sources"]) | {label})
    doc["globals"] = sorted(
        set(doc["globals"]) | {"--" + name for name in driver._get_argument_table()}
    )
    for line in open(keys_file):
        key = line.strip()
        if not key:
            continue
        parts = key.split(" ")
        cmd = top.get(parts[0])
        if cmd is not None and len(parts) > 1:
            cmd = table(cmd).get(parts[1])
        if cmd is None:
            continue  # absent from the fixture: the test reports it as not a command
        entry = doc["commands"].setdefault(key, {"options": [], "in": []})
        entry["options"] = sorted(set(entry["options"]) | {"--" + n for n in cmd.arg_table})
        entry["in"] = sorted(set(entry["in"]) | {label})
    doc["note"] = (
        "Options of the AWS CLI commands tfauth prints, from the CLI's own command table "
        "(service models and hand-written commands), merged over the CLIs listed in sources. "
        "Regenerate: rm this file, then run test/support/commands/aws-cli-tree.py with each CLI's Python."
    )
    with open(out, "w") as f:
        json.dump(doc, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
