"""GitHub's files checked against their published schemas, offline: check-jsonschema's own command, with the schemas it
ships (from uv.lock), run in the test's process (click's runner) rather than as a new Python process for each file."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from check_jsonschema.cli.main_command import main
from click.testing import CliRunner

INVALID = "Schema validation errors were encountered."  # what check-jsonschema prints for a file the schema refuses


@dataclass(frozen=True)
class Checked:
    valid: bool  # check-jsonschema exited 0
    refused: bool  # it exited 1 because the schema refused a file (not because it crashed or could not read one)
    output: str


# check-jsonschema --builtin-schema SCHEMA FILE...: whether the files pass, and what it said.
def check(schema: str, *files: Path) -> Checked:
    result = CliRunner().invoke(main, ["--builtin-schema", schema, *map(str, files)])
    crashed = result.exception is not None and not isinstance(result.exception, SystemExit)
    refused = result.exit_code == 1 and not crashed and INVALID in result.output
    return Checked(valid=result.exit_code == 0, refused=refused, output=result.output)
