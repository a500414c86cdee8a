"""Known news outlets, and finding which one a piece of text names."""

import re
from dataclasses import dataclass
from functools import cache, lru_cache


@dataclass(frozen=True)
class Outlet:
    name: str
    short_name: str
    homepage: str  # "" if unknown
    country: str
    kind: str  # wire | state | public | broadcaster | newspaper | magazine | online | other


@dataclass(frozen=True)
class KnownOutlet:
    outlet: Outlet
    aliases: tuple[str, ...]  # other names used in datelines, bylines and notices
    domains: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.outlet.name, self.outlet.short_name, *self.aliases)


def _known(name, short_name, homepage, country, kind, aliases=(), domains=()) -> KnownOutlet:
    return KnownOutlet(Outlet(name, short_name, homepage, country, kind), aliases, domains)


# fmt: off
KNOWN_OUTLETS: tuple[KnownOutlet, ...] = (
    # Wire agencies
    _known(
        "Reuters", "Reuters", "https://www.reuters.com", "United Kingdom", "wire",
        ("Thomson Reuters",), ("reuters.com",),
    ),
    _known(
        "Associated Press", "AP", "https://apnews.com", "United States", "wire",
        ("The Associated Press", "AP News"), ("apnews.com", "ap.org"),
    ),
    _known(
        "Agence France-Presse", "AFP", "https://www.afp.com", "France", "wire",
        ("Agence France Presse",), ("afp.com",),
    ),
    _known(
        "Xinhua", "Xinhua", "http://www.xinhuanet.com", "China", "wire",
        ("Xinhua News Agency", "Xinhuanet", "新华社"), ("xinhuanet.com", "news.cn", "chinaview.cn"),
    ),
    _known(
        "TASS", "TASS", "https://tass.com", "Russia", "wire",
        ("ITAR-TASS", "ТАСС"), ("tass.com", "tass.ru", "itar-tass.com"),
    ),
    _known(
        "Interfax", "Interfax", "https://interfax.com", "Russia", "wire",
        ("Интерфакс",), ("interfax.com", "interfax.ru"),
    ),
    _known(
        "ANSA", "ANSA", "https://www.ansa.it", "Italy", "wire",
        ("Agenzia Nazionale Stampa Associata",), ("ansa.it",),
    ),
    _known(
        "Deutsche Presse-Agentur", "dpa", "https://www.dpa.com", "Germany", "wire",
        (), ("dpa.com", "dpa-international.com"),
    ),
    _known("EFE", "EFE", "https://www.efe.com", "Spain", "wire", ("Agencia EFE",), ("efe.com",)),
    _known(
        "Kyodo News", "Kyodo", "https://english.kyodonews.net", "Japan", "wire",
        (), ("kyodonews.net", "kyodonews.jp"),
    ),
    _known(
        "United Press International", "UPI", "https://www.upi.com", "United States", "wire",
        (), ("upi.com",),
    ),
    _known(
        "Bloomberg", "Bloomberg", "https://www.bloomberg.com", "United States", "wire",
        ("Bloomberg News",), ("bloomberg.com",),
    ),
    _known(
        "RIA Novosti", "RIA Novosti", "https://ria.ru", "Russia", "state",
        ("RIA", "РИА Новости"), ("ria.ru", "rian.ru"),
    ),
    # Asia and the Pacific
    _known(
        "Jiji Press", "Jiji", "https://www.jiji.com", "Japan", "wire",
        ("JIJI", "Jiji Press Ltd.", "時事通信"), ("jiji.com",),
    ),
    _known(
        "Yonhap News Agency", "Yonhap", "https://en.yna.co.kr", "South Korea", "wire",
        ("Yonhap News", "연합뉴스"), ("yna.co.kr", "yonhapnews.co.kr"),
    ),
    _known(
        "Korean Central News Agency", "KCNA", "http://www.kcna.kp", "North Korea", "state",
        (), ("kcna.kp",),
    ),
    _known(
        "Press Trust of India", "PTI", "https://www.ptinews.com", "India", "wire",
        (), ("ptinews.com",),
    ),
    _known(
        "Asian News International", "ANI", "https://www.aninews.in", "India", "wire",
        ("ANI News",), ("aninews.in",),
    ),
    _known(
        "Indo-Asian News Service", "IANS", "https://ianslive.in", "India", "wire",
        (), ("ianslive.in", "ians.in"),
    ),
    _known(
        "Associated Press of Pakistan", "APP", "https://www.app.com.pk", "Pakistan", "wire",
        (), ("app.com.pk",),
    ),
    _known(
        "Bangladesh Sangbad Sangstha", "BSS", "https://www.bssnews.net", "Bangladesh", "wire",
        ("BSS News",), ("bssnews.net",),
    ),
    _known(
        "Bernama", "Bernama", "https://www.bernama.com", "Malaysia", "wire",
        ("Malaysian National News Agency", "Pertubuhan Berita Nasional Malaysia"), ("bernama.com",),
    ),
    _known(
        "ANTARA", "ANTARA", "https://en.antaranews.com", "Indonesia", "wire",
        ("Antara News", "Antara News Agency", "LKBN Antara"), ("antaranews.com",),
    ),
    _known(
        "Philippine News Agency", "PNA", "https://www.pna.gov.ph", "Philippines", "wire",
        (), ("pna.gov.ph",),
    ),
    _known(
        "Vietnam News Agency", "VNA", "https://vnanet.vn", "Vietnam", "wire",
        ("VietnamPlus", "TTXVN"), ("vnanet.vn", "vietnamplus.vn"),
    ),
    _known(
        "Central News Agency", "CNA Taiwan", "https://focustaiwan.tw", "Taiwan", "wire",
        ("Focus Taiwan", "CNA English News", "中央社", "中央通訊社"),
        ("cna.com.tw", "focustaiwan.tw"),
    ),
    _known(
        "Australian Associated Press", "AAP", "https://aap.com.au", "Australia", "wire",
        (), ("aap.com.au",),
    ),
    _known(
        "Kazinform", "Kazinform", "https://www.inform.kz", "Kazakhstan", "wire",
        ("Kazinform International News Agency",), ("inform.kz",),
    ),
    # Middle East and North Africa
    _known(
        "Middle East News Agency", "MENA", "https://www.mena.org.eg", "Egypt", "wire",
        (), ("mena.org.eg",),
    ),
    _known(
        "Palestinian News & Information Agency", "WAFA", "https://english.wafa.ps", "Palestine",
        "wire", ("WAFA News Agency", "Palestinian News and Information Agency"), ("wafa.ps",),
    ),
    _known(
        "Saudi Press Agency", "SPA", "https://www.spa.gov.sa", "Saudi Arabia", "wire",
        (), ("spa.gov.sa",),
    ),
    _known(
        "Emirates News Agency", "WAM", "https://www.wam.ae", "United Arab Emirates", "wire",
        (), ("wam.ae",),
    ),
    _known(
        "Qatar News Agency", "QNA", "https://www.qna.org.qa", "Qatar", "wire", (), ("qna.org.qa",),
    ),
    _known(
        "Kuwait News Agency", "KUNA", "https://www.kuna.net.kw", "Kuwait", "wire",
        (), ("kuna.net.kw",),
    ),
    _known(
        "Islamic Republic News Agency", "IRNA", "https://en.irna.ir", "Iran", "wire",
        (), ("irna.ir",),
    ),
    _known(
        "Tasnim News Agency", "Tasnim News", "https://www.tasnimnews.com", "Iran", "wire",
        (), ("tasnimnews.com",),
    ),
    _known(
        "Fars News Agency", "Fars", "https://www.farsnews.ir", "Iran", "wire",
        ("FNA", "Fars News"), ("farsnews.ir", "farsnews.com"),
    ),
    _known(
        "Mehr News Agency", "MNA", "https://en.mehrnews.com", "Iran", "wire",
        ("Mehr News",), ("mehrnews.com",),
    ),
    _known(
        "Iranian Students' News Agency", "ISNA", "https://www.isna.ir", "Iran", "wire",
        ("Iranian Students News Agency",), ("isna.ir",),
    ),
    _known("Syrian Arab News Agency", "SANA", "https://sana.sy", "Syria", "wire", (), ("sana.sy",)),
    _known(
        "Anadolu Agency", "Anadolu", "https://www.aa.com.tr", "Turkey", "wire",
        ("Anadolu Ajansı", "Anadolu Ajansi"), ("aa.com.tr",),
    ),
    _known(
        "Demirören News Agency", "DHA", "https://www.dha.com.tr", "Turkey", "wire",
        (
            "Demirören Haber Ajansı", "Demiroren News Agency", "Doğan News Agency",
            "Dogan News Agency",
        ),
        ("dha.com.tr",),
    ),
    _known(
        "Maghreb Arabe Presse", "MAP", "https://www.mapexpress.ma", "Morocco", "wire",
        ("Maghreb Arab Press",), ("mapexpress.ma", "mapnews.ma"),
    ),
    # Europe
    _known(
        "Austria Presse Agentur", "APA", "https://www.apa.at", "Austria", "wire",
        ("Austria Press Agency",), ("apa.at",),
    ),
    _known(
        "Keystone-SDA", "Keystone-SDA", "https://www.keystone-sda.ch", "Switzerland", "wire",
        ("Keystone-ATS", "Keystone-SDA-ATS", "SDA"), ("keystone-sda.ch",),
    ),
    _known(
        "Katholische Nachrichten-Agentur", "KNA", "https://www.kna.de", "Germany", "wire",
        (), ("kna.de",),
    ),
    _known(
        "Europa Press", "Europa Press", "https://www.europapress.es", "Spain", "wire",
        (), ("europapress.es",),
    ),
    _known(
        "Agência Lusa", "Lusa", "https://www.lusa.pt", "Portugal", "wire",
        ("LUSA", "Agencia Lusa"), ("lusa.pt",),
    ),
    _known(
        "Belga", "Belga", "https://www.belganewsagency.eu", "Belgium", "wire",
        ("Belga News Agency",), ("belga.be", "belganewsagency.eu"),
    ),
    _known(
        "Algemeen Nederlands Persbureau", "ANP", "https://www.anp.nl", "Netherlands", "wire",
        (), ("anp.nl",),
    ),
    _known(
        "Norsk Telegrambyrå", "NTB", "https://www.ntb.no", "Norway", "wire",
        ("Norsk Telegrambyra",), ("ntb.no",),
    ),
    _known(
        "TT News Agency", "TT", "https://tt.se", "Sweden", "wire",
        ("Tidningarnas Telegrambyrå", "TT Nyhetsbyrån"), ("tt.se",),
    ),
    _known(
        "Ritzau", "Ritzau", "https://ritzau.dk", "Denmark", "wire",
        ("Ritzaus Bureau",), ("ritzau.dk", "ritzau.com"),
    ),
    _known(
        "Finnish News Agency", "STT", "https://stt.fi", "Finland", "wire",
        ("Suomen Tietotoimisto",), ("stt.fi",),
    ),
    _known(
        "Athens-Macedonian News Agency", "ANA-MPA", "https://www.amna.gr", "Greece", "wire",
        ("AMNA", "Athens News Agency"), ("amna.gr", "ana-mpa.gr"),
    ),
    _known(
        "PA Media", "PA Media", "https://pamediagroup.com", "United Kingdom", "wire",
        ("PA News Agency", "PA Wire"), ("pamediagroup.com",),
    ),
    _known(
        "Polish Press Agency", "PAP", "https://www.pap.pl", "Poland", "wire",
        ("Polska Agencja Prasowa",), ("pap.pl",),
    ),
    _known(
        "Czech News Agency", "ČTK", "https://www.ctk.cz", "Czech Republic", "wire",
        ("CTK", "Česká tisková kancelář"), ("ctk.cz", "ceskenoviny.cz"),
    ),
    _known(
        "Hungarian News Agency", "MTI", "https://mti.hu", "Hungary", "wire",
        ("Magyar Távirati Iroda",), ("mti.hu",),
    ),
    _known(
        "Agerpres", "Agerpres", "https://www.agerpres.ro", "Romania", "wire",
        ("Romanian National News Agency",), ("agerpres.ro",),
    ),
    _known(
        "Bulgarian News Agency", "BTA", "https://www.bta.bg", "Bulgaria", "wire", (), ("bta.bg",),
    ),
    _known("Tanjug", "Tanjug", "https://www.tanjug.rs", "Serbia", "wire", (), ("tanjug.rs",)),
    _known(
        "Croatian News Agency", "HINA", "https://www.hina.hr", "Croatia", "wire",
        ("Hrvatska izvještajna novinska agencija",), ("hina.hr",),
    ),
    _known(
        "Slovenian Press Agency", "STA", "https://www.sta.si", "Slovenia", "wire",
        ("Slovenska tiskovna agencija",), ("sta.si",),
    ),
    _known(
        "Ukrinform", "Ukrinform", "https://www.ukrinform.net", "Ukraine", "wire",
        ("Ukrainian National News Agency", "Укрінформ"), ("ukrinform.net", "ukrinform.ua"),
    ),
    _known(
        "UNIAN", "UNIAN", "https://www.unian.info", "Ukraine", "wire",
        ("Ukrainian Independent Information Agency", "УНІАН"),
        ("unian.info", "unian.ua", "unian.net"),
    ),
    _known(
        "Belarusian Telegraph Agency", "BelTA", "https://eng.belta.by", "Belarus", "wire",
        (), ("belta.by",),
    ),
    _known(
        "Azerbaijan State News Agency", "AZERTAC", "https://azertag.az", "Azerbaijan", "wire",
        ("Azertac", "AzerTag"), ("azertag.az",),
    ),
    _known(
        "Trend News Agency", "Trend News", "https://en.trend.az", "Azerbaijan", "wire",
        ("Trend.Az",), ("trend.az",),
    ),
    _known(
        "APA Information Agency", "APA.az", "https://apa.az", "Azerbaijan", "wire", (), ("apa.az",),
    ),
    _known(
        "Armenpress", "Armenpress", "https://armenpress.am", "Armenia", "wire",
        ("Armenian News Agency",), ("armenpress.am",),
    ),
    # The Americas and Africa
    _known(
        "The Canadian Press", "CP", "https://www.thecanadianpress.com", "Canada", "wire",
        ("Canadian Press",), ("thecanadianpress.com",),
    ),
    _known(
        "Prensa Latina", "Prensa Latina", "https://www.prensa-latina.cu", "Cuba", "wire",
        (), ("prensa-latina.cu", "plenglish.com"),
    ),
    _known(
        "News Agency of Nigeria", "NAN", "https://nannews.ng", "Nigeria", "wire",
        (), ("nannews.ng",),
    ),
    # Public and state broadcasters
    _known(
        "BBC", "BBC", "https://www.bbc.co.uk", "United Kingdom", "public",
        ("BBC News", "British Broadcasting Corporation", "BBC World Service"),
        ("bbc.co.uk", "bbc.com"),
    ),
    _known(
        "Radio Free Europe/Radio Liberty", "RFE/RL", "https://www.rferl.org", "United States",
        "public", ("Radio Free Europe", "Radio Liberty", "RadioFreeEurope/RadioLiberty"),
        ("rferl.org",),
    ),
    _known(
        "Voice of America", "VOA", "https://www.voanews.com", "United States", "public",
        (), ("voanews.com",),
    ),
    _known(
        "Deutsche Welle", "DW", "https://www.dw.com", "Germany", "public",
        (), ("dw.com", "dw.de"),
    ),
    _known(
        "France 24", "France 24", "https://www.france24.com", "France", "public",
        ("France24",), ("france24.com",),
    ),
    _known(
        "NHK", "NHK", "https://www3.nhk.or.jp", "Japan", "public",
        ("NHK World", "NHK World-Japan"), ("nhk.or.jp",),
    ),
    _known("RT", "RT", "https://www.rt.com", "Russia", "state", ("Russia Today",), ("rt.com",)),
    _known(
        "CGTN", "CGTN", "https://www.cgtn.com", "China", "state",
        ("China Global Television Network",), ("cgtn.com",),
    ),
    # Asia and the Pacific
    _known(
        "Korean Broadcasting System", "KBS", "https://world.kbs.co.kr", "South Korea", "public",
        ("KBS World", "KBS News"), ("kbs.co.kr",),
    ),
    _known(
        "China Central Television", "CCTV", "https://english.cctv.com", "China", "state",
        ("CCTV News", "CCTV+", "中央电视台"), ("cctv.com", "cntv.cn"),
    ),
    _known(
        "China Radio International", "CRI", "https://english.cri.cn", "China", "state",
        ("CRI Online", "CRI English"), ("cri.cn",),
    ),
    _known(
        "Australian Broadcasting Corporation", "ABC", "https://www.abc.net.au", "Australia",
        "public", ("ABC Australia",), ("abc.net.au",),
    ),
    _known(
        "Radio New Zealand", "RNZ", "https://www.rnz.co.nz", "New Zealand", "public",
        (), ("rnz.co.nz",),
    ),
    # Europe
    _known(
        "Raidió Teilifís Éireann", "RTÉ", "https://www.rte.ie", "Ireland", "public",
        ("RTE", "RTÉ News", "RTE News", "Raidio Teilifis Eireann"), ("rte.ie",),
    ),
    _known(
        "Radio France Internationale", "RFI", "https://www.rfi.fr", "France", "public",
        (), ("rfi.fr",),
    ),
    _known(
        "Franceinfo", "franceinfo", "https://www.francetvinfo.fr", "France", "public",
        ("France Info", "France Télévisions"), ("francetvinfo.fr",),
    ),
    _known(
        "ARD", "ARD", "https://www.tagesschau.de", "Germany", "public",
        ("Tagesschau", "ARD-aktuell", "Tagesthemen"), ("tagesschau.de", "ard.de"),
    ),
    _known(
        "ZDF", "ZDF", "https://www.zdf.de", "Germany", "public",
        ("ZDFheute", "Zweites Deutsches Fernsehen"), ("zdf.de", "zdfheute.de"),
    ),
    _known(
        "ORF", "ORF", "https://orf.at", "Austria", "public",
        ("Österreichischer Rundfunk", "ORF.at"), ("orf.at",),
    ),
    _known(
        "SWI swissinfo.ch", "swissinfo", "https://www.swissinfo.ch", "Switzerland", "public",
        ("Swissinfo", "swissinfo.ch"), ("swissinfo.ch",),
    ),
    _known(
        "RAI", "RAI", "https://www.rainews.it", "Italy", "public",
        ("Rai News", "RaiNews24", "Radiotelevisione italiana"), ("rai.it", "rainews.it"),
    ),
    _known(
        "RTVE", "RTVE", "https://www.rtve.es", "Spain", "public",
        ("Radiotelevisión Española", "Radiotelevision Espanola", "RTVE Noticias"), ("rtve.es",),
    ),
    _known(
        "NOS", "NOS", "https://nos.nl", "Netherlands", "public",
        ("NOS Nieuws", "Nederlandse Omroep Stichting"), ("nos.nl",),
    ),
    _known(
        "Sveriges Television", "SVT", "https://www.svt.se", "Sweden", "public",
        ("SVT Nyheter",), ("svt.se",),
    ),
    _known(
        "NRK", "NRK", "https://www.nrk.no", "Norway", "public",
        ("Norsk rikskringkasting",), ("nrk.no",),
    ),
    _known(
        "Yle", "Yle", "https://yle.fi", "Finland", "public",
        ("Yle News", "Yleisradio"), ("yle.fi",),
    ),
    _known(
        "Suspilne", "Suspilne", "https://suspilne.media", "Ukraine", "public",
        ("Suspilne Media", "Суспільне"), ("suspilne.media",),
    ),
    _known(
        "Sputnik", "Sputnik", "https://sputnikglobe.com", "Russia", "state",
        ("Sputnik News", "Sputnik International"), ("sputnikglobe.com", "sputniknews.com"),
    ),
    # Middle East and Africa
    _known(
        "TRT World", "TRT World", "https://www.trtworld.com", "Turkey", "public",
        ("TRT", "TRT Haber", "Turkish Radio and Television Corporation"),
        ("trtworld.com", "trt.net.tr", "trthaber.com"),
    ),
    _known(
        "Press TV", "Press TV", "https://www.presstv.ir", "Iran", "state",
        ("PressTV",), ("presstv.ir", "presstv.com"),
    ),
    _known(
        "South African Broadcasting Corporation", "SABC", "https://www.sabcnews.com",
        "South Africa", "public", ("SABC News",), ("sabcnews.com", "sabc.co.za"),
    ),
    # The Americas
    _known(
        "Canadian Broadcasting Corporation", "CBC", "https://www.cbc.ca", "Canada", "public",
        ("CBC News", "CBC/Radio-Canada", "Radio-Canada"), ("cbc.ca", "radio-canada.ca"),
    ),
    _known(
        "NPR", "NPR", "https://www.npr.org", "United States", "public",
        ("National Public Radio",), ("npr.org",),
    ),
    _known(
        "PBS", "PBS", "https://www.pbs.org", "United States", "public",
        ("PBS NewsHour", "PBS News", "Public Broadcasting Service"), ("pbs.org",),
    ),
    _known(
        "Radio Free Asia", "RFA", "https://www.rfa.org", "United States", "public",
        (), ("rfa.org",),
    ),
    # Commercial broadcasters
    _known(
        "Al Jazeera", "Al Jazeera", "https://www.aljazeera.com", "Qatar", "broadcaster",
        ("Al-Jazeera", "Aljazeera", "Al Jazeera English"), ("aljazeera.com", "aljazeera.net"),
    ),
    _known(
        "CNN", "CNN", "https://www.cnn.com", "United States", "broadcaster",
        ("Cable News Network",), ("cnn.com",),
    ),
    _known(
        "Sky News", "Sky News", "https://news.sky.com", "United Kingdom", "broadcaster",
        (), ("news.sky.com",),
    ),
    _known(
        "Euronews", "Euronews", "https://www.euronews.com", "France", "broadcaster",
        (), ("euronews.com",),
    ),
    _known(
        "Al Arabiya", "Al Arabiya", "https://english.alarabiya.net", "United Arab Emirates",
        "broadcaster", ("Al-Arabiya", "Alarabiya", "Al Arabiya English"), ("alarabiya.net",),
    ),
    _known(
        "TOLOnews", "TOLOnews", "https://tolonews.com", "Afghanistan", "broadcaster",
        ("TOLO News",), ("tolonews.com",),
    ),
    _known(
        "NDTV", "NDTV", "https://www.ndtv.com", "India", "broadcaster",
        ("New Delhi Television", "NDTV.com"), ("ndtv.com",),
    ),
    _known(
        "Geo News", "Geo News", "https://www.geo.tv", "Pakistan", "broadcaster",
        ("Geo TV",), ("geo.tv",),
    ),
    _known(
        "CNA", "CNA", "https://www.channelnewsasia.com", "Singapore", "broadcaster",
        ("Channel NewsAsia", "Channel News Asia"), ("channelnewsasia.com",),
    ),
    _known(
        "ABS-CBN News", "ABS-CBN", "https://news.abs-cbn.com", "Philippines", "broadcaster",
        (), ("abs-cbn.com", "abs-cbnnews.com"),
    ),
    _known(
        "ITV News", "ITV News", "https://www.itv.com/news", "United Kingdom", "broadcaster",
        (), ("itv.com",),
    ),
    _known(
        "ABC News", "ABC News", "https://abcnews.go.com", "United States", "broadcaster",
        ("ABC News Network",), ("abcnews.go.com", "abcnews.com"),
    ),
    _known(
        "CBS News", "CBS News", "https://www.cbsnews.com", "United States", "broadcaster",
        ("CBS",), ("cbsnews.com",),
    ),
    _known(
        "NBC News", "NBC News", "https://www.nbcnews.com", "United States", "broadcaster",
        ("NBC",), ("nbcnews.com",),
    ),
    _known(
        "MSNBC", "MSNBC", "https://www.msnbc.com", "United States", "broadcaster",
        ("MS NOW",), ("msnbc.com",),
    ),
    _known(
        "Fox News", "Fox News", "https://www.foxnews.com", "United States", "broadcaster",
        ("Fox News Channel", "Fox News Digital"), ("foxnews.com",),
    ),
    _known(
        "CNBC", "CNBC", "https://www.cnbc.com", "United States", "broadcaster", (), ("cnbc.com",),
    ),
    # Newspapers and magazines
    _known(
        "The Guardian", "Guardian", "https://www.theguardian.com", "United Kingdom", "newspaper",
        ("Guardian",), ("theguardian.com", "guardian.co.uk"),
    ),
    _known(
        "The New York Times", "NYT", "https://www.nytimes.com", "United States", "newspaper",
        ("New York Times",), ("nytimes.com",),
    ),
    _known(
        "The Washington Post", "Washington Post", "https://www.washingtonpost.com",
        "United States", "newspaper", (), ("washingtonpost.com",),
    ),
    _known(
        "The Wall Street Journal", "WSJ", "https://www.wsj.com", "United States", "newspaper",
        ("Wall Street Journal",), ("wsj.com",),
    ),
    _known(
        "Financial Times", "FT", "https://www.ft.com", "United Kingdom", "newspaper",
        ("The Financial Times",), ("ft.com",),
    ),
    _known(
        "Le Monde", "Le Monde", "https://www.lemonde.fr", "France", "newspaper",
        ("Le Monde.fr",), ("lemonde.fr",),
    ),
    _known(
        "The Moscow Times", "Moscow Times", "https://www.themoscowtimes.com", "Russia",
        "newspaper", (), ("themoscowtimes.com",),
    ),
    _known(
        "Kommersant", "Kommersant", "https://www.kommersant.ru", "Russia", "newspaper",
        ("Коммерсантъ",), ("kommersant.ru", "kommersant.com"),
    ),
    _known(
        "Der Spiegel", "Spiegel", "https://www.spiegel.de", "Germany", "magazine",
        ("Spiegel Online", "Spiegel International"), ("spiegel.de",),
    ),
    _known(
        "The Economist", "Economist", "https://www.economist.com", "United Kingdom", "magazine",
        (), ("economist.com",),
    ),
    _known(
        "Politico", "Politico", "https://www.politico.com", "United States", "online",
        ("POLITICO", "Politico Europe"), ("politico.com", "politico.eu"),
    ),
    # East Asia
    _known(
        "The Japan Times", "Japan Times", "https://www.japantimes.co.jp", "Japan", "newspaper",
        (), ("japantimes.co.jp",),
    ),
    _known(
        "The Yomiuri Shimbun", "Yomiuri", "https://japannews.yomiuri.co.jp", "Japan", "newspaper",
        ("Yomiuri Shimbun", "The Japan News", "読売新聞"), ("yomiuri.co.jp",),
    ),
    _known(
        "The Asahi Shimbun", "Asahi Shimbun", "https://www.asahi.com", "Japan", "newspaper",
        ("Asahi Shimbun", "朝日新聞"), ("asahi.com",),
    ),
    _known(
        "The Mainichi", "Mainichi", "https://mainichi.jp/english", "Japan", "newspaper",
        ("Mainichi Shimbun", "The Mainichi Shimbun", "Mainichi Daily News", "毎日新聞"),
        ("mainichi.jp",),
    ),
    _known(
        "Nikkei Asia", "Nikkei Asia", "https://asia.nikkei.com", "Japan", "newspaper",
        ("Nikkei Asian Review", "Nihon Keizai Shimbun", "日本経済新聞"), ("nikkei.com",),
    ),
    _known(
        "The Korea Herald", "Korea Herald", "https://www.koreaherald.com", "South Korea",
        "newspaper", (), ("koreaherald.com",),
    ),
    _known(
        "Korea JoongAng Daily", "JoongAng Daily", "https://koreajoongangdaily.joins.com",
        "South Korea", "newspaper", (), ("koreajoongangdaily.joins.com",),
    ),
    _known(
        "The Hankyoreh", "Hankyoreh", "https://english.hani.co.kr", "South Korea", "newspaper",
        ("Hankyoreh Shinmun",), ("hani.co.kr",),
    ),
    _known(
        "South China Morning Post", "SCMP", "https://www.scmp.com", "Hong Kong", "newspaper",
        (), ("scmp.com",),
    ),
    _known(
        "China Daily", "China Daily", "https://www.chinadaily.com.cn", "China", "state",
        (), ("chinadaily.com.cn", "chinadailyhk.com"),
    ),
    _known(
        "Global Times", "Global Times", "https://www.globaltimes.cn", "China", "state",
        ("环球时报",), ("globaltimes.cn",),
    ),
    _known(
        "People's Daily", "People's Daily", "http://en.people.cn", "China", "state",
        ("People's Daily Online", "Renmin Ribao", "人民日报"), ("people.com.cn", "people.cn"),
    ),
    _known(
        "Taipei Times", "Taipei Times", "https://www.taipeitimes.com", "Taiwan", "newspaper",
        (), ("taipeitimes.com",),
    ),
    # South and Central Asia
    _known(
        "The Times of India", "Times of India", "https://timesofindia.indiatimes.com", "India",
        "newspaper", (), ("timesofindia.indiatimes.com", "timesofindia.com"),
    ),
    _known(
        "The Hindu", "The Hindu", "https://www.thehindu.com", "India", "newspaper",
        (), ("thehindu.com",),
    ),
    _known(
        "Hindustan Times", "HT", "https://www.hindustantimes.com", "India", "newspaper",
        (), ("hindustantimes.com",),
    ),
    _known(
        "The Indian Express", "Indian Express", "https://indianexpress.com", "India", "newspaper",
        (), ("indianexpress.com",),
    ),
    _known(
        "The Economic Times", "Economic Times", "https://economictimes.indiatimes.com", "India",
        "newspaper", (), ("economictimes.indiatimes.com",),
    ),
    _known(
        "Mint", "Mint", "https://www.livemint.com", "India", "newspaper",
        ("Livemint",), ("livemint.com",),
    ),
    _known(
        "Dawn", "Dawn", "https://www.dawn.com", "Pakistan", "newspaper",
        ("DAWN", "Dawn.com"), ("dawn.com",),
    ),
    _known(
        "The Express Tribune", "Express Tribune", "https://tribune.com.pk", "Pakistan", "newspaper",
        (), ("tribune.com.pk",),
    ),
    _known(
        "The News International", "The News International", "https://www.thenews.com.pk",
        "Pakistan", "newspaper", (), ("thenews.com.pk",),
    ),
    _known(
        "The Daily Star", "The Daily Star", "https://www.thedailystar.net", "Bangladesh",
        "newspaper", (), ("thedailystar.net",),
    ),
    _known(
        "The Kathmandu Post", "Kathmandu Post", "https://kathmandupost.com", "Nepal", "newspaper",
        (), ("kathmandupost.com",),
    ),
    # Southeast Asia
    _known(
        "The Straits Times", "Straits Times", "https://www.straitstimes.com", "Singapore",
        "newspaper", (), ("straitstimes.com",),
    ),
    _known(
        "New Straits Times", "NST", "https://www.nst.com.my", "Malaysia", "newspaper",
        (), ("nst.com.my",),
    ),
    _known(
        "The Star", "The Star", "https://www.thestar.com.my", "Malaysia", "newspaper",
        ("The Star Malaysia", "The Star Online"), ("thestar.com.my",),
    ),
    _known(
        "Malay Mail", "Malay Mail", "https://www.malaymail.com", "Malaysia", "newspaper",
        (), ("malaymail.com",),
    ),
    _known(
        "The Jakarta Post", "Jakarta Post", "https://www.thejakartapost.com", "Indonesia",
        "newspaper", (), ("thejakartapost.com",),
    ),
    _known(
        "Bangkok Post", "Bangkok Post", "https://www.bangkokpost.com", "Thailand", "newspaper",
        (), ("bangkokpost.com",),
    ),
    _known(
        "Philippine Daily Inquirer", "Inquirer.net", "https://www.inquirer.net", "Philippines",
        "newspaper", ("INQUIRER.net",), ("inquirer.net",),
    ),
    _known(
        "Rappler", "Rappler", "https://www.rappler.com", "Philippines", "online",
        (), ("rappler.com",),
    ),
    _known(
        "VnExpress", "VnExpress", "https://e.vnexpress.net", "Vietnam", "online",
        ("VnExpress International",), ("vnexpress.net",),
    ),
    _known(
        "The Irrawaddy", "The Irrawaddy", "https://www.irrawaddy.com", "Myanmar", "online",
        (), ("irrawaddy.com",),
    ),
    # Australia and New Zealand
    _known(
        "The Sydney Morning Herald", "SMH", "https://www.smh.com.au", "Australia", "newspaper",
        ("Sydney Morning Herald",), ("smh.com.au",),
    ),
    _known(
        "The Age", "The Age", "https://www.theage.com.au", "Australia", "newspaper",
        (), ("theage.com.au",),
    ),
    _known(
        "The Australian", "The Australian", "https://www.theaustralian.com.au", "Australia",
        "newspaper", (), ("theaustralian.com.au",),
    ),
    _known(
        "The New Zealand Herald", "NZ Herald", "https://www.nzherald.co.nz", "New Zealand",
        "newspaper", ("New Zealand Herald",), ("nzherald.co.nz",),
    ),
    _known(
        "Stuff", "Stuff", "https://www.stuff.co.nz", "New Zealand", "online", (), ("stuff.co.nz",),
    ),
    # United Kingdom and Ireland
    _known(
        "The Times", "The Times", "https://www.thetimes.com", "United Kingdom", "newspaper",
        ("Times Newspapers Limited", "Times Media Limited"), ("thetimes.com", "thetimes.co.uk"),
    ),
    _known(
        "The Telegraph", "The Telegraph", "https://www.telegraph.co.uk", "United Kingdom",
        "newspaper", ("The Daily Telegraph", "Telegraph Media Group"), ("telegraph.co.uk",),
    ),
    _known(
        "The Independent", "The Independent", "https://www.independent.co.uk", "United Kingdom",
        "newspaper", (), ("independent.co.uk",),
    ),
    _known(
        "Daily Mail", "Daily Mail", "https://www.dailymail.co.uk", "United Kingdom", "newspaper",
        ("Mail Online", "MailOnline", "Daily Mail Online", "The Daily Mail"),
        ("dailymail.co.uk", "dailymail.com"),
    ),
    _known(
        "Middle East Eye", "Middle East Eye", "https://www.middleeasteye.net", "United Kingdom",
        "online", (), ("middleeasteye.net",),
    ),
    _known(
        "The Irish Times", "Irish Times", "https://www.irishtimes.com", "Ireland", "newspaper",
        (), ("irishtimes.com",),
    ),
    _known(
        "Irish Independent", "Irish Independent", "https://www.independent.ie", "Ireland",
        "newspaper", ("Independent.ie",), ("independent.ie",),
    ),
    # Western Europe
    _known(
        "Le Figaro", "Le Figaro", "https://www.lefigaro.fr", "France", "newspaper",
        (), ("lefigaro.fr",),
    ),
    _known(
        "Libération", "Libération", "https://www.liberation.fr", "France", "newspaper",
        (), ("liberation.fr",),
    ),
    _known(
        "Jeune Afrique", "Jeune Afrique", "https://www.jeuneafrique.com", "France", "magazine",
        (), ("jeuneafrique.com",),
    ),
    _known(
        "Frankfurter Allgemeine Zeitung", "FAZ", "https://www.faz.net", "Germany", "newspaper",
        ("F.A.Z.", "Frankfurter Allgemeine"), ("faz.net",),
    ),
    _known(
        "Süddeutsche Zeitung", "SZ", "https://www.sueddeutsche.de", "Germany", "newspaper",
        ("Sueddeutsche Zeitung",), ("sueddeutsche.de", "sz.de"),
    ),
    _known(
        "Die Zeit", "Die Zeit", "https://www.zeit.de", "Germany", "newspaper",
        ("Zeit Online",), ("zeit.de",),
    ),
    _known(
        "Die Welt", "Die Welt", "https://www.welt.de", "Germany", "newspaper",
        ("WELT",), ("welt.de",),
    ),
    _known(
        "BILD", "BILD", "https://www.bild.de", "Germany", "newspaper",
        ("Bild-Zeitung",), ("bild.de",),
    ),
    _known(
        "Der Standard", "Der Standard", "https://www.derstandard.at", "Austria", "newspaper",
        (), ("derstandard.at", "derstandard.de"),
    ),
    _known(
        "Neue Zürcher Zeitung", "NZZ", "https://www.nzz.ch", "Switzerland", "newspaper",
        ("Neue Zuercher Zeitung",), ("nzz.ch",),
    ),
    _known(
        "El País", "El País", "https://elpais.com", "Spain", "newspaper",
        ("El Pais",), ("elpais.com",),
    ),
    _known(
        "El Mundo", "El Mundo", "https://www.elmundo.es", "Spain", "newspaper", (), ("elmundo.es",),
    ),
    _known(
        "Corriere della Sera", "Corriere della Sera", "https://www.corriere.it", "Italy",
        "newspaper", ("Corriere.it",), ("corriere.it",),
    ),
    _known(
        "la Repubblica", "la Repubblica", "https://www.repubblica.it", "Italy", "newspaper",
        (), ("repubblica.it",),
    ),
    _known(
        "NRC", "NRC", "https://www.nrc.nl", "Netherlands", "newspaper",
        ("NRC Handelsblad",), ("nrc.nl",),
    ),
    # Northern Europe
    _known(
        "Aftenposten", "Aftenposten", "https://www.aftenposten.no", "Norway", "newspaper",
        (), ("aftenposten.no",),
    ),
    _known("Dagens Nyheter", "DN", "https://www.dn.se", "Sweden", "newspaper", (), ("dn.se",)),
    _known(
        "Politiken", "Politiken", "https://politiken.dk", "Denmark", "newspaper",
        (), ("politiken.dk",),
    ),
    _known(
        "Helsingin Sanomat", "Helsingin Sanomat", "https://www.hs.fi", "Finland", "newspaper",
        (), ("hs.fi",),
    ),
    # Central, Eastern and Southern Europe
    _known(
        "Gazeta Wyborcza", "Wyborcza", "https://wyborcza.pl", "Poland", "newspaper",
        (), ("wyborcza.pl",),
    ),
    _known(
        "Kathimerini", "Kathimerini", "https://www.ekathimerini.com", "Greece", "newspaper",
        ("eKathimerini", "eKathimerini.com"), ("ekathimerini.com", "kathimerini.gr"),
    ),
    # Russia, Ukraine and the Caucasus
    _known(
        "Meduza", "Meduza", "https://meduza.io", "Latvia", "online", ("Медуза",), ("meduza.io",),
    ),
    _known(
        "Novaya Gazeta", "Novaya Gazeta", "https://novayagazeta.ru", "Russia", "newspaper",
        ("Novaya Gazeta Europe", "Новая газета"), ("novayagazeta.ru", "novayagazeta.eu"),
    ),
    _known(
        "Vedomosti", "Vedomosti", "https://www.vedomosti.ru", "Russia", "newspaper",
        ("Ведомости",), ("vedomosti.ru",),
    ),
    _known(
        "The Kyiv Independent", "Kyiv Independent", "https://kyivindependent.com", "Ukraine",
        "online", (), ("kyivindependent.com",),
    ),
    _known(
        "Kyiv Post", "Kyiv Post", "https://www.kyivpost.com", "Ukraine", "newspaper",
        ("The Kyiv Post",), ("kyivpost.com",),
    ),
    _known(
        "Ukrainska Pravda", "Ukrainska Pravda", "https://www.pravda.com.ua", "Ukraine", "online",
        ("Українська правда",), ("pravda.com.ua",),
    ),
    # Turkey, Israel and the Middle East
    _known(
        "Hürriyet Daily News", "Hürriyet Daily News", "https://www.hurriyetdailynews.com", "Turkey",
        "newspaper", ("Hurriyet Daily News",), ("hurriyetdailynews.com",),
    ),
    _known(
        "Daily Sabah", "Daily Sabah", "https://www.dailysabah.com", "Turkey", "newspaper",
        (), ("dailysabah.com",),
    ),
    _known(
        "Haaretz", "Haaretz", "https://www.haaretz.com", "Israel", "newspaper",
        (), ("haaretz.com", "haaretz.co.il"),
    ),
    _known(
        "The Times of Israel", "Times of Israel", "https://www.timesofisrael.com", "Israel",
        "online", (), ("timesofisrael.com",),
    ),
    _known(
        "The Jerusalem Post", "Jerusalem Post", "https://www.jpost.com", "Israel", "newspaper",
        ("JPost",), ("jpost.com",),
    ),
    _known(
        "Israel Hayom", "Israel Hayom", "https://www.israelhayom.com", "Israel", "newspaper",
        (), ("israelhayom.com", "israelhayom.co.il"),
    ),
    _known(
        "Ynetnews", "Ynet", "https://www.ynetnews.com", "Israel", "online",
        ("Yedioth Ahronoth", "Yedioth Aharonoth"), ("ynetnews.com", "ynet.co.il"),
    ),
    _known(
        "L'Orient-Le Jour", "L'Orient-Le Jour", "https://www.lorientlejour.com", "Lebanon",
        "newspaper", ("L'Orient Today",), ("lorientlejour.com",),
    ),
    _known(
        "Gulf News", "Gulf News", "https://gulfnews.com", "United Arab Emirates", "newspaper",
        (), ("gulfnews.com",),
    ),
    _known(
        "The National", "The National", "https://www.thenationalnews.com", "United Arab Emirates",
        "newspaper", ("The National News",), ("thenationalnews.com", "thenational.ae"),
    ),
    _known(
        "Khaleej Times", "Khaleej Times", "https://www.khaleejtimes.com", "United Arab Emirates",
        "newspaper", (), ("khaleejtimes.com",),
    ),
    _known(
        "Arab News", "Arab News", "https://www.arabnews.com", "Saudi Arabia", "newspaper",
        (), ("arabnews.com",),
    ),
    _known(
        "Asharq Al-Awsat", "Asharq Al-Awsat", "https://english.aawsat.com", "United Kingdom",
        "newspaper", ("Asharq Alawsat",), ("aawsat.com",),
    ),
    _known(
        "Al-Monitor", "Al-Monitor", "https://www.al-monitor.com", "United States", "online",
        (), ("al-monitor.com",),
    ),
    # Africa
    _known(
        "Ahram Online", "Ahram Online", "https://english.ahram.org.eg", "Egypt", "newspaper",
        ("Al-Ahram", "Al Ahram", "Al-Ahram Weekly"), ("ahram.org.eg",),
    ),
    _known(
        "Morocco World News", "Morocco World News", "https://www.moroccoworldnews.com", "Morocco",
        "online", (), ("moroccoworldnews.com",),
    ),
    _known(
        "Addis Standard", "Addis Standard", "https://addisstandard.com", "Ethiopia", "online",
        (), ("addisstandard.com",),
    ),
    _known(
        "Daily Nation", "Daily Nation", "https://nation.africa", "Kenya", "newspaper",
        ("Nation Africa", "Nation.Africa"), ("nation.africa", "nation.co.ke"),
    ),
    _known(
        "The Standard", "The Standard", "https://www.standardmedia.co.ke", "Kenya", "newspaper",
        ("Standard Digital", "Standard Media"), ("standardmedia.co.ke",),
    ),
    _known(
        "The EastAfrican", "The EastAfrican", "https://www.theeastafrican.co.ke", "Kenya",
        "newspaper", ("The East African",), ("theeastafrican.co.ke",),
    ),
    _known(
        "Daily Monitor", "Daily Monitor", "https://www.monitor.co.ug", "Uganda", "newspaper",
        (), ("monitor.co.ug",),
    ),
    _known(
        "Punch", "Punch", "https://punchng.com", "Nigeria", "newspaper",
        ("The Punch", "Punch Newspapers", "Punch Nigeria"), ("punchng.com",),
    ),
    _known(
        "Vanguard", "Vanguard", "https://www.vanguardngr.com", "Nigeria", "newspaper",
        ("Vanguard News", "Vanguard Nigeria"), ("vanguardngr.com",),
    ),
    _known(
        "The Guardian Nigeria", "Guardian Nigeria", "https://guardian.ng", "Nigeria", "newspaper",
        (), ("guardian.ng",),
    ),
    _known(
        "Premium Times", "Premium Times", "https://www.premiumtimesng.com", "Nigeria", "online",
        ("Premium Times Nigeria",), ("premiumtimesng.com",),
    ),
    _known(
        "Daily Graphic", "Graphic Online", "https://www.graphic.com.gh", "Ghana", "newspaper",
        ("Graphic Online",), ("graphic.com.gh",),
    ),
    _known(
        "News24", "News24", "https://www.news24.com", "South Africa", "online", (), ("news24.com",),
    ),
    _known(
        "IOL", "IOL", "https://www.iol.co.za", "South Africa", "online",
        ("Independent Online",), ("iol.co.za",),
    ),
    _known(
        "Mail & Guardian", "Mail & Guardian", "https://mg.co.za", "South Africa", "newspaper",
        ("Mail and Guardian",), ("mg.co.za",),
    ),
    _known(
        "Daily Maverick", "Daily Maverick", "https://www.dailymaverick.co.za", "South Africa",
        "online", (), ("dailymaverick.co.za",),
    ),
    # The Americas
    _known(
        "The Globe and Mail", "Globe and Mail", "https://www.theglobeandmail.com", "Canada",
        "newspaper", (), ("theglobeandmail.com",),
    ),
    _known(
        "Toronto Star", "Toronto Star", "https://www.thestar.com", "Canada", "newspaper",
        (), ("thestar.com",),
    ),
    _known(
        "National Post", "National Post", "https://nationalpost.com", "Canada", "newspaper",
        (), ("nationalpost.com",),
    ),
    _known(
        "USA Today", "USA Today", "https://www.usatoday.com", "United States", "newspaper",
        (), ("usatoday.com",),
    ),
    _known(
        "Los Angeles Times", "LA Times", "https://www.latimes.com", "United States", "newspaper",
        ("L.A. Times", "The Los Angeles Times"), ("latimes.com",),
    ),
    _known(
        "Chicago Tribune", "Chicago Tribune", "https://www.chicagotribune.com", "United States",
        "newspaper", (), ("chicagotribune.com",),
    ),
    _known(
        "The Boston Globe", "Boston Globe", "https://www.bostonglobe.com", "United States",
        "newspaper", (), ("bostonglobe.com",),
    ),
    _known(
        "The Philadelphia Inquirer", "Philadelphia Inquirer", "https://www.inquirer.com",
        "United States", "newspaper", (), ("inquirer.com",),
    ),
    _known(
        "New York Post", "NY Post", "https://nypost.com", "United States", "newspaper",
        ("The New York Post",), ("nypost.com",),
    ),
    _known(
        "The Hill", "The Hill", "https://thehill.com", "United States", "online",
        (), ("thehill.com",),
    ),
    _known(
        "Axios", "Axios", "https://www.axios.com", "United States", "online", (), ("axios.com",),
    ),
    _known(
        "Business Insider", "Business Insider", "https://www.businessinsider.com", "United States",
        "online", ("Insider Inc.",), ("businessinsider.com", "insider.com"),
    ),
    _known(
        "HuffPost", "HuffPost", "https://www.huffpost.com", "United States", "online",
        ("The Huffington Post", "Huffington Post"),
        ("huffpost.com", "huffingtonpost.com", "huffingtonpost.co.uk"),
    ),
    _known(
        "ProPublica", "ProPublica", "https://www.propublica.org", "United States", "online",
        (), ("propublica.org",),
    ),
    _known(
        "Yahoo News", "Yahoo News", "https://news.yahoo.com", "United States", "online",
        ("Yahoo! News",), ("news.yahoo.com",),
    ),
    _known(
        "Forbes", "Forbes", "https://www.forbes.com", "United States", "magazine",
        (), ("forbes.com",),
    ),
    _known(
        "TIME", "TIME", "https://time.com", "United States", "magazine",
        ("Time magazine",), ("time.com",),
    ),
    _known(
        "Newsweek", "Newsweek", "https://www.newsweek.com", "United States", "magazine",
        (), ("newsweek.com",),
    ),
    _known(
        "The Atlantic", "The Atlantic", "https://www.theatlantic.com", "United States", "magazine",
        (), ("theatlantic.com",),
    ),
    _known(
        "The New Yorker", "New Yorker", "https://www.newyorker.com", "United States", "magazine",
        (), ("newyorker.com",),
    ),
    _known(
        "Folha de S.Paulo", "Folha de S.Paulo", "https://www.folha.uol.com.br", "Brazil",
        "newspaper", ("Folha de São Paulo", "Folha de Sao Paulo"), ("folha.uol.com.br",),
    ),
    _known(
        "O Globo", "O Globo", "https://oglobo.globo.com", "Brazil", "newspaper",
        (), ("oglobo.globo.com",),
    ),
    _known(
        "O Estado de S. Paulo", "Estadão", "https://www.estadao.com.br", "Brazil", "newspaper",
        ("Estadao", "O Estado de São Paulo"), ("estadao.com.br",),
    ),
    _known(
        "Clarín", "Clarín", "https://www.clarin.com", "Argentina", "newspaper",
        ("Clarin",), ("clarin.com",),
    ),
    _known(
        "La Nación", "La Nación", "https://www.lanacion.com.ar", "Argentina", "newspaper",
        ("La Nacion",), ("lanacion.com.ar",),
    ),
    _known(
        "Infobae", "Infobae", "https://www.infobae.com", "Argentina", "online",
        (), ("infobae.com",),
    ),
    _known(
        "El Universal", "El Universal", "https://www.eluniversal.com.mx", "Mexico", "newspaper",
        (), ("eluniversal.com.mx",),
    ),
    _known(
        "Milenio", "Milenio", "https://www.milenio.com", "Mexico", "newspaper",
        (), ("milenio.com",),
    ),
    _known(
        "El Tiempo", "El Tiempo", "https://www.eltiempo.com", "Colombia", "newspaper",
        (), ("eltiempo.com",),
    ),
    _known(
        "El Mercurio", "El Mercurio", "https://www.emol.com", "Chile", "newspaper",
        ("Emol",), ("elmercurio.com", "emol.com"),
    ),
    _known(
        "El Comercio", "El Comercio", "https://elcomercio.pe", "Peru", "newspaper",
        (), ("elcomercio.pe",),
    ),
    _known(
        "The Gleaner", "Gleaner", "https://jamaica-gleaner.com", "Jamaica", "newspaper",
        ("Jamaica Gleaner",), ("jamaica-gleaner.com",),
    ),
)
# fmt: on

# Names that are words or people's names when not written in capitals ("App", "Map", "Spa",
# "Time", "Welt", "Bild", "Rai", "Pap", "Sana"): find_outlet takes them only as written (each
# is one word, so only a text that is exactly that word).
EXACT_CASE_NAMES = frozenset(
    {"AMNA", "ANI", "ANTARA", "APP", "BILD", "HINA", "KUNA", "MAP", "MENA", "NAN", "NOS", "PAP",
     "RAI", "SANA", "SPA", "TIME", "WAFA", "WAM", "WELT"}
)  # fmt: skip


# Names that are also ordinary words or phrases ("stuff", "the age", "the national", "el mundo",
# "die Zeit"): outlet_named_in finds them in a notice only as written, capitals and all.
PHRASE_NAMES = frozenset(
    {"Stuff", "Mint", "Punch", "Vanguard", "Bernama", "The Age", "The National", "The Standard",
     "Standard Digital", "Standard Media", "The Star", "The Hill", "The Times", "The Telegraph",
     "The Independent", "The Australian", "The Atlantic", "The Hindu", "El País", "El Pais",
     "El Mundo", "El Tiempo", "El Comercio", "La Nación", "La Nacion", "la Repubblica",
     "Die Zeit", "Die Welt", "Der Standard", "Libération", "Dagens Nyheter", "Politiken",
     "Prensa Latina", "Canadian Press", "The Canadian Press", "Ведомости", "Новая газета",
     "Медуза", "Суспільне", "Українська правда"}
)  # fmt: skip


def _folded(name: str) -> str:
    return " ".join(name.casefold().replace("-", " ").split())


@cache
def _by_folded_name() -> dict[str, KnownOutlet]:
    table = {}
    for known in KNOWN_OUTLETS:
        for name in known.names:
            if name not in EXACT_CASE_NAMES:
                table.setdefault(_folded(name), known)
        for domain in known.domains:
            table.setdefault(domain, known)
    return table


@cache
def _by_exact_name() -> dict[str, KnownOutlet]:
    table = {}
    for known in KNOWN_OUTLETS:
        for name in known.names:
            if name in EXACT_CASE_NAMES:
                table.setdefault(name, known)
    return table


@cache
def _by_domain() -> dict[str, int]:
    """Each domain -> the position in KNOWN_OUTLETS of the first outlet that lists it."""
    table = {}
    for index, known in enumerate(KNOWN_OUTLETS):
        for domain in known.domains:
            table.setdefault(domain, index)
    return table


def host_of(url: str) -> str:
    """'https://www.Reuters.com/article/x' -> 'reuters.com'."""
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", url.strip().lower())
    host = re.split(r"[/?#:]", host, maxsplit=1)[0]
    return host.removeprefix("www.")


def outlet_for_domain(url: str) -> Outlet | None:
    host = host_of(url)
    if not host:
        return None
    # The host and each domain it ends in ("news.bbc.co.uk", "bbc.co.uk", "co.uk", "uk"); the
    # first outlet in the list that owns any of them, as a walk through the list would find.
    by_domain = _by_domain()
    suffixes = [host] + [host[dot + 1 :] for dot, char in enumerate(host) if char == "."]
    found = [by_domain[suffix] for suffix in suffixes if suffix in by_domain]
    return KNOWN_OUTLETS[min(found)].outlet if found else None


def find_outlet(name_or_domain: str) -> Outlet | None:
    """The known outlet called this (name, short name, alias or domain, any case), or None."""
    name = name_or_domain.strip()
    if not name:
        return None
    known = _by_folded_name().get(_folded(name)) or _by_exact_name().get(name)
    if known:
        return known.outlet
    if "." in name and " " not in name:
        return outlet_for_domain(name)
    return None


def outlet_given_by_uploader(name: str) -> Outlet:
    name = " ".join(name.split())
    return find_outlet(name) or Outlet(
        name=name, short_name=name, homepage="", country="", kind="other"
    )


@cache
def _name_patterns() -> list[tuple[re.Pattern, re.Pattern, Outlet]]:
    """Each name's pattern, the pattern of its first letter, and its outlet; longest first."""
    patterns = []
    for known in KNOWN_OUTLETS:
        for name in known.names:
            # Acronyms and words must match exactly ("AP", "RT", "The Age"), other names in any
            # case.
            exact = name.isupper() or len(name) <= 4 or name in PHRASE_NAMES
            flags = 0 if exact else re.IGNORECASE
            pattern = re.compile(rf"(?<![\w/-]){re.escape(name)}(?![\w/-])", flags)
            patterns.append((pattern, re.compile(re.escape(name[0]), flags), known.outlet))
    # Longest names first, so "Radio Free Europe/Radio Liberty" wins over "Radio Liberty".
    patterns.sort(key=lambda entry: -len(entry[0].pattern))
    return patterns


@lru_cache(maxsize=4096)
def _names_starting_with(char: str) -> tuple[tuple[re.Pattern, Outlet], ...]:
    """The names (longest first) that can start with this character, each in its own case."""
    firsts = {first for _, first, _ in _name_patterns()}
    fitting = {first for first in firsts if first.fullmatch(char)}
    return tuple(
        (pattern, outlet) for pattern, first, outlet in _name_patterns() if first in fitting
    )


# Where a name may start: any character not straight after a letter, digit, '/' or '-'.
NAME_START_RE = re.compile(r"(?<![\w/-])(?s:.)")


def outlet_named_in(text: str) -> tuple[Outlet, str] | None:
    """The first known outlet named in a notice or byline, with the words that named it."""
    # The leftmost name, the longest where several start at one place: trying, at each place
    # from the left, only the names whose first letter is there (hundreds of names, one pass).
    for start in NAME_START_RE.finditer(text):
        for pattern, outlet in _names_starting_with(start.group()):
            if match := pattern.match(text, start.start()):
                return outlet, match.group()
    return None


# Any country's domain (.uk, .ng, .com.au), and the generic ones outlets use.
DOMAIN_RE = re.compile(
    r"(?<![\w@.-])(?:https?://)?(?:[a-z0-9-]+\.)+(?:com|org|net|co\.uk|int|info|news|media|"
    r"africa|digital|[a-z]{2})(?![\w-])(?:/\S*)?",
    re.IGNORECASE,
)


def outlet_from_domains(text: str) -> tuple[Outlet, str] | None:
    for match in DOMAIN_RE.finditer(text):
        outlet = outlet_for_domain(match.group())
        if outlet:
            return outlet, match.group()
    return None
