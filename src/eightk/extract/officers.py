"""Departures and appointments of directors and officers (Item 5.02; old Item 6; Item 8.01 / old 5).

One :class:`OfficerChange` per person and kind of change (gold README, "Events other than
offerings"). The rules read one sentence at a time. Each person mentioned in a sentence owns the
words up to the next person mentioned; a change is read when

* an appointment verb governs the name ("the Board appointed Amit R. Ghai", "the election of ..."),
  or names coordinated with it ("elected D. Jeremy Darroch, effective ..., and James P. Gorman");
* the words the person owns say what happens to them ("..., notified the Company of his intent to
  resign", "was appointed", "will not stand for re-election", "ceased to serve as").

Compensation-only paragraphs name people without a change verb and yield nothing; directors elected
by shareholders at an annual meeting (reported under Item 5.07) are skipped, as are committee
assignments of sitting directors. Changes read outside Item 5.02 / old Item 6 must name an office.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from eightk.extract.events_names import (
    Mention,
    NameBook,
    find_names,
    is_roleish,
    mentions,
    name_key,
    names_in,
)
from eightk.extract.events_text import (
    Folded,
    Section,
    ev,
    flat,
    fold_case,
    has_stem,
    item_sections,
    sentences,
)
from eightk.extract.registry import ExtractResult, extractor
from eightk.model import Document, Evidence, Filing, OfficerChange
from eightk.parse.dates import ANY_DATE, find_date

_W = r"[ \t\n]+"

# Verbs that appoint the person named right after them.
_ACTIVE = re.compile(
    r"(?:(?<!re-)(?<!re)\b(?:appoint(?:ed|s|ing)?|elect(?:ed|s|ing)?|nam(?:ed|es|ing)|promot(?:ed|es|ing)|"
    r"hir(?:ed|es|ing)|select(?:ed|s)|welcom(?:ed|es))"
    r"|\bthe[ \t\n]+(?:appointment|election|hiring|promotion|selection|naming|addition)[ \t\n]+of)"
    r"(?:[ \t\n]+(?:as[ \t\n]+)?(?:(?:its|the|our|a|an)[ \t\n]+)?(?:new[ \t\n]+)?(?:director|directors)[ \t\n]*,?)?"
    r"[ \t\n]*$",
    re.I,
)
# "elected to resign": a choice, not an election.
_ELECTED_TO_ACT = re.compile(r"\belected[ \t\n]+to[ \t\n]+(?!the\b|its\b|our\b|serve\b|a\b|an\b)[a-z]+", re.I)

# What happens to the person, read in the words they own.
_PASSIVE_APPT = re.compile(
    r"\b(?:(?:was|were|has[ \t\n]+been|have[ \t\n]+been|had[ \t\n]+been|will[ \t\n]+be|is[ \t\n]+being|is|to[ \t\n]+be|"
    r"would[ \t\n]+be|shall[ \t\n]+be)[ \t\n]+(?:(?:also|each|both|jointly)[ \t\n]+)?(?:appointed|elected|named|promoted|hired|selected)"
    r"|will[ \t\n]+(?:also[ \t\n]+)?(?:join|become|assume|succeed|take[ \t\n]+over)"
    r"|will[ \t\n]+serve[ \t\n]+as[ \t\n]+(?:the[ \t\n]+|its[ \t\n]+|our[ \t\n]+)?(?:interim|acting)"
    r"|(?:assumed|assumes|became|becomes|joined|joins|accepted[ \t\n]+(?:the|an|our)[ \t\n]+(?:offer|appointment|position)"
    r"|agreed[ \t\n]+to[ \t\n]+(?:join|become)|to[ \t\n]+succeed|succeeds|will[ \t\n]+succeed"
    # "will be transitioning to the newly created role of Chief Technologist" (0001193125-24-238769)
    r"|transition(?:s|ed|ing)?[ \t\n]+to[ \t\n]+(?:the|a|an)[ \t\n]+(?:newly[ \t\n-]+(?:created|formed|established)[ \t\n]+)?"
    r"(?:new[ \t\n]+)?(?:role|position|office)[ \t\n]+of))\b",
    re.I,
)
_DEPART = re.compile(
    r"\b(?:resign(?:ed|s|ing)?|retire(?:d|s)?|retiring|step(?:s|ped|ping)?[ \t\n]+down|"
    r"cease(?:d|s)?[ \t\n]+(?:to[ \t\n]+(?:serve|be|hold)|serving|being)|will[ \t\n]+cease[ \t\n]+(?:to|serving|being)|depart(?:ed|s|ing)?(?![ \t\n]+(?:date|from[ \t\n]+(?:past|prior)))|"
    r"(?:was|has[ \t\n]+been|had[ \t\n]+been|is[ \t\n]+being|will[ \t\n]+be)[ \t\n]+(?:terminated|removed|dismissed)|"
    r"passed[ \t\n]+away|died|"
    r"not[ \t\n]+(?:to[ \t\n]+)?(?:stand|seek|run)[ \t\n]+for[ \t\n]+re-?[ \t\n]?election|"
    r"not[ \t\n]+be[ \t\n]+(?:standing|nominated)[ \t\n]+for[ \t\n]+re-?[ \t\n]?election|"
    r"decline[sd]?[ \t\n]+to[ \t\n]+stand|will[ \t\n]+leave|(?:intent(?:ion)?|decision|plans?)[ \t\n]+to[ \t\n]+leave[ \t\n]+(?:the|its|our)[ \t\n]+(?:Company|Corporation|Bank|Firm)|(?:is|was|will[ \t\n]+be)[ \t\n]+leaving(?![ \t\n]+(?:open|unchanged|vacant))|leave[ \t\n]+(?:his|her|their)[ \t\n]+(?:position|role|post)|relinquish(?:ed|es)?|"
    r"(?:tender|submit|announc|notif|inform|advis|deliver|gave|provid|accept|confirm)\w*[^;]{0,80}?\b(?:his|her|their)[ \t\n]+(?:resignation|retirement|departure)|"
    r"separated[ \t\n]+from[ \t\n]+(?:the[ \t\n]+Company|the[ \t\n]+Corporation))\b",
    re.I,
)
# "announced the retirement of John Smith": the noun before the name.
_DEPART_BEFORE = re.compile(
    r"\bthe[ \t\n]+(?:resignation|retirement|departure|death|passing|termination)[ \t\n]+of[ \t\n]*$", re.I
)
# Substrings one of which every sentence read below contains (each alternative of _ACTIVE_ANY,
# _PASSIVE_APPT, _DEPART, _TRANSITION and _DEPART_NOUN holds one): a cheap test before the regexes.
# A verb added to those patterns must keep a stem listed here.
_GATE = (
    "appoint", "elect", "nam", "promot", "hir", "select", "welcom", "join", "becom", "became", "assum",
    "succeed", "take", "serv", "accept", "transition", "resign", "retir", "step", "ceas", "depart",
    "terminat", "remov", "dismiss", "pass", "died", "death", "declin", "leav", "relinquish", "separat",
    "hand", "turn",
)  # fmt: skip


# An honorific right before a name: "Mr. ", "General (Ret.) ".
_HONOR_TAIL = re.compile(
    r"(?:(?:Mr|Mrs|Ms|Dr|Messrs|Sir|Prof)\.?|Director|General(?:[ \t]*\(Ret\.?\))?)[ \t\n]*$"
)
# How text that _HONOR_TAIL matches ends once its white space is stripped: a cheap test before it.
_HONOR_TAIL_ENDS = ("Mr", "Mrs", "Ms", "Dr", "Messrs", "Sir", "Prof", ".", "Director", "General", ")")


# The prefilter's form of _DEPART_BEFORE: "announced the resignation of Steven L. Hoekstra, ..."
# (0000939057-09-000316) has no departure verb.
_DEPART_NOUN = re.compile(
    r"\bthe[ \t\n]+(?:resignation|retirement|departure|death|passing|termination)[ \t\n]+of\b", re.I
)
# A clause that is hypothetical or subordinate: "if Mr. Banks resigns", "after Mr. Williams retires".
_CONDITIONAL = re.compile(r"\b(?:if|in[ \t\n]+the[ \t\n]+event|unless|provided[ \t\n]+that|whether)\b", re.I)
_SUBORDINATE_BEFORE = re.compile(
    r"\b(?:after|before|until|upon|following|when|once|if|unless|prior[ \t\n]+to)[ \t\n]*$", re.I
)
_SUCCEEDED_BY = re.compile(r"\b(?:is|will[ \t\n]+be|was|be)[ \t\n]+succeeded[ \t\n]+by\b", re.I)
# Biography, not news: "until his retirement in 2018", "retired from Intel in 2018".
_BIO = re.compile(
    r"(?:until|since|after|before|upon|following|prior[ \t\n]+to)[ \t\n]+(?:his|her|their)[ \t\n]+$",
    re.I,
)
_BIO_AFTER = re.compile(
    r"\A[^.;]{0,40}?\bin[ \t\n]+(?:(?:early|late|mid-?)[ \t\n]*)?(?:[A-Z][a-z]+[ \t\n]+)?(?:19|20)\d\d\b(?![ \t\n]*,?[ \t\n]*(?:effective|to))",
    re.I,
)
_SHAREHOLDER_ELECTION = re.compile(
    r"\b(?:shareholders|stockholders|shareowners|holders)\b(?:[ \t\n]+(?:of[ \t\n]+the[ \t\n]+\w+|also|each))?[ \t\n]+"
    r"(?:have[ \t\n]+|had[ \t\n]+|has[ \t\n]+)?(?:re-?)?elect"
    r"|\belected\b[^.]{0,120}\bby[ \t\n]+(?:the[ \t\n]+)?(?:shareholders|stockholders|shareowners)",
    re.I,
)
_NOTICE = re.compile(
    r"\b(?:notif(?:ied|y|ies)|inform(?:ed|s)|advis(?:ed|es)|announc(?:ed|es)|decided|decision|intent(?:ion)?|intends|plans?|"
    r"will|would|expect(?:s|ed)?|anticipat(?:es|ed)|agreed|to[ \t\n]+(?:retire|resign|step))\b",
    re.I,
)

# Where an office is named after the change verb.
_ROLE_INTRO = re.compile(
    r"\b(?:to[ \t\n]+(?:serve[ \t\n]+)?as|as(?![ \t\n]+(?:of|a[ \t\n]+result|well|part|such|described|previously|set[ \t\n]+forth|noted|discussed|provided|follows|needed|necessary|soon|long|required|a[ \t\n]+consequence)\b)|to[ \t\n]+the[ \t\n]+(?:newly[ \t\n-]+(?:created|formed|established)[ \t\n]+)?"
    r"(?:(?:additional|new|expanded|combined|interim)[ \t\n]+)?(?:positions?|roles?|offices?|title|post)[ \t\n]+of|the[ \t\n]+(?:duties|role|roles|position|positions|title|office)[ \t\n]+of|"
    r"(?:his|her|their)[ \t\n]+(?:positions?|roles?|posts?|offices?)[ \t\n]+(?:as|of))[ \t\n]+",
    re.I,
)
_BOARD_SEAT = re.compile(
    r"\b(?:to|from|on)[ \t\n]+(?:the[ \t\n]+|its[ \t\n]+|our[ \t\n]+|(?:the[ \t\n]+)?(?:Company|Corporation|Registrant|Bank|Firm)'s[ \t\n]+|[A-Z][\w.&]*(?:[ \t\n]+[A-Z][\w.&]*){0,3}'s[ \t\n]+)?"
    r"(?:board|board[ \t\n]+of[ \t\n]+directors|board[ \t\n]+of[ \t\n]+trustees)\b"
    r"|\bre-?[ \t\n]?election[ \t\n]+(?:as[ \t\n]+a[ \t\n]+director|to[ \t\n]+the[ \t\n]+board)",
    re.I,
)
_ROLE_STOP = re.compile(
    r"[ \t\n]*(?:\(|(?<![^A-Za-z][A-Z])\.(?:[ \t\n]|$)|;|:|\"|$|[ \t\n]+-[ \t\n]"
    r"|,?[ \t\n]+(?:effective|to[ \t\n]+succeed|to[ \t\n]+replace|succeeding|replacing|until|reporting|following|upon|starting|"
    r"on|at|with|in|from|pending|subject|later|earlier|this|next|while|after|before|since|commencing|beginning|who|which|where|that|"
    r"by|to|for[ \t\n]+(?:a|the|an|his|her)[ \t\n]|during|through|as[ \t\n]+(?:a|the|of|well)|and[ \t\n]+(?:will|as|to|has|is|was|now|currently|thereby|join|serve|report|continue|remain|lead|oversee|be|"
    r"he|she|they|his|her|in|on|at|also|continue|remain|retire|resign|that|the[ \t\n]+Company)|and[ \t\n]+(?:(?:a|as)[ \t\n]+)?members?[ \t\n]+of[ \t\n]+(?:the|its|our)[ \t\n]+Board\b|and[ \t\n]+(?:a[ \t\n]+)?member[ \t\n]+of[ \t\n]+the[ \t\n]+[A-Z][a-z]+[ \t\n]+Committee"
    r"|(?:his|her|its|their)[ \t\n])\b"
    r"|,[ \t\n]+[a-z]+ing\b|,[ \t\n]+(?:a|an|the|nor|or|but|each|both|respectively|and[ \t\n]+(?:a|the|will|is|was|has|he|she)|its|his|her|our|who|which|where|as|to|with|in|on|at|"
    r"for|from|until|age|aged|\d|has|have|had|was|were|is|will|would|notified|informed|effective|respectively)\b)",
    re.I,
)
_TRANSITION = re.compile(
    r"\btransition(?:s|ed|ing)?[ \t\n]+(?:from\b|(?:his|her|their|the)[ \t\n]+(?:role|position|office|title|post)\b)"
    r"|\b(?:hand(?:ed|s)?|turn(?:ed|s)?|pass(?:ed|es)?)[ \t\n]+(?:over[ \t\n]+|on[ \t\n]+)?(?:his|her|their|the)[ \t\n]+"
    r"(?:role|position|office|title|post)[ \t\n]+(?:as|of)\b",
    re.I,
)
_TRANSITION_FROM = re.compile(
    r"[^.;]{0,40}?\btransition(?:s|ed)?[ \t\n]+from[ \t\n]+(?:(?:the|his|her|their)[ \t\n]+)?"
    r"(?:(?:role|position|office|post)s?[ \t\n]+(?:of|as)[ \t\n]+)?",
    re.I,
)
# "James R. Arnold, Jr., its Senior Vice President of Finance and Chief Financial Officer, will
# transition from the role of Chief Financial Officer on August 12, 2008" (0000950135-08-004963),
# "informed the Company of his intent to transition from his executive officer position"
# (0001065280-25-000175): leaving an office with no new one named is a departure. A future or
# announced move only ("who transitioned from ..." is biography).
_TRANSITION_AWAY = re.compile(
    r"(?:[ \t\n]*,[^.;]{3,160}?,)?(?:(?!\b(?:who|which|whom|previously|formerly|had|since)\b)[^.;]){0,60}?"
    r"\b(?:will|to|shall|is|are)[ \t\n]+(?:be[ \t\n]+)?transition(?:ing)?[ \t\n]+from[ \t\n]+(?:(?:the|his|her|their)[ \t\n]+)?"
    r"(?:(?:role|position|office|post)s?[ \t\n]+(?:of|as)[ \t\n]+)?",
    re.I,
)
# "Jeff Williams will transition his role as Chief Operating Officer later this month to Sabih Khan"
# (0001140361-25-025275): one person hands an office to the next person named.
_HANDOVER = re.compile(
    r"(?:(?!\b(?:who|which|whom|previously|formerly|had|if|would)\b)[^.;,]){0,40}?"
    r"\b(?:will|to|shall|has|have)[ \t\n]+(?:transition(?:ed)?|hand(?:ed)?[ \t\n]+over|pass(?:ed)?(?:[ \t\n]+on)?|turn(?:ed)?[ \t\n]+over)[ \t\n]+"
    r"(?:his|her|their|the)[ \t\n]+(?:role|position|office|title|post)[ \t\n]+(?:as|of)[ \t\n]+",
    re.I,
)
_HANDOVER_TO = re.compile(r"(?:[^.;,]{0,40}?[ \t\n])?to[ \t\n]+(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t\n]+)?\Z")
_TRANSITION_TO = re.compile(
    r"[ \t\n]+to[ \t\n]+(?:(?:the|a|an|his|her)[ \t\n]+)?(?:(?:new[ \t\n]+)?(?:role|position|office|post)[ \t\n]+(?:of|as)[ \t\n]+)?(?=[A-Z])"
)
_OTHER_BOARD = re.compile(
    r"(?:directors?|trustees?|members?[ \t\n]+of[ \t\n]+the[ \t\n]+board(?:[ \t\n]+of[ \t\n]+(?:directors|trustees))?)"
    r"[ \t\n]+(?:of|at|for|on)[ \t\n]+(?:the[ \t\n]+)?[A-Z][\w.&-]*(?:[ \t\n,]+(?:[A-Z][\w.&-]*|of|and|&))*",
)
_COMMITTEE_ONLY = re.compile(r"\bcommittee\b", re.I)
_OFFICE_WORD = re.compile(
    r"\b(?:chief|officer|president|chair(?:man|woman|person)?|treasurer|secretary|controller|comptroller|"
    r"counsel|director|head|manager|ceo|cfo|coo|cto|cio|partner|trustee|lead|executive)\b",
    re.I,
)
_APPOSITIVE = re.compile(
    r"[ \t\n]*(?:\((?:age[ \t\n]+)?\d{2}\)[ \t\n]*)?,[ \t\n]*(?:age[ \t\n]+\d+,[ \t\n]*)?(?:(?:the|a|an|our|its)[ \t\n]+)?(?:(?:Company|Corporation|Registrant|Firm|Bank)'s[ \t\n]+)?"
    r"(?P<role>[^()\"]{3,160}?)[ \t\n]*(?:\([^)]{0,60}\)[ \t\n]*)?,[ \t\n]*(?=(?:has|have|had|was|is|will|would|notified|informed|"
    r"announced|tendered|submitted|resigned|retired|decided|advised|who|gave|delivered|provided|stepped|ceased|agreed|"
    r"intends|elected[ \t\n]+to|also|and)\b)",
)
_APPOSITIVE_BARE = re.compile(
    r"[ \t\n]*,[ \t\n]*(?:age[ \t\n]+\d+,[ \t\n]*)?(?:(?:the|a|an|our|its)[ \t\n]+(?:(?:Company|Corporation|Registrant|Firm|Bank)'s[ \t\n]+)?"
    r"|(?=(?:Chief|President|Executive|Senior|Vice|Chair\w*|Treasurer|Secretary|Controller|General[ \t\n]+Counsel|Principal)\b))"
    r"(?P<role>[^()\";.]{3,200}?)[ \t\n]*(?:\([^)]{0,60}\)[ \t\n]*)?"
    r"(?=(?:has[ \t\n]+|had[ \t\n]+)?(?:resigned|retired|notified|informed|announced|tendered|submitted|passed[ \t\n]+away|died|stepped[ \t\n]+down)\b)",
)
_OF_COMPANY = re.compile(
    r"[ \t\n]+(?:of|for)[ \t\n]+(?:both[ \t\n]+)?(?:the[ \t\n]+)?(?:Company|Corporation|Registrant|Partnership|Trust)\b"
)
_EFFECTIVE = re.compile(
    r"\b(?:effective|commencing|beginning|starting)(?:[ \t\n]+(?:as[ \t\n]+of|on|from|upon|at|immediately|date|as[ \t\n]+at))?\b",
    re.I,
)
_IMMEDIATE = re.compile(
    r"\b(?:effective[ \t\n]+immediately|with[ \t\n]+immediate[ \t\n]+effect|effective[ \t\n]+(?:as[ \t\n]+of[ \t\n]+)?(?:the[ \t\n]+)?(?:same|that)[ \t\n]+(?:date|day)|"
    r"immediately[ \t\n]+effective)\b",
    re.I,
)
_COMPLETED = re.compile(
    r"\b(?:resigned|retired|was[ \t\n]+(?:terminated|removed|dismissed|appointed|elected|named|promoted|hired)|"
    r"were[ \t\n]+(?:appointed|elected|named)|tendered|submitted|assumed|became|joined|ceased|stepped[ \t\n]+down|"
    r"passed[ \t\n]+away|died|appointed|elected|named|promoted|hired)\b",
    re.I,
)
_LEAD_DATE = re.compile(
    r"[ \t\n]*(?:\([a-z0-9]{1,3}\)[ \t\n]*)*"
    # A run-in heading: "Election of Mr. Buckley to the Board of Directors On October 10, 2024, ..."
    # (0000078003-24-000185).
    r"(?:(?-i:[A-Z][\w.'&-]*)(?:[ \t\n]+(?-i:[A-Z][\w.'&-]*|of|to|the|and|for|as|a|an|in|from))*[ \t\n]+(?=(?-i:On)[ \t\n]))?"
    r"(?:As[ \t\n]+previously[ \t\n]+(?:disclosed|reported|announced)[^,.]{0,80},[ \t\n]*|Also[ \t\n]+)?"
    r"(?:On|As[ \t\n]+of|Effective(?:[ \t\n]+as[ \t\n]+of)?|Effective[ \t\n]+on)[ \t\n]+",
    re.I,
)
_ON_DATE = re.compile(
    r"\b(?:resigned|retired|stepped[ \t\n]+down|departed|died|passed[ \t\n]+away|was[ \t\n]+(?:appointed|elected|named|"
    r"promoted|terminated|removed)|joined[ \t\n]+the[ \t\n]+Company)\b[^.;]{0,40}?\bon[ \t\n]+(?=[A-Z0-9])"
)
_FUTURE_ON = re.compile(
    r"\b(?:will|to|shall)[ \t\n]+(?:retire|resign|step[ \t\n]+down|leave|depart|assume|join|become|succeed|transition)\b"
    # One appositive may sit between the office and the date: "the role of Chief Executive Officer
    # of Programmable Solutions Group ("PSG"), an Intel standalone business, on January 1, 2024"
    # (0000050863-24-000003).
    r"(?:(?!\b(?:following|after|upon|filing|Form|report|until|before|prior|through|since|announced)\b)"
    r"(?:[^.;,]|,[ \t\n]+(?:an?|the)[ \t\n]+[^.;,\d]{1,60},(?=[ \t\n]+on\b))){0,80}?\b(?:on|as[ \t\n]+of)[ \t\n]+(?=[A-Z0-9])"
)
_LATER_EFFECTIVE = re.compile(
    r"\b(?:resignation|retirement|appointment|election|departure|employment|service|transition|termination)\b[^.]{0,80}?"
    r"\b(?:effective|bec[oa]me[ \t\n]+effective|will[ \t\n]+be[ \t\n]+effective|is[ \t\n]+effective|was[ \t\n]+effective|effective[ \t\n]+as[ \t\n]+of|take[ \t\n]+effect)",
    re.I,
)

_DOTTED = re.compile(r"\d+\.\d+")
# "effective upon consummation of the Separation", "effective immediately following the closing":
# the change waits for an event rather than a date.
_ON_EVENT = re.compile(
    r"(?:effective|commencing|beginning|starting)[ \t\n]+(?:immediately[ \t\n]+)?(?:upon|following|after|at[ \t\n]+the|"
    r"on[ \t\n]+the[ \t\n]+(?:closing|completion|consummation|effective|date[ \t\n]+of[ \t\n]+(?:the|such|his|her))|"
    r"as[ \t\n]+of[ \t\n]+the[ \t\n]+(?:closing|completion|consummation|effective[ \t\n]+time|time)|"
    r"concurrent(?:ly)?[ \t\n]+with|contingent[ \t\n]+(?:up)?on|subject[ \t\n]+to|with[ \t\n]+the[ \t\n]+(?:closing|completion|consummation))\b",
    re.I,
)
# "at the annual meeting of shareholders on May 29, 2024" / "... to be held on ..."
_MEETING_ON = re.compile(
    r"\b(?:annual|special)[ \t\n]+(?:general[ \t\n]+)?meeting(?:[ \t\n]+of[ \t\n]+(?:the[ \t\n]+Company's[ \t\n]+)?"
    r"(?:shareholders|stockholders|shareowners|members))?,?[ \t\n]+(?:(?:to[ \t\n]+be|which[ \t\n]+will[ \t\n]+be)[ \t\n]+)?"
    r"(?:held[ \t\n]+|scheduled[ \t\n]+)?(?:on|for)[ \t\n]+(?=[A-Z0-9])",
    re.I,
)


# "effective at the adjournment of the Registrant's 2023 annual meeting of shareholders on
# September 27, 2023 (the "Annual Meeting")" and later "effective at the adjournment of the Annual
# Meeting" (0001171843-23-005885): a change timed by a meeting takes the meeting's printed date,
# and a defined event takes the date printed where it is defined ("on DATE (the "Term")").
_EVENT_MEETING = re.compile(
    r"[ \t\n]+(?:(?:immediately[ \t\n]+)?(?:upon|at|following|after|as[ \t\n]+of|on)[ \t\n]+)?the[ \t\n]+"
    r"(?:(?:adjournment|conclusion|close|end|completion|closing|consummation|occurrence)[ \t\n]+of[ \t\n]+(?:the[ \t\n]+)?)?"
    r"(?:(?:Company|Corporation|Registrant|Bank)'s[ \t\n]+)?(?:(?:19|20)\d\d[ \t\n]+)?"
    r"(?:annual|special)[ \t\n]+(?:general[ \t\n]+)?meeting\b[^.;()\"]{0,60}?\bon[ \t\n]+(?=[A-Z0-9])",
    re.I,
)
_EVENT_TERM = re.compile(
    r"[ \t\n]+(?:(?:immediately[ \t\n]+)?(?:upon|at|following|after|as[ \t\n]+of|on)[ \t\n]+)?the[ \t\n]+"
    r"(?:(?:adjournment|conclusion|close|end|completion|closing|consummation|occurrence)[ \t\n]+of[ \t\n]+the[ \t\n]+)?"
    r"(?P<term>[A-Z][\w-]*(?:[ \t\n]+[A-Z][\w-]*){0,3})(?![ \t\n]*(?:'s|[A-Za-z]))"
)


def _event_date(text: str, pos: int, hi: int) -> tuple[str, int, int] | None:
    """The date of the event a change waits for, read right after "effective" at ``pos``."""
    mm = _EVENT_MEETING.match(text, pos, min(len(text), max(hi, pos + 200)))
    if mm:
        d = find_date(text, mm.end(), min(len(text), mm.end() + 25))
        if d and d[1] == mm.end():
            return d
    tm = _EVENT_TERM.match(text, pos, min(len(text), pos + 160))
    if tm is None:
        return None
    return _term_date(text, tm.group("term"))


_TERM_DATE_RX1 = re.compile(r"[ \t\n,]*")


def _term_date(text: str, term: str) -> tuple[str, int, int] | None:
    """The date printed where a defined term is defined: 'effective as of October 14, 2024 (the
    "Effective Date")' (0000320187-24-000053), 'meeting of shareholders on September 27, 2023 (the
    "Annual Meeting")' (0001171843-23-005885)."""
    pat = re.escape(flat(term)).replace(r"\ ", r"[ \t\n]+")
    for dm in re.finditer(rf"\((?:the[ \t\n]+)?\"{pat}\"\)", text):
        lo = max(0, dm.start() - 60)
        for om in _DEFINED_AT.finditer(text[lo : dm.start()]):
            d = find_date(text, lo + om.end(), dm.start())
            if d and d[1] == lo + om.end() and _TERM_DATE_RX1.fullmatch(text[d[2] : dm.start()]):
                return d
        break  # only the definition (the first occurrence) dates the term
    return None


_EACH_EFFECTIVE = re.compile(
    r",?[ \t\n]+(?:each|both|all|respectively)[ \t\n]+effective(?:[ \t\n]+(?:as[ \t\n]+of|on))?[ \t\n]+(?=[A-Z0-9])",
    re.I,
)
_PAST_ACT_BEFORE = re.compile(
    r"\b(?:appointed|elected|named|promoted|hired)[ \t\n]+(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t\n]+)?\Z"
)
_MID_ON = re.compile(r",[ \t\n]+on[ \t\n]+(?=[A-Z0-9])")
_WILL_CHANGE = re.compile(
    r"[ \t\n]*(?:will|shall)[ \t\n]+(?:assume|become|join|succeed|retire|resign|step[ \t\n]+down|leave|transition|"
    r"cease|depart|be[ \t\n]+(?:appointed|named|promoted|elected))\b"
)
_ON_BEFORE = re.compile(r"\b[Oo]n[ \t\n]+(?=[A-Z0-9])")
_DEFINED_AT = re.compile(
    r"\b(?:on|effective(?:[ \t\n]+(?:as[ \t\n]+of|on))?|as[ \t\n]+of)[ \t\n]+(?=[A-Z0-9])", re.I
)
# "will assume the duties of ... on the Effective Date" (0000100493-17-000122), "were promoted ... as
# of the Effective Date" (0001193125-25-210089): a defined date named in the person's own words.
_ON_TERM = re.compile(
    r"\b(?:on|as[ \t\n]+of|effective(?:[ \t\n]+(?:as[ \t\n]+of|on))?|beginning(?:[ \t\n]+on)?|starting(?:[ \t\n]+on)?)"
    r"[ \t\n]+the[ \t\n]+(?P<term>(?:[A-Z][\w-]*[ \t\n]+){0,3}(?:Date|Time|Meeting))\b(?!'s)"
)


@dataclass
class _Found:
    person: str
    key: tuple[str, str]
    change: str
    doc: Document
    person_span: tuple[int, int]
    role: str | None = None
    role_span: tuple[int, int] | None = None
    date: str | None = None
    date_span: tuple[int, int] | None = None
    date_from: str = ""
    copy_of: _Found | None = None  # the reading of the last name of a list this one was copied from
    reach: int = 0  # end of the words that speak of this person's change (past "to replace Mr. Deal as ...")  # "effective" (the person's own words), "before", "lead", "later"
    interim: bool | None = None
    interim_span: tuple[int, int] | None = None  # the word "interim" / "acting"
    sentence: tuple[int, int] = (0, 0)
    rule: str = ""
    surname_refs: list[str] = field(default_factory=list)
    reason: str | None = None
    reason_span: tuple[int, int] | None = None


@extractor(
    "officers", items=("5.02", "8.01"), description="Departures and appointments of directors and officers"
)
def extract_officers(filing: Filing) -> ExtractResult:
    """Departures and appointments of directors and officers."""
    dotted = any("." in i.code for i in filing.items)
    found: list[_Found] = []
    warnings: list[str] = []
    names: list[tuple[str, ...]] = []

    def registrant() -> tuple[str, ...]:
        # Read once per filing, and only when a sentence reports a change.
        if not names:
            names.append(_company_names(filing))
        return names[0]

    for sec in item_sections(filing, ("5.02", "8.01")):
        if dotted and "." not in sec.code:
            continue  # "6" in a 2004+ filing is a numbered paragraph, not old Item 6
        strict = sec.code_2004 != "5.02"
        if strict and sec.end - sec.start > 20000:
            continue
        try:
            for f in _read_section(sec, registrant):
                if strict and not f.role:
                    continue
                found.append(f)
        except Exception as e:  # a rule's bug must not lose the filing
            warnings.append(f"officers: item {sec.code}: {type(e).__name__}: {e}")
    # One object per person and kind of change; the first reading wins, later ones fill its gaps.
    merged: dict[tuple[tuple[str, str], str], _Found] = {}
    for f in found:
        k = (f.key, f.change)
        if k not in merged:
            merged[k] = f
            continue
        m = merged[k]
        if m.role is None and f.role is not None:
            m.role, m.role_span = f.role, f.role_span
        if m.date is None and f.date is not None:
            m.date, m.date_span = f.date, f.date_span
    out = [_record(f) for f in merged.values()]
    return ExtractResult(officer_changes=out, warnings=warnings)


def _record(f: _Found) -> OfficerChange:
    evd: dict[str, Evidence] = {"person": ev(f.doc, *f.person_span), "change": ev(f.doc, *f.sentence)}
    if f.role_span:
        evd["role"] = ev(f.doc, *f.role_span)
    if f.date_span:
        evd["effective_date"] = ev(f.doc, *f.date_span)
    if f.reason_span:
        evd["reason"] = ev(f.doc, *f.reason_span)
    if f.interim and f.interim_span:
        evd["interim"] = ev(f.doc, *f.interim_span)
    age = _age(f)
    if age is not None:
        evd["age"] = ev(f.doc, age[1], age[2])
    conf = 0.6 + (0.15 if f.role else 0) + (0.1 if f.date else 0)
    return OfficerChange(
        person=f.person,
        change=f.change,  # type: ignore[arg-type]
        role=f.role,
        effective_date=f.date,
        reason=f.reason,
        interim=f.interim,
        age=age[0] if age else None,
        confidence=round(conf, 2),
        rule=f.rule,
        evidence=evd,
    )


_REASONS = (
    (
        "not_standing",
        re.compile(
            r"\bnot[ \t\n]+(?:to[ \t\n]+)?(?:stand|seek|run|be[ \t\n]+(?:standing|nominated))|\bdecline", re.I
        ),
    ),
    ("death", re.compile(r"\b(?:died|passed|death|passing)\b", re.I)),
    ("retirement", re.compile(r"\bretire|\bretiring", re.I)),
    ("resignation", re.compile(r"\bresign", re.I)),
    ("termination", re.compile(r"\b(?:terminat|removed|dismissed)", re.I)),
)


def _set_reason(f: _Found, verb: str, start: int) -> None:
    """Why the person leaves, from the departure words themselves ("retired", "passed away", "will not
    stand for re-election"); "stepped down" or "ceased to serve" say nothing about why."""
    for reason, rx in _REASONS:
        if rx.search(verb):
            f.reason, f.reason_span = reason, (start, start + len(verb))
            return


_AGE_TAIL = re.compile(
    r"(?:,[ \t\n]*(?:Jr|Sr)\.?)?"
    r"(?:[ \t\n]*,[ \t\n]*(?:age[ \t\n]+|aged[ \t\n]+)?|[ \t\n]*\((?:age[ \t\n]+|aged[ \t\n]+)?)"
    r"(\d{2})(?=[ \t\n]*(?:,|\)|years\b))"
)


def _is_word(ch: str) -> bool:
    """``\\w`` of a str pattern."""
    return ch.isalnum() or ch == "_"


def _boundary(text: str, p: int, lo: int = 0, hi: int = -1) -> bool:
    """``\\b`` at ``p`` in ``text[lo:hi]`` (the default: in ``text``, so the character before ``p``
    counts even when a search starts at ``p``)."""
    before = p > lo and _is_word(text[p - 1])
    return before != (p < (len(text) if hi < 0 else hi) and _is_word(text[p]))


def _honorific_start(text: str, q: int, lo: int, sliced: bool = False) -> int:
    """Start of ``\\b(?:Mr|Mrs|Ms|Dr)\\.?[ \\t\\n]+`` ending at ``q`` and starting at or after ``lo``, or -1.
    ``sliced``: read in ``text[lo:]`` (nothing before ``lo`` for ``\\b`` to see)."""
    j = q
    while j > lo and text[j - 1] in " \t\n":
        j -= 1
    if j == q:
        return -1
    k = j - 1 if j > lo and text[j - 1] == "." else j
    for h in (k - 3, k - 2):
        if h >= lo and text[h:k] in ("Mrs", "Mr", "Ms", "Dr") and _boundary(text, h, lo if sliced else 0):
            return h
    return -1


def _age(f: _Found) -> tuple[int, int, int] | None:
    """ "Amit R. Ghai, 52, ..." / "Mr. Ghai (age 52)": an age printed right after the person's name
    in the same document (the first such mention).

    The full name, or the surname after an honorific (two people may share a surname), found as
    literals within 20,000 characters of the sentence (no per-person regex to compile); at each
    start, in order, the full name is tried before the honorific, as the alternation would."""
    parts = f.person.split()
    if not parts:
        return None
    text = f.doc.text
    person, last = f.person, parts[-1]
    lo = max(0, f.sentence[0] - 20000)
    hi = min(len(text), f.sentence[1] + 20000)
    # (start, end of the name) of every candidate, full names first at a shared start.
    cands: list[tuple[int, int, int]] = []
    p = text.find(person, lo, hi)
    while p >= 0:
        if _boundary(text, p):
            cands.append((p, 0, p + len(person)))
        p = text.find(person, p + 1, hi)
    q = text.find(last, lo, hi)
    while q >= 0:
        h = _honorific_start(text, q, lo)
        if h >= 0:
            cands.append((h, 1, q + len(last)))
        q = text.find(last, q + 1, hi)
    cands.sort()
    for _s, _k, e in cands:
        m = _AGE_TAIL.match(text, e, hi)
        if m is not None:
            if not 18 <= int(m.group(1)) <= 99:
                return None
            return int(m.group(1)), m.start(1), m.end(1)
    return None


_READ_SECTION_RX1 = re.compile(r"[ \t\n]*(?:,|and|,[ \t\n]*and|&)[ \t\n]*(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t\n]*)?")
_READ_SECTION_RX2 = re.compile(r"(?:,|\band)[ \t\n]*$")
_READ_SECTION_RX3 = re.compile(r"[ \t\n]*,[ \t\n]*")
_READ_SECTION_RX4 = re.compile(
    r"\b(?:will|was|were|has|have|had|is|are|notified|informed|who|which|that|while|whereas)\b"
)


def _read_section(sec: Section, company_names: Callable[[], tuple[str, ...]]) -> list[_Found]:
    text = sec.doc.text
    out: list[_Found] = []
    # The _GATE stems the section holds: a sentence can hold no other (lower case keeps the offsets
    # when it keeps the length, so a sentence's lower case is a piece of the section's).
    sec_low = text[sec.start : sec.end].lower()
    gate = tuple(k for k in _GATE if k in sec_low) if len(sec_low) == sec.end - sec.start else _GATE
    if not gate:
        return out
    sents = list(sentences(text, sec.start, sec.end, lines=sec.doc.format in ("html", "ixbrl")))
    # Read only once a sentence reports a change (most sections have none): the registrant's names,
    # and the full names of the section (one pass of the name finder; sentences take their share).
    registrant: tuple[str, ...] = ()
    book = NameBook()
    known: list[Mention] | None = None
    # The one departure read from the previous sentence, for "He will cease to serve as ..." next.
    last: tuple[_Found, int, int] | None = None
    for si, (a, b) in enumerate(sents):
        sent = text[a:b]
        low = sent.lower()
        if not has_stem(low, gate):
            last = None
            continue
        fl = fold_case(sent, low)
        if not (
            _F_ACTIVE_ANY.search(sent, fl)
            or _F_PASSIVE_APPT.search(sent, fl)
            or _F_DEPART.search(sent, fl)
            or _F_TRANSITION.search(sent, fl)
            or _F_DEPART_NOUN.search(sent, fl)
        ):
            last = None
            continue
        if _F_CONDITIONAL.search(sent, fl):
            last = None
            continue  # "if Mr. Banks resigns for good reason": a contract term, not news
        if known is None:
            registrant = company_names()
            known = find_names(text, sec.start, sec.end)
            for m in known:
                book.add(m.name)
        ms = mentions(text, a, b, book, known)
        ms = [m for m in ms if _is_person(text, m, a, sec, book)]
        if not ms:
            if last is not None:
                _pronoun_follow_up(last, text, a, b, registrant)
            last = None
            continue
        last = None
        shareholder_vote = bool(_F_SHAREHOLDER_ELECTION.search(sent, fl))
        prev_active: _Found | None = None
        handed: dict[int, list[_Found]] = {}  # appointments read from the previous holder's words
        per: list[list[_Found]] = []
        reach: list[int] = []
        for i, m in enumerate(ms):
            lo = ms[i - 1].end if i else a
            hi = ms[i + 1].start if i + 1 < len(ms) else b
            # "elected Stephanie F. Pope ... to replace Stanley A. Deal as President and Chief Executive
            # Officer, ..., effective March 25, 2024": the office and date after the replaced person's name.
            hi_role = hi
            if i + 1 < len(ms) and _REPLACE_END.search(text, m.end, hi):
                hi_role = ms[i + 2].start if i + 2 < len(ms) else b
            before = text[lo : m.start]
            # Skip the honorific in front of the name when reading the verb before it.
            before_core = (
                _HONOR_TAIL.sub("", before) if before.rstrip(" \t\n").endswith(_HONOR_TAIL_ENDS) else before
            )
            bc_low = fold_case(before_core)
            got: list[_Found] = handed.pop(i, [])
            per.append(got)
            reach.append(hi_role)
            if _F_SUBORDINATE_BEFORE.search(before_core, bc_low):
                prev_active = None
                continue  # "after Mr. Williams retires": background to the news, not the news
            am = _F_ACTIVE.search(before_core, bc_low)
            if am and not shareholder_vote and not _ELECTED_TO_ACT.search(text[lo + am.start() : hi]):
                f = _new(sec, m, "appointment", (a, b), "officers.appoint_verb")
                _role_after(f, text, m.end, hi_role, registrant, direct=True)
                got.append(f)
                prev_active = f
            elif (
                prev_active is not None
                and len(before) < 90
                and _READ_SECTION_RX2.search(before)
                and not _READ_SECTION_RX4.search(before)
            ):
                # "elected D. Jeremy Darroch, effective ..., and James P. Gorman, effective ..., as directors"
                f = _new(sec, m, "appointment", (a, b), "officers.appoint_list")
                _role_after(f, text, m.end, hi_role, registrant, direct=True)
                got.append(f)
                prev_active = f
            else:
                prev_active = None
            after = text[m.end : hi]
            after_low = fold_case(after)
            if _F_DEPART_BEFORE.search(before_core, bc_low):
                f = _new(sec, m, "departure", (a, b), "officers.depart_noun")
                _role_after(f, text, m.end, hi, registrant)
                cm = _READ_SECTION_RX3.match(text[m.end : hi]) if f.role is None else None
                if cm:
                    # "the departure of Donnie King, President North American Operations, effective
                    # February 28, 2017" (0000100493-17-000037): the office in apposition.
                    _set_role(f, text, m.end + cm.end(), hi, registrant)
                dn = _F_DEPART_BEFORE.search(before_core, bc_low)
                _set_reason(f, dn.group(0) if dn else "", lo + (dn.start() if dn else 0))
                got.append(f)
            tm = _TRANSITION_FROM.match(after) if not got else None
            to = None
            if tm is not None:
                # "Gary S. Shedlin transitioned from the role of Chief Financial Officer to Vice
                # Chairman" (x1364742-2023-02-24): leaves one office and takes another.
                to = _TRANSITION_TO.search(text, m.end + tm.end(), min(hi_role, m.end + tm.end() + 160))
                if to is not None:
                    d = _new(sec, m, "departure", (a, b), "officers.transition")
                    _set_role(d, text, m.end + tm.end(), to.start(), registrant, whole=True)
                    g = _new(sec, m, "appointment", (a, b), "officers.transition")
                    _set_role(g, text, to.end(), hi_role, registrant)
                    if d.role and g.role:
                        got += [d, g]
                        continue
            if not got and to is None:
                ta = _TRANSITION_AWAY.match(after) if "ransition" in after else None
                if ta is not None:
                    d = _new(sec, m, "departure", (a, b), "officers.transition")
                    _set_role(d, text, m.end + ta.end(), hi, registrant)
                    if d.role is None:
                        _role_appositive(d, text, m.end, hi, registrant)
                    if d.role is None:
                        _role_before_name(d, text, lo, m.start, registrant)
                    got.append(d)
                ho = (
                    _HANDOVER.match(after)
                    if ta is None
                    and i + 1 < len(ms)
                    and " to " in after
                    and any(k in low for k in ("transition", "hand", "pass", "turn"))
                    else None
                )
                if ho is not None:
                    d = _new(sec, m, "departure", (a, b), "officers.handover")
                    _set_role(d, text, m.end + ho.end(), hi, registrant)
                    if d.role and d.role_span and _HANDOVER_TO.search(text, d.role_span[1], hi):
                        g = _new(sec, ms[i + 1], "appointment", (a, b), "officers.handover")
                        g.role, g.role_span = d.role, d.role_span
                        got.append(d)
                        handed[i + 1] = [g]
            if not got:
                pm = _F_PASSIVE_APPT.search(after, after_low)
                if (
                    pm
                    and not shareholder_vote
                    and not _SUCCEEDED_BY.search(after)
                    and not _BIO_AFTER.match(after[pm.end() :])
                ):
                    f = _new(sec, m, "appointment", (a, b), "officers.passive")
                    _role_after(f, text, m.end + pm.end(), hi_role, registrant, direct=True)
                    # An appointment read from the person's own clause must name the office.
                    if f.role is not None:
                        got.append(f)
            dm = _first_depart(after, after_low, registrant)
            if dm is not None and not any(g.change == "departure" for g in got):
                f = _new(sec, m, "departure", (a, b), "officers.depart")
                _role_after(f, text, m.end + dm.end(), hi, registrant, depart=True)
                if f.role is None or _GENERIC_ROLE.fullmatch(f.role):
                    _role_appositive(f, text, m.end, hi, registrant)
                if f.role is None:
                    _role_before_name(f, text, lo, m.start, registrant)
                _set_reason(f, dm.group(0), m.end + dm.start())
                if f.role is None and f.reason == "not_standing":
                    # Only a director stands for re-election (0001193125-23-199169).
                    f.role, f.role_span = "director", (m.end + dm.start(), m.end + dm.end())
                got.append(f)
        # Subjects joined by "and": "Timothy P. Flynn and Michael A. Neal ... retired from the Board."
        for i in range(len(ms) - 2, -1, -1):
            if per[i] or not per[i + 1]:
                continue
            between = text[ms[i].end : ms[i + 1].start]
            if _READ_SECTION_RX1.fullmatch(between):
                for g in per[i + 1]:
                    if g.rule.startswith(("officers.depart", "officers.passive")):
                        c = _new(sec, ms[i], g.change, (a, b), g.rule.removesuffix("_list") + "_list")
                        c.role, c.role_span = g.role, g.role_span
                        c.reason, c.reason_span = g.reason, g.reason_span
                        c.copy_of = g.copy_of or g
                        per[i].append(c)
        # Lists after one verb share the office printed after the last name ("... as directors").
        for i in range(len(ms) - 2, -1, -1):
            for f in per[i]:
                if f.change == "appointment" and f.role is None:
                    nxt = next((g for g in per[i + 1] if g.change == "appointment"), None)
                    if nxt is not None and nxt.rule == "officers.appoint_list":
                        f.role, f.role_span = nxt.role, nxt.role_span
        kept: list[list[_Found]] = []
        event_date = _completed_event_date(text, a, ms[0].start)
        for i, m in enumerate(ms):
            hi = ms[i + 1].start if i + 1 < len(ms) else b
            keep = []
            for f in per[i]:
                if f.change == "appointment" and f.role and _COMMITTEE_ONLY.search(f.role):
                    continue  # a committee seat for a sitting director is not an officer change
                if f.change == "appointment" and f.role and _OTHER_BOARD.fullmatch(f.role):
                    # "expected to be appointed as a director of Worthington Steel": another
                    # company's board (the registrant's names were stripped from the role first).
                    continue
                if f.change == "appointment" and f.role is None and _committee_seat(text, m.end, hi):
                    continue
                hi_f = reach[i] if f.change == "appointment" else hi
                _date(f, text, a, b, m, hi_f, sents[si + 1 : si + 4], ms[i - 1].end if i else a, known)
                if (
                    f.date is None
                    and f.date_from != "event"
                    and event_date is not None
                    and (_COMPLETED.search(text, m.end, hi_f) or f.rule == "officers.transition")
                ):
                    f.date, f.date_span = event_date[0], (event_date[1], event_date[2])
                    f.date_from = "lead"
                keep.append(f)
            kept.append(keep)
        # "elected Mary T. Barra and Safra A. Catz as directors, effective April 1, 2024": the date after
        # the last name of a list belongs to every name of it.
        for i in range(len(kept) - 2, -1, -1):
            nxt = next((g for g in kept[i + 1] if g.rule == "officers.appoint_list"), None)
            if nxt is None or nxt.date_from not in ("effective", "event"):
                continue
            for f in kept[i]:
                if f.change == "appointment" and f.date_from not in ("effective", "event"):
                    f.date, f.date_span, f.date_from = nxt.date, nxt.date_span, "effective"
        # "has appointed Christine M. McCarthy ... and has appointed Kevin A. Mayer ..., each effective
        # July 1, 2015" (0001001039-15-000176): the trailing date belongs to every change before it.
        each = _EACH_EFFECTIVE.search(text, ms[-1].end, b) if "effective" in low else None
        if each is not None:
            d = find_date(text, each.end(), min(b, each.end() + 25))
            if d and d[1] == each.end():
                for keep in kept:
                    for f in keep:
                        if f.date is None and f.date_from != "event":
                            f.date, f.date_span, f.date_from = d[0], (d[1], d[2]), "effective"
        for keep in kept:
            for f in keep:
                if f.copy_of is not None and f.date is None and f.copy_of.date is not None:
                    f.date, f.date_span, f.date_from = (
                        f.copy_of.date,
                        f.copy_of.date_span,
                        f.copy_of.date_from,
                    )
            out += keep
        flat_kept = [f for keep in kept for f in keep]
        if len(flat_kept) == 1 and flat_kept[0].change == "departure":
            last = (flat_kept[0], a, b)
    return out


_PRONOUN_DEPART = re.compile(
    r"(?:(?:As[ \t\n]+a[ \t\n]+result|Accordingly|In[ \t\n]+connection[ \t\n]+(?:therewith|with[ \t\n]+(?:his|her|this|such)[ \t\n]+\w+)),?[ \t\n]+)?"
    r"(?:he|she)[ \t\n]+(?:will|has|had|shall)?[ \t\n]*(?:cease[ \t\n]+to[ \t\n]+(?:serve|be|hold)|ceased[ \t\n]+to[ \t\n]+(?:serve|be|hold)|step[ \t\n]+down|stepped[ \t\n]+down|resign|resigned)\b",
    re.I,
)


_AFTER_EVENT = re.compile(
    r"\b(?:following|upon|after|with)[ \t\n]+(?:the[ \t\n]+)?(?:completion|closing|consummation|filing|effectiveness)\b[^.;]*?"
    r"\b(?:occurred|took[ \t\n]+place|was[ \t\n]+(?:completed|filed|consummated))\b",
    re.I,
)
_ENDS_ON_DATE = re.compile(r"\bon[ \t\n]+(?=[A-Z0-9])")


_COMPLETED_EVENT_DATE_RX1 = re.compile(r"[ \t\n]*,[ \t\n]*(?:\([a-z0-9]{1,4}\)[ \t\n]*)?")


def _completed_event_date(text: str, a: int, first: int) -> tuple[str, int, int] | None:
    """ "following the completion of ..., which occurred with the filing of the Company's Annual
    Report ... on February 24, 2023, (i) Gary S. Shedlin transitioned ..." (x1364742-2023-02-24):
    a past change dated by the completed event the sentence opens with, the date printed right
    before the first name."""
    em = _AFTER_EVENT.search(text, a, first)
    if em is None:
        return None
    for om in _ENDS_ON_DATE.finditer(text, em.end(), first):
        d = find_date(text, om.end(), first)
        if d and d[1] == om.end() and _COMPLETED_EVENT_DATE_RX1.fullmatch(text[d[2] : first]):
            return d
    return None


def _pronoun_follow_up(
    last: tuple[_Found, int, int], text: str, a: int, b: int, registrant: tuple[str, ...]
) -> None:
    """ "On January 22, 2025, Christopher D. Young informed ... of his decision to resign from the
    Company. As a result, he will cease to serve as Executive Vice President, ..., effective
    immediately." (0001193125-25-010492): the next sentence, naming nobody, gives the office and
    the date of the one departure read just before."""
    f, pa, pb = last
    pm = _PRONOUN_DEPART.match(text, a, b)
    if pm is None:
        return
    if f.role is None:
        _role_after(f, text, pm.end(), b, registrant, depart=True)
    if f.date is not None or f.date_from == "event":
        return
    for em in _EFFECTIVE.finditer(text, pm.end(), b):
        if _ON_EVENT.match(text, em.start(), b):
            return
        d = find_date(text, em.end(), min(b, em.end() + 70))
        if d:
            f.date, f.date_span, f.date_from = d[0], (d[1], d[2]), "effective"
            return
    if _IMMEDIATE.search(text, pm.end(), b):
        lead = _lead_date(text, pa, pb)
        if lead:
            f.date, f.date_span, f.date_from = lead[0], (lead[1], lead[2]), "lead"


def _lead_date(text: str, a: int, b: int) -> tuple[str, int, int] | None:
    """The date a sentence opens with: "On January 22, 2025, ..."."""
    lead = _LEAD_DATE.match(text, a, b)
    if lead:
        d = find_date(text, lead.end(), min(b, lead.end() + 25))
        if d and d[1] == lead.end():
            return d
    return None


_REPLACE_END = re.compile(
    r"\b(?:to[ \t\n]+)?(?:replace|succeed|succeeding|replacing)[ \t\n]*(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t\n]*)?\Z"
)
_GENERIC_ROLE = re.compile(
    r"(?:an[ \t\n]+)?(?:officer|employee|officer and employee|executive officer)s?", re.I
)


_COMMITTEE_SEAT_RX1 = re.compile(r"\bcommittee\b", re.I)


def _committee_seat(text: str, pos: int, hi: int) -> bool:
    w = text[pos:hi]
    c = _COMMITTEE_SEAT_RX1.search(w)
    o = _OFFICE_WORD.search(w)
    return bool(c and (o is None or c.start() < o.start()))


_STRONG_AFTER = re.compile(r"[ \t\n]*(?:,[ \t\n]*(?:age[ \t\n]+)?\d{2}\b|\((?:age[ \t\n]+)?\d{2}\))")


_HONORIFIC_AT_END = re.compile(r"(?:Mr|Mrs|Ms|Dr|Messrs|Sir)\.?[ \t\n]*$")
_INITIAL = re.compile(r"\b[A-Z]\.[ \t\n]")
_NAME_SUFFIX = re.compile(r"\b(?:Jr|Sr|II|III|IV)\b")
_LOWER_WORD = re.compile(r"\b[a-z]{3,}\b")
_PREPOSITION_AT_END = re.compile(r"\b(?:to|by|from|with)[ \t\n]*$")


def _is_person(text: str, m, a: int, sec: Section, book: NameBook) -> bool:
    """Drop capitalized runs that continue an office ("..., Executive Vice President, Corporate
    Transformation, has elected to retire"; "CEO Amazon Web Services") unless other evidence says
    the run is a person: an honorific, a middle initial, a suffix, an age, or "Mr. <surname>" elsewhere."""
    if "'s" in text[m.start : m.end] or "’s" in text[m.start : m.end]:
        return False
    seg_start = max(text.rfind(",", a, m.start), text.rfind("(", a, m.start), a)
    seg = text[seg_start : m.start]
    prev_seg = text[max(text.rfind(",", a, max(seg_start, a)), a) : seg_start] if seg_start > a else ""
    # A name that is the object of a preposition after plain words ("... as Chief Operating Officer
    # later this month to Sabih Khan", 0001140361-25-025275) does not continue the office.
    last_office = None
    for om in _OFFICE_WORD.finditer(seg):
        last_office = om
    role_before = (
        last_office is not None
        and not (_LOWER_WORD.search(seg[last_office.end() :]) and _PREPOSITION_AT_END.search(seg))
    ) or (seg.strip(" ,\t\n") == "" and bool(_OFFICE_WORD.search(prev_seg)))
    if not role_before:
        return True
    if _HONORIFIC_AT_END.search(text[max(a, m.start - 6) : m.start]):
        return True
    if _INITIAL.search(m.name) or _NAME_SUFFIX.search(m.name):
        return True
    if _STRONG_AFTER.match(text, m.end):
        return True
    # "Mr. <surname>" in the section (r"\b(?:Mr|Mrs|Ms|Dr)\.?[ \t\n]+<surname>\b" over sec.text),
    # found as a literal: no regex to compile per surname.
    sur = m.name.split()[-1]
    q = text.find(sur, sec.start, sec.end)
    while q >= 0:
        if _honorific_start(text, q, sec.start, sliced=True) >= 0 and _boundary(
            text, q + len(sur), sec.start, sec.end
        ):
            return True
        q = text.find(sur, q + 1, sec.end)
    return False


_ACTIVE_ANY = re.compile(
    r"\b(?:appoint|elect|nam|promot|hir|select|welcom)[a-z]*\b|\bthe[ \t\n]+(?:appointment|election|hiring|promotion)",
    re.I,
)
# The patterns read for every sentence and every name, with their stems (see events_text.Folded).
_F_ACTIVE_ANY = Folded(_ACTIVE_ANY, ("appoint", "elect", "nam", "promot", "hir", "select", "welcom"))
_F_ACTIVE = Folded(_ACTIVE, ("appoint", "elect", "nam", "promot", "hir", "select", "welcom", "addition"))
_F_PASSIVE_APPT = Folded(
    _PASSIVE_APPT,
    (
        "appointed", "elected", "named", "promoted", "hired", "selected", "join", "becom", "became",
        "assum", "succeed", "take", "interim", "acting", "accepted", "transition",
    ),
)  # fmt: skip
_F_DEPART = Folded(
    _DEPART,
    (
        "resign", "retir", "step", "ceas", "depart", "terminated", "removed", "dismissed", "away",
        "died", "election", "declin", "leav", "relinquish", "separated",
    ),
)  # fmt: skip
_F_TRANSITION = Folded(_TRANSITION, ("transition", "hand", "turn", "pass"))
_NOUN_STEMS = ("resign", "retir", "depart", "death", "passing", "terminat")
_F_DEPART_NOUN = Folded(_DEPART_NOUN, _NOUN_STEMS)
_F_DEPART_BEFORE = Folded(_DEPART_BEFORE, _NOUN_STEMS)
_F_CONDITIONAL = Folded(_CONDITIONAL, ("if", "event", "unless", "provided", "whether"))
_F_SUBORDINATE_BEFORE = Folded(
    _SUBORDINATE_BEFORE,
    ("after", "before", "until", "upon", "following", "when", "once", "if", "unless", "prior"),
)
_F_SHAREHOLDER_ELECTION = Folded(_SHAREHOLDER_ELECTION, ("elect",))


_FIRST_DEPART_RX1 = re.compile(
    r"\b(?:may|might|could|right[ \t\n]+to|option[ \t\n]+to|able[ \t\n]+to)[ \t\n]+(?:\w+[ \t\n]+)?$", re.I
)
_FIRST_DEPART_RX2 = re.compile(
    r"[ \t\n]+from[ \t\n]+(?!the\b|his\b|her\b|its\b|our\b|their\b|all\b|any\b|such\b)([A-Z][\w.&-]*)"
)
_FIRST_DEPART_RX3 = re.compile(
    r"\b(?:upon|after|following|prior[ \t\n]+to|before)[ \t\n]+(?:the[ \t\n]+)?$", re.I
)


def _first_depart(
    after: str, after_low: str | None, registrant: tuple[str, ...] = ()
) -> re.Match[str] | None:
    for dm in _F_DEPART.finditer(after, after_low):
        pre = after[max(0, dm.start() - 40) : dm.start()]
        if _FIRST_DEPART_RX1.search(pre):
            continue  # a possibility or a contract right, not an event
        if _BIO.search(pre) or _BIO_AFTER.match(after[dm.end() :]):
            continue
        # "retired from Intel": leaving another company is biography.
        nxt = after[dm.end() : dm.end() + 60]
        fm = _FIRST_DEPART_RX2.match(nxt)
        if fm and not any(
            _core(n).split()[:1] == [fm.group(1).lower().strip(".")] for n in registrant if _core(n)
        ):
            continue
        if _FIRST_DEPART_RX3.search(pre):
            continue
        return dm
    return None


def _new(sec: Section, m, change: str, sent: tuple[int, int], rule: str) -> _Found:
    return _Found(
        person=m.name,
        key=m.key,
        change=change,
        doc=sec.doc,
        person_span=(m.start, m.end),
        sentence=sent,
        rule=rule,
    )


_DIRECT_ROLE = re.compile(
    r"[ \t\n]*(?:to[ \t\n]+)?(?:(?:the|its|our|an?|new)[ \t\n]+|(?:the[ \t\n]+)?[A-Z][\w.&-]*'s[ \t\n]+)*"
    r"(?=(?:[A-Z][\w&-]*,?[ \t\n]+){0,3}?(?:Chief|President|Vice|Executive|Senior|Chair|Chairman|Chairwoman|Treasurer|"
    r"Secretary|Controller|General[ \t\n]+Counsel|Head|Principal|Interim|Acting|chief|president|vice|executive|senior|"
    r"principal|interim|acting|controller|treasurer|secretary|general[ \t\n]+counsel)\b)"
)


def _role_after(
    f: _Found,
    text: str,
    pos: int,
    hi: int,
    registrant: tuple[str, ...],
    depart: bool = False,
    direct: bool = False,
) -> None:
    """The office named after the change verb: "as Controller", "to the position of ...", "to the Board",
    or, with ``direct``, right after it ("appointed Christine M. McCarthy Senior Executive Vice President")."""
    window_end = min(hi, pos + 260)
    if direct:
        dm = _DIRECT_ROLE.match(text, pos, window_end)
        if dm:
            _set_role(f, text, dm.end(), window_end, registrant)
            if f.role:
                return
    rm = _ROLE_INTRO.search(text, pos, window_end)
    bm = _BOARD_SEAT.search(text, pos, window_end)
    if bm and (rm is None or bm.start() < rm.start()):
        f.role, f.role_span = "director", (bm.start(), bm.end())
        return
    if rm is None or rm.start() - pos > 120:
        return
    _set_role(f, text, rm.end(), window_end, registrant)


_TITLE_BEFORE = re.compile(
    r"(?:^|(?<=[ \t\n]))(?P<cur>(?:current|then)[ \t\n]+)?(?P<role>(?:Chief|President|Executive|Senior|Vice|Chair\w*|Treasurer|Secretary|Controller|"
    r"General[ \t\n]+Counsel|Principal|CEO|CFO|COO|CTO)(?:[ \t\n]+(?:[A-Z][\w&-]*|of|and))*)"
    # "The Company's current CEO, Paul Ricci, will retire" (0001002517-18-000024)
    r"(?:[ \t\n]+|(?<=[a-zA-Z])(?<!\bCorporation)(?<!\bCompany),[ \t\n]+)\Z"
)


_ROLE_BEFORE_NAME_RX1 = re.compile(r"\b(?:CEO|CFO|COO|CTO)\b")


def _role_before_name(f: _Found, text: str, lo: int, start: int, registrant: tuple[str, ...]) -> None:
    """ "announced that Chief Financial Officer Luca Maestri will transition from his role"
    (0001140361-24-038601): the office printed as a title right before the name."""
    tm = _TITLE_BEFORE.search(text, max(lo, start - 120), start)
    if tm is None or not (is_roleish(tm.group("role")) or _ROLE_BEFORE_NAME_RX1.search(tm.group("role"))):
        return
    if "," in text[tm.end("role") : start] and tm.group("cur") is None:
        return  # "most recently as Executive Vice President, Chief Corporate Architect, Edward Screven": a list
    _set_role(f, text, tm.start("role"), tm.end("role"), registrant, whole=True)


def _role_appositive(f: _Found, text: str, pos: int, hi: int, registrant: tuple[str, ...]) -> None:
    am = _APPOSITIVE.match(text, pos, hi)
    if am:
        _set_role(f, text, am.start("role"), am.end("role"), registrant, whole=True)
        return
    # "Dennis C. Joines, a director and Executive Vice President of the Company and director,
    # President and Chief Operating Officer of Horizon Bank ("Bank") resigned on April 28, 2009"
    # (0000939057-09-000115): no comma closes the appositive; its first office, up to "of the
    # Company", is the registrant's.
    bm = _APPOSITIVE_BARE.match(text, pos, hi)
    if bm is None:
        return
    rs, re_ = bm.start("role"), bm.end("role")
    cut = _OF_COMPANY.search(text, rs, re_)
    if cut is not None:
        re_ = cut.start()
    elif "," in text[rs:re_]:
        return
    _set_role(f, text, rs, re_, registrant, whole=True)


_SET_ROLE_RX1 = re.compile(
    r"(?:(?:the|its|our|a|an|his|her|their|interim|acting|new)[ \t\n]+|(?:[A-Z][\w.&-]*[ \t\n]+){0,3}[A-Z][\w.&-]*'s[ \t\n]+)*"
)
_INTERIM = re.compile(r"\b(?:interim|acting)\b", re.I)
_SET_ROLE_RX3 = re.compile(
    r"(?:a[ \t\n]+)?(?:member|members|director|directors|trustee)(?:[ \t\n]+of[ \t\n]+the[ \t\n]+board.*)?",
    re.I,
)
_SET_ROLE_RX5 = re.compile(r"(?:[ \t\n,]+(?:and|or))+$")
_SET_ROLE_RX6 = re.compile(r"\bboard\b", re.I)
_SET_ROLE_RX7 = re.compile(r"\b(?:head|manager|partner|lead|ceo|cfo|coo|cto|cio)\b", re.I)
_SET_ROLE_RX8 = re.compile(r"\bchair|\bvice|\bofficer|\bpresident", re.I)


def _set_role(
    f: _Found, text: str, start: int, end: int, registrant: tuple[str, ...], whole: bool = False
) -> None:
    # Articles and possessives in front of the office: "the", "its", "the Company's", "Chevron's".
    lead = _SET_ROLE_RX1.match(text[start:end])
    s = start + (lead.end() if lead else 0)
    im = _INTERIM.search(text[start:s])
    interim = im is not None
    if whole:
        e = end
    else:
        sm = _ROLE_STOP.search(text, s, end)
        e = sm.start() if sm else end
    role = text[s:e]
    # Strip "of the Company" / "of <registrant>" / "for <registrant>" at the end; keep other units.
    role, e = _strip_registrant(role, s, registrant)
    role = _SET_ROLE_RX5.sub("", role.rstrip(" ,\t\n")).rstrip(" ,\t\n")
    e = s + len(role)
    if not role or len(role) > 140:
        return
    if _SET_ROLE_RX3.fullmatch(role) or (_SET_ROLE_RX6.search(role) and not _SET_ROLE_RX8.search(role)):
        f.role, f.role_span, f.interim = "director", (s, e), interim or None
        if im is not None:
            f.interim_span = (start + im.start(), start + im.end())
        return
    if not _OFFICE_WORD.search(role):
        return
    if not is_roleish(role) and not _SET_ROLE_RX7.search(role):
        return
    f.role, f.role_span = flat(role), (s, e)
    rm = None if im is not None else _INTERIM.search(role)
    if im is not None:
        f.interim, f.interim_span = True, (start + im.start(), start + im.end())
    elif rm is not None:
        f.interim, f.interim_span = True, (s + rm.start(), s + rm.end())
    if interim:
        # Keep "interim" in the printed role: "interim president".
        s2 = start + text[start:s].lower().rfind("interim") if "interim" in text[start:s].lower() else s
        f.role, f.role_span = flat(text[s2:e]), (s2, e)


_CORP_SUFFIX = re.compile(
    r"(?:,?[ \t\n]+(?:Inc|Incorporated|Corp|Corporation|Company|Co|Ltd|Limited|LLC|L\.P|plc|N\.A)\.?)$", re.I
)


_STRIP_REGISTRANT_RX1 = re.compile(
    r"[ \t\n,]+(?:of|for|at|with)[ \t\n]+(?P<org>[^,]*(?:,[ \t\n]*(?:Inc|Corp|Ltd|LLC|L\.P|N\.A)\.?)?)$"
)
_STRIP_REGISTRANT_RX2 = re.compile(
    r"(?:the[ \t\n]+)?(?:company|corporation|registrant|firm|bank|trust|partnership|parent)", re.I
)
_STRIP_REGISTRANT_RX3 = re.compile(r"[ \t\n]*(?:,|\band\b|&)[ \t\n]*")
_STRIP_REGISTRANT_RX4 = re.compile(
    r"(?:the[ \t\n]+)?(?:company|corporation|registrant|bank|trust|partnership)", re.I
)


def _strip_registrant(role: str, s: int, names: tuple[str, ...]) -> tuple[str, int]:
    """Drop "of the Company", "of <the registrant>" or "for <a legal entity>, Inc." from the end of an office."""
    m = _STRIP_REGISTRANT_RX1.search(role)
    if m:
        raw = m.group("org").strip()
        org = _core(raw)
        generic = bool(_STRIP_REGISTRANT_RX2.fullmatch(raw))
        # "a director of the Company and the Bank" (0000939057-08-000339): both are the registrant's group.
        parts = [p for p in _STRIP_REGISTRANT_RX3.split(raw) if p]
        if len(parts) > 1 and all(_STRIP_REGISTRANT_RX4.fullmatch(p) for p in parts):
            generic = True
        cores = [_core(n) for n in names if n]
        # "Marvell Technology, Inc." where the filing defines "Marvell": the registrant under its full name.
        prefixed = bool(_CORP_SUFFIX.search(raw)) and any(c and org.startswith(c + " ") for c in cores)
        if generic or prefixed or (org and org in cores):
            return role[: m.start()], s + m.start()
    return role, s + len(role)


_DEFINED = re.compile(r"\((?:the[ \t\n]+)?[\"“]([A-Z][\w&.\- ]{1,40})[\"”]\)")


_COMPANY_NAMES_RX1 = re.compile(r"[\"“](?:Company|Registrant|Corporation)[\"”]")


def _company_names(filing: Filing) -> tuple[str, ...]:
    """The registrant's names: cover, SEC header, and the defined terms of the 8-K ("Chevron")."""
    names: list[str] = []
    if filing.cover and filing.cover.registrant_name:
        names.append(filing.cover.registrant_name)
    if filing.header:
        names += [f.name for f in filing.header.filers if f.name]
    doc = filing.primary_document
    if doc is not None:
        words = [set(_core(n).split()) for n in names if _core(n)]
        for m in _DEFINED.finditer(doc.text, 0, min(len(doc.text), 20000)):
            term = m.group(1)
            ctx = doc.text[max(0, m.start() - 4) : m.end() + 40]
            # Only the registrant's own short name: its words are all in the cover/header name, or it is
            # defined alongside "the Company" ("(the \"Company\" or \"Worthington\")"). A name that only
            # shares the first word is another company: "Worthington Steel" spun off by Worthington
            # Industries (0000950170-23-062135).
            core = _core(term)
            if (core and any(set(core.split()) <= w for w in words)) or _COMPANY_NAMES_RX1.search(ctx):
                names.append(term)
    return tuple(n for n in names if n.lower() not in {"company", "board", "plan", "agreement"})


_CORE_RX1 = re.compile(r"\([^)]*\)")
_CORE_RX2 = re.compile(r"[^A-Za-z0-9& ]+")


@lru_cache(maxsize=4096)
def _core(name: str) -> str:
    n = _CORE_RX1.sub(" ", name)
    n = _CORE_RX2.sub(" ", n).lower()
    toks = [
        t
        for t in n.split()
        if t
        not in {
            "the",
            "inc",
            "incorporated",
            "corp",
            "corporation",
            "company",
            "co",
            "ltd",
            "llc",
            "plc",
            "lp",
            "holdings",
            "group",
            "n",
            "a",
        }
    ]
    return " ".join(toks)


_IMMEDIATELY = re.compile(r"[ \t\n]*immediately", re.I)
_EFFECTIVE_WORD = re.compile(r"effective", re.I)
_REPORTING_VERB = re.compile(r"\b(?:announc\w*|disclos\w*|report\w*|issued)\b")
_TRANSITION_WORD = re.compile(r"\btransition", re.I)
_CLAUSE_TO_NAME = re.compile(r"[^.;]{0,60}?,[ \t\n]*(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t\n]+)?")
_COMMA_HONORIFIC = re.compile(r"[ \t\n]*,[ \t\n]*(?:(?:Mr|Mrs|Ms|Dr)\.?[ \t\n]+)?")
_PRONOUN_START = re.compile(r"[ \t\n]*(?:His|Her|Their|The|This|Such)\b")
_EFFECTIVE_START = re.compile(r"[ \t\n]*Effective")
_EFFECTIVE_AT_END = re.compile(r"effective\Z", re.I)
_EFFECTIVE_DATE_LABEL = re.compile(r"Effective[ \t\n]+(?:Date|Time)\b")


def _date(
    f: _Found,
    text: str,
    a: int,
    b: int,
    m,
    hi: int,
    later: list[tuple[int, int]],
    lo: int = -1,
    known: list[Mention] | None = None,
) -> None:
    """Effective date: "effective DATE" in the person's words; "effective immediately" or a completed
    change takes the sentence's leading "On DATE"; else a later sentence about the same change."""
    own_lo = m.end
    # The active verb before the name may carry "Effective May 21, 2020, the Board ... appointed".
    for em in _EFFECTIVE.finditer(text, own_lo, hi):
        if _ON_EVENT.match(text, em.start(), min(hi, em.end() + 40)):
            # "effective upon consummation of the Separation" with no calendar date: the change
            # waits for an event, so the sentence's decision date is not its effective date
            # (0000950170-23-062135).
            d = find_date(text, em.end(), min(hi, em.end() + 70))
            if d is None or "." in text[em.end() : d[1]].replace("Inc.", "").replace("No.", ""):
                ed = _event_date(text, em.end(), hi)
                if ed is not None:
                    f.date, f.date_span = ed[0], (ed[1], ed[2])
                    f.date_from = "effective"
                    return
                f.date_from = "event"
                return
        if _IMMEDIATELY.match(text[em.end() : em.end() + 15]):
            break
        d = find_date(text, em.end(), min(hi, em.end() + 70))
        if d and "." not in text[em.end() : d[1]].replace("Inc.", "").replace("No.", ""):
            f.date, f.date_span = d[0], (d[1], d[2])
            f.date_from = "effective"
            return
    if f.change == "departure":
        # "not to stand for re-election ... at the annual meeting of shareholders on May 29, 2024":
        # the term ends at the meeting, when its date is printed (0000034088-24-000015).
        mm = _MEETING_ON.search(text, own_lo, hi)
        if mm:
            d = find_date(text, mm.end(), min(hi, mm.end() + 25))
            if d and d[1] == mm.end():
                f.date, f.date_span = d[0], (d[1], d[2])
                f.date_from = "effective"
                return
    if f.rule == "officers.appoint_verb" and lo >= 0:
        # "announced that, effective as of October 14, 2024, the Board has appointed Elliott Hill"
        for em in _EFFECTIVE.finditer(text, lo, m.start):
            d = find_date(text, em.end(), min(m.start, em.end() + 40))
            if d:
                f.date, f.date_span = d[0], (d[1], d[2])
                f.date_from = "before"
                return
            if _ON_EVENT.match(text, em.start(), m.start):
                ed = _event_date(text, em.end(), m.start)
                if ed is not None:
                    f.date, f.date_span, f.date_from = ed[0], (ed[1], ed[2]), "before"
                    return
                f.date_from = "event"
                return
            tm = _ON_TERM.match(text, em.start(), m.start)
            td = _term_date(text, tm.group("term")) if tm else None
            if td is not None:
                f.date, f.date_span, f.date_from = td[0], (td[1], td[2]), "before"
                return
    elif lo >= 0:
        # "announced that, effective as of the Effective Date, John Donahoe will retire"
        # (0000320187-24-000053): an effective clause that ends right before the subject's name.
        last_em = None
        for em in _EFFECTIVE.finditer(text, lo, m.start):
            if not _EFFECTIVE_DATE_LABEL.match(text[em.start() : em.start() + 20]):
                last_em = em  # not the defined term "the Effective Date" itself
        if last_em is not None and _CLAUSE_TO_NAME.fullmatch(text[last_em.end() : m.start]):
            d = find_date(text, last_em.end(), m.start)
            if d is None and not _ON_EVENT.match(text, last_em.start(), m.start):
                tm = _ON_TERM.match(text, last_em.start(), m.start)
                d = _term_date(text, tm.group("term")) if tm else None
            if d is not None:
                f.date, f.date_span, f.date_from = d[0], (d[1], d[2]), "before"
                return
    lead = _LEAD_DATE.match(text, a, b)
    lead_date = None
    if lead:
        d = find_date(text, lead.end(), min(b, lead.end() + 25))
        if d and d[1] == lead.end():
            lead_date = d
    if lead_date and lead and _EFFECTIVE_WORD.search(text[lead.start() : lead.end()]):
        f.date, f.date_span = lead_date[0], (lead_date[1], lead_date[2])
        f.date_from = "lead"
        return
    own = text[own_lo:hi]
    # "resigned on April 28, 2009": the date printed with the completed change itself.
    om = _ON_DATE.search(own)
    if om:
        d = find_date(text, own_lo + om.end(), own_lo + om.end() + 30)
        if d and d[1] == own_lo + om.end():
            f.date, f.date_span = d[0], (d[1], d[2])
            f.date_from = "effective"
            return
    # "intends to retire from active employment with Horizon on May 31, 2008" (0000939057-08-000103),
    # "will assume the role of ... on January 1, 2024" (0000050863-24-000003): a future change's date.
    fm = _FUTURE_ON.search(own)
    if fm:
        d = find_date(text, own_lo + fm.end(), own_lo + fm.end() + 30)
        if d and d[1] == own_lo + fm.end():
            f.date, f.date_span = d[0], (d[1], d[2])
            f.date_from = "effective"
            return
    # "on October 1, 2024, Mr. Hearne will assume the role of ..." (0000093410-24-000037): a date
    # printed right before the subject of a future change.
    if lo >= 0 and _WILL_CHANGE.match(text, own_lo, hi):
        for om in _ON_BEFORE.finditer(text, max(lo, m.start - 40), m.start):
            d = find_date(text, om.end(), m.start)
            if d and d[1] == om.end() and _COMMA_HONORIFIC.fullmatch(text[d[2] : m.start]):
                f.date, f.date_span, f.date_from = d[0], (d[1], d[2]), "effective"
                return
    tm = _ON_TERM.search(text, own_lo, hi)
    if tm is not None:
        td = _term_date(text, tm.group("term"))
        if td is not None:
            f.date, f.date_span, f.date_from = td[0], (td[1], td[2]), "effective"
            return
    if lead_date is None and f.rule == "officers.appoint_verb" and lo >= 0:
        # "In connection with the planned resignation of ..., on January 4, 2023, the Board, ...,
        # appointed John H. McConnell II as a director" (0000950170-23-000234): a dated clause opener
        # in mid-sentence before the Board's act.
        for om in _MID_ON.finditer(text, a, m.start):
            d = find_date(text, om.end(), min(m.start, om.end() + 25))
            if d and d[1] == om.end() and text.startswith(",", d[2]):
                lead_date = d
    # "On September 4, 2009, the Company announced that ... resigned": the date of the announcement.
    announced = lead_date is not None and bool(_REPORTING_VERB.search(text[lead_date[2] : m.start]))
    # "the Board ... appointed John H. McConnell II as a director ... whose terms will expire": after a
    # past act of the Board, the named person's words ("will expire") are no notice of a future change.
    acted = f.rule == "officers.appoint_verb" and bool(
        _PAST_ACT_BEFORE.search(text, max(a, m.start - 40), m.start)
    )
    if lead_date and (
        _IMMEDIATE.search(text, a, b)
        or (not announced and _COMPLETED.search(text, a, hi) and (acted or not _NOTICE.search(own[:160])))
    ):
        f.date, f.date_span = lead_date[0], (lead_date[1], lead_date[2])
        f.date_from = "lead"
        return
    # "His resignation will become effective on June 18, 2010." in a following sentence.
    sur = f.person.split()[-1] if f.person.split() else ""
    for la, lb in later:
        s = text[la:lb]
        names = names_in(known, text, la, lb) if known is not None else find_names(text, la, lb)
        if any(n.key != f.key for n in names):
            break
        if not (_PRONOUN_START.match(s) or (sur and sur in s)):
            continue
        if f.rule == "officers.transition" and _TRANSITION_WORD.search(s):
            # "... of his intent to transition from his executive officer position. Effective April 17,
            # 2025, Reed Hastings will transition to serve as Chairman ..." (0001065280-25-000175).
            d = _lead_date(text, la, lb)
            if d is not None and _EFFECTIVE_START.match(s):
                f.date, f.date_span = d[0], (d[1], d[2])
                f.date_from = "later"
                return
        lm = _LATER_EFFECTIVE.search(s)
        if lm:
            d = find_date(text, la + lm.end(), min(lb, la + lm.end() + 60))
            if d is None and _EFFECTIVE_AT_END.search(lm.group(0)):
                d = _event_date(text, la + lm.end(), lb)
            if d:
                f.date, f.date_span = d[0], (d[1], d[2])
                f.date_from = "later"
                return


# Keep ruff from flagging helpers kept for readability of the rules above.
__all__ = ["ANY_DATE", "extract_officers", "name_key"]
