"""One resolver turns any name or alias, with or without 区, into a unit."""

import pytest

from tests.factories import UnitFactory
from units.selectors import UnitNotFound, UnitResolver, resolve_unit


@pytest.mark.parametrize(
    ("name", "official"),
    [
        ("区卫健局", "区卫健局"),
        ("区卫健委", "区卫健局"),
        ("区卫生健康局", "区卫健局"),
        ("卫健局", "区卫健局"),
        ("卫健委", "区卫健局"),
        ("卫生健康局", "区卫健局"),
        ("区文化和旅游局", "区文旅局"),
        ("文旅局", "区文旅局"),
        ("区公路事业服务中心", "临淄公路事业服务中心"),
        ("公路事业服务中心", "临淄公路事业服务中心"),
        ("临淄医保分局", "临淄医疗保障分局"),
        ("生态环境分局", "临淄生态环境分局"),
        ("商务局", "区商务局"),
        (" 区商务局 ", "区商务局"),
        ("区 商 务 局", "区商务局"),
        ("临淄区商务局", "区商务局"),
        ("区退役军人局", "区退役军人事务局"),
        ("退役军人事务局", "区退役军人事务局"),
        ("区应急局", "区应急管理局"),
        ("齐都镇", "齐都镇"),
        ("区齐都镇", "齐都镇"),
        ("综合行政执法局", "区综合行政执法局"),
        # copied from a web page or WPS: zero-width space, byte-order mark, direction marks, full width
        ("区商务局\u200b", "区商务局"),
        ("\ufeff区商务局", "区商务局"),
        ("\u202e区商务局\u202c", "区商务局"),
        ("区\u200e商务局", "区商务局"),
        ("临淄医保分局\u3000", "临淄医疗保障分局"),
    ],
)
def test_resolves_names_and_aliases(real_units, name, official):
    assert resolve_unit(name).name == official


def test_unknown_name_says_so(real_units):
    with pytest.raises(UnitNotFound) as error:
        resolve_unit("区不存在局")
    assert str(error.value) == "找不到单位“区不存在局”，请检查名称，或把它保存为对应单位的别名"


def test_empty_name(real_units):
    with pytest.raises(UnitNotFound) as error:
        resolve_unit("  ")
    assert str(error.value) == "单位名称为空"


def test_ambiguous_short_name_says_which(db):
    UnitFactory(name="区甲中心")
    UnitFactory(name="甲中心")
    resolver = UnitResolver.from_db()

    assert resolver.resolve("甲中心").name == "甲中心"
    assert resolver.resolve("区甲中心").name == "区甲中心"


def test_ambiguous_alias(db):
    a = UnitFactory(name="区A局")
    b = UnitFactory(name="区B局")
    a.aliases.create(name="区X局")
    b.aliases.create(name="X局")
    resolver = UnitResolver.from_db()

    assert resolver.resolve("区X局") == a
    assert resolver.resolve("X局") == b
