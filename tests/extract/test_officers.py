"""Officer changes (Item 5.02 / old Item 6 / Item 8.01): real filings and synthetic sentences."""

from __future__ import annotations

import pytest

import eightk
from eightk.extract.officers import extract_officers
from eightk.model import Filing, OfficerChange
from eightk.sources.local import parse_path
from tests.conftest import filing_path


def _changes(name: str) -> list[OfficerChange]:
    return extract_officers(parse_path(filing_path(name))).officer_changes


def _synthetic(body: str, item: str = "5.02") -> Filing:
    text = (
        "UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\nFORM 8-K\nCURRENT REPORT\n"
        "Date of Report (Date of earliest event reported): March 1, 2024\n"
        "Example Widgets, Inc.\n(Exact name of registrant as specified in its charter)\n"
        f"Item {item} Departure of Directors or Certain Officers.\n{body}\n"
        "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934 ...\n"
    )
    return eightk.parse(text.encode(), "synthetic")


def test_resignation_and_election_of_controller() -> None:
    # 0000093410-25-000105: "elected to resign" is a departure; "elected ... to the position of" an appointment.
    got = {(c.person, c.change): c for c in _changes("0000093410-25-000105")}
    k = got[("Alana K. Knowles", "departure")]
    assert k.role in ("Controller", "Controller of Chevron")
    assert k.effective_date == "2026-02-28"
    g = got[("Amit R. Ghai", "appointment")]
    assert g.effective_date == "2026-03-01"
    assert len(got) == 2


def test_general_retired_resigns_with_later_effective_sentence() -> None:
    # 0000950123-10-058942: "General (Ret.) Lance W. Lord"; the date is in the next sentence.
    (c,) = _changes("0000950123-10-058942")
    assert c.person == "Lance W. Lord"
    assert c.change == "departure"
    assert c.role == "director"
    assert c.effective_date == "2010-06-18"


def test_table_of_contents_heading_does_not_hide_the_item() -> None:
    # 0001000180-11-000030: the first "Item 5.02" is a table-of-contents line.
    (c,) = _changes("0001000180-11-000030")
    assert (c.person, c.change, c.role, c.effective_date) == (
        "Donald Robertson",
        "appointment",
        "Principal Accounting Officer",
        "2011-07-28",
    )


def test_officer_change_reported_under_other_events() -> None:
    # 0001171200-22-000363 reports a resignation and an interim appointment under Item 8.01.
    got = {(c.person, c.change): c for c in _changes("0001171200-22-000363")}
    assert got[("Chad Butler", "departure")].effective_date == "2022-11-21"
    assert got[("David Neibert", "appointment")].role.lower().startswith("interim president")
    assert got[("David Neibert", "appointment")].interim is True


def test_compensation_only_paragraph_is_not_a_change() -> None:
    f = _synthetic(
        "On February 2, 2024, the Compensation Committee approved a bonus program for fiscal 2024. "
        "Mr. John Smith, our Chief Executive Officer, will receive a target bonus of 100% of his base salary."
    )
    assert extract_officers(f).officer_changes == []


def test_coordinated_subjects_and_objects() -> None:
    f = _synthetic(
        "On March 1, 2024, directors Robert J. Frankenberg and Katharine A. Martin notified the Company that "
        "they intended to retire from the Board, each effective March 31, 2024. On March 1, 2024, the Board "
        "elected Mary T. Barra and Safra A. Catz as directors, effective April 1, 2024."
    )
    got = {(c.person, c.change): c for c in extract_officers(f).officer_changes}
    assert set(got) == {
        ("Robert J. Frankenberg", "departure"),
        ("Katharine A. Martin", "departure"),
        ("Mary T. Barra", "appointment"),
        ("Safra A. Catz", "appointment"),
    }
    assert all(c.role == "director" for c in got.values())
    assert got[("Mary T. Barra", "appointment")].effective_date == "2024-04-01"


@pytest.mark.parametrize(
    "body",
    [
        # a contract term, not news
        "If Mr. John Smith resigns for good reason, the Company will pay him two years of base salary.",
        # biography of an appointee
        "Mr. Jane Doe retired from Intel Corporation in 2018 after a long career.",
        # a committee seat for a sitting director
        "On March 1, 2024, the Board appointed Mark A. Weinberger as Chair of the Audit Committee.",
        # shareholders electing directors at the annual meeting (reported under Item 5.07)
        "At the annual meeting, the shareholders elected John Smith and Mary Jones as directors.",
    ],
)
def test_not_officer_changes(body: str) -> None:
    assert extract_officers(_synthetic(body)).officer_changes == []


def test_person_leaving_one_office_for_another_is_two_objects() -> None:
    f = _synthetic(
        "On March 1, 2024, Jane Q. Public resigned as Chief Financial Officer, effective immediately. "
        "Ms. Public was appointed Chief Operating Officer, effective March 4, 2024."
    )
    got = {(c.person, c.change): c for c in extract_officers(f).officer_changes}
    assert got[("Jane Q. Public", "departure")].role == "Chief Financial Officer"
    assert got[("Jane Q. Public", "departure")].effective_date == "2024-03-01"
    assert got[("Jane Q. Public", "appointment")].role == "Chief Operating Officer"
    assert got[("Jane Q. Public", "appointment")].effective_date == "2024-03-04"


def test_garbage_never_raises() -> None:
    f = _synthetic("Mr. . , resigned as as of effective ( ) Board appointed , and , as directors")
    r = extract_officers(f)
    assert isinstance(r.officer_changes, list)


def test_old_item_6_resignation() -> None:
    text = (
        "FORM 8-K\nCURRENT REPORT\nDate of Report (Date of earliest event reported): March 3, 1999\n"
        "Example Widgets, Inc.\n(Exact name of registrant as specified in its charter)\n"
        "Item 6. Resignations of Registrant's Directors.\n"
        "On March 3, 1999, John Q. Smith resigned as a director of the Registrant, effective immediately.\n"
        "SIGNATURES\n"
    )
    (c,) = extract_officers(eightk.parse(text.encode(), "synthetic")).officer_changes
    assert (c.person, c.change, c.role, c.effective_date) == (
        "John Q. Smith",
        "departure",
        "director",
        "1999-03-03",
    )


def test_numbered_paragraph_6_in_a_modern_filing_is_not_old_item_6() -> None:
    f = _synthetic(
        "Item 6. On March 1, 2024, John Q. Smith resigned as a director.",
        item="5.07",
    )
    assert extract_officers(f).officer_changes == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ('On May 2, 2024, Erin "Ellie" May was appointed Chief Accounting Officer.', 'Erin "Ellie" May'),
        ("On May 15, 2025, John R. (Jack) Hartung was appointed to the Board.", "John R. (Jack) Hartung"),
        ("On April 11, 2024, Francis A. deSouza resigned as a director.", "Francis A. deSouza"),
        ("On April 11, 2024, Peter Karmanos, Jr. resigned as a director.", "Peter Karmanos, Jr."),
    ],
)
def test_names_as_printed(sentence: str, name: str) -> None:
    (c,) = extract_officers(_synthetic(sentence)).officer_changes
    assert c.person == name


def test_company_and_office_words_are_not_people() -> None:
    f = _synthetic(
        "On October 16, 2020, the Company announced that Tom Beaudoin, Executive Vice President, Corporate "
        "Transformation, has elected to retire from the Company effective December 18, 2020. Mr. Beaudoin "
        "notified Meta Platforms, Inc. of nothing."
    )
    (c,) = extract_officers(f).officer_changes
    assert (c.person, c.change, c.effective_date) == ("Tom Beaudoin", "departure", "2020-12-18")


# --- round 2: patterns from the independent silver set -------------------------------------


def test_effective_upon_an_event_has_no_date_and_another_companys_board_is_no_appointment() -> None:
    # 0000950170-23-062135: "effective upon consummation of the Separation" names no calendar date;
    # "expected to be appointed as a director of Worthington Steel" is the spun-off company's board.
    got = {(c.person, c.change): c for c in _changes("0000950170-23-062135")}
    assert set(got) == {
        ("Carl A. Nelson", "departure"),
        ("Mary Schiavo", "departure"),
        ("Sidney A. Ribeau", "departure"),
        ("B. Andrew Rose", "appointment"),
        ("Billy R. Vickers", "appointment"),
        ("Paul G. Heller", "appointment"),
        ("Virgil L. Winland", "appointment"),
    }
    assert all(c.effective_date is None for c in got.values())
    assert got[("Carl A. Nelson", "departure")].reason == "resignation"


def test_transition_from_one_office_to_another_dated_by_a_completed_event() -> None:
    # x1364742-2023-02-24: "following the completion of ..., which occurred with the filing of the
    # Company's Annual Report ... on February 24, 2023, (i) Gary S. Shedlin transitioned from the role
    # of Chief Financial Officer to Vice Chairman and (ii) Martin Small became Chief Financial Officer".
    got = {(c.person, c.change): c for c in _changes("x1364742-2023-02-24")}
    assert got[("Gary S. Shedlin", "departure")].role == "Chief Financial Officer"
    assert got[("Gary S. Shedlin", "appointment")].role == "Vice Chairman"
    assert got[("Martin Small", "appointment")].role == "Chief Financial Officer"
    assert {c.effective_date for c in got.values()} == {"2023-02-24"}


def test_role_from_an_appositive_without_a_closing_comma() -> None:
    # 0000939057-09-000115: "Dennis C. Joines, a director and Executive Vice President of the Company
    # and director, President and Chief Operating Officer of Horizon Bank ("Bank") resigned on ...".
    (c,) = _changes("0000939057-09-000115")
    assert (c.person, c.change, c.effective_date) == ("Dennis C. Joines", "departure", "2009-04-28")
    assert c.role == "director and Executive Vice President"
    assert c.reason == "resignation"


def test_pronoun_sentence_gives_role_and_immediate_date() -> None:
    # 0001193125-25-010492 (Microsoft): the office and "effective immediately" follow in a sentence
    # that names nobody.
    f = _synthetic(
        'On January 22, 2025, Christopher D. Young informed Example Widgets, Inc. (the "Company") of his '
        "decision to resign from the Company. As a result, he will cease to serve as Executive Vice "
        "President, Business Development, Strategy, and Ventures, effective immediately. He will remain "
        "an employee of the Company until the end of March."
    )
    (c,) = extract_officers(f).officer_changes
    assert c.role == "Executive Vice President, Business Development, Strategy, and Ventures"
    assert c.effective_date == "2025-01-22"


def test_not_standing_dated_by_the_meeting_only_when_printed() -> None:
    # 0000034088-24-000015: the meeting date is printed; Sandberg (dev gold) names the meeting only.
    f = _synthetic(
        "(b) On February 27, 2024, Dr. Susan K. Avery announced her intention not to stand for "
        "re-election to the board at the annual meeting of shareholders on May 29, 2024, for reasons "
        "unrelated to the company. Dr. Avery will remain on the board until the annual meeting."
    )
    (c,) = extract_officers(f).officer_changes
    assert (c.role, c.effective_date, c.reason) == ("director", "2024-05-29", "not_standing")
    f = _synthetic(
        "On January 16, 2024, Sheryl Sandberg notified the Company that she has decided not to stand for "
        're-election at the Company\'s 2024 Annual Meeting of Shareholders (the "Annual Meeting").'
    )
    (c,) = extract_officers(f).officer_changes
    assert (c.role, c.effective_date, c.reason) == ("director", None, "not_standing")


def test_age_and_reason() -> None:
    f = _synthetic(
        "On March 1, 2024, the Board appointed Jane Q. Roe as Chief Financial Officer, effective March 4, "
        "2024. Ms. Roe, 52, has served as Treasurer since 2019. On March 1, 2024, John Doe retired as "
        "Chief Financial Officer. Mr. Doe passed nothing."
    )
    got = {(c.person, c.change): c for c in extract_officers(f).officer_changes}
    assert got[("Jane Q. Roe", "appointment")].age == 52
    assert got[("Jane Q. Roe", "appointment")].evidence["age"].quote == "52"
    assert got[("John Doe", "departure")].reason == "retirement"
    assert got[("John Doe", "departure")].age is None


@pytest.mark.parametrize(
    ("body", "person", "role", "date"),
    [
        # 0000100493-17-000037: a departure noun and the office in apposition.
        (
            "On February 14, 2017, the Company announced certain senior-level management changes, including "
            "the departure of Donnie King, President North American Operations, effective February 28, 2017.",
            "Donnie King",
            "President North American Operations",
            "2017-02-28",
        ),
        # 0000731766-24-000026: "(age 64)," opens the appositive.
        (
            "On February 6, 2024, Dirk McMahon (age 64), President and Chief Operating Officer of the Company, "
            "notified the Company of his decision to retire, effective April 1, 2024.",
            "Dirk McMahon",
            "President and Chief Operating Officer",
            "2024-04-01",
        ),
        # 0000939057-09-000243: an appositive without article or closing comma.
        (
            "On September 4, 2009, the Company announced that Greg B. Spear, Chief Financial Officer and "
            'Secretary of both the Company and Horizon Bank ("Bank") resigned. Mr. Spear\'s resignation is '
            "effective as of September 3, 2009.",
            "Greg B. Spear",
            "Chief Financial Officer and Secretary",
            "2009-09-03",
        ),
        # 0000950135-08-004963: leaving an office with no new one named.
        (
            "On July 15, 2008, the Registrant also announced that James R. Arnold, Jr., its Senior Vice "
            "President of Finance and Chief Financial Officer, will transition from the role of Chief "
            "Financial Officer on August 12, 2008.",
            "James R. Arnold, Jr.",
            "Chief Financial Officer",
            "2008-08-12",
        ),
        # 0000939057-08-000339: "of the Company and the Bank" is the registrant's group.
        (
            "(a) Horizon Financial Corp. and Horizon Bank have announced that Richard R. Haggen, a director "
            "of the Company and the Bank, resigned effective September 2, 2008.",
            "Richard R. Haggen",
            "director",
            "2008-09-02",
        ),
        # 0000939057-08-000103: a future departure dated with "on".
        (
            "Mr. John Evans, the Company's Chairman, has announced he intends to retire from active "
            "employment with the Company on May 31, 2008.",
            "John Evans",
            None,
            "2008-05-31",
        ),
    ],
)
def test_departure_roles_and_dates(body: str, person: str, role: str | None, date: str) -> None:
    (c,) = extract_officers(_synthetic(body)).officer_changes
    assert (c.person, c.change, c.effective_date) == (person, "departure", date)
    if role is not None:
        assert c.role == role


@pytest.mark.parametrize(
    "name", ["0000093410-25-000105", "0000950170-23-062135", "0000939057-09-000115", "x1364742-2023-02-24"]
)
def test_section_names_shared_by_sentences_equal_a_fresh_reading(name: str) -> None:
    # The officers reader finds names once per section and hands each sentence its share.
    from eightk.extract.events_names import find_names, names_in
    from eightk.extract.events_text import item_sections, sentences

    f = parse_path(filing_path(name))
    for sec in item_sections(f, ("5.02", "8.01")):
        text = sec.doc.text
        known = find_names(text, sec.start, sec.end)
        lines = sec.doc.format in ("html", "ixbrl")
        for a, b in sentences(text, sec.start, sec.end, lines=lines):
            assert names_in(known, text, a, b) == find_names(text, a, b)


def test_leaving_and_transition_wording() -> None:
    # 0001193125-16-771081, 0001065280-25-000175, 0001140361-24-038601, 0001193125-24-238769.
    f = _synthetic(
        "On November 17, 2016, the Company also announced that Bill Robbins, the Company's executive vice "
        "president, Worldwide Sales, will be leaving the company for another role. "
        "On April 11, 2025, Reed Hastings informed the Company of his intent to transition from his executive "
        "officer position. Effective April 17, 2025, Reed Hastings will transition to serve as Chairman of the "
        "board of directors.\n\nOn August 26, 2024, the Company announced that Chief Financial Officer Luca "
        "Maestri will transition from his role on January 1, 2025. Mr. Maestri will continue to lead "
        "Corporate Services teams.\n\n"
        "On October 17, 2024, the Company announced that Prabhakar Raghavan, Senior Vice President, Knowledge "
        "and Information, will be transitioning to the newly created role of Chief Technologist, effective "
        "immediately."
    )
    got = {(c.person, c.change): c for c in extract_officers(f).officer_changes}
    assert got[("Bill Robbins", "departure")].role == "executive vice president, Worldwide Sales"
    h = got[("Reed Hastings", "departure")]
    assert (h.role, h.effective_date) == ("executive officer position", "2025-04-17")
    m = got[("Luca Maestri", "departure")]
    assert (m.role, m.effective_date) == ("Chief Financial Officer", "2025-01-01")
    r = got[("Prabhakar Raghavan", "appointment")]
    assert (r.role, r.effective_date) == ("Chief Technologist", "2024-10-17")
    assert len(got) == 4


def test_office_handed_to_the_next_person() -> None:
    # 0001140361-25-025275: one person hands an office to another; the name after "to" is a person.
    f = _synthetic(
        "On July 8, 2025, the Company announced that Jeff Williams will transition his role as Chief Operating "
        "Officer later this month to Sabih Khan, the Company's Senior Vice President of Operations, as part "
        "of a long-planned succession."
    )
    got = {(c.person, c.change): c for c in extract_officers(f).officer_changes}
    assert got[("Jeff Williams", "departure")].role == "Chief Operating Officer"
    assert got[("Sabih Khan", "appointment")].role == "Chief Operating Officer"
    assert all(c.effective_date is None for c in got.values())
    assert len(got) == 2


def test_change_timed_by_a_defined_meeting_takes_its_date() -> None:
    # 0001171843-23-005885: "effective at the adjournment of the Annual Meeting", defined with its date.
    f = _synthetic(
        "On September 26, 2023, John P. McConnell, then Executive Chairman of the Registrant, notified the "
        'Registrant of his retirement from the Registrant\'s Board of Directors (the "Board"), effective at '
        "the adjournment of the Registrant's 2023 annual meeting of shareholders on September 27, 2023 (the "
        '"Annual Meeting"). Peter Karmanos, Jr. also retired from the Board, effective at the adjournment of '
        "the Annual Meeting.\n\nAlso in connection with Mr. McConnell's retirement, the Board elected John B. "
        "Blystone, the Registrant's Lead Independent Director, as Executive Chairman of the Board. Mr. "
        "Blystone's election as Executive Chairman of the Board became effective at the adjournment of the "
        "Annual Meeting."
    )
    got = {(c.person, c.change): c for c in extract_officers(f).officer_changes}
    assert {k: c.effective_date for k, c in got.items()} == {
        ("John P. McConnell", "departure"): "2023-09-27",
        ("Peter Karmanos, Jr.", "departure"): "2023-09-27",
        ("John B. Blystone", "appointment"): "2023-09-27",
    }


def test_future_date_after_an_appositive() -> None:
    # 0000050863-24-000003: 'the role of ... ("PSG"), an Intel standalone business, on January 1, 2024'.
    f = _synthetic(
        "As previously reported, the Company announced on October 3, 2023 that Sandra L. Rivera will assume "
        'the role of Chief Executive Officer of Programmable Solutions Group ("PSG"), a standalone business, '
        "on January 1, 2024."
    )
    (c,) = extract_officers(f).officer_changes
    assert (c.person, c.change, c.effective_date) == ("Sandra L. Rivera", "appointment", "2024-01-01")


def test_undefined_event_and_biography_transition_give_nothing_wrong() -> None:
    f = _synthetic(
        "On March 1, 2024, John Smith resigned as a director, effective upon the closing of the Merger. "
        "Jane Doe, who transitioned from the role of Controller in 2019, is not affected."
    )
    got = {(c.person, c.change): c for c in extract_officers(f).officer_changes}
    assert got[("John Smith", "departure")].effective_date is None
    assert ("Jane Doe", "departure") not in got


@pytest.mark.parametrize(
    ("body", "person", "change", "date"),
    [
        # 0000320187-24-000053: a defined "Effective Date" before the subject.
        (
            'On September 19, 2024, the Company announced that, effective as of October 14, 2024 (the "Effective '
            'Date"), the Board appointed Elliott Hill as President and CEO. On September 19, 2024, the Company '
            "also announced that, effective as of the Effective Date, John Donahoe will retire as the Company's "
            "President and CEO.",
            "John Donahoe",
            "departure",
            "2024-10-14",
        ),
        # 0001193125-25-210089: "as of the Effective Date" in the person's own words.
        (
            "On September 18, 2025 the Board made the following changes effective as of September 22, 2025 (the "
            '"Effective Date"). Douglas Kehring was promoted to Executive Vice President, Principal Financial '
            "Officer of the Company as of the Effective Date.",
            "Douglas Kehring",
            "appointment",
            "2025-09-22",
        ),
        # 0000093410-24-000037: a date right before the subject of a future change.
        (
            "To support a smooth transition of his responsibilities, on October 1, 2024, Mr. Nigel Hearne will "
            "assume the role of Executive Vice President, Senior Advisor.",
            "Nigel Hearne",
            "appointment",
            "2024-10-01",
        ),
        # 0001001039-16-000408: a future departure dated with "as of".
        (
            "On April 4, 2016, the Company announced that Thomas O. Staggs, Chief Operating Officer of the Company, "
            "will leave his position as Chief Operating Officer of the Company as of May 6, 2016.",
            "Thomas O. Staggs",
            "departure",
            "2016-05-06",
        ),
        # 0000078003-24-000185: a run-in heading before "On DATE".
        (
            "Election of Mr. Buckley to the Board of Directors On October 10, 2024, the Board of Directors of the "
            "Company elected Mortimer J. Buckley to serve as a member of the Company's Board, effective immediately.",
            "Mortimer J. Buckley",
            "appointment",
            "2024-10-10",
        ),
    ],
)
def test_dates_from_definitions_headings_and_subjects(body: str, person: str, change: str, date: str) -> None:
    got = {(c.person, c.change): c for c in extract_officers(_synthetic(body)).officer_changes}
    assert got[(person, change)].effective_date == date


def test_each_effective_dates_every_change_of_the_sentence() -> None:
    # 0001001039-15-000176
    f = _synthetic(
        "The Company announced June 30, 2015, that it has appointed Christine M. McCarthy Senior Executive Vice "
        "President and Chief Financial Officer and has appointed Kevin A. Mayer Senior Executive Vice President "
        "and Chief Strategy Officer, each effective July 1, 2015."
    )
    got = {c.person: c.effective_date for c in extract_officers(f).officer_changes}
    assert got == {"Christine M. McCarthy": "2015-07-01", "Kevin A. Mayer": "2015-07-01"}


def test_intent_to_leave_the_company_is_a_departure() -> None:
    # 0000100493-19-000046
    f = _synthetic(
        "On February 25, 2019, the Company announced that Sally Grimes, Group President, Prepared Foods has "
        "provided notice of her intent to leave the Company."
    )
    (c,) = extract_officers(f).officer_changes
    assert (c.person, c.change, c.effective_date) == ("Sally Grimes", "departure", None)


def test_title_before_the_name() -> None:
    # 0001002517-18-000024: "current CEO, Paul Ricci,"; 0001193125-25-005333: a list of past titles gives nothing.
    f = _synthetic(
        "The Company's current CEO, Paul Ricci, will retire from the Company on March 29, 2018. Mr. Ricci has "
        "tendered his resignation.\n\n"
        "After working for the Company for 38 years, including most recently as Executive Vice President, Chief "
        "Corporate Architect, Mr. Edward Screven provided notice on January 8, 2025 of his intention to retire.\n\n"
        "On June 5, 2024, the Company announced the appointment of Anat Ashkenazi as the new Chief Financial "
        "Officer, effective July 31, 2024."
    )
    got = {(c.person, c.change): c for c in extract_officers(f).officer_changes}
    assert (got[("Paul Ricci", "departure")].role, got[("Paul Ricci", "departure")].effective_date) == (
        "CEO",
        "2018-03-29",
    )
    assert got[("Edward Screven", "departure")].role is None
    assert got[("Anat Ashkenazi", "appointment")].role == "Chief Financial Officer"


def test_mid_sentence_date_before_the_boards_act() -> None:
    # 0000950170-23-000234: "..., on January 4, 2023, the Board, ..., appointed John H. McConnell II".
    f = _synthetic(
        "(d) In connection with the planned resignation of a director in June 2023, on January 4, 2023, the "
        "Board, upon the recommendation of its Nominating and Governance Committee, increased the number of "
        "authorized directors from 11 to 12, and appointed John H. McConnell II as a director of the Registrant "
        "to serve as a member of the class of directors whose terms will expire at the 2024 Annual Meeting."
    )
    (c,) = extract_officers(f).officer_changes
    assert (c.person, c.change, c.role, c.effective_date) == (
        "John H. McConnell II",
        "appointment",
        "director",
        "2023-01-04",
    )


def test_announcement_date_mid_sentence_is_not_an_effective_date() -> None:
    f = _synthetic(
        "In a press release, on March 4, 2024, the Company announced that the Board appointed Jane Q. Roe as "
        "Chief Financial Officer."
    )
    (c,) = extract_officers(f).officer_changes
    assert (c.person, c.effective_date) == ("Jane Q. Roe", None)
