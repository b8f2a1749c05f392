"""Titles, URLs and typed lines of computer work where the older rules masked work words (issue 15):
an organisation owning a repository, API paths of a code host, a role-named machine after a login, a
decorator alone on its line, a dashboard's relative time; and a name in a file name written with
blanks. Each with the personal value beside it that must still be masked. Real analyzer and the
detection and redaction stages, from the shipped files."""
from __future__ import annotations

import pytest

from tests.conftest import keystrokes, written_text


def _found(analyzer, text: str) -> list[tuple[str, str]]:
    return sorted((r.entity_type, text[r.start:r.end]) for r in analyzer.analyze(text, "en", score_threshold=0.4))


def _values(analyzer, text: str) -> set[str]:
    return {value for _, value in _found(analyzer, text)}


@pytest.mark.parametrize("url", [
    "https://github.com/apache/beam/pulls",
    "https://github.com/kubernetes/website/issues",
    "https://gitlab.com/gitlab-org/gitlab/-/pipelines",
    "https://github.com/microsoft",
    "https://api.github.com/repos/hashicorp/terraform/releases",
])
def test_an_organisation_named_after_its_product_owns_a_repository_not_a_person(analyzer, url):
    assert _found(analyzer, url) == []


@pytest.mark.parametrize("url, handle", [
    ("https://github.com/ana-souza/dotfiles", "ana-souza"),
    ("https://gitlab.com/jkowalski/notes/-/issues", "jkowalski"),
    ("https://api.github.com/repos/rpatel88/dotfiles/commits", "rpatel88"),
    ("https://github.com/dolores", "dolores"),
])
def test_a_person_owning_a_repository_is_still_masked(analyzer, url, handle):
    assert ("USERNAME", handle) in _found(analyzer, url)
    assert "repos" not in _values(analyzer, url)


@pytest.mark.parametrize("url, handle", [
    ("https://calendly.com/claude/30min", "claude"),
    ("https://www.linkedin.com/in/miro", "miro"),
    ("https://example.com/profile/claude", "claude"),
])
def test_an_app_word_is_an_organisation_only_on_a_code_host(analyzer, url, handle):
    """A scheduling link or a profile page belongs to a person even when its slug is an app word."""
    assert ("USERNAME", handle) in _found(analyzer, url)


@pytest.mark.parametrize("text, name", [
    ("Ms. Helm approved the budget.", "Helm"),
    ("Django said he would call back.", "Django"),
])
def test_a_name_spelled_like_an_organisation_owning_code_is_still_a_name(analyzer, text, name):
    """The code owners (code_owners.txt) are no UI words: NER's names are not cut free of them."""
    assert ("PERSON", name) in _found(analyzer, text)


def test_a_repository_of_a_self_hosted_code_host_is_no_person(analyzer):
    assert _found(analyzer, "https://bitbucket.acme.com/projects/OPS/repos/deploy-tools/browse") == []


def test_a_role_named_machine_stays_beside_the_masked_login(analyzer):
    assert _values(analyzer, "Permission denied for jdoe@build-prod-9") == {"jdoe"}
    assert _values(analyzer, "ssh deploy@prod-db-01") == set()


@pytest.mark.parametrize("text, value", [
    ("Permission denied for jdoe@ravi-laptop-2", "jdoe@ravi-laptop-2"),
    ("connected to ana@anas-MacBook-Pro", "ana@anas-MacBook-Pro"),
    # a surname that role words spell run together (web+b, b+runner, mon+a) is no role-named machine
    ("Permission denied for jdoe@webb-01", "jdoe@webb-01"),
    ("ssh ana@brunner-2", "ana@brunner-2"),
])
def test_a_machine_named_after_its_person_is_masked_with_the_login(analyzer, text, value):
    assert value in _values(analyzer, text)


@pytest.mark.parametrize("code", [
    "@staticmethod\n    def parse(line):",
    "@property\ndef name(self):",
    "@pytest.fixture\n@staticmethod\nasync def run():",
    "@dataclass\nclass Point:",
    "@login_required\n@app.route(\n    '/x')\ndef view():",
])
def test_a_decorator_alone_on_its_line_above_code_is_no_handle(analyzer, code):
    assert not any(value.startswith("@") for value in _values(analyzer, code))


@pytest.mark.parametrize("chat", ["@jdoe\nplease review the PR", "@ana.souza\n\nthanks!", "cc @jdoe"])
def test_a_handle_alone_on_a_line_of_chat_is_still_masked(analyzer, chat):
    assert any(value.lstrip("@") in ("jdoe", "ana.souza") for value in _values(analyzer, chat))


@pytest.mark.parametrize("chat, handles", [
    ("@jdoe\n@ana_l can you review?", {"@jdoe", "@ana_l"}),
    ("@kwame.m\n@frost_byte\nthoughts?", {"@kwame.m", "@frost_byte"}),
    ("@mariagomez\nclass is cancelled today", {"@mariagomez"}),
])
def test_a_handle_alone_on_a_line_above_another_handle_or_a_word_like_class_is_masked(analyzer, chat, handles):
    """Only a `def name(`, a `class Name:` or a called decorator under it (bare decorators between)
    makes a line's lone "@name" a decorator."""
    assert handles <= _values(analyzer, chat)


def test_a_dashboards_relative_time_is_no_sender(analyzer):
    url = "https://grafana.acme.io/d/k8s/api-latency?orgId=1&from=now-6h&to=now"
    assert not {"now-6h", "now"} & _values(analyzer, url)
    assert ("USERNAME", "nowak.anna") in _found(analyzer, "https://mail.example.com/compose?from=nowak.anna")


@pytest.mark.parametrize("title, name", [
    ("Offer letter - Eckard Trub.docx", "Eckard Trub"),
    ("Offer letter - Silvian Gheorghiu.docx", "Silvian Gheorghiu"),
    ("Meeting notes Ana Souza.docx - Word", "Ana Souza"),
])
def test_a_name_in_a_file_name_written_with_blanks_is_a_person(analyzer, title, name):
    assert ("PERSON", name) in _found(analyzer, title)


def test_words_before_a_file_name_do_not_take_its_names_first_name_from_its_surname(analyzer):
    """The stem's own pieces are read too: "Ana Souza Kwame" from the words before must not leave "Mensah"."""
    values = " ".join(_values(analyzer, "Notes Ana Souza Kwame_Mensah.pdf"))
    assert "Kwame" in values and "Mensah" in values


@pytest.mark.parametrize("title", ["Design Review Notes.pdf", "Release notes - Final Draft.docx"])
def test_work_words_in_a_file_name_with_blanks_stay(analyzer, title):
    assert not any(entity == "PERSON" for entity, _ in _found(analyzer, title))


def test_typed_lines_of_a_terminal_keep_their_work_words(detector, analyzer_settings, policy):
    """Through detection and redaction: the machine, the organisation and the decorator stay; the
    personal login is masked."""
    typed = written_text(detector, analyzer_settings, policy, keystrokes(
        "ssh deploy@prod-db-01\ngit clone https://github.com/apache/beam\n@staticmethod\ndef f(): pass\n"
        "ssh mkowalski@ci-runner-3", app="Terminal", window_title="bash"))
    assert "prod-db-01" in typed and "apache/beam" in typed and "@staticmethod" in typed
    assert "ci-runner-3" in typed and "mkowalski" not in typed


@pytest.mark.parametrize("title, login", [
    ("danielsvensson - Overview - Vercel", "danielsvensson"),
    ("Slack | mariagomez | Acme", "mariagomez"),
])
def test_a_login_of_a_given_name_and_more_letters_as_one_word_is_a_handle(analyzer, title, login):
    assert ("USERNAME", login) in _found(analyzer, title)


@pytest.mark.parametrize("title", ["markdown - Visual Studio Code", "roberthalf - Jobs", "tomcat - Dashboard",
                                   "marketplace - GitHub"])
def test_a_word_that_opens_with_a_given_name_is_no_login(analyzer, title):
    assert not any(entity == "USERNAME" for entity, _ in _found(analyzer, title))


@pytest.mark.parametrize("line, owner", [
    ("git clone git@github.com:kubernetes/website.git", None),
    ("git clone git@github.com:jdoe/dotfiles.git", "jdoe"),
    ("git remote add origin git@gitlab.example.com:ana.souza/notes.git", "ana.souza"),
])
def test_the_login_of_an_ssh_remote_is_no_address_and_a_personal_owner_is_masked(analyzer, line, owner):
    found = _found(analyzer, line)
    assert not any(entity == "EMAIL_ADDRESS" for entity, _ in found)
    assert {value for _, value in found} == ({owner} if owner else set())


@pytest.mark.parametrize("line", ["git clone git@ssh.dev.azure.com:v3/acme/ops/tools",
                                  "git remote add origin git@git.acme.io:infra/tools.git"])
def test_the_login_of_a_remote_on_a_code_host_is_no_address(analyzer, line):
    assert not any(entity == "EMAIL_ADDRESS" for entity, _ in _found(analyzer, line))


@pytest.mark.parametrize("line, address", [
    ("git clone git@ana-lima.dev:dotfiles.git", "git@ana-lima.dev"),
    ("git clone git@kwamemensah.com:notes.git", "git@kwamemensah.com"),
])
def test_a_remote_on_a_personal_domain_is_still_masked(analyzer, line, address):
    """Only a code host's remote is no address: a person's own domain stays masked with it."""
    assert any(address in value for value in _values(analyzer, line))


@pytest.mark.parametrize("text", ["mail git@acme.io: the repo list is attached", "write to git@acme.io"])
def test_a_mailbox_named_git_is_still_an_address(analyzer, text):
    assert ("EMAIL_ADDRESS", "git@acme.io") in _found(analyzer, text)
