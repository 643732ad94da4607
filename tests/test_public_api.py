import eightk


def test_public_api_is_pinned() -> None:
    assert sorted(eightk.__all__) == [
        "Cover", "Document", "EightkError", "Events", "Evidence", "Exhibit", "FetchError", "Filing", "Header",
        "Item", "NotAFilingError", "Offering", "Signature", "StoreError", "UserAgentRequired", "__version__",
        "parse", "parse_documents", "parse_path",
    ]
    for name in eightk.__all__:
        assert hasattr(eightk, name)
