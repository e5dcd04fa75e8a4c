"""Helpers of the suggestion tests: a pump-station demand and the names in a list."""

from tests.factories import ChallengeFactory


def demand(water, **kwargs):
    challenge = ChallengeFactory(
        title="泵站设备故障预警算法优化",
        summary="泵站设备故障频发，需要机器学习故障诊断方案，并部署 sensor 监测。",
        **kwargs,
    )
    challenge.fields.set([water])
    return challenge


def names(rows) -> list[str]:
    return [row.mentor.name for row in rows]
