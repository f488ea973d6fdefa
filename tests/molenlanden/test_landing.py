from tests.helpers import TEST_PASSWORD


def _inloggen(client, username):
    return client.post("/inloggen/", {"username": username, "password": TEST_PASSWORD}, REMOTE_ADDR="10.0.0.9")


def test_college_lands_on_the_editions(client, gebruikers):
    assert _inloggen(client, "college")["Location"] == "/rapportages/"


def test_other_roles_land_on_the_overview(client, gebruikers):
    for username in ("projectleider", "redacteur", "trekker"):
        client.logout()
        assert _inloggen(client, username)["Location"] == "/"


def test_next_wins_over_the_landing(client, gebruikers):
    response = client.post(
        "/inloggen/?next=/inspanningen/mijn/", {"username": "college", "password": TEST_PASSWORD, "next": "/"}
    )
    assert response["Location"] == "/"
