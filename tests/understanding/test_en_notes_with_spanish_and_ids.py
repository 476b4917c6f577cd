"""English notes with Spanish bits and pasted order numbers, as a rep who switches languages writes
them: a stage said in Spanish ("firmaron", "perdimos", "le mandé cotización"), a name before a Spanish
verb or after "a" ("cold call a Rancho Verde Dairy"), someone introducing themselves in a pasted
message ("soy Ana de …"), a number after "#" that is an order's, not its value, and money set aside
as a qualified budget (sentences written fresh)."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW          # Wednesday 25 November 2026, Europe/Berlin


@pytest.mark.parametrize("text, customer, stage", [
    ("Cascade Orchards firmaron el pilot 🙌 6k", "Cascade Orchards", "won"),
    ("globex — perdimos el deal, they went with a cheaper vendor", "Globex Industries", "lost"),
    ("Sierra Ridge Movers - le mandé cotización, $21,750/yr", "Sierra Ridge Movers", "proposal"),
    ("Acme call w/ Fiona. Confirmed they have £1.2m ring-fenced for the rollout", "Acme Corp", "qualified"),
    ("Northwind: funds allocated for phase 2, around 300k", "Northwind Traders", "qualified"),
])
def test_a_stage_said_in_spanish_or_as_money_set_aside(text, customer, stage):
    p = understand(text, NOW, EN)
    assert (p.customer, p.stage) == (customer, stage)


@pytest.mark.parametrize("text, customer, contact", [
    ("cold call a Rancho Verde Dairy, hablé con la secretaria, call back monday", "Rancho Verde Dairy", None),
    ("fwd (whatsapp): \"Buenas, soy Ana de Panadería La Estrella, queremos info\"", "Panadería La Estrella", "Ana"),
    ("visited a New Horizons Dental", "New Horizons Dental", None),
])
def test_a_name_after_a_or_in_a_pasted_introduction(text, customer, contact):
    p = understand(text, NOW, EN)
    assert (p.customer, p.contact) == (customer, contact)


def test_an_article_before_a_word_that_is_no_name_names_no_company():
    assert understand("met a Canadian buyer at the expo", NOW, EN).customer is None


@pytest.mark.parametrize("text, amount, stage", [
    ("Acme — fwd: \"PO #44817 attached for the package, $46,200.\" woohoo", 46200, "won"),
    ("globex order # 5512 shipped, 12k", 12000, None),
])
def test_a_number_after_a_hash_is_an_id_not_the_value(text, amount, stage):
    p = understand(text, NOW, EN)
    assert (p.amount, p.stage) == (amount, stage)


@pytest.mark.parametrize("text, customer, contact", [
    ("nueva cuenta: Los Alamos Roofing en Salinas, el dueño se llama Ruben Ortiz", "Los Alamos Roofing", "Ruben Ortiz"),
    ("El Paso Grill signed, 8k", "El Paso Grill", None),
])
def test_a_spanish_new_account_and_a_name_opening_with_an_article(text, customer, contact):
    p = understand(text, NOW, EN)
    assert (p.customer, p.contact) == (customer, contact)
