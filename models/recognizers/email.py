"""Presidio's e-mail recognizer, validating domains against tldextract's bundled suffix snapshot, and
reading an address in a URL from the last URL delimiter on (`?q=ana@x.com`, not the whole URL)."""
from __future__ import annotations

import regex
import tldextract
from presidio_analyzer import RecognizerResult
from presidio_analyzer.predefined_recognizers import EmailRecognizer

# No URLs and no cache directory: tldextract reads the snapshot shipped in its package and never
# reaches the network (the stock recognizer's module-level extractor fetches the list on first use).
_OFFLINE_EXTRACT = tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)
# Characters RFC 5322 allows in a local part that people's addresses do not hold but URLs put right
# before one: the path, query and fragment delimiters. The stock pattern takes them into the local
# part, so `host/search?q=ana@x.com` would be one address and the whole URL masked.
URL_DELIMITERS = "/?&=#"
# A local part holding one of these is a URL's path or query run into the address; without one, the
# other delimiters are the address's own characters ("tom&jerry@x.com") and none is cut.
URL_MARKS = "/?"
# The login code hosts give every SSH remote (`git@github.com:owner/repo.git`, Bitbucket, GitLab,
# Azure DevOps): with a `:` and a path right after a code host it is a remote, not anyone's mailbox.
# A code host: a public one (or a subdomain of it), or a server whose first label names one
# (`gitlab.acme.com`, `git.acme.io`). Any other host may be a person's own domain
# (`git@ana-lima.dev:dotfiles.git`): that address is still masked.
SSH_REMOTE = regex.compile(
    r"git@(?:(?:[\w\-]{1,63}\.){0,4}(?:github\.com|gitlab\.com|bitbucket\.org|codeberg\.org|gitee\.com|sr\.ht"
    r"|huggingface\.co|dev\.azure\.com|visualstudio\.com)"
    r"|(?:git|gitlab|github|gitea|forgejo|gogs|bitbucket|gerrit|scm|vcs)(?:[\-_][\w]{1,20})?(?:\.[\w\-]{1,63}){1,5}"
    r"):(?=[\w~.])", regex.IGNORECASE)


def registered_domain(text: str) -> bool:
    """Whether `text` ends in a known public suffix after a name ("cal.com", "ana.dev"; not "notes.txt")."""
    parts = _OFFLINE_EXTRACT(text)
    return bool(parts.suffix and parts.domain)


def address_start(text: str, start: int, end: int) -> int:
    """Where the address found at `start..end` of `text` begins once URL delimiters before its `@` are cut."""
    at = text.find("@", start, end)
    local = text[start:at] if at > start else ""
    if not any(char in local for char in URL_MARKS):
        return start
    cut = max(local.rfind(char) for char in URL_DELIMITERS)
    return start + cut + 1 if cut >= 0 else start


class OfflineEmailRecognizer(EmailRecognizer):
    """EmailRecognizer with the same patterns and context, minus the suffix-list download, and each
    address cut at the last URL delimiter of its local part."""

    def validate_result(self, pattern_text: str) -> bool:
        """An address counts when its domain (after its last `@`) has a known public suffix. The
        whole text is not parsed: a `/`, `?` or `#` in the local part would be read as a URL's path
        and the address ("ana#lee@x.com", "a/b@x.com") dropped unmasked."""
        return _OFFLINE_EXTRACT(pattern_text.rpartition("@")[2]).fqdn != ""

    def analyze(self, text: str, entities, nlp_artifacts=None, regex_flags=None) -> list[RecognizerResult]:
        """The stock results, each starting after the last URL delimiter before its `@` (none left empty),
        but for the login of an SSH remote (`SSH_REMOTE`)."""
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        kept = []
        for result in results:
            result.start = address_start(text, result.start, result.end)
            remote = SSH_REMOTE.match(text, result.start)
            if text.find("@", result.start, result.end) > result.start and not (remote and remote.end() == result.end + 1):
                kept.append(result)
        return kept
