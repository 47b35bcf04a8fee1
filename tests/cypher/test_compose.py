"""docker-compose.yml: a Neo4j 5 for `kg export neo4j`, reachable from this machine only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]


def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((REPO / "docker-compose.yml").read_text(encoding="utf-8"))
    return data


def test_neo4j_5_on_localhost_with_a_named_volume() -> None:
    data = compose()
    neo4j = data["services"]["neo4j"]
    assert neo4j["image"].startswith("neo4j:5")
    assert sorted(neo4j["ports"]) == ["127.0.0.1:7474:7474", "127.0.0.1:7687:7687"]
    volume, _, mount = neo4j["volumes"][0].partition(":")
    assert mount == "/data" and volume in data["volumes"]  # a named volume, not a folder of the checkout
    assert "NEO4J_AUTH" not in neo4j.get("environment", {})  # the password comes from the env file only


def test_auth_comes_from_an_env_file_that_git_ignores() -> None:
    assert compose()["services"]["neo4j"]["env_file"] == ".env"
    example = (REPO / ".env.example").read_text(encoding="utf-8")
    auth = next(line for line in example.splitlines() if line.startswith("NEO4J_AUTH="))
    user, _, password = auth.removeprefix("NEO4J_AUTH=").partition("/")
    assert user == "neo4j" and len(password) >= 8  # Neo4j 5 refuses shorter passwords at start-up
    assert ".env" in (REPO / ".gitignore").read_text(encoding="utf-8").splitlines()
