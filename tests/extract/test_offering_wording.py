"""Small-company financing wording, as excerpts of real 8-Ks are published on web pages (no item headings
needed: the registry then runs every extractor). Written from domain.md section 5 and the dev fx-* excerpts;
each expected value is what the filing states, per the gold README rules (never computed; fees only as a
stated amount). A tuple lists the acceptable readings where the rules allow more than one."""

from __future__ import annotations

import pytest

import eightk

CASES: dict[str, tuple[str, str, list[dict[str, object]]]] = {
    "rdo_pp": (
        "Registered direct offering of shares with unregistered warrants in a concurrent private placement (domain.md example 1): one record, registered for the shares.",
        'Item 1.01 Entry into a Material Definitive Agreement.\nOn March 4, 2024, Acme Bio, Inc. (the "Company") entered into a securities purchase agreement (the "Purchase Agreement") with a single institutional investor, pursuant to which the Company agreed to issue and sell, in a registered direct offering, 1,250,000 shares (the "Shares") of the Company\'s common stock, par value $0.0001 per share (the "Common Stock"), at an offering price of $2.40 per share. In a concurrent private placement, the Company also agreed to issue to the investor unregistered warrants (the "Warrants") to purchase up to 1,250,000 shares of Common Stock at an exercise price of $2.28 per share. The Warrants are exercisable immediately upon issuance and will expire five years from the date of issuance. The offering closed on March 6, 2024. The gross proceeds to the Company from the offering were approximately $3.0 million, before deducting placement agent fees and other offering expenses payable by the Company.\nThe Shares were offered pursuant to the Company\'s shelf registration statement on Form S-3 (File No. 333-265432), which was declared effective by the Securities and Exchange Commission on June 15, 2022. The Warrants and the shares issuable upon exercise of the Warrants were issued in reliance on the exemption provided by Section 4(a)(2) of the Securities Act of 1933, as amended.\n',
        [
            {
                "security": "common_stock",
                "shares": 1250000,
                "price_per_share": 2.4,
                "warrant_shares": 1250000,
                "warrant_exercise_price": 2.28,
                "gross_proceeds": 3000000,
                "date": "2024-03-06",
                "registered": True,
                "registration_form": "S-3",
            }
        ],
    ),
    "pipe_prefunded": (
        "PIPE with pre-funded warrants (domain.md example 2): the pre-funded warrants are the warrants sold with the shares; $0.001 is their nominal exercise price.",
        'On May 13, 2024, the Company entered into a securities purchase agreement with certain accredited investors for a private placement (the "Private Placement") of 13,110,484 shares of its common stock at a purchase price of $2.37 per share and pre-funded warrants to purchase up to 7,989,516 shares of common stock at a purchase price of $2.369 per pre-funded warrant, which represents the per share purchase price of the common stock less the $0.001 per share exercise price of each pre-funded warrant. The Private Placement is expected to result in gross proceeds to the Company of approximately $50.0 million, before deducting offering expenses. The securities were sold in reliance on the exemption from registration provided by Section 4(a)(2) of the Securities Act. The Private Placement closed on May 16, 2024.\n',
        [
            {
                "security": "common_stock",
                "shares": 13110484,
                "price_per_share": 2.37,
                "warrant_shares": 7989516,
                "warrant_exercise_price": (None, 0.001),
                "gross_proceeds": 50000000,
                "date": "2024-05-16",
                "registered": False,
            }
        ],
    ),
    "units": (
        "Units of one share and one warrant for 0.5 shares: the price is per unit, the warrant count is not stated as a total (never computed).",
        'Item 8.01 Other Events.\nOn August 9, 2023, XYZ Therapeutics Corp. (the "Company") closed its previously announced underwritten public offering of 3,000,000 units (the "Units"), each unit consisting of one share of the Company\'s common stock and one warrant to purchase 0.5 shares of common stock, at a public offering price of $1.50 per unit. The warrants have an exercise price of $1.75 per share, are exercisable immediately and expire five years from the date of issuance. The Company received gross proceeds of $4,500,000, before deducting underwriting discounts and commissions and offering expenses. The offering was made pursuant to the Company\'s registration statement on Form S-1 (File No. 333-272001), which was declared effective on August 7, 2023.\n',
        [
            {
                "security": "units",
                "shares": 3000000,
                "price_per_share": 1.5,
                "warrant_shares": None,
                "warrant_exercise_price": 1.75,
                "gross_proceeds": 4500000,
                "date": "2023-08-09",
                "registered": True,
                "registration_form": "S-1",
            }
        ],
    ),
    "oid_conv": (
        "OID senior secured convertible note: face $2,225,000 bought for $1,750,000 (the stated purchase price).",
        "Item 2.03 Creation of a Direct Financial Obligation.\nOn June 2, 2021, the Company issued to an institutional investor a senior secured convertible note in the principal amount of $2,225,000 for a purchase price of $1,750,000, reflecting an original issue discount. The note bears interest at the rate of 10% per annum, matures on June 2, 2022 and is convertible into shares of the Company's common stock at a conversion price of $0.45 per share, subject to adjustment. The note was issued in a private placement in reliance on Section 4(a)(2) of the Securities Act.\n",
        [
            {
                "security": "convertible_notes",
                "principal_amount": 2225000,
                "interest_rate": 10,
                "conversion_price": 0.45,
                "gross_proceeds": 1750000,
                "date": "2021-06-02",
                "registered": False,
            }
        ],
    ),
    "underwritten_oa": (
        "Underwritten offering with an unexercised over-allotment option: the option is not sold; net proceeds are not gross.",
        "Item 8.01 Other Events.\nOn February 12, 2019, the Company entered into an underwriting agreement with Roth Capital Partners, LLC, as representative of the several underwriters, relating to the issuance and sale of 4,000,000 shares of the Company's common stock at a public offering price of $5.00 per share. The Company also granted the underwriters a 30-day option to purchase up to an additional 600,000 shares of common stock to cover over-allotments. The offering closed on February 15, 2019. The net proceeds to the Company from the offering were approximately $18.3 million, after deducting underwriting discounts and commissions and estimated offering expenses. The shares were offered pursuant to a shelf registration statement on Form S-3 (File No. 333-225012) previously filed with and declared effective by the Securities and Exchange Commission.\n",
        [
            {
                "security": "common_stock",
                "shares": 4000000,
                "price_per_share": 5.0,
                "gross_proceeds": None,
                "fees": None,
                "date": "2019-02-15",
                "registered": True,
                "registration_form": "S-3",
            }
        ],
    ),
    "words": (
        "Numbers in words with the figure in brackets.",
        "Item 3.02 Unregistered Sales of Equity Securities.\nOn July 21, 2011, the Company sold two million (2,000,000) shares of its common stock to an accredited investor at a price of twenty-five cents ($0.25) per share, for an aggregate purchase price of five hundred thousand dollars ($500,000). The shares were sold in reliance upon the exemption from registration provided by Section 4(2) of the Securities Act of 1933 and Rule 506 of Regulation D.\n",
        [
            {
                "security": "common_stock",
                "shares": 2000000,
                "price_per_share": 0.25,
                "gross_proceeds": 500000,
                "date": "2011-07-21",
                "registered": False,
            }
        ],
    ),
    "millions": (
        '"$5.15 million" is 5,150,000.',
        "Item 5. Other Events.\nOn March 13, 2002, the Registrant completed the sale of 2,575,000 shares of its common stock to institutional investors at a price of $2.00 per share in a private placement, raising gross proceeds of $5.15 million. The investors also received warrants to purchase 643,750 shares of common stock at an exercise price of $2.75 per share. The sale was made pursuant to Regulation D under the Securities Act.\n",
        [
            {
                "security": "common_stock",
                "shares": 2575000,
                "price_per_share": 2.0,
                "warrant_shares": 643750,
                "warrant_exercise_price": 2.75,
                "gross_proceeds": 5150000,
                "date": "2002-03-13",
                "registered": False,
            }
        ],
    ),
    "euros": (
        "Ordinary shares sold for euros under Regulation S.",
        "Item 8.01 Other Events.\nOn October 3, 2019, the Company completed a private placement of 4,000,000 ordinary shares at a price of EUR 1.25 per share to qualified investors in Europe, for gross proceeds of EUR 5,000,000. The shares were offered and sold outside the United States in reliance on Regulation S under the Securities Act.\n",
        [
            {
                "security": "common_stock",
                "shares": 4000000,
                "price_per_share": 1.25,
                "gross_proceeds": 5000000,
                "currency": "EUR",
                "date": "2019-10-03",
                "registered": False,
            }
        ],
    ),
    "cut": (
        "A deal cut mid-sentence: the exercise price after the cut is not stated; a formula conversion price and net proceeds are not labeled.",
        "Item 1.01 Entry into a Material Definitive Agreement.\nOn January 8, 2020, the Company entered into a securities purchase agreement with Power Up Lending Group Ltd., pursuant to which the Company issued a convertible promissory note in the principal amount of $78,000. The note bears interest at 12% per annum and matures on January 8, 2021. The note is convertible into common stock at a conversion price equal to 61% of the lowest trading price during the fifteen trading days prior to conversion. The Company received net proceeds of $75,000 after payment of legal fees of $3,000. In connection with the note, the Company issued warrants to purchase 500,000 shares of common stock at an exercise price of $",
        [
            {
                "security": "convertible_notes",
                "principal_amount": 78000,
                "interest_rate": 12,
                "warrant_shares": 500000,
                "warrant_exercise_price": None,
                "conversion_price": None,
                "gross_proceeds": None,
                "date": "2020-01-08",
                "registered": None,
            }
        ],
    ),
    "loan_neg": (
        "A bank term loan is not an offering.",
        'Item 2.03 Creation of a Direct Financial Obligation.\nOn April 2, 2018, the Company entered into a Loan Agreement with First National Bank (the "Lender"), pursuant to which the Lender agreed to make a term loan to the Company in the principal amount of $3,000,000. The loan bears interest at a rate of 5.25% per annum, is secured by substantially all of the Company\'s assets and matures on April 2, 2023.\n',
        [],
    ),
    "award_neg": (
        "Restricted stock and options granted to an officer are not offerings.",
        "Item 5.02 Departure of Directors or Certain Officers.\nOn September 1, 2020, the Board of Directors granted to Jane Smith, the Company's Chief Executive Officer, 500,000 shares of restricted stock and an option to purchase 250,000 shares of common stock at an exercise price of $1.10 per share under the Company's 2019 Equity Incentive Plan.\n",
        [],
    ),
    "history_neg": (
        'A financing mentioned as history ("As previously reported") and a buyback are not offerings.',
        "Item 8.01 Other Events.\nAs previously reported, on June 3, 2019, the Company sold 1,000,000 shares of its common stock at a price of $3.00 per share in a registered direct offering. The Company today announced that its Board of Directors has approved a stock repurchase program of up to $2,000,000.\n",
        [],
    ),
    "warrant_coverage": (
        "Shares, pre-funded warrants and Series A warrants at a combined price (domain.md example 7): two warrant counts for one field, so the count is left out; gross proceeds as stated; fees only as a percentage plus part of them.",
        "Item 1.01 Entry into a Material Definitive Agreement.\nOn December 10, 2024, the Company entered into a securities purchase agreement with certain institutional investors, pursuant to which the Company agreed to sell, in a registered direct offering, an aggregate of 2,200,000 shares of common stock and, in lieu of shares, pre-funded warrants to purchase up to 800,000 shares of common stock, together with Series A warrants to purchase up to 3,000,000 shares of common stock. The combined offering price is $1.00 per share and accompanying Series A warrant. The Series A warrants have an exercise price of $1.10 per share. The pre-funded warrants have an exercise price of $0.001 per share. The closing of the offering is expected to occur on or about December 12, 2024, subject to customary closing conditions. The aggregate gross proceeds from the offering are expected to be approximately $3.0 million. The Company has agreed to pay H.C. Wainwright & Co., LLC a cash fee equal to 7.0% of the gross proceeds and a management fee of $25,000.\n",
        [
            {
                "security": "common_stock",
                "shares": 2200000,
                "price_per_share": 1.0,
                "warrant_shares": (None, 3000000),
                "warrant_exercise_price": (None, 1.1),
                "gross_proceeds": 3000000,
                "date": ("2024-12-10", "2024-12-12"),
                "registered": True,
                "fees": None,
            }
        ],
    ),
    "debentures_1998": (
        "A 1998 private placement of convertible debentures (fees from the series reader are not read yet: None accepted).",
        "Item 5. Other Events\nOn June 30, 1998, the Registrant completed a private placement of $1,500,000 principal amount of its 7% Convertible Debentures due 2001 to three accredited investors. The Debentures are convertible into shares of Common Stock at a conversion price of $3.25 per share. The Registrant paid a placement fee of $120,000 to the placement agent. The Debentures were sold pursuant to Regulation D.\n",
        [
            {
                "security": "convertible_notes",
                "principal_amount": 1500000,
                "interest_rate": 7,
                "conversion_price": 3.25,
                "fees": (None, 120000),
                "date": "1998-06-30",
                "registered": False,
            }
        ],
    ),
    "preferred": (
        "Convertible preferred: the stated value per share is not a price.",
        "ITEM 3.02 UNREGISTERED SALES OF EQUITY SECURITIES\nOn April 15, 2016, the Company issued 5,000 shares of its Series B Convertible Preferred Stock, stated value $1,000 per share, to an investor for an aggregate purchase price of $5,000,000. Each share of Series B Preferred Stock is convertible into common stock at a conversion price of $0.80 per share. The shares were issued in reliance on Section 4(a)(2) of the Securities Act.\n",
        [
            {
                "security": "preferred_stock",
                "shares": 5000,
                "price_per_share": None,
                "conversion_price": 0.8,
                "gross_proceeds": 5000000,
                "date": "2016-04-15",
                "registered": False,
            }
        ],
    ),
    "unit_price_own_sentence": (
        "The price per unit stated in a sentence of its own ('The purchase price for each unit is ...').",
        "Item 8.01 Other Events.\nOn May 3, 2022, Harbor Optics Corp. (the \"Company\") priced a registered public offering of 4,200,000 units, each unit consisting of one share of the Company's common stock and a warrant to purchase one-half of one share of common stock. The purchase price for each unit is $1.25. The units were offered under the Company's registration statement on Form S-1.\n",
        [
            {
                "security": "units",
                "shares": 4200000,
                "price_per_share": 1.25,
                "date": "2022-05-03",
                "registered": True,
            }
        ],
    ),
    "par_value_before_price": (
        "The par value stated right after its own amount does not label the purchase price that follows.",
        "Item 3.02 Unregistered Sales of Equity Securities.\nOn October 2, 2023, the Company entered into agreements with two accredited investors to sell 750,000 shares of its common stock, $0.001 par value per share, at a price of $3.10 per share, in a private placement under Section 4(a)(2) of the Securities Act.\n",
        [
            {
                "security": "common_stock",
                "shares": 750000,
                "price_per_share": 3.1,
                "date": "2023-10-02",
                "registered": False,
            }
        ],
    ),
    "note_in_the_amount_of": (
        "A note 'in the amount of' its face; the coupon in the next sentence; an 'Effective <date>' issue date.",
        'Effective March 14, 2019, pursuant to a securities purchase agreement dated March 11, 2019, we issued a convertible promissory note to Red Oak Capital, LLC ("Red Oak") in the amount of $120,000. The note bears interest at the rate of 10% per annum and matures on March 14, 2020.\n',
        [
            {
                "security": "convertible_notes",
                "principal_amount": 120000,
                "interest_rate": 10,
                "date": "2019-03-14",
            }
        ],
    ),
    "note_for_amount_and_closing_date_is": (
        "'a 10% Convertible Note for $75,000' (face or price: both readings allowed); the closing date stated as "
        "'The closing date of the agreement and the Note was ...' wins over the agreement date; a conversion price "
        "that is one arm of a 'lesser of' formula is left out.",
        "Item 2.03 Creation of a Direct Financial Obligation.\nOn May 10, 2019, the Company entered into a Securities Purchase Agreement with Power Up Lending Group Ltd., pursuant to which the Company agreed to sell a 10% Convertible Note for $75,000 maturing on May 10, 2020. The Note is convertible at a conversion price equal to the lesser of (i) $0.05 or (ii) 55% of the lowest trading price during the 15 trading days before conversion. The closing date of the Securities Purchase Agreement and the Note was May 21, 2019.\n",
        [
            {
                "security": "convertible_notes",
                "principal_amount": (None, 75000),
                "interest_rate": 10,
                "conversion_price": None,
                "date": "2019-05-21",
            }
        ],
    ),
    "no_accrued_interest": (
        "'will not bear any accrued interest' is a 0% coupon (fx-020's reading); a default rate is not the coupon.",
        "Item 1.01 Entry into a Material Definitive Agreement.\nOn June 1, 2021, in exchange for the notes it surrendered, the Company issued to Northern Lights Fund LP a convertible promissory note with a principal amount of $2,000,000. The note will not bear any accrued interest, but will bear interest at a default rate of 15% upon an event of default.\n",
        [
            {
                "security": "convertible_notes",
                "principal_amount": 2000000,
                "interest_rate": 0,
                "date": "2021-06-01",
            }
        ],
    ),
    "notice_then_debenture": (
        "A notice issued to a holder dates no sale; the maximum conversion shares of an older debenture are not "
        "shares sold; a 'convertible debenture' is convertible_notes.",
        "Item 8.01 Other Events.\nOn April 3, 2023, the Company issued a notice to the holder of its 2022 debenture resetting the floor price to $0.50. As a result, a maximum of 12,000,000 shares of common stock may be issued upon conversion of the 2022 debenture.\nOn April 7, 2023, the Company entered into a purchase agreement with the holder, under which the Company sold a convertible debenture in the principal amount of $500,000, which is convertible into shares of common stock. The debenture bears interest at an annual rate of 5.0%.\n",
        [
            {
                "security": "convertible_notes",
                "shares": None,
                "principal_amount": 500000,
                "interest_rate": 5,
                "date": "2023-04-07",
            }
        ],
    ),
    "concurrent_common_and_preferred": (
        "Two concurrent underwritten offerings, common and a preferred series, each in its own sentence: one "
        "record each; proceeds stated for both together belong to neither; underwriters' purchase prices are "
        "not offering prices.",
        "Item 8.01 Other Events.\nOn June 4, 2020, the Company entered into two underwriting agreements with SVB Leerink LLC, as representative of the underwriters, relating to separate, concurrent underwritten public offerings of the Company's securities, which are expected to result in combined gross proceeds of approximately $80 million. The first underwriting agreement relates to the public offering of 6,000,000 shares of Common Stock at a public offering price of $10.00 per share; the underwriters will purchase the shares at $9.40 per share. The second underwriting agreement relates to the public offering of 200,000 shares of the Series B Stock at a public offering price of $100.00 per share. The Company granted the underwriters a 30-day option to purchase up to an additional 900,000 shares of Common Stock.\n",
        [
            {
                "security": "common_stock",
                "shares": 6000000,
                "price_per_share": 10.0,
                "gross_proceeds": None,
                "date": "2020-06-04",
                "registered": True,
            },
            {
                "security": "preferred_stock",
                "shares": 200000,
                "price_per_share": 100.0,
                "gross_proceeds": None,
                "date": "2020-06-04",
                "registered": True,
            },
        ],
    ),
    "two_dated_sales_after_form_8k": (
        "Two sales to different buyers, each starting 'On <date>, we issued and sold', the first paragraph "
        "ending in 'Form 8-K.' (a form name, not an initial).",
        "On May 7, 2003, we issued and sold 500,000 shares of our common stock at a purchase price of $4.00 per share to Alder Partners, L.P. pursuant to a Stock Purchase Agreement dated May 5, 2003, filed as Exhibit 10.1 to this Current Report on Form 8-K.\nOn May 9, 2003, we issued and sold 125,000 shares of our common stock at a purchase price of $4.00 per share to Birch Growth Fund pursuant to a Stock Purchase Agreement dated May 8, 2003.\n",
        [
            {
                "security": "common_stock",
                "shares": 500000,
                "price_per_share": 4.0,
                "date": ("2003-05-07", "2003-05-05"),
            },
            {
                "security": "common_stock",
                "shares": 125000,
                "price_per_share": 4.0,
                "date": ("2003-05-09", "2003-05-08"),
            },
        ],
    ),
    "shares_and_debentures_one_agreement": (
        "Shares and convertible debentures sold under one purchase agreement: two securities, one record each.",
        "Item 5. Other Events.\nOn March 3, 2003, the Company entered into a Securities Purchase Agreement pursuant to which the Company sold an aggregate of 400,000 shares of the Company's common stock, par value $.01 per share, and an aggregate of $3 million principal amount of the Company's 6% Convertible Senior Debentures to certain institutional investors.\n",
        [
            {"security": "common_stock", "shares": 400000, "principal_amount": None, "date": "2003-03-03"},
            {
                "security": "convertible_notes",
                "shares": None,
                "principal_amount": 3000000,
                "interest_rate": 6,
                "date": "2003-03-03",
            },
        ],
    ),
    "agreed_second_tranche_no_space": (
        "An agreed further purchase of 'an additional' shares at a stated price is its own tranche, even where a "
        "scraped page lost the space before the next sentence ('Stock.As previously reported').",
        "Item 1.01 Entry into a Material Definitive Agreement.\nOn August 2, 2022, we entered into a Securities Purchase Agreement with Cedar Holdings, LLC, pursuant to which, for a purchase price of $150,000, Cedar purchased one hundred fifty (150) shares of the Company's Series E Convertible Preferred Stock. Further, within thirty days after the initial closing, the Company agrees to sell and Cedar agrees to purchase an additional one hundred fifty (150) shares of Series E Preferred Stock at a price of $1,000 per share of Series E Preferred Stock.As previously reported, we filed a Certificate of Designation for the Series E Convertible Preferred Stock.\n",
        [
            {"security": "preferred_stock", "shares": 150, "gross_proceeds": 150000, "date": "2022-08-02"},
            {"security": "preferred_stock", "shares": 150, "price_per_share": 1000.0},
        ],
    ),
    "agent_warrants_not_sold": (
        "Warrants issued to the placement agent's designees (and their exercise price, stated later by their "
        "defined name) are compensation, not the warrants sold; an expense reimbursement next to a percentage "
        "of the gross proceeds is not the proceeds.",
        'Item 1.01 Entry into a Material Definitive Agreement.\nOn September 9, 2024, the Company sold 2,000,000 shares of its common stock at a purchase price of $3.00 per share in a private placement to accredited investors under Section 4(a)(2). The Company agreed to pay Maxim Group LLC a cash fee equal to 7.0% of the gross proceeds of the private placement and $50,000 for its legal expenses. The Company also issued to Maxim Group LLC or its designees warrants to purchase up to 100,000 shares of common stock (the "Maxim Warrants"). The Maxim Warrants have an exercise price of $3.75 per share and expire in five years.\n',
        [
            {
                "security": "common_stock",
                "shares": 2000000,
                "price_per_share": 3.0,
                "warrant_shares": None,
                "warrant_exercise_price": None,
                "gross_proceeds": None,
                "date": "2024-09-09",
                "registered": False,
            }
        ],
    ),
    "uncounted_registered_sale": (
        "A registered sale whose counts the excerpt lacks (only agent warrants have figures): one common_stock "
        "record with the closing date and the registration.",
        "The Shares, the Common Warrants and the shares of Common Stock issuable upon exercise of the Common Warrants were offered and sold by the Company in a registered direct offering. The offering was made under an effective shelf registration statement on Form S-3 (File No. 333-270001). The Offering closed on July 2, 2024. The Company also issued to the placement agent warrants to purchase up to 80,000 shares of Common Stock at an exercise price of $1.25 per share.\n",
        [
            {
                "security": "common_stock",
                "warrant_shares": None,
                "warrant_exercise_price": None,
                "date": "2024-07-02",
                "registered": True,
                "registration_form": "S-3",
            }
        ],
    ),
    "uncounted_item_302_classes": (
        "An Item 3.02 that names the classes sold and the exemption but no figures: one record per class "
        "(two preferred series are two records); 'Neither ... nor ... have been registered' is not registered.",
        "Item 3.02 Unregistered Sales of Equity Securities\nThe offer and sale of the shares of Series C Preferred to the Investors was exempt from registration under Section 4(a)(2) of the Securities Act. The offer and sale of the Shares and the Series D Preferred to the Noteholders was exempt from registration under Section 3(a)(9) of the Securities Act. Neither the Shares nor the Series D Preferred have been registered under the Securities Act.\n",
        [
            {"security": "preferred_stock", "registered": False},
            {"security": "common_stock", "registered": False},
            {"security": "preferred_stock", "registered": False},
        ],
    ),
    "commitment_shares": (
        "Commitment shares issued beside a convertible note are their own common_stock record (judgment shared "
        "with the silver labels); the note keeps its terms; 'we received $X' for the note is its proceeds.",
        'Item 1.01 Entry into a Material Definitive Agreement.\nOn March 8, 2022, we closed a Securities Purchase Agreement with Talon Capital LP ("Talon"), whereby we issued to Talon a convertible promissory note in the principal amount of $440,000 and a warrant to purchase 5,000,000 shares of our common stock. As a condition to the purchase of the note and the warrant, we issued to Talon 2,750,000 shares (the "Commitment Shares") of our common stock. In consideration of the note and warrant we received $396,000. The note bears interest at 10% per annum and is convertible into common stock at a price of $0.02 per share.\n',
        [
            {
                "security": "convertible_notes",
                "principal_amount": 440000,
                "interest_rate": 10,
                "conversion_price": 0.02,
                "warrant_shares": 5000000,
                "gross_proceeds": 396000,
                "date": "2022-03-08",
            },
            {"security": "common_stock", "shares": 2750000, "gross_proceeds": None, "date": "2022-03-08"},
        ],
    ),
    "note_coupon_only_with_commitment_fee": (
        "A page that lost the note's amounts still reports a note sold with its coupon; the shares issued "
        "'as a commitment fee' are their own record.",
        "Item 1.01. Entry into Material Definitive Agreement.\nThe Company entered into a securities purchase agreement with Vine Street Fund, LLC, pursuant to which the Company issued a 10% convertible promissory note with a maturity date of twelve months. In addition, the Company issued 1,200 shares of its common stock to Vine Street Fund as a commitment fee.\n",
        [
            {"security": "convertible_notes", "interest_rate": 10},
            {"security": "common_stock", "shares": 1200},
        ],
    ),
    "excerpt_starting_mid_item": (
        "An excerpt that starts inside an item (no cover page) and runs into the next heading: the text before "
        "the heading is read; repricing existing warrants sells none; a new warrant issued is a warrants record.",
        "The Third Amendment also provides for: (i) the reduction of the exercise price of the warrants to purchase a total of 12,000,000 shares of common stock issued under the original Guaranty Agreement from $0.40 to $0.25 per share; and (ii) the issuance to the Guarantors of a new warrant to purchase 3,000,000 shares of common stock at an exercise price of $0.25 per share. The terms of the new warrant will be similar to the warrants issued under the original Guaranty Agreement, which was filed as Exhibit 4.1 to the Company's Current Report on Form 8-K filed on March 3, 2021.\nItem 9.01 Financial Statements and Exhibits.\n(d) Exhibits\n10.1 Third Amendment to Guaranty Agreement\n",
        [{"security": "warrants", "warrant_shares": 3000000, "warrant_exercise_price": 0.25}],
    ),
    "preferred_by_face_amount": (
        "Preferred issued by face amount (no count): a preferred_stock record dated by the agreement; the "
        "conversion of outstanding preferred at a stated price is not this sale.",
        "On May 4, 1999, in settlement of the dispute, the Company agreed to permit the conversion by Delta Fund of 500 shares of its Series B Convertible Preferred Stock at a conversion price of $4.10 per share. In consideration for Omega Partners' acceptance of revised terms, the Company has agreed to issue to Omega Partners an additional $750,000 face amount of the Series B Convertible Preferred Stock.\n",
        [
            {
                "security": "preferred_stock",
                "conversion_price": None,
                "gross_proceeds": None,
                "date": "1999-05-04",
            }
        ],
    ),
    "term_sheet_dollar_purchase": (
        "Numbered terms of a purchase agreement: stock bought by a dollar amount (a minimum, so no proceeds) "
        "and the warrants' exercise price; a call trigger is no price.",
        "1.\nA purchase of $4,000,000 of Common Stock by the Investors, at a minimum.\n2.\nEach Investor will receive a Warrant to purchase the same number of shares of Common Stock it buys. The exercise price of the Warrants will be $0.60 per share. The Company may call the Warrants if the closing price of the Common Stock is at least $1.80 per share for 20 consecutive trading days.\n",
        [
            {
                "security": "common_stock",
                "warrant_exercise_price": 0.6,
                "gross_proceeds": None,
                "price_per_share": None,
            }
        ],
    ),
    "parts_paid_as_funds_received": (
        "A sale in two parts, each issued as defined funds are received: each part's proceeds are the amount "
        "the funds are defined with; funds named in a loan sentence would not count.",
        'Item 1.01 Entry into a Material Definitive Agreement.\nOn March 2, 2026, Orion Foundry Corp. (the "Company") entered into a Common Stock Agreement with the State Development Fund (the "Fund"). The Fund agreed to provide a total of $900,000,000 of grants to the Company, consisting of (1) a grant in the amount of $600,000,000, payable after the Closing Date (the "First Grant"), and (2) $300,000,000 of milestone grants (the "Milestone Grants"). In consideration, the Company agreed to issue to the Fund up to 40,000,000 shares (the "Shares") of the Company\'s common stock, of which 30,000,000 Shares are to be issued on the Closing Date (or such later date as the First Grant is received) and 10,000,000 Shares are to be issued into escrow and released as the Milestone Grants are received. The shares are issued in reliance on Section 4(a)(2) of the Securities Act.\n',
        [
            {
                "security": "common_stock",
                "shares": 30000000,
                "gross_proceeds": 600000000,
                "registered": False,
            },
            {
                "security": "common_stock",
                "shares": 10000000,
                "gross_proceeds": 300000000,
                "registered": False,
            },
        ],
    ),
    "unit_offering_by_dollar_amount": (
        "A unit offering stated as a dollar amount of a preferred series: that amount is the proceeds; a warrant "
        "count stated per unit is no total; warrants in several series with different counts leave the count "
        "out; debt converted into the preferred is no principal sold.",
        "ITEM 3.02 UNREGISTERED SALES OF EQUITY SECURITIES.\nOn March 4, 2012, the Company completed a unit offering of an aggregate of $880,000 of its Series M 8% Convertible Preferred Stock and two series of common stock purchase warrants to 9 accredited investors. Each unit sold consisted of one share of Series M Preferred Stock and Warrants to purchase up to an aggregate of 200,000 shares of common stock at $0.20 per share. The Series A Warrants are exercisable to purchase an aggregate of 1,760,000 shares of common stock. The Series B Warrants are exercisable to purchase an aggregate of 3,520,000 shares of common stock. The offering was made under Rule 506. As a condition of the offering, certain holders converted outstanding debt in the original principal amount of $400,000 into the Company's Series M Preferred Stock.\n",
        [
            {
                "security": "units",
                "warrant_shares": None,
                "warrant_exercise_price": 0.2,
                "principal_amount": None,
                "gross_proceeds": 880000,
                "date": "2012-03-04",
                "registered": False,
            }
        ],
    ),
    "exchange_then_unit_placement": (
        "Shares issued in a note exchange, then a separate unit placement sold for a total price: two records; "
        "estimated unit counts and prices are left out; the warrants' exercise price goes to the units.",
        "Item 3.02 Unregistered Sales of Equity Securities.\nOn February 6, 2024, the Company and the holder of its convertible note entered into an exchange agreement under which a new note in the principal amount of $0.3 million was exchanged for approximately 1.8 million newly issued shares of common stock, relying on Section 3(a)(9) of the Securities Act.\nPrivate Placement of Units\nIn February 2024, the Company began a private offering of units to accredited investors. As of February 20, 2024, the Company had received subscription agreements to purchase units at a total purchase price of approximately $4.2 million, or an estimated total of approximately 12.5 million units based on a purchase price of $0.34 per unit. The warrants included in the units will have an exercise price of $0.60 per share.\n",
        [
            {"security": "common_stock", "shares": 1800000, "principal_amount": None, "date": "2024-02-06"},
            {
                "security": "units",
                "shares": None,
                "price_per_share": None,
                "warrant_exercise_price": 0.6,
                "gross_proceeds": 4200000,
            },
        ],
    ),
    "count_with_stray_scale_word": (
        "'4,120,000 million shares' (a full figure followed by a scale word) is read as written, never as "
        "trillions.",
        "On October 3, 2019, the Company sold 4,120,000 million shares of its common stock at a price of $0.25 per share to accredited investors in a private placement.\n",
        [{"security": "common_stock", "shares": 4120000, "price_per_share": 0.25, "date": "2019-10-03"}],
    ),
    "concurrent_convertible_preferred_price": (
        "A concurrent sale of convertible preferred at a stated price: the price is the preferred's offering "
        "price, not a conversion price (the word 'Convertible' in its name labels nothing).",
        "Item 8.01 Other Events.\nOn June 3, 2021, the Company sold 1,000,000 shares of common stock at a price of $2.00 per share. In a concurrent offering, the Company sold 500 shares of its Series B Convertible Preferred Stock at a price of $1,000 per share, each convertible into 400 shares of common stock.\n",
        [
            {"security": "common_stock", "shares": 1000000, "price_per_share": 2.0, "date": "2021-06-03"},
            {
                "security": "preferred_stock",
                "shares": 500,
                "price_per_share": 1000.0,
                "conversion_price": None,
                "date": "2021-06-03",
            },
        ],
    ),
    "agent_received_warrants_prefunded": (
        "An agent that 'acted as placement agent and received warrants' is paid, not sold to: the pre-funded "
        "warrants sold keep their count.",
        "Item 8.01 Other Events.\nOn January 8, 2025, the Company closed a registered direct offering of 1,500,000 shares of common stock and pre-funded warrants to purchase 500,000 shares of common stock. The gross proceeds were $4.0 million. Roth Capital Partners acted as placement agent and received warrants to purchase 120,000 shares of common stock at an exercise price of $2.50 per share.\n",
        [
            {
                "security": "common_stock",
                "shares": 1500000,
                "warrant_shares": 500000,
                "warrant_exercise_price": None,
                "gross_proceeds": 4000000,
                "date": "2025-01-08",
                "registered": True,
            }
        ],
    ),
    "oid_note_convertible_by_terms": (
        "A 'promissory note' whose terms give a conversion price is a convertible note; commitment shares "
        "stated after the count ('as commitment shares') are their own record.",
        'Item 2.03 Creation of a Direct Financial Obligation.\nOn March 1, 2023, the Company entered into a Securities Purchase Agreement with Jade Bay Fund, L.P., pursuant to which the Company issued a promissory note in the principal amount of $300,000 (the "Note") for a purchase price of $270,000. The Note bears interest at 12% per annum and is convertible at a conversion price of $0.015 per share. In addition, the Company issued to Jade Bay 500,000 shares of common stock as commitment shares.\n',
        [
            {
                "security": "convertible_notes",
                "principal_amount": 300000,
                "interest_rate": 12,
                "conversion_price": 0.015,
                "gross_proceeds": 270000,
                "date": "2023-03-01",
            },
            {"security": "common_stock", "shares": 500000, "date": "2023-03-01"},
        ],
    ),
    "defined_deal_notes_no_figures": (
        "A page that lost the amounts: 'The Offering closed on' and the Notes' terms (convertible, 9% coupon; a "
        "default rate is not the coupon) still report a convertible note sale.",
        "Item 1.01 Entry into a Material Definitive Agreement\nSecurities Purchase Agreement\nThe Offering closed on\nNotes\nThe Notes are senior obligations of the Company. The principal amount of the Notes accrues interest at a rate of 9% per annum, which will increase to 15% upon an Event of Default. The Notes are convertible into shares of Common Stock at a conversion price of\n",
        [{"security": "convertible_notes", "interest_rate": 9}],
    ),
    "defined_deal_shares_no_figures": (
        "An excerpt about a private placement's agent and registration rights, its amounts cut: one common_stock "
        "record, exempt; the agent's warrants and fees are not the sale.",
        'In connection with the Private Placement, the Company entered into a Registration Rights Agreement with the Purchasers, under which the Company will register for resale the Shares. In connection with the Private Placement, the Company agreed to pay Maxim Group LLC a cash fee equal to 6.5% of the gross proceeds and issued to Maxim\'s designees warrants to purchase up to 60,000 shares of Common Stock (the "Maxim Warrants"). The Maxim Warrants have an exercise price of $2.20 per share.\n',
        [
            {
                "security": "common_stock",
                "warrant_shares": None,
                "warrant_exercise_price": None,
                "registered": False,
            }
        ],
    ),
    "form_glued_to_paren": (
        "A scraped page lost the space before the parenthesis: 'Form S-2(File No.' still names the form, read "
        "from a prospectus that 'forms part of' the shelf registration statement.",
        'Item 8.01 Other Events.\nOn June 3, 2024, Delta Power Co. completed a public offering of $250 million aggregate principal amount of its 5.250% Senior Notes due 2031 (the "Notes"). The Notes were offered by means of a prospectus supplement dated May 29, 2024 and the base prospectus that forms part of the Company\'s shelf registration statement on Form S-3(File No. 333-270111)filed with the SEC on March 1, 2023.\n',
        [
            {
                "security": "notes",
                "principal_amount": 250000000,
                "registered": True,
                "registration_form": "S-3",
            }
        ],
    ),
    "date_between_subject_and_verb": (
        "An old filing puts the date between the subject and its verb: 'The Registrant on May 2, 1997, "
        "completed ...' dates the sale.",
        "ITEM 5.  OTHER EVENTS\n\n         The Registrant on May 2, 1997, completed the sale of 400,000\nshares of its Common Stock at $2.50 per share in a private placement under Regulation D.\n",
        [{"security": "common_stock", "shares": 400000, "price_per_share": 2.5, "date": "1997-05-02"}],
    ),
    "history_paragraph_then_new_sale": (
        "A paragraph recalling notes sold months earlier ('As previously reported, on March 2, 2022, ...', both "
        "the original and an amended purchase) is history; the new closing reported after it is the sale.",
        'Item 8.01 Other Events.\nAs previously reported, on March 2, 2022, Omega Labs Inc. (the "Company") entered into a securities purchase agreement with an investor pursuant to which the Company agreed to sell $50,000,000 in aggregate principal amount of its 6.00% senior notes due 2027. On April 4, 2022, the Company agreed to sell an additional $20,000,000 in aggregate principal amount of its 6.00% senior notes due 2027.\nOn September 14, 2022, the Company closed the sale of 2,000,000 shares of its common stock at a price of $3.00 per share in a registered direct offering.\n',
        [{"security": "common_stock", "shares": 2000000, "price_per_share": 3.0, "date": "2022-09-14"}],
    ),
    "option_closing_ordinary_shares": (
        "An over-allotment closing reported alone: 'the sale of N additional ordinary shares in the option "
        "closing' sells ordinary shares (common stock); the total after it and the base offering's closing date "
        "belong to the whole offering.",
        "Item 8.01 Other Events.\nOn May 6, 2022, the Company announced that the underwriters of its underwritten public offering of ordinary shares, which closed on May 2, 2022, exercised in full their option to purchase additional ordinary shares. After giving effect to the sale of 1,200,000 additional ordinary shares in the option closing, the total number of ordinary shares sold in the offering increased to 9,200,000 shares.\n",
        [{"security": "common_stock", "shares": 1200000, "date": None, "gross_proceeds": None}],
    ),
    "underwriters_exercised_option": (
        "'The underwriters exercised their option to purchase an additional N shares at $P per share' is a "
        "closing of its own; the same count restated later is not another one, and proceeds after a running total "
        "are the whole offering's.",
        "Item 8.01 Other Events.\nThe underwriters exercised their option to purchase an additional 300,000 shares at $12.00 per share, bringing the total shares sold in the offering to 2,300,000. The offering resulted in gross proceeds of approximately $27.6 million. The underwriters of the Company's public offering that closed on March 3, 2021 have exercised in full their option to purchase an additional 300,000 shares of its common stock. The offering was made pursuant to a shelf registration statement on Form S-3.\n",
        [
            {
                "security": "common_stock",
                "shares": 300000,
                "price_per_share": 12.0,
                "gross_proceeds": None,
                "date": None,
                "registered": True,
                "registration_form": "S-3",
            }
        ],
    ),
    "investors_agreed_to_purchase": (
        "The investors as the subject, hard-wrapped: 'The Purchasers have agreed\\nto purchase N shares ... at a "
        "purchase price of $P per share' is the sale; a cap of the agreement is not proceeds.",
        "On June 1, 2021, the Company entered into a Stock Purchase Agreement with the\nPurchasers named therein for up to $10.0 million of the Company's Common Stock.\nThe Purchasers have agreed\nto purchase an aggregate of 400,000 shares of Common Stock at the first closing,\nat a purchase price of $2.50 per share.\n",
        [
            {
                "security": "common_stock",
                "shares": 400000,
                "price_per_share": 2.5,
                "gross_proceeds": None,
                "date": "2021-06-01",
            }
        ],
    ),
    "prefunded_purchase_price_not_exercise": (
        "'pre-funded warrants to purchase N shares at a purchase price of $P per share': P is what a pre-funded "
        "warrant costs, never its exercise price (left out unless stated).",
        "Item 8.01 Other Events.\nOn March 1, 2024, the Company closed a registered direct offering of 1,000,000 shares of its common stock at a purchase price of $3.001 per share and pre-funded warrants to purchase 500,000 shares of common stock at a purchase price of $3.00 per share. The offering was made pursuant to a shelf registration statement on Form S-3.\n",
        [
            {
                "security": "common_stock",
                "shares": 1000000,
                "price_per_share": 3.001,
                "warrant_shares": 500000,
                "warrant_exercise_price": None,
            }
        ],
    ),
}

ATM = 'Item 1.01 Entry into a Material Definitive Agreement.\nOn November 1, 2022, Beta Energy Inc. (the "Company") entered into an At Market Issuance Sales Agreement (the "Sales Agreement") with B. Riley Securities, Inc. (the "Agent"), pursuant to which the Company may offer and sell, from time to time through the Agent, shares of its common stock having an aggregate offering price of up to $50,000,000. The Company will pay the Agent a commission of up to 3.0% of the gross sales price of any shares sold under the Sales Agreement. Sales of the shares, if any, will be made by methods deemed to be an "at the market offering" as defined in Rule 415(a)(4). The shares will be issued pursuant to the Company\'s shelf registration statement on Form S-3 (File No. 333-267890).\n'


def _same(got: object, want: object) -> bool:
    if isinstance(want, tuple):
        return any(_same(got, w) for w in want)
    if isinstance(want, (int, float)) and not isinstance(want, bool) and isinstance(got, (int, float)):
        return abs(got - want) <= 0.005 * abs(want)
    return got == want


@pytest.mark.parametrize("name", sorted(CASES))
def test_wording(name: str) -> None:
    _why, text, want = CASES[name]
    f = eightk.parse(text.encode(), name)
    assert len(f.offerings) == len(want), f.offerings
    for o, w in zip(f.offerings, want, strict=True):
        bad = {k: (getattr(o, k), v) for k, v in w.items() if not _same(getattr(o, k), v)}
        assert not bad, bad
        for ev in o.evidence.values():
            assert f.documents[ev.document].text[ev.start : ev.end] == ev.quote


def test_atm_cap_is_not_proceeds() -> None:
    """An ATM sales agreement: "up to $50,000,000" is a cap, not stated proceeds (whether the agreement itself
    is an offering object is not settled by the gold rules; nothing is sold yet)."""
    f = eightk.parse(ATM.encode(), "atm")
    assert all(o.gross_proceeds is None and o.shares is None for o in f.offerings)


NO_SALE = {
    "conversion_shares_exempt": "Item 3.02 Unregistered Sales of Equity Securities.\nDuring the quarter, holders converted notes into common stock. The shares of common stock issued upon conversion of the Notes were issued in reliance on the exemption provided by Section 3(a)(9) of the Securities Act.\n",
    "director_grants_exempt": "Item 3.02 Unregistered Sales of Equity Securities.\nThe shares of restricted stock granted to the Company's directors were issued in reliance on the exemption from registration provided by Section 4(a)(2) of the Securities Act.\n",
    "atm_may_sell": "Item 8.01 Other Events.\nThe Company may offer and sell shares of its common stock from time to time in an at-the-market offering under its registration statement on Form S-3; the shares will be issued under the registration statement.\n",
    "notes_to_lenders": "Item 2.03 Creation of a Direct Financial Obligation.\nThe Notes were issued to the lenders under the Credit Agreement in a private placement exempt from registration under Section 4(a)(2).\n",
}


@pytest.mark.parametrize("name", sorted(NO_SALE))
def test_no_sale_reported(name: str) -> None:
    """The fallback for sales stated without figures never fires on conversions, grants, ATM capacity or notes
    given to lenders."""
    f = eightk.parse(NO_SALE[name].encode(), name)
    assert f.offerings == (), f.offerings


EXHIBIT_CURRENCY = (
    "Item 8.01 Other Events.\nThis Current Report on Form 8-K is being filed to incorporate by reference into "
    "Registration Statement No. 333-270000 on Form S-3 the documents included as (1) Exhibits 1.1, 4.1 and 4.2 "
    'relating to €2,000,000,000 aggregate principal amount of debt securities of the Registrant (the "Euro Notes") '
    "and (2) Exhibits 1.2 and 4.3 relating to $1,000,000,000 aggregate principal amount of debt securities of the "
    'Registrant (the "Dollar Notes").\nItem 9.01 Financial Statements and Exhibits.\n(d) Exhibits\n'
    "1.1\tUnderwriting Agreement dated March 3, 2025\n"
    "4.1\tForm of 3.100% Note due 2031\n4.2\tForm of 3.600% Note due 2036\n4.3\tForm of 4.900% Note due 2030\n"
)


def test_exhibit_groups_give_series_currency() -> None:
    """Forms of notes filed as the exhibits a sentence ties to a euro amount are euro series; the others are not."""
    f = eightk.parse(EXHIBIT_CURRENCY.encode(), "exhibit_currency")
    got = {o.interest_rate: o.currency for o in f.offerings}
    assert got == {3.1: "EUR", 3.6: "EUR", 4.9: None}, got
    for o in f.offerings:
        for ev in o.evidence.values():
            assert f.documents[ev.document].text[ev.start : ev.end] == ev.quote


EXHIBIT_INDEX = (
    "ITEM 5. OTHER EVENTS\nThe Company sold 250,000 shares of its common stock to Cedar Fund at a price of $4.00 "
    "per share under the Stock Purchase Agreement attached as Exhibit 10.1.\n"
    "ITEM 7. FINANCIAL STATEMENTS AND EXHIBITS\n(c) Exhibits. The exhibits filed herewith are listed in the "
    "Exhibit Index which follows the signature page.\n"
    "SIGNATURES\nPursuant to the requirements of the Securities Exchange Act of 1934, the registrant has duly "
    "caused this report to be signed.\nBy: /s/ Jane Roe\n"
    "EXHIBIT INDEX\n10.1     Stock Purchase Agreement, dated March 9, 2001, between the Company and Cedar Fund.\n"
)


def test_exhibit_index_after_signatures_dates_the_sale() -> None:
    """An exhibit item that points to an Exhibit Index after the signatures: the agreement dated there dates it."""
    f = eightk.parse(EXHIBIT_INDEX.encode(), "exhibit_index")
    assert [(o.shares, o.date) for o in f.offerings] == [(250000, "2001-03-09")], f.offerings
