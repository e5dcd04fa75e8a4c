"""Fixtures for the services of the boards: a claim with a fixed proposal."""

import pytest

from projects.services.claims import claim_posting

PROPOSAL = {
    "approach": "基于振动信号的深度学习诊断模型",
    "timeline": "3个月原型，12个月上线",
    "expected_result": "故障识别准确率95%以上",
}


@pytest.fixture
def claim():
    """File a claim with a fixed proposal: ``claim(posting, user, **extra)``."""

    def file(posting, user, **extra):
        return claim_posting(posting, actor=user, **PROPOSAL, **extra)

    return file
