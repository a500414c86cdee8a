"""Rules for site chrome: the widgets, link lists and notices saved along with an article.

The rules describe the shape of chrome (a line made only of share-button words, a list of short
link-like lines after a "Related" header, ...), never the exact strings of particular pages.
"""

import re

from .shapes import BULLET_RE, FILE_NAME_RE, ends_statement, word_count


def _exact(*phrases: str) -> re.Pattern:
    return re.compile(r"^(?:" + "|".join(phrases) + r")\s*[:.!]?$", re.IGNORECASE)


# "Large Medium Small", "A A A", "Text size: A- A A+"
FONT_SIZE_WORDS = {"larger", "large", "medium", "smaller", "small", "normal", "default", "bigger",
                   "a", "a+", "a-", "a++", "+", "-", "|", "/", "·", "•"}  # fmt: skip
FONT_SIZE_LABEL_RE = re.compile(r"^(?:text|font)[ -]?size\b.{0,40}$", re.IGNORECASE)

# A line made of nothing but share/bookmark/print buttons and "back to top" links.
SHARE_WORD_RE = re.compile(
    r"\b(?:(?P<top>(?:back|go)\s+to\s+(?:the\s+)?top|top\s+of\s+(?:the\s+)?page|return\s+to\s+top)"
    r"|bookmark\s+and\s+share|share\s+(?:this|the)\s+(?:article|story|page|post|video)"
    r"|share\s+(?:on|via|to)\s+\w+|share|tweet(?:\s+this)?|e-?mail(?:\s+this)?"
    r"(?:\s+(?:article|story|page))?|print(?:\s+this)?(?:\s+(?:article|story|page))?"
    r"|facebook|twitter|linkedin|whatsapp|reddit|pinterest|telegram|messenger|flipboard"
    r"|vkontakte|copy\s+(?:article\s+)?link|save(?:\s+(?:article|story|for\s+later))?"
    r"|gift\s+(?:this\s+)?article|bookmark|comments?|on)\b",
    re.IGNORECASE,
)
SEPARATORS_RE = re.compile(r"[\s\-–—|•·/:,()\[\]]*")
# A share line starts with a share word (after separators): a quick refusal for prose.
SHARE_LINE_START_RE = re.compile(SEPARATORS_RE.pattern + SHARE_WORD_RE.pattern, re.IGNORECASE)

SHARE_COUNTER_RES = [
    re.compile(r"^\d+\s*:\s*\d+$"),
    re.compile(
        r"^[\d,.]+\s*[km]?\s+(?:shares?|comments?|likes?|views?|reads?|reactions?|retweets?)$",
        re.IGNORECASE,
    ),
    re.compile(
        r"^(?:comments?|shares?|likes?|views?|reactions?)\s*[:(\[]?\s*[\d,.]+\s*[km]?\s*[)\]]?$",
        re.IGNORECASE,
    ),
]

# "• narrow-browser-and-phone": CSS breakpoint names leaking from a responsive layout.
BREAKPOINT_RE = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$")

# "#24 - JRL 2009-229 - JRL Home": a newsletter's issue header with its "Home" link.
ISSUE_SEGMENT_RE = re.compile(
    r"^#\s?\d+$|^(?:issue|no\.?|vol\.?|volume|number)\s*#?\s*\d+|\b\d{4}[-/]\d{1,4}$",
    re.IGNORECASE,
)
BREADCRUMB_RE = re.compile(r"^home\s*(?:[>»/›|]\s*[\w'&., -]{1,40}?\s*){1,6}$", re.IGNORECASE)

FOLLOW_RE = re.compile(
    r"^(?:follow|like|join)\s+(?:\S+\s+){0,6}?on\s+(?:twitter|x|facebook|instagram|telegram|"
    r"linkedin|youtube|tiktok|threads|bluesky|mastodon|whatsapp)\b.{0,40}$|^follow\s+@\w+.{0,40}$",
    re.IGNORECASE,
)

COPYRIGHT_RE = re.compile(
    r"^\s*(?:copyright\s*(?:©|\(c\)|\d{4})|©|\(c\)\s*\d{4})|\ball rights reserved\b"
    r"|\breprinted with (?:the )?permission\b"
    r"|^this (?:material|article|content) (?:may not|cannot|must not) be (?:published|reproduced)",
    re.IGNORECASE,
)

SOURCE_LINE_RE = re.compile(
    r"^(?:sources?|via)\s*:\s*[\w.,&/' -]{2,60}$|^\(?with (?:agency )?inputs? from [\w ,&]+\)?\.?$"
    # "Interview | Source: hromadske | Author: Jane Doe": the same credit among labels.
    r"|^(?:[^|]{1,30}\|\s*)?sources?\s*:\s*[^|]{2,60}(?:\|\s*[^|]{1,60}){0,2}$",
    re.IGNORECASE,
)
# A feed's footer under each item: "The post Talks end appeared first on Example News."
FEED_FOOTER_RE = re.compile(r"^the post .{1,400} appeared first on (?P<site>.{2,300}?)\.*$", re.I)

ADVERTISEMENT_RE = _exact(
    r"advertisements?",
    r"advert",
    r"ad",
    r"sponsored(?: content)?",
    r"paid (?:content|post)",
    r"promoted(?: content)?",
    r"story continues below(?: this)? advertisement",
    r"(?:article|story) continues (?:below|after (?:this |the )?(?:advertisement|ad))",
    r"continue reading(?: the main story| below)?",
    r"skip advertisement",
    r"scroll to continue with content",
    r"premium",
)
NAVIGATION_RE = _exact(
    r"skip to (?:main )?(?:content|navigation|main)",
    r"(?:main |open |close )?menu",
    r"search",
    r"sign in",
    r"log ?in",
    r"register",
    r"subscribe(?: now| today)?",
    # A skip link names where it jumps: "Skip to content", "Skip navigation", "Skip next
    # section <its heading>" ("Skip this year's ..." is a headline).
    r"skip (?:to\b|(?:the |this |next )?(?:section|navigation|nav|menu|content|ad)\b).{0,120}",
    r"jump to:? navigation.{0,20}",
    r"image",
    r"home",
    r"close",
    r"toggle navigation",
    r"(?:next|previous) (?:article|story)",
    r"(?:show|load) more",
)
COOKIE_BUTTON_RE = _exact(
    r"accept(?: all)?(?: cookies)?",
    r"reject(?: all)?(?: cookies)?",
    r"allow all(?: cookies)?",
    r"manage (?:cookies|preferences|cookie preferences|settings)",
    r"cookie (?:settings|policy|preferences)",
    r"privacy policy",
    r"got it",
    r"i agree",
    r"agree",
)
# Only the site's own voice about its cookies, not an article about cookie laws.
COOKIE_BANNER_RE = re.compile(
    r"\b(?:we|this (?:web)?site|our (?:web)?site|this page)\s+uses?\s+cookies\b"
    r"|\bby (?:continuing|using|browsing)\b.{0,40}\b(?:site|page)\b.{0,60}\bcookies\b"
    r"|\b(?:accept|agree to) (?:the use of |our use of |all )?cookies\b",
    re.IGNORECASE,
)

NEWSLETTER_SIGNUP_RE = re.compile(
    r"^(?:sign(?: |-)?up|subscribe|register)\b.{0,80}\bnewsletters?\b|^newsletters?\b.{0,40}$"
    r"|^get (?:our|the) .{0,60}newsletter|^enter your e-?mail(?: address)?\b",
    re.IGNORECASE,
)
TAG_LIST_RE = re.compile(
    r"^(?:tags?|topics?|filed under|categories|keywords|related topics)\s*:\s*.{1,200}$",
    re.IGNORECASE,
)
READING_TIME_RE = re.compile(
    r"^(?:\d+\s*-?\s*min(?:ute)?s?\.?\s+read|reading time:?\s*[<>~]?\s*\d+\s*min(?:ute)?s?"
    r"|listen to (?:this )?(?:article|story)(?:\s*\(?\d+\s*min(?:ute)?s?\)?)?"
    r"|listen\s*\(?\d+(?::\d+)?\s*(?:min(?:ute)?s?)?\)?)$",
    re.IGNORECASE,
)
IMAGE_CREDIT_RE = re.compile(
    r"^(?:image|photo|picture|video) (?:source|copyright|credit)s?\s*[,:]\s*.{1,80}$"
    r"|^(?:photo|photograph|picture|image)s?\s*:\s*\S+(?:\s+\S+){0,4}$",
    re.IGNORECASE,
)
# "A version of this article appears in print on ...", "Our Standards: ..."
PRINT_EDITION_RE = re.compile(
    r"^a version of this (?:article|story) appear(?:s|ed) in print\b|"
    r"^see the article in its original context\b",
    re.IGNORECASE,
)
STANDARDS_RE = re.compile(r"^our (?:editorial )?standards\s*:", re.IGNORECASE)
# The text a web video player prints (video.js and its kin, used by many sites), and the
# notices that stand in for a player or feature the saved page cannot show.
PLAYER_RE = re.compile(
    r"^(?:video player is loading\.?|stream type live|this is a modal window\.?"
    r"|(?:beginning|end) of dialog window\b.{0,80}|loaded:?\s*\d+(?:\.\d+)?%"
    r"|(?:current time|duration|remaining time)\s*[\d:/ -]*|(?:play|watch|replay) (?:the )?video"
    r"|(?:sorry, )?this video (?:has expired|is (?:no longer )?(?:available|unavailable))\.?"
    r"|video (?:unavailable|not available)\.?|media playback is unsupported on your device"
    r"|(?:this|that) feature is (?:not|no longer) available\b.{0,80}"
    r"|your browser does not support\b.{0,80}"
    r"|if you can ?not (?:view|see|play) (?:the|this) video.{0,60}"
    r"|(?:please )?(?:enable|turn on) javascript\b.{0,80})$",
    re.IGNORECASE,
)
# The comment form under an article: "Please enter your comment!", "Please enter your name here".
COMMENT_FORM_RE = re.compile(
    r"^(?:please )?(?:enter|type|write) your (?:comment|name|e-?mail|message)\b.{0,30}$"
    r"|^you have entered an incorrect email address!?$",
    re.IGNORECASE,
)
# "nepal earthquake, nepal 2nd earthquake, may 12 earthquake, ...": a site's keyword list, in
# lower case, items of a few words each.
KEYWORD_LIST_RE = re.compile(r"^[a-z0-9][\w' -]{1,40}(?:,\s*[a-z0-9][\w' -]{1,40}){3,}$")
IMAGE_COURTESY_RE = re.compile(
    r"^(?:image|photo|picture)s? (?:courtesy|by|from|via)\b.{1,120}$|^from shutter\w*\.com$"
    # "Reuters file photo", "Twitter picture": who the picture is from (not "The bigger
    # picture", a subheading).
    r"|^(?!(?:the|a|an|this|that|our|your|my|his|her|its|their) )"
    r"(?:[\w.&'’-]+ ){1,4}(?:file )?(?:photo|image|picture)$",
    re.IGNORECASE,
)
# A request for money: "Donate now", "Support independent journalism".
DONATION_RE = re.compile(
    r"^(?:donate(?: now| today| here)?|make a donation|support (?:us|our work)|become a (?:member|"
    r"supporter|patron|subscriber))\b.{0,60}$|\b(?:donate|donation|contribute) (?:now|today)\b"
    r"|\bsupport (?:our|independent|quality) (?:journalism|reporting|newsroom)\b",
    re.IGNORECASE,
)
# "Powered by automated translation", "Supported by the National Media Council": who or what
# stands behind the site, not the article.
SPONSOR_RE = re.compile(
    r"^(?:(?:powered|supported|sponsored|presented|funded|brought to you) by|in partnership with)"
    r"\b[^.!?]{1,60}$",
    re.IGNORECASE,
)
# "Editor: Rahmad Nasution", "Translator: ...": a label and the names of the people credited.
ROLE_CREDIT_RE = re.compile(
    r"^(?:editors?|edited by|translators?|translated by|reporters?|writers?|photographers?"
    r"|compiled by|reporting by|editing by|producers?|web editor)\s*:\s*[A-Z][\w.'’ ,&-]{1,80}$",
    re.IGNORECASE,
)
REPUBLISHED_RE = re.compile(
    r"^this (?:article|story|piece) (?:is|was) (?:re)?published (?:from|by|with permission)\b",
    re.IGNORECASE,
)
# The same notice naming who the text is from, with the article's text saved on its line:
# "This article is republished from The Conversation under a Creative Commons license. Read
# the original article. Nigerians go to ..."
REPUBLISHED_LEAD_RE = re.compile(
    r"^this (?:article|story|piece) (?:is|was) (?:re)?published from (?P<name>[A-Z][\w.'’&-]*"
    r"(?: [A-Z][\w.'’&-]*){0,5}) under [^.]{1,80}\.(?:\s*read the original article[^.]{0,40}\.)?"
    r"\s*",
    re.IGNORECASE,
)
FILE_SIZE_RE = re.compile(
    r"^(?:pdf|docx?|xlsx?|pptx?|mp3|mp4|zip)\b[\s:(–-]*(?:format)?[\s:(–-]*\d+(?:[.,]\d+)?\s*[kmg]i?b\)?$",
    re.IGNORECASE,
)
# "Read more", "[More]", "Read the regulations in full here", "Learn more about X »": a link
# to more, not a sentence of the article.
MORE_LINK_RE = re.compile(
    r"^[\[(…]*(?:(?:read|learn|see|find out|click|find|get|more)\b[^.!?]{0,60}?"
    r"\b(?:more|here|in full|details)\b[^.!?]{0,40}|more)\s*[\])»›…]*$",
    re.IGNORECASE,
)
# A teaser cut short with an ellipsis: "The presidency has dismissed ... President Bola…".
TEASER_RE = re.compile(r"[\w,]…$")
SPEAKER_LABEL_RE = re.compile(r"^[^:\"“”]{1,60}:\s")
# "Sasko Lazarov/Rollingnews": a photographer and an agency on a line of their own.
PHOTO_CREDIT_LINE_RE = re.compile(
    r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][\w.&-]*(?:\s[A-Z][\w.&-]*){0,2}$"
)
# "#lagos #police": hashtags; "Nepal, Earthquake, May": a site's keywords in title case, a
# word each ("Hu Jintao, Wu Bangguo, Wen Jiabao, Li" is people, a line of a wrapped sentence).
HASHTAGS_RE = re.compile(r"^#\w+(?:[\s,]+#\w+)*$")
TITLE_KEYWORDS_RE = re.compile(r"^[A-Z][^\W\d_]+(?:, [A-Z][^\W\d_]+){2,6}$")
# An image's alternative text: "AP logo", "Logo Agência Brasil".
LOGO_RE = re.compile(r"^(?:logo\b.{0,40}|(?:\S+\s+){0,4}logo)$", re.IGNORECASE)
# "Subscribe to The Week": a site asking for subscribers in its own name.
SUBSCRIBE_RE = re.compile(r"^[Ss]ubscribe to (?P<site>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,4})$")
URL_LINE_RE = re.compile(r"^(?:(?:source|url|link)\s*:\s*)?(?:https?://|www\.)\S+$", re.IGNORECASE)

MARKUP_RE = re.compile(
    r"</?(?:script|style|div|span|p|a|img|iframe|meta|link|noscript|svg|br)\b[^>]*>", re.IGNORECASE
)
CODE_RE = re.compile(
    r"\bfunction\s*\(|\bvar\s+\w+\s*=|\b(?:const|let)\s+\w+\s*=|\bdocument\.\w+|\bwindow\.\w+"
    r"|=>|[.#]?[\w-]+\s*\{[^}]*:[^}]*;?\s*\}"
)

LINK_LIST_HEADER_RE = _exact(
    r"related(?: (?:readings?|articles?|stories|news|content|coverage|links|topics|posts|videos))?",
    r"read more",
    r"read also",
    r"also read",
    r"see also",
    r"more on this(?: story| topic)?",
    r"further reading",
    r"more stories",
    r"more coverage",
    r"in other news",
    r"latest(?: news| stories)?",
    r"top stories",
    r"editor'?s picks",
    r"recommended reading",
)
INLINE_LINK_RE = re.compile(
    r"^(?:read more|read also|also read|see also|related(?: news| stories| articles| links)?|more"
    r"|watch|listen|read|links?)\s*:\s*\S.{0,160}$",
    re.IGNORECASE,
)
PROMO_MARKER_RE = _exact(
    r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
    r"recommended(?: for you| stories| articles| videos)?",
    r"more from .{1,40}",
    r"most (?:read|popular|viewed|shared|commented|watched)(?: stories| articles| now)?",
    r"trending(?: now| stories)?",
    r"popular(?: now| stories)?",
    r"(?:what to )?read next",
    r"up next",
    r"around the web",
    r"from (?:our|the) partners",
    r"(?:sponsored|promoted) stories",
)
COMMENTS_MARKER_RE = _exact(
    r"comments?",
    r"(?:show|view|read) (?:all )?comments",
    r"leave a (?:comment|reply)",
    r"(?:add|post) (?:a|your) comment",
    r"no comments",
    r"join the (?:conversation|discussion)",
)


def _is_share_line(line: str) -> str | None:
    if not SHARE_LINE_START_RE.match(line):
        return None
    matches = list(SHARE_WORD_RE.finditer(line))
    if not matches or all(m.group().lower() == "on" for m in matches):
        return None
    if not SEPARATORS_RE.fullmatch(SHARE_WORD_RE.sub("", line)):
        return None
    only_top = all(m["top"] or m.group().lower() == "on" for m in matches)
    return "back to top" if only_top else "share line"


def _is_font_size_widget(line: str) -> bool:
    if FONT_SIZE_LABEL_RE.match(line):
        return True
    words = line.lower().split()
    sizes = [word for word in words if word not in "+-|/·•"]
    return len(sizes) >= 2 and all(word in FONT_SIZE_WORDS for word in words)


def _is_newsletter_header(line: str) -> bool:
    segments = [s.strip() for s in re.split(r"\s+[-–—|•»]\s+|\s*\|\s*", line) if s.strip()]
    if len(segments) < 2:
        return False
    if any(word_count(s) > 5 or len(s) > 40 or ends_statement(s) for s in segments):
        return False
    return any(ISSUE_SEGMENT_RE.search(s) for s in segments)


def _is_code(line: str) -> bool:
    line = line[:5000]  # enough to tell, and keeps the regexes fast on minified lines
    if MARKUP_RE.search(line):
        return True
    symbols = sum(line.count(c) for c in "{}();=<>")
    # The cheap count first: CODE_RE has no literal to skip ahead to, so it tries every position.
    return symbols / max(len(line), 1) > 0.04 and bool(CODE_RE.search(line))


def _is_cookie_banner(line: str) -> bool:
    if COOKIE_BUTTON_RE.match(line):
        return True
    return len(line) <= 600 and bool(COOKIE_BANNER_RE.search(line))


def is_breakpoint_name(line: str) -> bool:
    return bool(BREAKPOINT_RE.match(BULLET_RE.sub("", line)))


def chrome_reason(line: str) -> str | None:
    """Why a whole line is chrome, as a short label, or None if it may be article text."""
    if _is_font_size_widget(line):
        return "font-size widget"
    if any(pattern.match(line) for pattern in SHARE_COUNTER_RES):
        return "share counter"
    if share := _is_share_line(line):
        return share
    if BULLET_RE.match(line) and is_breakpoint_name(line):
        return "css breakpoints"
    if _is_newsletter_header(line):
        return "newsletter header"
    if len(line) <= 200 and BREADCRUMB_RE.match(line):
        return "breadcrumb"
    if FOLLOW_RE.match(line):
        return "social follow"
    if len(line) <= 400 and COPYRIGHT_RE.search(line):
        return "copyright notice"
    if SOURCE_LINE_RE.match(line):
        return "source line"
    if len(line) <= 600 and FEED_FOOTER_RE.match(line):
        return "feed footer"
    if ADVERTISEMENT_RE.match(line):
        return "advertisement"
    if NAVIGATION_RE.match(line):
        return "navigation"
    if _is_cookie_banner(line):
        return "cookie banner"
    if len(line) <= 300 and NEWSLETTER_SIGNUP_RE.search(line):
        return "newsletter signup"
    if TAG_LIST_RE.match(line):
        return "tag list"
    if READING_TIME_RE.match(line):
        return "reading time"
    if IMAGE_CREDIT_RE.match(line):
        return "image credit"
    if URL_LINE_RE.match(line):
        return "url line"
    if len(line) <= 120 and "." in line and FILE_NAME_RE.search(line) and word_count(line) <= 8:
        return "file name"
    if len(line) <= 400 and PRINT_EDITION_RE.match(line):
        return "print edition note"
    if len(line) <= 200 and STANDARDS_RE.match(line):
        return "standards notice"
    if PLAYER_RE.match(line):
        return "video player"
    if COMMENT_FORM_RE.match(line):
        return "comments section"
    if len(line) <= 400 and KEYWORD_LIST_RE.match(line):
        return "tag list"
    if IMAGE_COURTESY_RE.match(line):
        return "image credit"
    if len(line) <= 400 and DONATION_RE.search(line):
        return "donation appeal"
    if SPONSOR_RE.match(line):
        return "sponsor line"
    if is_site_notice(line):
        return "site notice"
    if line[:1] in PROMO_INITIALS and is_promo_line(line):
        return "link list"
    if ROLE_CREDIT_RE.match(line):
        return "credits"
    if len(line) <= 300 and REPUBLISHED_RE.match(line):
        return "republication notice"
    if FILE_SIZE_RE.match(line):
        return "link list"
    if _is_code(line):
        return "script or style"
    # (The cheap tests first: these run on every line of every page.)
    if len(line) <= 120 and MORE_LINK_RE.match(line) and word_count(line) <= 10:
        return "link list"
    if len(line) <= 60 and LOGO_RE.match(line):
        return "image credit"
    if line[:1] in "Ss" and SUBSCRIBE_RE.match(line):
        return "subscription appeal"
    if "/" in line and len(line) <= 80 and PHOTO_CREDIT_LINE_RE.match(line):
        return "image credit"
    if line[:1] == "#" and HASHTAGS_RE.match(line):
        return "tag list"
    if "," in line and len(line) <= 80 and TITLE_KEYWORDS_RE.match(line):
        return "tag list"
    return None


# The site speaking of itself to the reader: "This website is created to observe ... you can
# read here", "Dear User, ... posted to our portal automatically", "A lock ... means you've
# safely connected to the .mil website", "Escape your echo chamber. Get the facts ...".
SITE_NOUN_RE = re.compile(
    r"\b(?:this|our|the|a)\s+(?:\.\w+\s+)?(?:web ?site|site|portal|forum|app)\b"
    r"|\b(?:web ?site|portal|newsletter|inbox|homepage)\b",
    re.IGNORECASE,
)
# The site naming itself: "IP addresses are NOT logged in this forum", "This website is ...".
THIS_SITE_RE = re.compile(r"\bthis (?:web ?site|forum|portal)\b", re.IGNORECASE)
# "... but we can't do it without your help": the site asking for its readers' support.
OUR_APPEAL_RE = re.compile(
    r"\b(?:we|our|us)\b.{0,200}\b(?:your|you)\b.{0,40}\b(?:help|support|donations?)\b"
    r"|\b(?:your|you)\b.{0,40}\b(?:help|support|donations?)\b.{0,200}\b(?:we|our|us)\b",
    re.IGNORECASE,
)
READER_RE = re.compile(
    r"\b(?:you|your|you['’](?:ve|re|ll|d))\b|^dear (?:user|reader|visitor)s?\b", re.IGNORECASE
)
APPEAL_START_RE = re.compile(
    r"^\[?(?:sign up|subscribe|get|find out|try|explore|download|follow us|join us|escape)\b",
    re.IGNORECASE,
)
QUOTE_MARKS = '"“”«»'


def is_site_notice(line: str) -> bool:
    """The site's own voice to its reader: its pages, its newsletter, an appeal (not words
    quoted in the article, nor a sentence about someone else's website)."""
    if len(line) > 400:
        return False
    folded = line.casefold()  # (quick refusals first: this runs on every line)
    naming_itself = "this " in folded
    if not (naming_itself or "you" in folded or "dear" in folded):
        return False
    if any(mark in line for mark in QUOTE_MARKS):
        return False
    if naming_itself and THIS_SITE_RE.search(line):
        return True
    if not READER_RE.search(line):
        return False
    return bool(
        SITE_NOUN_RE.search(line) or APPEAL_START_RE.match(line) or OUR_APPEAL_RE.search(line)
    )


# A link or an advert's label whose line break was lost, glued to the prose: "... American
# jobs.Read More…", "... to make a clear… …read more", "Article continues after this
# advertisementAmong the core provisions ...".
GLUED_MORE_RE = re.compile(
    r"(?<=[.!?…\"'”’])\s*…?\s*(?:read more|see more|continue reading)\s*[…»›]*$", re.IGNORECASE
)
GLUED_ADVERTISEMENT_RE = re.compile(
    r"^(?i:(?:article|story) continues (?:below|after (?:this |the )?(?:advertisement|ad))"
    r"|advertisement)(?=[\"“‘]?[A-Z])"
)


# A promo for another story, labelled in capitals: "READ Gladys Sholei claims ...", "VIDEO |
# The ANC briefs the media:", and in brackets inside a paragraph or around one: "(LOOK:
# Majority senators in full force at dinner)", "[Sign up for The Daily 202, ...]".
PROMO_LABELS = ("READ", "ALSO READ", "LOOK", "WATCH", "VIDEO", "LISTEN", "RELATED")
PROMO_LABEL = rf"(?:{'|'.join(PROMO_LABELS)})"
# (the labels' first letters: a quick refusal for the lines no label opens)
PROMO_INITIALS = "".join({label[0]: None for label in PROMO_LABELS})
PROMO_LINE_RE = re.compile(rf"^{PROMO_LABEL}(?:\s*[:|]\s*|\s+)(?=[A-Z\"“‘'])(?P<rest>.{{8,200}})$")
BRACKETED_PROMO_RE = re.compile(
    rf"\s*(?:\((?:{PROMO_LABEL}|Sign up|SIGN UP)\b[^()]{{5,200}}\)"
    rf"|\[(?:{PROMO_LABEL}|Sign up|SIGN UP)\b[^\[\]]{{5,200}}\])"
)


def is_promo_line(line: str) -> bool:
    """(A headline's shape after the label: no full stop at its end.)"""
    return bool(PROMO_LINE_RE.match(line)) and word_count(line) <= 30 and not line.endswith(".")


def split_glued_chrome(paragraph: str) -> tuple[str, list[str]]:
    """The paragraph without a 'Read more' glued to its end or an advert's label glued to its
    start, and what was cut off."""
    cut = []
    tail = paragraph[-24:].casefold()  # (a quick refusal first: most paragraphs have neither)
    if ("more" in tail or "reading" in tail) and (
        more := GLUED_MORE_RE.search(paragraph, max(len(paragraph) - 40, 0))
    ):
        cut.append(more.group().strip())
        paragraph = paragraph[: more.start()]
    if paragraph[:1] in "AaSs" and (advert := GLUED_ADVERTISEMENT_RE.match(paragraph)):
        cut.append(advert.group())
        paragraph = paragraph[advert.end() :]
    if ("(" in paragraph or "[" in paragraph) and (promos := BRACKETED_PROMO_RE.findall(paragraph)):
        cut.extend(promo.strip() for promo in promos)
        paragraph = BRACKETED_PROMO_RE.sub("", paragraph).strip()
    return paragraph, cut


def is_teaser(line: str) -> bool:
    """A line of prose cut short with an ellipsis, as promos print them. (One alone may be
    the article itself, saved cut short; text.py asks for several. A speaker trailing off in
    a transcript is none.)"""
    return (
        line.endswith("…")
        and len(line) >= 40
        and bool(TEASER_RE.search(line[-2:]))
        and not SPEAKER_LABEL_RE.match(line)
        and not any(mark in line for mark in '"“”')
    )


def is_link_like(line: str) -> bool:
    """A headline-sized line without a full stop, as in a list of links to other stories."""
    if BULLET_RE.match(line) and len(line) <= 200:
        return True
    return len(line) <= 160 and word_count(line) <= 25 and not ends_statement(line)


# "CTVNews.ca Top Stories", "Top Articles in Politics", "JN ACCESS RANKING", "Newest 2012
# Paralympic stories", "Here are some recent stories:": a few words naming a list of stories.
LIST_NAME_RE = re.compile(
    r"^(?:[\w'\".&-]+\s+){0,4}(?:stories|articles|article|headlines|ranking|links)"
    r"(?:\s+in\s+[\w'&-]+)?\s*:?$",
    re.IGNORECASE,
)


LIST_WORDS = ("stor", "article", "headline", "ranking", "link")


def is_link_list_header(line: str) -> bool:
    return bool(LINK_LIST_HEADER_RE.match(line))


def names_a_list_of_stories(line: str) -> bool:
    """(Under the article's prose only: atop the page such a label stands over the headline.)"""
    if len(line) > 60:
        return False
    folded = line.casefold()
    return any(word in folded for word in LIST_WORDS) and bool(LIST_NAME_RE.match(line))


def is_inline_link(line: str) -> bool:
    """'Read more: Nato chief hopes for Russian help' on one line."""
    return bool(INLINE_LINK_RE.match(line)) and is_link_like(line.split(":", 1)[1].strip())


def tail_marker_reason(line: str) -> str | None:
    """A header after which the rest of the page is promos or comments, not the article."""
    if PROMO_MARKER_RE.match(line):
        return "promo block"
    if COMMENTS_MARKER_RE.match(line):
        return "comments section"
    return None
