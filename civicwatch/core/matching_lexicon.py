"""Word knowledge for the person matcher: folded words, given names, surname endings.

Everything here works on *folded words*: a written word transliterated to Latin ASCII and
passed through the spelling folds of :func:`civicwatch.core.names.name_key` (so
"Жаннa", "Zhanna" and "Janna" are all ``jana``), with two extra folds that only make
sense word by word:

- Azerbaijani and Turkish Latin write /dʒ/ as "c" ("Xədicə" = "Khadija"); in a name
  written with those alphabets' own letters (ə ı ğ ş ç İ) "c" is read as "j".
- Belarusian "ў" after a vowel at the end of a surname is Russian "в" ("Іваноў" /
  "Ivanou" = "Иванов" / "Ivanov", "Ціханоўскі" = "Тихановский"), so a final "-ou",
  "-au", "-eu" (and "-ouski") is read as "-ov", "-av", "-ev" ("-ovski").

The given-name lexicon is deliberately modest: it holds common given names of the
region (Kazakh, Kyrgyz, Uzbek, Tajik, Azerbaijani, Russian, Belarusian, Ukrainian,
Armenian, Georgian) so that the matcher can tell which word of "Nurlan Tokan" is the
surname, and so that a given name alone never becomes a lookup key. A name missing from
it is treated as a possible surname, which costs selectivity, never correctness.
"""

from __future__ import annotations

import re
from functools import lru_cache

from civicwatch.core.names import fold_key_word, to_key_ascii
from civicwatch.core.vocab import Gender

__all__ = [
    "TURKIC_MARKERS",
    "canonical_given_name",
    "canonical_marker",
    "fold_word",
    "has_surname_shape",
    "is_german_spelling",
    "is_given_name",
    "is_title",
    "is_turkic_latin",
    "reformed_stem",
    "surname_gender",
    "surname_stems",
    "turkic_marker_of",
]

# Letters that only Azerbaijani/Turkish-style Latin uses; their presence means "c" is /dʒ/.
_TURKIC_LATIN_LETTERS = frozenset("əƏıİğĞşŞçÇ")
_SOFT_O = re.compile(r"(?<=[bcdfghjklmnprstvz])io")
_SOFT_U = re.compile(r"(?<=[bcdfghjklmnprstvz])iu")
_TAJIK_ZADE = re.compile(r"(?<=[a-z]{3})zade$")  # Russified -zade is the Tajik -zoda
_X_BEFORE_CONSONANT = re.compile(r"x(?=[bcdfghjklmnpqrstvwxz])")
_BELARUSIAN_U_ENDING = re.compile(r"(?<=[aeio])u(?=(?:ski|skii|skaia|skaya)?$)")


@lru_cache(maxsize=65536)
def fold_word(word: str, turkic_latin: bool = False, german: bool = False) -> str:
    """The folded key form of one written word ("" when nothing of it is a letter).

    ``turkic_latin`` and ``german`` say how the whole name is written (see
    :func:`is_turkic_latin` and :func:`is_german_spelling`).
    """
    if turkic_latin:
        word = word.replace("c", "j").replace("C", "J").replace("x", "kh").replace("X", "Kh")
    # Uzbek and Azerbaijani Latin x is kh; before a consonant it cannot be English ks
    # (Muxtorov, Baxtiyor, Axmedov; but Alexei, Maxim).
    word = _X_BEFORE_CONSONANT.sub("kh", word)
    ascii_word = re.sub(r"[^a-z]", "", to_key_ascii(word).lower())
    if german:
        ascii_word = _from_german(ascii_word)
    joined = _RAW_JOINED_MARKER.match(ascii_word)
    if joined:
        # Fold the father's name on its own: the double-letter fold would otherwise eat
        # the seam ("Nurbekkyzy" must stay Nurbek + kyzy, not Nurbe + kizi).
        gender = TURKIC_MARKERS[fold_key_word(joined["marker"])]
        return fold_key_word(joined["stem"]) + _CANONICAL_MARKER[gender]
    if len(ascii_word) >= 5:
        ascii_word = _BELARUSIAN_U_ENDING.sub("v", ascii_word)
    folded = fold_key_word(ascii_word)
    # Russian ё and ю after a consonant are written yo/e and yu/u: Zhuravlyova and
    # Zhuravleva, Fyodor and Fedor, Lyudmila and Ludmila, Гюнай and Gunay.
    folded = _SOFT_O.sub("e", folded)
    folded = _SOFT_U.sub("u", folded)
    return _TAJIK_ZADE.sub("zoda", folded)


# German transliteration of Russian names ("Schtschukina", "Schewtschenko", "Sergejew"):
# recognised by what neither English-style romanisation nor Turkmen Latin writes (Turkmen
# has w for v and j for dzh too: "Jumayew", "Orazowa" are not German).
_GERMAN_SPELLING = re.compile(r"sch|wj|[aeiou]j[eo]wa?\b")  # Sergejew, not Gylyjow
# In order: the German digraphs are set aside first, so that German sh (ж) can become zh
# and German z (ц) ts without touching them; \x01-\x03 are placeholders.
_GERMAN_TO_ENGLISH: tuple[tuple[str, str], ...] = (
    ("tsch", "\x01"),
    ("sch", "\x02"),
    ("ch", "\x03"),
    ("sh", "zh"),
    ("z", "ts"),
    ("w", "v"),
    ("j", "y"),
    ("\x01", "ch"),
    ("\x02", "sh"),
    ("\x03", "kh"),
)


def _from_german(word: str) -> str:
    """Schtschukina -> shchukina, Schewtschenko -> shevchenko (ж is German sh)."""
    for german, english in _GERMAN_TO_ENGLISH:
        word = word.replace(german, english)
    return word


def is_german_spelling(text: str) -> bool:
    """Whether a name is in German transliteration ("Jelena Schtschukina")."""
    return bool(_GERMAN_SPELLING.search(to_key_ascii(text).lower()))


def is_turkic_latin(text: str) -> bool:
    """Whether ``text`` is written in Azerbaijani/Turkish-style Latin."""
    return any(letter in _TURKIC_LATIN_LETTERS for letter in text)


# --- Turkic patronymic markers ----------------------------------------------------------

#: Folded stand-alone markers: Kazakh "uly"/"qyzy", Kyrgyz "uulu"/"kyzy", Uzbek "o'g'li"/
#: "qizi", Azerbaijani "oğlu"/"qızı", Turkmen "ogly"/"gyzy". Values: the gender they state.
TURKIC_MARKERS: dict[str, Gender] = {
    "uli": Gender.MALE,
    "ulu": Gender.MALE,
    "ogli": Gender.MALE,
    "oglu": Gender.MALE,
    "kizi": Gender.FEMALE,
    "gizi": Gender.FEMALE,
}
#: Canonical spelling a marker is joined with ("Nurbek kyzy" -> "nurbekkizi").
_CANONICAL_MARKER = {Gender.MALE: "uli", Gender.FEMALE: "kizi"}
# Joined forms as written ("Kunbolatuly", "Kairatkyzy", "Asanuulu", "Aliogly"), and as
# fold_word leaves them (stem + canonical marker).
_RAW_JOINED_MARKER = re.compile(
    r"^(?P<stem>[a-z]{3,}?)(?P<marker>uulu|uly|uli|ulu|ogly|ogli|oglu|kyzy|qyzy|qizi|kizi|gyzy)$"
)
_JOINED_MARKER = re.compile(r"^(?P<stem>[a-z]{3,}?)(?P<marker>uli|kizi)$")


def canonical_marker(gender: Gender) -> str:
    return _CANONICAL_MARKER[gender]


def turkic_marker_of(word: str) -> tuple[str, Gender] | None:
    """``(father's name, gender)`` when a folded word is a joined Turkic patronymic."""
    match = _JOINED_MARKER.match(word)
    if match is None:
        return None
    return match["stem"], TURKIC_MARKERS[match["marker"]]


# --- Surname endings --------------------------------------------------------------------

# Folded endings, longest first. Values: the gender the ending states (UNKNOWN = neutral).
_GENDERED_ENDINGS: tuple[tuple[str, Gender], ...] = (
    ("skaia", Gender.FEMALE),
    ("ckaia", Gender.FEMALE),
    ("kizi", Gender.FEMALE),
    ("ova", Gender.FEMALE),
    ("eva", Gender.FEMALE),
    ("ava", Gender.FEMALE),  # Belarusian Kalesnikava
    ("ina", Gender.FEMALE),
    ("aia", Gender.FEMALE),  # Tolstaya
    ("ska", Gender.FEMALE),  # Ukrainian/Polish -ska
    ("ski", Gender.MALE),
    ("cki", Gender.MALE),
    ("uli", Gender.MALE),
    ("ov", Gender.MALE),
    ("ev", Gender.MALE),
    ("av", Gender.MALE),  # Belarusian Ramanau (read -av)
    ("in", Gender.MALE),
)
# Endings of surnames that say nothing about gender, used only to recognise a surname.
_NEUTRAL_SURNAME_SHAPE = re.compile(
    r"(?:enko|enka|chuk|iuk|dze|shvili|ian|ianc|zoda|zade|ovich|evich|vich|ich"
    r"|(?<!a)l[iu])$"  # Azerbaijani Karimli, Yagublu (not given names in -ali: Nurali)
)
# Endings whose stem is a surname without the Russian ending ("Tokanov" -> "Tokan").
_STRIPPABLE: tuple[str, ...] = ("skaia", "ckaia", "ova", "eva", "ava", "ina", "ski", "cki")
_STRIPPABLE += ("ska", "ov", "ev", "av", "in", "kizi", "uli")
_MIN_STEM = 3


def _ending_of(word: str) -> tuple[str, Gender] | None:
    for ending, gender in _GENDERED_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM:
            if ending == "in" and word.endswith("din"):
                continue  # Uzbek/Tajik given names: Nuriddin, Kamoliddin
            return ending, gender
    return None


def has_surname_shape(word: str) -> bool:
    """Whether a folded word looks like a surname of the region (and is no known given name)."""
    if len(word) < 5 or is_given_name(word):
        return False
    return _ending_of(word) is not None or bool(_NEUTRAL_SURNAME_SHAPE.search(word))


def surname_gender(word: str) -> Gender:
    """Gender stated by a surname's ending: Tleubaeva female, Tleubaev male, Mamai unknown."""
    if len(word) < 5:
        return Gender.UNKNOWN
    found = _ending_of(word)
    return found[1] if found else Gender.UNKNOWN


@lru_cache(maxsize=65536)
def surname_stems(word: str) -> frozenset[str]:
    """Forms of a folded surname without its Russian or Turkic ending, the word included.

    "tokanov" -> {tokanov, tokan}; "mamaev" -> {mamaev, mama, mamai} (Мамаев is Мамай
    with -ев); "kunbolatuli" -> {kunbolatuli, kunbolat}; "tokan" -> {tokan}.
    """
    stems = {word}
    for ending in _STRIPPABLE:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= _MIN_STEM:
            if ending == "in" and word.endswith("din"):
                continue
            stems.add(stem)
            if ending in ("ev", "eva") and stem[-1] in "aeiou":
                stems.add(stem + "i")  # -аев / -аева: Мамаев = Мамай + ев
            break
    return frozenset(stems)


_TAJIK_ZODA = re.compile(r"(?<=[a-z]{3})zoda$")
_RUSSIAN_ENDING = re.compile(r"(?<=[a-z]{3})(?:ova|eva|ov|ev)$")


def reformed_stem(word: str) -> str | None:
    """The father's name in a Tajik "-zoda" surname or in its Russian "-ov" form, if any.

    Tajikistan replaced "-ov"/"-ev" with "-zoda" ("Rahmatulloev" became "Rahmatullozoda"),
    so one person can carry both; a son can carry "-zoda" where his father keeps "-ov".
    """
    for pattern in (_TAJIK_ZODA, _RUSSIAN_ENDING):
        if pattern.search(word):
            return pattern.sub("", word)
    return None


# --- Titles -----------------------------------------------------------------------------

# Titles and descriptions that reports fuse into names ("Archpriest Nikolai Gorbunov",
# "протоиерей Николай Горбунов", "Imam Abdulla Yusupov"): never part of the name.
_TITLES_TEXT = """
Archpriest Protopriest Protopresbyter Priest Father Fr Deacon Hieromonk Hegumen Abbot
Archimandrite Bishop Archbishop Metropolitan Patriarch Pastor Reverend Rev Imam Mullah
Mulla Molla Domla Sheikh Shaykh Hajji Haji Eshon Ishan Qori Qari Ustoz Mufti Ksiondz
Ksendz Ksiadz Mr Mrs Ms Miss Dr Prof Professor Sir Saint Mister Madame Journalist
Activist Blogger Lawyer Advocate Pensioner
отец протоиерей иерей священник диакон дьякон игумен архимандрит епископ архиепископ
митрополит пастор имам мулла домла шейх муфтий ксёндз ксендз господин госпожа
айцец протаіерэй святар пастар отець протоієрей священик
"""
_TITLES = frozenset(fold_word(title) for title in _TITLES_TEXT.split()) | {"gn", "gja"}


def is_title(word: str) -> bool:
    """Whether a folded word is a title or description, not a name ("archpriest", "imam")."""
    return word in _TITLES


# --- Given names ------------------------------------------------------------------------

# One spelling each is enough when the folds join the others (Zhanna/Janna, Yerlan/Erlan,
# Aleksei/Alexey). Sources: the authors' knowledge of the region's naming.
_GIVEN_NAMES_TEXT = """
Abai Abay Abzal Adil Aidar Aidos Aibek Akylbek Alibek Aliaskar Almas Aman Amangeldy Amir
Arman Arystan Askar Asan Aset Aslan Asylbek Ayan Azamat Baglan Bakhyt Bakytzhan Baibolat
Bauyrzhan Baurzhan Beibit Bekzat Berik Bolat Darkhan Dastan Daniyar Dauren Dulat Duman
Erbol Erzhan Ermek Erlan Galym Galymzhan Islam Kairat Kanat Karim Kenzhebek Kuanysh Madi
Maksat Marat Marlen Meirambek Mirzhan Mukhtar Murat Nurbol Nurlan Nurlybek Nursultan
Nurtas Nurzhan Olzhas Ongar Rakhat Rinat Ruslan Rustem Sabyr Saken Samat Sanzhar Serik
Serikbol Sultan Talgat Temirlan Timur Ulan Zhandos Zhanat Zhanbolat Zhaslan Zhasulan
Zholdas Kassym Zhomart Mels Seitkali Amirzhan Dinmukhamed Bolatbek Yesengeldy
Aigerim Aizhan Aliya Asel Assel Aida Aigul Ainur Akmaral Altynai Anar Ardak Ayagoz Aruzhan
Bayan Botagoz Dana Dariga Dilnaz Dinara Elmira Gaukhar Gulnara Gulzhan Gulmira Indira Inkar
Kamila Karlygash Laura Lyazzat Madina Makpal Moldir Nazerke Nurgul Raushan Roza Saule
Saltanat Symbat Togzhan Tomiris Ulzhan Zarina Zhanna Zhuldyz Zhanar Zhibek Zulfiya
Zhansaya Aisulu Kuralai Meruert Akbota Aizada Perizat Gulzat Inga Ainagul Bakhytgul
Almazbek Bakyt Bolot Chyngyz Emil Kanybek Kubanychbek Nurbek Omurbek Sadyr Talant Temir
Tilek Ulukbek Zhenish Kamchybek Kadyrbek Azim Erkin Askat Bektur Kylychbek Mirlan Atai
Bakai Bolotbek Ernis Ainura Begimai Bermet Cholpon Jyldyz Kanykei Nazira Aisuluu Aijamal
Makhabat Elnura Chynara Meerim Venera Bubusara Aziza Nazgul Tolgonai Kalys Kanyshai
Abdulla Akmal Alisher Anvar Aziz Bahodir Bakhtiyor Bobur Botir Davron Dilshod Farrukh
Farhod Ikrom Ilhom Jamshid Jasur Kamol Khurshid Mirzo Nodir Odil Otabek Rustam Sanjar
Sardor Sherzod Shukhrat Shavkat Sobir Ulugbek Umid Zafar Agzam Akrom Dilmurod Elyor Islom
Mansur Olim Rashid Salim Shokir Tulkin Tolib Yusuf Zokir Bekzod Dostonbek Muhammad
Muhammadali Abdurahmon Ravshan Azam Salijon Valijon Jahongir Husan Hasan Obid Kudrat Rahim
Dilnoza Dilfuza Gulnora Gulchehra Kamola Lola Malika Mukhabbat Nargiza Nigora Nilufar
Shahnoza Shoira Umida Yulduz Zamira Feruza Munisa Nodira Sevara Sitora Mohira Barno Dilorom
Gulbahor Iroda Mahliyo Oydin Saida Shahlo Gulshan Mukhlisa Nafisa
Abdullo Alijon Buzurgmehr Daler Davlat Dilovar Faridun Firdavs Ibrohim Izzat Jamshed
Khurshed Mahmadali Muhammadjon Nizomiddin Nuriddin Rahmatullo Saidjafar Sulton Umed Zoir
Emomali Abdumalik Mahmadruzi Parviz Kamoliddin Shamsiddin Jalaliddin Khayrullo Amriddin
Mustafo Manizha Nigina Parvina Shabnam Mahina Tahmina Mavjuda Firuza Dilafruz Farzona
Rukhshona Zaid Alovuddin Izatullo Sharofiddin
Ali Arif Azer Bakhtiyar Elchin Elnur Emin Eldar Farid Fuad Gunduz Huseyn Ilgar Ilham Jamil
Kamran Mahammad Mammad Murad Natig Orkhan Rashad Rauf Ramiz Rasul Rufat Samir Tofig Tural
Vugar Yashar Zaur Afgan Ayaz Akif Avaz Bahruz Elvin Fariz Idrak Igbal Ibrahim Khalid Nijat
Namig Polad Teymur Vidadi Ulvi Fikrat Farhad Mirza Alasgar Arastun Rovshan Agil Elshan
Aynur Aytan Gunel Khadija Leyla Nargiz Sevinj Ulviyya Aygun Gulnar Narmin Nigar Sabina
Shahla Aysel Fatima Arzu Lala Samira Konul Vusala Afag Ilaha Jala Sakit Tazakhan Bayram
Aleksandr Aleksei Anatoly Andrei Anton Artem Boris Denis Dmitry Evgeny Fedor Gennady Georgy
Grigory Igor Ilya Ivan Kirill Konstantin Leonid Maksim Mikhail Nikita Nikolai Oleg Pavel
Petr Pyotr Roman Semyon Sergei Stanislav Stepan Timofei Vadim Valentin Valery Vasily Viktor
Vitaly Vladimir Vladislav Vyacheslav Yaroslav Yegor Yury Lev Matvei Mark Arseny Danila
Eduard Gleb Filipp Taras Bogdan Volodymyr Oleksandr Oleksii Serhii Dmytro Mykola Mykhailo
Andrii Yevhen Vasyl Yurii Ihor Aliaksandr Aliaksei Ales Anatol Dzmitry Ihar Kiryl Leanid
Mikalai Paval Raman Ryhor Siarhei Stsiapan Uladzimir Valiantsin Viktar Yauhen Zmitser
Zmicier Aleh Vasil Uladzislau Viachaslau Vitali Maxim Artyom
Aleksandra Alena Alla Anastasia Anna Daria Ekaterina Elena Elizaveta Galina Inna Irina
Kristina Larisa Lidia Lyudmila Marina Maria Nadezhda Natalia Nina Oksana Olga Polina
Svetlana Tatiana Valentina Valeria Vera Victoria Yana Yulia Zoya Ksenia Sofia Evgenia
Lyubov Maryia Volha Katsiaryna Tatsiana Sviatlana Iryna Natallia Nasta Palina Alesia Hanna
Liudmila Nadzeya Veranika Aksana Olena Tetiana Kateryna Oleksandra Nataliia Yuliia Svitlana
Halyna Liudmyla Mariia Marfa Margarita Valentyna Karina Alina Diana Regina Nelli
Armen Aram Gor Davit David Levon Tigran Nikol Ani Giorgi Levan Nino Tamar Zurab Irakli
Mamuka Nika Lasha Ruben Hayk Narine Lusine Mzia Ketevan Tamta Gela Nodar Merab
"""

# Spellings of one name in different languages ("Siarhei" is Belarusian for "Sergei").
# The first of each group is the canonical form. Only full names and the short forms that
# reports use as names (Belarusian "Ales", "Zmitser"), not pet names. The Central Asian
# groups are the Uzbek/Tajik and the Kazakh/Kyrgyz/Russian forms of one name.
_GIVEN_NAME_GROUPS_TEXT = """
Aleksandr Aliaksandr Alyaksandr Oleksandr Alexander Aleksander Ales
Aleksandra Aliaksandra Oleksandra Alexandra
Aleksei Aliaksei Oleksii Oleksiy Alexey Alexej Aleksej
Sergei Siarhei Siargei Serhii Serhiy Sergiy Serguei Sergej
Igor Ihar Igar Ihor
Dmitry Dzmitry Dmytro Dmitri Dmitrij Zmitser Zmicier
Vladimir Uladzimir Volodymyr
Vladislav Uladzislau Vladyslav
Vyacheslav Viachaslau Viacheslav
Nikolai Mikalai Mykola Nikolay Nikolaj
Pavel Paval Pavlo
Petr Pyotr Piotr Petro Pietro Pjotr
Olga Volha Volga Olha
Ekaterina Katsiaryna Kateryna Katerina Yekaterina Jekaterina
Irina Iryna
Yulia Julia Yuliya Iuliia Yuliia Juliya Yulija
Tatiana Tatsiana Tetiana Tatyana Tatjana
Maria Maryia Mariia Mariya Marija
Elena Alena Olena Yelena Helena Alyona Jelena
Evgeny Yauhen Yaugen Yevhen Yevgeny Evgeniy Jewgeni Jewgenij
Evgenia Yauhenia Yevheniia
Andrei Andrii Andriy Andrey Andrej
Viktor Viktar Victor
Mikhail Mikhas Mykhailo Mikhal Michail
Roman Raman
Anatoly Anatol Anatolii
Vasily Vasil Vasyl Vasiliy
Grigory Ryhor Rygor Hryhorii Grigoriy
Yury Yurii Yuri Yuriy Iury Jury Juri Jurij
Natalia Natallia Nataliia Natalya Natalja
Svetlana Sviatlana Svitlana
Galina Halina Halyna
Lyudmila Liudmila Liudmyla Ljudmila
Kirill Kiryl Kyrylo
Maksim Maxim Maksym
Oleg Aleh Oleh
Valentin Valiantsin Valentyn
Valentina Valiantsina Valentyna
Leonid Leanid
Stepan Stsiapan
Oksana Aksana
Anna Hanna Ganna
Nadezhda Nadzeya Nadiia
Veronika Veranika
Vitaly Vitali Vitaliy Vital
Alesia Olesya Alesya
Polina Palina
Bogdan Bohdan
Fedor Fyodor Fiodar Fedir Fjodor
Muhammad Mukhammad Mohammed Muhammed Mohammad Mukhammed Mahammad Magomed
Hasan Gasan Khasan
Huseyn Guseyn Husein Huseyin Gusein
Ilham Ilgam
Heydar Geydar Haidar
Ibrahim Ibragim Ibrohim
Yusuf Yusup Iusuf Jusup
Mirzo Mirza
Sulton Sultan
Jamshid Jamshed Dzhamshed Jamshet
Khurshid Khurshed
Umid Umed
Farhod Farhad Farkhad
Rustam Rustem
Ravshan Rovshan
Nodir Nadir
Bahodir Bakhodyr Bahadir Bakhadyr
Botir Batyr
Ikrom Ikram
Akrom Akram
Akmal Akmol
Kamol Kamal
Zafar Zafar
Salim Salym
Olim Alim
Sobir Sabir Sabyr
Tolib Talib
Rashid Rashit
Gulnora Gulnara
Dilnoza Dilnaza
Zarina Zarrina
Mukhabbat Mahabat Makhabat
Yulduz Zhuldyz Jyldyz
Ulugbek Ulukbek
Nurmuhammad Nurmukhammed Nurmukhamed
"""


def _fold_all(words: str) -> list[str]:
    return [folded for word in words.split() if (folded := fold_word(word))]


_GIVEN_NAME_CANONICAL: dict[str, str] = {}
for _line in _GIVEN_NAME_GROUPS_TEXT.strip().splitlines():
    _group = _fold_all(_line)
    for _member in _group:
        _GIVEN_NAME_CANONICAL.setdefault(_member, _group[0])

_GIVEN_NAMES = frozenset(_fold_all(_GIVEN_NAMES_TEXT)) | frozenset(_GIVEN_NAME_CANONICAL)


def is_given_name(word: str) -> bool:
    """Whether a folded word is a common given name of the region."""
    return word in _GIVEN_NAMES


def canonical_given_name(word: str) -> str:
    """One form for the spellings of a given name across languages ("siargei" -> "sergei")."""
    return _GIVEN_NAME_CANONICAL.get(word, word)
