"""Notes written at a trade show ("came back to the stand", "stand D14 …", "Card #3: …", "at the
national hardware show", "5号馆A08 …") are meetings, and a hall or a shop numbered so ("5号馆",
"8号仓储") is never a day of the month; the trades "液压", "模塑", "饮品" end a new Chinese name. A
due list asked by its day ("who do I owe a call this week?", "todays f/u?", "whats on tomorrow",
"今天有哪些电话要打", "today 有什么要 follow up 的", "节前还有啥没跟完的") is the asker's follow-ups.
Sentences written fresh, not taken from any corpus."""
import pytest

from handlers.understanding import understand

from understanding_data import EN, NOW, RU, ZH


@pytest.mark.parametrize("text, known", [
    ("Tomasz from Delmont Foods came back to the stand with his buyer, wants trays by June", EN),
    ("stand D14 lucia ferraro, head of ops at Vetra srl, wants a sample box", EN),
    ("Card #3: Omar Haddad, Category Manager, Brightfield Grocers. wants a price list", EN),
    ("Show day 2. Next card: Ines Duval, buyer at Maison Peller, keen on the kraft range", EN),
    ("from the same stand: Gus, Tallow & Pine's warehouse lead, he decides on pallets", EN),
    ("met Ron Baxter at the national hardware show in Vegas, he runs Baxter Tools, wants a catalogue", EN),
    ("5号馆A08 常州华力液压 采购经理 周明 对密封件感兴趣 要样品", ZH),
    ("к нам на стенд снова подошёл Пётр из «Вектора», хочет образцы", RU),
])
def test_a_note_written_at_a_show_is_a_meeting(text, known):
    assert understand(text, NOW, known).channel == "meeting"


@pytest.mark.parametrize("text", [
    "visited the Delmont plant, they have a stand-up at 9 every day",
    "met Ron at their farm, wants a quote",
])
def test_a_stand_up_or_a_farm_visited_is_not_a_show(text):
    assert understand(text, NOW, EN).channel == "visit"


@pytest.mark.parametrize("text, customer", [
    ("5号馆A08 常州华力液压 采购经理 周明 对密封件感兴趣 要样品", "常州华力液压"),
    ("电话里聊了个新客户 余姚宏发模塑 厂长王总 要报价", "余姚宏发模塑"),
    ("绵阳清溪饮品的采购李姐 电话里聊了一会", "绵阳清溪饮品"),
])
def test_a_hall_number_is_no_day_and_these_trades_end_a_name(text, customer):
    parse = understand(text, NOW, ZH)
    assert parse.customer == customer
    assert parse.followup_on is None


@pytest.mark.parametrize("text, days", [
    ("back from leave. who do I owe a call this week?", 7),
    ("who do i owe an email", None),
    ("todays f/u?", 1),
    ("whats on tomorrow", 1),
    ("今天有哪些电话要打", 1),
    ("today 有什么要 follow up 的", 1),
    ("节前还有啥没跟完的 列一下", None),
])
def test_a_due_list_asked_by_its_day_is_the_askers_follow_ups(text, days):
    parse = understand(text, NOW, EN if text.isascii() else ZH)
    assert parse.intent == "followups"
    if days is not None:
        assert parse.period is not None
        assert (parse.period[1] - parse.period[0]).days + 1 == days


@pytest.mark.parametrize("text, known", [
    ("called Acme, they owe us a call back on the pricing", EN),
    ("远航物流 今天打了三个电话 都没人接", ZH),
])
def test_notes_with_the_same_words_stay_notes(text, known):
    assert understand(text, NOW, known).intent == "log"


@pytest.mark.parametrize("text, customer, contact", [
    ("Card #2: Nadia Kovac, Head of Buying, Orchard Lane Foods. wants samples", "Orchard Lane Foods", "Nadia Kovac"),
    ("Leo Brandt, Head of Operations, Kestrel Haulage — wants a demo next week", "Kestrel Haulage", "Leo Brandt"),
])
def test_a_department_headed_on_a_card_is_no_company(text, customer, contact):
    parse = understand(text, NOW, EN)
    assert (parse.customer, parse.contact) == (customer, contact)
