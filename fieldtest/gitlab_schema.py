"""Validates GitLab CI files against GitLab's own CI schema, as GitLab's pipeline editor does.

Run by the field trial in its own venv, which holds the packages pinned in
fieldtest/gitlab-schema.txt (jsonschema and PyYAML): `python gitlab_schema.py SCHEMA.json` reads
{"label": "YAML text", ...} on standard input and prints {"label": ["error", ...], ...}, an empty
list for a valid file. Each file is checked on its own: GitLab reads an included file as a
configuration of its own.
"""
from __future__ import annotations

import json
import sys

import jsonschema
import yaml


class GitLabLoader(yaml.SafeLoader):
    """YAML as GitLab reads it: a key given twice is an error, and `!reference [job, key]` (GitLab's
    own tag) stands for the list it names, which is where the schema expects one."""

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key in seen:
                raise yaml.constructor.ConstructorError(None, None, f"key {key!r} given twice",
                                                        key_node.start_mark)
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


GitLabLoader.add_constructor("!reference", lambda loader, node: loader.construct_sequence(node))


def errors(validator, text: str) -> list[str]:
    try:
        doc = yaml.load(text, Loader=GitLabLoader)  # noqa: S506 (a SafeLoader)
    except yaml.YAMLError as e:
        return [f"not YAML: {' '.join(str(e).split())}"]
    found = sorted(validator.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    return [f"{'.'.join(map(str, e.absolute_path)) or '(top)'}: {' '.join(e.message.split())[:300]}"
            for e in found]


def main(argv: list[str]) -> int:
    with open(argv[1], encoding="utf-8") as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)
    files = json.load(sys.stdin)
    json.dump({label: errors(validator, text) for label, text in files.items()}, sys.stdout, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
