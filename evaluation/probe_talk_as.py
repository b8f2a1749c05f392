"""A probe of logins said after `as`, `than` or `like` (issue 15): a user someone acts, runs, signs in or
shows up as, a colleague compared with (`more commits than jdoe`) or held up as an example (`someone like
kt3`), in chat, voice and AI-prompt turns; hard negatives on the same frames with what ordinary work talk
puts there (`as root`, `as a cron job`, `as expected`, `more than 5`, `like prod`, `same as staging`), and
real lines that use the words and name nobody (#ubuntu lines with no nick, DailyDialog, SMS). Real #ubuntu
lines with a speaking nick right after the word are a small recipe of natural gold.

`--seed tune` and `--seed heldout` use frames written apart (other situations, verbs and comparisons,
other things, the other half of the #ubuntu logs): measure the held-out seed only at the end. Prints
figures only, unless `--show` (tuning seed only).
"""
from __future__ import annotations

import argparse
import random
import re

from evaluation.probe_talk import Builder, locale_faker, padded_pairs, recipe_report
from evaluation.probe_talk_intents import Voice, fold, ordinary_turns
from evaluation.probe_talk_mentions import common_terms, mentions, read_logs

SEEDS = {"tune": 1561, "heldout": 2671}
LOCALES = ("en_US", "en_GB", "en_IN", "en_AU", "en_NZ", "de_DE", "de_CH", "fr_FR", "fr_CA", "es_ES", "es_MX",
           "es_AR", "it_IT", "pt_BR", "pt_PT", "nl_NL", "pl_PL", "cs_CZ", "ro_RO", "hu_HU", "fi_FI", "sv_SE",
           "da_DK", "nb_NO", "tr_TR", "vi_VN", "id_ID", "hr_HR", "sk_SK", "lt_LT", "et_EE", "sl_SI")
_WORD = re.compile(r"(?i)\b(as|than|like)\W{0,3}$")

# `{v}` a login (gold). Tuning: impersonation and sudo talk, who is signed in, git/CI identities, comparisons
# of activity, someone held up as an example. Held-out: account listings read aloud, support calls, audit
# trails, permissions, mentoring and rankings, other verbs and comparison words.
USER_FRAMES = {
    "tune": (
        "I'm logged in as {v} right now, want me to check?",
        "it says signed in as {v} in the top corner",
        "run the migration as {v}, not as yourself",
        "why is the nightly job running as {v}??",
        "don't push as {v} again, use your own account",
        "the commit got authored as {v} by mistake",
        "CI keeps committing as {v} after the token swap",
        "can you act as {v} for the demo tomorrow",
        "you're connected as {v} on the bastion",
        "switched over, working as {v} now",
        "it shows up as {v} in the audit log",
        "she has way more commits than {v} this sprint",
        "nobody reviews faster than {v} honestly",
        "I closed fewer tickets than {v} last week",
        "someone like {v} could review it",
        "we need more people like {v} on the team",
        "ask somebody like {v}, they know the billing code",
        "uh so I logged on as {v} and it uh worked",
        "impersonate as {v} and see what they see",
        "write a slack message saying I'm posting as {v} today",
        "pretend you're logged in as {v} and draft the reply",
        "log in as {v} and check their inbox",
        "who's logged in as {v} on web02",
        "the PR was opened as {v} from the shared laptop",
    ),
    "heldout": (
        "the account's listed as {v} in the portal",
        "the owner appears as {v} on the dashboard",
        "he's registered as {v} on the forum",
        "the files got uploaded as {v} overnight",
        "we all know him as {v} on the channel",
        "you're authenticated as {v}, that's why it fails",
        "my handle is the same as {v} but with a two",
        "she resolved more incidents than {v} last quarter",
        "honestly nobody's as thorough as {v}",
        "unlike {v}, I never touch prod on a friday",
        "get someone like {v} to pair on it",
        "the emails go out as {v} for some reason",
        "um it just says welcome back as uh {v}",
        "the caller identified as {v} on the phone",
        "mentor the new folks like {v} did for me",
        "the booking was made as {v} instead of me",
        "turn this into a note saying the report was filed as {v}",
        "the deploy was approved as {v} at 2am",
        "guest wifi session logged as {v}",
        "tickets assigned as {v} all bounce back",
        "draft a reply: yes I reviewed it, but as {v}",
        "our top contributor, slightly ahead of {v}, is way better than {v2}",
        "the key was added as {v} in the vault",
        "enrolled as {v} for the training",
    ),
}
# `{o}` an ordinary thing of the frame's kind (no gold).
THING_FRAMES = {
    "tune": (
        "I'm logged in as {o} right now, want me to check?",
        "run the migration as {o}, not as yourself",
        "why is the nightly job running as {o}??",
        "don't push as {o} again",
        "the commit got authored as {o} somehow",
        "it shows up as {o} in the audit log",
        "the new build is way faster than {o}",
        "we need more tests like {o} on the backend",
        "someone like {o} could handle it",
        "log in as {o} and check the logs",
        "save the export as {o} please",
        "treat it as {o} for now",
    ),
    "heldout": (
        "the account's listed as {o} in the portal",
        "the owner appears as {o} on the dashboard",
        "the files got uploaded as {o} overnight",
        "it's the same as {o} but with a bigger disk",
        "unlike {o}, this one has backups",
        "the emails go out as {o} for some reason",
        "tickets get tagged as {o} automatically",
        "the latency is worse than {o} at peak",
        "export it as {o} and attach it",
        "mark it as {o} and move on",
    ),
}
THINGS = {
    "tune": ("root", "admin", "a team", "the service account", "the deploy user", "sudo", "prod", "postgres",
             "json", "a cron job", "before", "this", "5", "guest", "www-data", "jenkins", "the bot", "yesterday",
             "main", "web01", "gpt-4o", "docker", "csv", "default", "v2", "a draft", "resolved", "expected"),
    "heldout": ("administrator", "nobody", "staging", "mysql", "the runner", "pdf", "yaml", "release/2.3",
                "the old one", "db-02", "claude", "kubectl", "read-only", "the system user", "last year", "that",
                "10%", "blocked", "the app", "ubuntu", "nginx", "a duplicate", "spam", "unknown", "the intern account"),
}
# Ordinary work sentences that use the words (no gold).
PHRASES = {
    "tune": ("works as expected on staging", "I'll do it as well", "as soon as the build is green", "as of today we freeze",
             "as shown in the screenshot", "run it as a cron job", "more than 5 retries", "better than before",
             "like this: foo bar", "like prod but smaller", "like postgres does", "same as staging",
             "as the service account", "login as the deploy user", "run it as root", "as admin it works",
             "as a team we agreed", "save it as json", "run as sudo", "as far as I know", "it took like 3 hours"),
    "heldout": ("as discussed in standup", "such as the payment flow", "as long as CI passes", "less than 10 minutes",
                "faster than the old cluster", "looks like the cache", "like mysql, but managed", "same as last time",
                "as a workaround, restart it", "log in as the admin user", "run as administrator", "as usual",
                "export as pdf", "as mentioned above", "rather than waiting", "as per the runbook",
                "feels like friday", "as an intern I had no access", "as root it fails", "just like yesterday"),
}
PROMPTS = ("", "", "", "rewrite this more politely: ", "summarize: ", "Translate to German:\n", "fix the grammar: ")


class Logins:
    """Logins of many shapes: Faker site names of 30 locales, 2-4 letter logins, initials and digits, first
    initial and surname, leet, dotted names, with and without digits."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.fakers: dict = {}

    def __call__(self) -> str:
        """One login, mostly lower case."""
        fake = locale_faker(self.rng, LOCALES, self.fakers)
        first, last = fold(fake.first_name()) or "mara", fold(fake.last_name()) or "olsen"
        digits = str(self.rng.randrange(1, 999))
        shape = self.rng.randrange(8)
        if shape == 0:
            name = fake.user_name()
            return name if name.isascii() else f"{first}{last[:3]}"
        if shape == 1:
            return first[:self.rng.choice((1, 2))] + last[:self.rng.choice((1, 2))]
        if shape == 2:
            return f"{first[0]}{last[0]}{digits[:2]}"
        if shape == 3:
            return f"{first[0]}{last}" + (digits[:1] if self.rng.random() < 0.3 else "")
        if shape == 4:
            return (first + digits[:1]).translate(str.maketrans("aeio", "4310"))
        if shape == 5:
            return f"{first}.{last}" + (digits[:2] if self.rng.random() < 0.3 else "")
        if shape == 6:
            return f"{first}{digits}"
        return self.rng.choice((f"{last}{first[0]}", f"{first}_{last[0]}", f"{first[:3]}{last[:3]}"))


def filled(frame: str, slots: dict[str, tuple[str, str | None]], voice: str, style: Voice) -> Builder:
    """`frame` in `voice` with each `{x}` slot written as its value and gold label."""
    b = Builder()
    for piece in re.split(r"(\{\w+\})", frame):
        if piece.startswith("{") and piece[1:-1] in slots:
            value, label = slots[piece[1:-1]]
            b.add(value, label)
        else:
            b.add(style.apply(voice, piece))
    return b


def irc_as(part: int) -> tuple[list[Builder], list[str]]:
    """Real #ubuntu lines with a speaking nick right after as/than/like (gold), and lines that use the words
    and name no nick of their log."""
    common = common_terms()
    gold, quiet = [], []
    for log in read_logs(part):
        for _, text in log.lines:
            found = mentions(text, log)
            if not found and re.search(r"(?i)\b(as|than|like)\b", text) and len(text) > 15:
                quiet.append(text)
            hits = [(a, z) for a, z in found if len(text[a:z]) >= 3 and text[a:z].lower() not in common]
            if not any(_WORD.search(text[:a]) for a, _ in hits):
                continue
            b, last = Builder(), 0
            for a, z in hits:
                b.add(text[last:a]).add(text[a:z], "USERNAME")
                last = z
            gold.append(b.add(text[last:]))
    return gold, quiet


def probe(seed_name: str, size: int) -> tuple[list[dict], list[dict]]:
    """Raw transcript records and their gold for one seed."""
    rng = random.Random(SEEDS[seed_name])
    login, style = Logins(rng), Voice(rng)
    groups: list[tuple[str, list[Builder], bool]] = []
    for _ in range(size * 4 // 10):
        voice = style.pick()
        frame = (rng.choice(PROMPTS) if voice == "written" else "") + rng.choice(USER_FRAMES[seed_name])
        b = filled(frame, {"v": (login(), "USERNAME"), "v2": (login(), "USERNAME")}, voice, style)
        groups.append(("as_user", [b], False))
    for _ in range(size * 2 // 10):
        frame = rng.choice(THING_FRAMES[seed_name])
        groups.append(("as_thing", [filled(frame, {"o": (rng.choice(THINGS[seed_name]), None)}, style.pick(), style)],
                       True))
    for _ in range(size // 10):
        groups.append(("phrases", [filled(rng.choice(PHRASES[seed_name]), {}, style.pick(), style)], True))
    gold, quiet = irc_as(int(seed_name == "heldout"))
    groups += [("irc_as", [b], False) for b in gold]
    turns = [t for t in ordinary_turns(rng) if re.search(r"(?i)\b(as|than|like)\b", t)]
    return padded_pairs(groups, size, quiet, turns, rng, f"as-{seed_name}")


def main(argv: list[str] | None = None) -> int:
    """Build the seed's records, sanitize them as the pipeline does and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", choices=sorted(SEEDS), default="tune")
    parser.add_argument("--size", type=int, default=600)
    parser.add_argument("--show", action="store_true", help="print the tuning seed's leaks and lost words")
    args = parser.parse_args(argv)
    records, golds = probe(args.seed, args.size)
    recipe_report(records, golds, ("as_user", "irc_as", "as_thing", "phrases", "irc_none", "public_chat"),
                  args.show and args.seed == "tune", "usernames")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
