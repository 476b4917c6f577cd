"""A note lands only on a customer it names. A known name is not taken from a word that only looks
like one of its words: a number ("in three weeks" is not Three Pines Bakery), a kind of business
("в кофейне"), a Russian word in another gender or with a tail that is no case ending ("уральская
сталь" is not Уральский Металл, "Городище" is not Город Мастеров), half of another compound name
("волга-пласт"), a longer word that only begins like it ("Петербург" for Петербургская), a place
("成都" for a company's 成都 branch), or a Chinese name that only sounds alike while the note writes
another company out in full. Three languages; each note in a row after a note on another customer."""
from __future__ import annotations

from sqlalchemy import select

from storage.models import Customer, Note


def _notes_of(store, name: str) -> int:
    return store(Note, Note.customer_id == select(Customer.id).where(Customer.name == name).scalar_subquery(),
                 Note.undone_at.is_(None))


async def test_a_number_word_is_no_customer_whose_name_begins_with_it(bot, store):
    await bot.say("Visited Three Pines Bakery, sent the quote for $5k")
    reply = await bot.say("Harbor Light Dental wants a demo in three weeks, called their office manager")
    assert _notes_of(store, "Three Pines Bakery") == 1
    assert "Recorded for Three Pines Bakery" not in reply


async def test_a_lower_case_mention_of_another_name_is_that_name(bot, store):
    store.add_customers("Maple Ridge Roofing")
    await bot.say("Called Globex, they want a demo")
    reply = await bot.say("Maple Grove Pediatrics called, they want pricing. email is info at maple grove dot com")
    assert _notes_of(store, "Maple Ridge Roofing") == 0
    assert "Recorded for Maple Ridge Roofing" not in reply and "Recorded for Globex" not in reply


async def test_a_russian_adjective_of_another_gender_is_another_name(bot, store):
    store.add_customers("ООО «Уральский Металл»")
    await bot.say("был у Уральского Металла, отправил КП на 300 тыс")
    assert _notes_of(store, "ООО «Уральский Металл»") == 1
    reply = await bot.say("звонила в уральская сталь, просят прайс")
    assert _notes_of(store, "ООО «Уральский Металл»") == 1
    assert "Уральский Металл" not in reply or not reply.wrote


async def test_a_russian_word_goes_on_only_with_a_case_ending(bot, store):
    store.add_customers("ООО «Город Мастеров»", "ООО «Ладога»")
    await bot.say("Встреча в Ладоге, договорились о поставке, 400 тыс")
    reply = await bot.say("Заехал в Керамзит-Юг в Городище, оставил каталог")
    assert _notes_of(store, "ООО «Город Мастеров»") == 0 and _notes_of(store, "ООО «Ладога»") == 1
    assert "Город Мастеров" not in reply.text.splitlines()[0]


async def test_half_of_another_compound_name_is_not_the_known_one(bot, store):
    store.add_customers("ООО «Волга Логистик»")
    await bot.say("Встреча в Ромашке, подписали договор")
    await bot.say("новый клиент волга-пласт, позвонили сами, нужна тара")
    assert _notes_of(store, "ООО «Волга Логистик»") == 0


async def test_a_longer_word_that_begins_like_a_name_is_not_it_typed_wrong(bot, store):
    store.add_customers("ООО «Петербургская Строительная Компания»")
    await bot.say("Встреча в Ромашке, подписали договор")
    await bot.say("Отправил КП в Петербург Кабель, 500 тыс")
    assert _notes_of(store, "ООО «Петербургская Строительная Компания»") == 0


async def test_a_capitalised_compound_name_opening_a_note_is_asked_about_not_the_last_customer(bot, store):
    await bot.say("Встреча в Ромашке, подписали договор")
    reply = await bot.say("Томск-Снаб отказ")
    assert _notes_of(store, "Ромашка") + _notes_of(store, "Ромашке") == 1
    assert "Томск-Снаб" in reply


async def test_a_place_alone_is_no_customer_named_by_it(bot, store):
    store.add_customers("Apex Data成都分公司")
    await bot.say("今天拜访了星辰科技，报价20万")
    await bot.say("成都有家火锅店叫蜀香小馆 老板说想做会员系统 下周去店里看看")
    assert _notes_of(store, "Apex Data成都分公司") == 0


async def test_a_company_written_out_in_full_is_not_a_known_one_that_only_sounds_alike(bot, store):
    store.add_customers("重庆两江鑫达物流有限公司")
    await bot.say("今天拜访了星辰科技，报价20万")
    await bot.say("新客户：广州市恒信达物流有限公司，见了运营主管陈先生，下周给他出方案")
    assert _notes_of(store, "重庆两江鑫达物流有限公司") == 0


async def test_a_name_in_single_quotes_is_not_the_last_customer(bot, store):
    await bot.say("今天拜访了星辰科技，报价20万")
    reply = await bot.say("认识了一家做茶饮的，叫‘云栖茶舍’，老板说想要会员系统，周一约个电话")
    assert _notes_of(store, "星辰科技") == 1
    assert "云栖茶舍" in reply


async def test_a_long_russian_note_with_poka_ne_is_no_correction_of_the_last_one(bot, store):
    await bot.say("Встреча в Ромашке, созвонимся в пятницу")
    reply = await bot.say("Звонок в Сталь-Профиль — главный инженер Пётр, бюджет пока не определён. "
                          "Созвонимся в середине декабря.")
    assert "Исправил" not in reply
    assert _notes_of(store, "Ромашка") + _notes_of(store, "Ромашке") == 1


async def test_a_proposal_written_kp_is_not_a_customer_with_those_initials(bot, store):
    store.add_customers("ООО «Клининг Профи»")
    await bot.say("Встреча в Ромашке, подписали договор")
    reply = await bot.say("Тольяттиазотмаш — визит. Главный инженер Ерёмин. КП до пт.")
    assert _notes_of(store, "ООО «Клининг Профи»") == 0
    assert "Клининг Профи" not in reply


async def test_a_company_introduced_by_name_that_only_sounds_like_a_known_one_is_asked_about(bot, store):
    store.add_customers("瑞德森包装")
    await bot.say("今天拜访了星辰科技，报价20万")
    for said in ("园区里一家做医疗耗材的 叫瑞得医疗 刚去看了 说明年上系统 大概30万",
                 "园区里一家做耗材的 叫瑞得 刚去看了 说明年上系统 大概20万"):
        reply = await bot.say(said)
        if not reply.wrote:
            assert "瑞德森包装" in reply
            reply = await bot.press("pick:new")
        assert reply.wrote and _notes_of(store, "瑞德森包装") == 0


async def test_a_registered_name_with_its_place_in_brackets_is_not_a_look_alike(bot, store):
    store.add_customers("昆山立达电子有限公司")
    await bot.say("今天拜访了星辰科技，报价20万")
    await bot.say("晚饭跟朋友介绍的一家公司吃了个饭，永利达海运（澳门）有限公司，CEO何先生，想要报价")
    assert _notes_of(store, "昆山立达电子有限公司") == 0


async def test_a_new_lead_called_like_a_known_name_typed_wrong_is_asked_about(bot, store):
    store.add_customers("Brightwell Dental")
    await bot.say("Visited Globex, sent quote 42k")
    reply = await bot.say("new lead called Brightwel Dentistry, they want a demo next week")
    assert _notes_of(store, "Brightwell Dental") == 0
    assert not reply.wrote or "Brightwell Dental" not in reply


async def test_a_name_the_rep_takes_back_is_not_the_customer(bot, store):
    store.add_customers("ООО «Стройресурс»", "АО «Мосхимпром»")
    reply = await bot.say("Стройресурс ой это не Стройресурс это Мосхимпром, Виктор Петрович просит КП на 2 млн")
    assert reply.wrote and "Мосхимпром" in reply
    assert _notes_of(store, "ООО «Стройресурс»") == 0 and _notes_of(store, "АО «Мосхимпром»") == 1


async def test_a_chinese_name_taken_back_is_not_the_customer(bot, store):
    store.add_customers("广州易联云计算有限公司", "杭州云栖网络科技有限公司")
    reply = await bot.say("刚才说错了 不是易联 是云栖 报价发了 50万")
    assert reply.wrote and _notes_of(store, "杭州云栖网络科技有限公司") == 1
    assert _notes_of(store, "广州易联云计算有限公司") == 0


async def test_an_english_name_taken_back_is_not_the_customer(bot, store):
    store.add_customers("Harbor Freight Lines", "Harmon Logistics")
    reply = await bot.say("sent the quote to Harmon Logistics, not Harbor Freight Lines - 18k")
    assert reply.wrote and _notes_of(store, "Harmon Logistics") == 1 and _notes_of(store, "Harbor Freight Lines") == 0


async def test_a_company_with_a_european_legal_form_is_not_the_last_customer(bot, store):
    await bot.say("Visited Ostrander Steel, sent the quote for $30k")
    await bot.say("Lunch with Inês Duarte (CFO) of Marítima Lusa SA in Porto, they want a proposal")
    assert _notes_of(store, "Ostrander Steel") == 1


async def test_another_russian_name_ending_alike_is_not_the_known_one(bot, store):
    store.add_customers("ООО «Тульский Пряник»")
    await bot.say("Встреча в Ромашке, подписали договор")
    await bot.say("была в кафе с Ольгой, она директор в Кондитерская Сладкий Пряник, хотят коробки")
    assert _notes_of(store, "ООО «Тульский Пряник»") == 0


async def test_a_chinese_name_only_sounding_alike_inside_another_word_is_not_it(bot, store):
    store.add_customers("大家乐电器")
    await bot.say("今天拜访了星辰科技，报价20万")
    await bot.say("常州美达家纺 上门去了 他们要报价 26万")
    assert _notes_of(store, "大家乐电器") == 0
