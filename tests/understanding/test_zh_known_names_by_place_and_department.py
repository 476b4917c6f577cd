"""A known Chinese name said short when it opens with a Taiwan, Hong Kong or Singapore place ("新竹",
"台中", "荃湾") the way a mainland one does, and a known name followed by one of its departments
("模具部", "工程部"): the department is no other company's ending (written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import NOW

KNOWN = ["新竹宏光精密股份有限公司", "台中大成自行车零件有限公司", "荃湾利和印刷有限公司",
         "东莞新拓塑胶制品有限公司", "惠州安德新能源科技有限公司", "深圳星河电子有限公司"]


@pytest.mark.parametrize("text, customer", [
    ("宏光那边现在到哪一步了", "新竹宏光精密股份有限公司"),
    ("大成的单子被对手抢走了", "台中大成自行车零件有限公司"),
    ("利和 陈生说下周再报", "荃湾利和印刷有限公司"),
    ("新拓模具部小李发了图纸过来", "东莞新拓塑胶制品有限公司"),
    ("安德新能源工程部刘工来参观了", "惠州安德新能源科技有限公司"),
])
def test_a_known_name_said_short(text, customer):
    assert understand(text, NOW, KNOWN).customer == customer


def test_another_trade_after_a_core_is_still_another_company():
    p = understand("星河科技的王总打来电话", NOW, KNOWN)
    assert p.customer != "深圳星河电子有限公司", p
