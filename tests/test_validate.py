"""Input validation: text that cannot be reviewed gets one clear sentence; odd but real stories pass.

Every sample here is written for these tests.
"""

from __future__ import annotations

import pytest

from starbar.errors import InputError
from starbar.parse import check_text, parse
from starbar.parse.validate import MAX_WORDS

STORY = (
    "At a small credit union I owned the mobile app. Members kept calling to ask whether a transfer had gone "
    "through, because the app showed nothing for a day. I added a pending state with an expected arrival time, "
    "and calls about transfers fell by a third in two months."
)


def _rejected(text) -> str:
    with pytest.raises(InputError) as caught:
        check_text(text)
    message = str(caught.value)
    # One clear sentence: capitalised, ends with a full stop, no line breaks.
    assert message[0].isupper() and message.endswith(".") and "\n" not in message
    return message


@pytest.mark.parametrize("text", ["", "   \n\t  \n"])
def test_empty_and_whitespace_only(text):
    assert "empty" in _rejected(text)


def test_binary():
    assert "binary" in _rejected(bytes(range(256)).decode("latin-1") * 4)
    assert "binary" in _rejected("Situation\x00\x00\x01 the app")


def test_not_text_at_all():
    assert "text" in _rejected(b"Situation: bytes")


def test_over_the_word_limit():
    message = _rejected("transfer " * (MAX_WORDS + 1))
    assert f"{MAX_WORDS:,}" in message


def test_at_the_word_limit_is_accepted():
    check_text((STORY + " ") * (MAX_WORDS // len(STORY.split())))


@pytest.mark.parametrize(
    "text",
    [
        # Spanish, German, Portuguese, Italian, French, Indonesian (Latin script, other function words)
        "Era la gerente de producto de una billetera digital y los usuarios se quejaban de las comisiones, "
        "así que cambiamos la pantalla de pago para mostrar el total antes de pagar.",
        "Ich war für die App einer kleinen Bank verantwortlich, und die Kunden haben sich über die Gebühren "
        "beschwert, deshalb haben wir die Anzeige vor der Zahlung geändert.",
        "Eu cuidava do aplicativo de um banco pequeno e os clientes reclamavam das tarifas, então mudamos a "
        "tela de pagamento para mostrar o total antes.",
        "Ero responsabile dell'app di una piccola banca e i clienti si lamentavano delle commissioni, quindi "
        "abbiamo cambiato la schermata di pagamento.",
        "Je gérais l'application d'une petite banque et les clients se plaignaient des frais, alors nous avons "
        "changé l'écran de paiement pour afficher le total.",
        "Saya mengelola aplikasi bank kecil dan nasabah sering mengeluh soal biaya sehingga kami mengubah layar "
        "pembayaran agar total terlihat sebelum membayar.",
        # Other scripts
        "Я отвечал за приложение небольшого банка, и клиенты жаловались на комиссии, поэтому мы изменили экран оплаты.",
        "我负责一家小银行的应用程序，客户抱怨手续费，所以我们修改了付款页面，在付款前显示总金额。",
    ],
)
def test_not_english(text):
    assert "English" in _rejected(text)


def test_html_document():
    page = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Story</title>"
        "<style>p { margin: 0 }</style><script src='app.js'></script></head>"
        "<body><nav><a href='/'>Home</a></nav><div class='post'><p>I led payments.</p></div></body></html>"
    )
    assert "HTML" in _rejected(page)


def test_markup_heavy_fragment_without_a_page_is_rejected():
    fragment = "<div class='a'><span class='b'><a href='/x'>x</a></span></div>" * 10 + "<p>I owned payouts.</p>"
    assert "HTML" in _rejected(fragment)


@pytest.mark.parametrize(
    "text",
    [
        STORY,
        STORY + " A member once pasted <script>alert('hi')</script> into the memo field, which we now escape.",
        "<p>" + STORY + "</p>",
        "I cut refund time 40%.",  # a short snippet
        "Payouts: 3 days.",
        "- Q1: disputes 2,400/mo, 1.8% rate\n- Q2: 1,650/mo, 1.2%\n- Q3: 990/mo, 0.7%\n- Cost: $28 -> $11 per case",
        "- Interviewed merchants\n- Mapped chargeback reasons\n- Launched evidence packets\n- Reduced disputes 35%\n"
        "- Improved merchant retention",
        "Um, so, yeah, I was the PM for disputes at a card issuer, and, like, the disputes kept going up.",
        "Situation: el pago fallaba. I was the PM and our Spanish-speaking users could not read the error, "
        "so I added translated messages and failed payments fell 20%.",
    ],
)
def test_real_stories_pass(text):
    check_text(text)
    assert parse(text).sentences


def test_parse_validates():
    with pytest.raises(InputError):
        parse("   ")
