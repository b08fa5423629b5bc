"""Mojibake and template artifacts, with the real cases of research/real-world.md §2."""

import pytest

from l10n.check.patterns import Artifact, find_mojibake, find_template_artifact


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("prĂ©sident", "président"),
        ("TĂ©lĂ©charger le .pdf", "Télécharger le .pdf"),
        ("Ã©tÃ© prÃ©sident", "été président"),
        ("Ð§Ð¸Ñ‚Ð°Ñ‚ÑŒ", "Читать"),
        ("đź’ľ", "💾"),
        ("๐Ÿ”Ž", "🔎"),
        ("Kievโ€™s", "Kiev’s"),
        ("ื“ื™ืœื•ื’ ืœืชื•ื›ืŸ", "דילוג לתוכן"),
        ("เชธเชœเซ€เชต", "સજીવ"),
        ("ΠΠ½ΠΈΠΌΠ°Π½ΠΈΠ΅!", "\ufffdниманиС!"),
    ],
    ids=["cp1250", "cp1250-2", "latin1", "cp1252-cyrillic", "emoji-cp1250", "emoji-cp874",
         "quote-cp874", "hebrew-cp874", "gujarati-cp874", "greek-dropped-controls"],
)
def test_mojibake_is_found_and_repaired(text: str, repaired: str) -> None:
    assert find_mojibake(text) == repaired


@pytest.mark.parametrize(("meant", "charset", "repaired"), [
    # UTF-8 East Asian text shown in the double-byte charset a page declares.
    ("关于我们", "gb18030", "关于我们"),
    ("開放平台", "gb18030", "開放平台"),
    # Bytes the decoder could not pair are lost in its U+FFFD.
    ("DeepMind新电脑已可利用记忆自学", "gb18030", "DeepMind新电脑已可利用记忆自\ufffd"),
    ("“激进”的路上", "gb18030", "“激进\ufffd的路上"),
    ("お問い合わせ", "cp932", "お問\ufffd合わ\ufffd"),
    ("ニュース一覧", "cp932", "ニュース一覧"),
    ("繁體中文新聞", "big5hkscs", "\ufffd體中\ufffd"),
])
def test_east_asian_mojibake_is_found_and_repaired(meant: str, charset: str,
                                                   repaired: str) -> None:
    shown = meant.encode().decode(charset, "replace")
    assert shown != meant
    assert find_mojibake(shown) == repaired


@pytest.mark.parametrize("text", [
    "日本 (日本語)", "關於我們", "新闻中心", "東京都の天気予報", "한국어 뉴스", "×", "脳",
    "Copyright © 2016 腾讯", "繁體中文 (台灣)",
    "서울 뉴스".encode().decode("cp949", "replace"),  # EUC-KR keeps too little to tell
])
def test_east_asian_text_is_not_mojibake(text: str) -> None:
    assert find_mojibake(text) is None


@pytest.mark.parametrize(
    "text",
    ["Заголовок открываемого материала", "Ελληνικά κείμενο αρκετά μεγάλο", "naïve café",
     "สวัสดีครับ ยินดีต้อนรับ", "שלום עולם ברוכים הבאים", "مرحبا بالعالم", "ÄÖÜ äöü ß",
     "Çok güzel şehir", "Žluťoučký kůň", "日本語のテキスト", "한국어 텍스트", "Subscribe",
     "“Quoted” — dashes – and ‘single’", "ΜΆΡΚΟΣ ΈΡΧΕΤΑΙ",
     "діє до"],  # its cp1251 bytes hold one UTF-8 sequence, and two bytes that are none
)
def test_clean_text_is_not_mojibake(text: str) -> None:
    assert find_mojibake(text) is None


@pytest.mark.parametrize(
    ("text", "role", "expected"),
    [
        ("{count} comments", None, Artifact("unfilled placeholder", "{count}")),
        ("{{count}}件のコメント", None, Artifact("unfilled placeholder", "{{count}}")),
        ("Follow us on %s", None, Artifact("unfilled placeholder", "%s")),
        ("Hello %(name)s", None, Artifact("unfilled placeholder", "%(name)s")),
        ("Total: ${total}", None, Artifact("unfilled placeholder", "${total}")),
        ("{lang_authoredby}", None, Artifact("unfilled placeholder", "{lang_authoredby}")),
        ("\\u041f\\u0440\\u0438", None, Artifact("raw escape sequence", "\\u041f")),
        ("News &amp; views", None, Artifact("double-escaped entity", "&amp;")),
        ("nav.subscribe", None, Artifact("message key", "nav.subscribe")),
        ("SUBSCRIBE_BUTTON", None, Artifact("message key", "SUBSCRIBE_BUTTON")),
        ("intense_post_subtitle", None, Artifact("message key", "intense_post_subtitle")),
        ("Photo:", "credit", Artifact("label without a value", "Photo:")),
        ("筆者 :", "credit", Artifact("label without a value", "筆者 :")),
    ],
)
def test_template_artifacts(text: str, role: str | None, expected: Artifact) -> None:
    assert find_template_artifact(text, role) == expected


@pytest.mark.parametrize(("text", "with_keys", "without_keys"), [
    # Message keys only when asked for; placeholders either way.
    ("nav.subscribe", Artifact("message key", "nav.subscribe"), None),
    ("fluff_is_life", Artifact("message key", "fluff_is_life"), None),
    ("%d Bloggern gefällt das:", Artifact("unfilled placeholder", "%d"),
     Artifact("unfilled placeholder", "%d")),
    ("Verbinde mit %s", Artifact("unfilled placeholder", "%s"),
     Artifact("unfilled placeholder", "%s")),
    ("Manage {vendor_count} vendors", Artifact("unfilled placeholder", "{vendor_count}"),
     Artifact("unfilled placeholder", "{vendor_count}")),
    # Identifiers of other kinds are never keys; TeX and shell hold no placeholders.
    ("mastodon.social", None, None), ("reitschuster.live", None, None),
    ("sa.large", None, None), ("IMG_2301.JPG", None, None), ("muc_ads", None, None),
    ("_ga", None, None), ("cookielawinfo-checkbox-necessary", None, None),
    ("{\\displaystyle p_{j\\mid i}={\\frac {\\exp(-\\lVert \\mathbf {x} _{i}}}}", None, None),
    ("\\mathbf {y} _{i}\\in \\mathbb {R} ^{d}", None, None),
    ("Use \\frac{a}{b} for fractions", None, None),
    ("$ hg log --template '{rev}'", None, None),
    ("\\u041f\\u0440\\u0438", Artifact("raw escape sequence", "\\u041f"),
     Artifact("raw escape sequence", "\\u041f")),
])
def test_keys_are_looked_for_only_when_asked(text: str, with_keys: Artifact | None,
                                             without_keys: Artifact | None) -> None:
    assert find_template_artifact(text) == with_keys
    assert find_template_artifact(text, keys=False) == without_keys


@pytest.mark.parametrize(
    "text",
    ["Search:", "50% off", "index.html", "example.com", "C++ {}", "Titel: (Z -> A)",
     "Prices rose 5%", "a {b c}", "Subscribe", "Photo: Jane Doe/AP"],
)
def test_not_artifacts(text: str) -> None:
    assert find_template_artifact(text, None) is None
    assert find_template_artifact("Photo: Jane Doe/AP", "credit") is None


def test_the_pair_filter_skips_only_text_whose_bytes_hold_no_utf8_sequence() -> None:
    """The lead/continuation pair patterns are shortcuts, never new rules: whenever the bytes
    the re-encoding test would write hold a UTF-8 sequence, the charset's pattern and the
    pattern of all charsets match the text."""
    from l10n.check.patterns import _UTF8_MULTIBYTE, _continuation_chars, _sloppy_encode

    def sloppy_decode(data: bytes, charset: str) -> str:
        out = []
        for byte in data:
            for codec in (charset, "cp1252", "latin_1"):
                try:
                    out.append(bytes([byte]).decode(codec))
                    break
                except UnicodeDecodeError:
                    continue
        return "".join(out)

    samples = [chr(c) for c in range(0x80, 0x3000, 7)] + ["’", "€", "😀", "中", "한"]
    matched = 0
    charsets, any_pair = _continuation_chars()
    for charset, _, pair in charsets:
        for char in samples:
            for shown in (sloppy_decode(char.encode("utf-8"), charset), f"a{char}b{char}"):
                data = _sloppy_encode(shown, charset, sum(not c.isascii() for c in shown))
                if data is not None and _UTF8_MULTIBYTE.search(data):
                    matched += 1
                    assert pair.search(shown), (charset, char, shown)
                    assert any_pair.search(shown), (charset, char, shown)
    assert matched > 3000  # the check covered real mojibake, not only skipped text


def test_the_badness_shortcut_answers_as_ftfy_does() -> None:
    """The hint is a shortcut, never a new rule: on random text over the characters ftfy's
    badness pattern names (short, and long enough to need several windows), and on UTF-8 of
    many characters misread in many charsets, ``_looks_bad`` says what ``is_bad`` says."""
    import random

    from ftfy.badness import BADNESS_RE, is_bad

    from l10n.check.patterns import _badness_hint, _looks_bad

    hint = _badness_hint()
    assert hint is not None and hint.width == 7  # the installed ftfy's pattern is read
    assert hint.chars.search("Привет, как дела? Où est la gare ? Straße, ½ €") is not None
    assert hint.chars.search("Читать далее, где вокзал? Straße und Öl") is None
    alphabet = sorted({ch for ch in BADNESS_RE.pattern if not ch.isspace()} | set("ab Z.\u00a0"))
    plain = list("abcdefgh ijklmnop ,.;")
    rng = random.Random(7)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(2, 5)))
             for _ in range(100_000)]
    texts += ["".join(rng.choice(alphabet if rng.random() < 0.15 else plain)
                      for _ in range(rng.randint(10, 80))) for _ in range(30_000)]
    for charset in ("cp1252", "cp1251", "cp1253", "mac_roman", "cp437", "latin_1", "cp1250"):
        for code in range(0xA0, 0x3000, 3):
            data = f"a {chr(code)}.".encode()
            texts.append(data.decode(charset, errors="replace"))
    verdicts = [is_bad(text) for text in texts]
    assert 20_000 < sum(verdicts) < len(texts) - 20_000
    assert [t for t, bad in zip(texts, verdicts, strict=True) if _looks_bad(t) != bad] == []


@pytest.mark.parametrize(("pattern", "text"), [
    ("x(?i:é)", "xÉ"),  # a flag inside: no hint, is_bad itself answers
    ("(?<=a)é", "aé"),  # a lookbehind: the hint, but no windows
    ("é$", "aé"),  # an anchor at the end: the hint, but no windows
])
def test_the_badness_shortcut_steps_aside_for_patterns_it_cannot_read(
        monkeypatch: pytest.MonkeyPatch, pattern: str, text: str) -> None:
    import re

    import ftfy.badness

    from l10n.check import patterns

    monkeypatch.setattr(ftfy.badness, "BADNESS_RE", re.compile(pattern))
    patterns._badness_hint.cache_clear()
    try:
        hint = patterns._badness_hint()
        assert hint is None or hint.width is None
        assert patterns._looks_bad(text) is True
        assert patterns._looks_bad("plain") is False
    finally:
        patterns._badness_hint.cache_clear()
