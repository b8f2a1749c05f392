"""Identifiers of computer work (handles, credentials, URL parts, customer and account numbers,
addresses) and the app and UI words NER must not take for people: positives and hard negatives."""
from __future__ import annotations

import pytest

from models.config_files import ConfigFileError, term_list
from models.engine import RegexTimedOut
from models.policy import DEFAULT_POLICY, load_policy
from models.recognizers.account_number import AccountNumberRecognizer, CustomerIdRecognizer
from models.recognizers.checked_number import CheckedNumberRecognizer
from models.recognizers.config import RECOGNIZERS_FILE, load_recognizer_data, recognizer_data
from models.recognizers.pattern_family import pattern_family_recognizers
from models.recognizers.pattern_sets import pattern_set_recognizers
from models.recognizers.ui_terms import load_ui_terms, only_ui_terms, without_ui_parts
from models.recognizers.url_token import UrlPathTokenRecognizer, camel_pieces

DATA = recognizer_data()
# A stand-in for the model's word test (the real one is used through the analyzer, below).
WORDS = frozenset({"get", "element", "json", "parser", "xml", "http", "request", "fail", "ban", "bucket", "auth",
                   "callback", "mac", "book", "pro", "documents", "read", "customer", "stories", "albert"})
NEW_RECOGNIZERS = [CustomerIdRecognizer(DATA), AccountNumberRecognizer(DATA), *pattern_family_recognizers(DATA),
                   UrlPathTokenRecognizer(DATA, WORDS.__contains__), CheckedNumberRecognizer(DATA.checked_numbers)]


def found(text: str) -> set[tuple[str, str]]:
    return {(r.entity_type, text[r.start:r.end]) for recognizer in NEW_RECOGNIZERS
            for r in recognizer.analyze(text, recognizer.supported_entities) if r.score >= 0.4}


@pytest.mark.parametrize("text, entity, value", [
    # usernames and handles
    ("jdoe@build-box:~/src/app$ make test", "USERNAME", "jdoe@build-box"),
    ("[ana@web01 nginx]# systemctl restart nginx", "USERNAME", "ana@web01"),
    ("priya@mbp ~ % ls", "USERNAME", "priya@mbp"),
    ("listalin@listalin-dev: ~/src/mobile", "USERNAME", "listalin@listalin-dev"),
    ("PS C:\\Users\\jdoe> dir", "USERNAME", "jdoe"),
    ("C:\\Users\\ana.souza\\AppData\\Local\\Temp", "USERNAME", "ana.souza"),
    ("open /Users/kwame/Documents/report.pdf", "USERNAME", "kwame"),
    ("cat /home/jdoe/.ssh/config", "USERNAME", "jdoe"),
    ("scp -P 2222 notes.txt ana.souza@files.internal:/tmp", "USERNAME", "ana.souza"),
    ("Permission denied (publickey) for trana@trana-box-9.", "USERNAME", "trana@trana-box-9"),
    ("the username is dmitri.k", "USERNAME", "dmitri.k"),
    ("login: ngozi_a", "USERNAME", "ngozi_a"),
    ("Signed in as Ana Souza", "USERNAME", "Ana Souza"),
    ("DM: ana.souza", "USERNAME", "ana.souza"),
    ("Direct message with Thi Nguyen", "USERNAME", "Thi Nguyen"),
    ("Ana Souza | Direct message | Slack", "USERNAME", "Ana Souza"),
    ("jdoe (DM) - Slack", "USERNAME", "jdoe"),
    ("figure002: are you fully up to date", "USERNAME", "figure002"),
    ("|kai|, yeah, that works", "USERNAME", "|kai|"),
    ("Rob|away: chmod -R 755 dir/", "USERNAME", "Rob|away"),
    ("tomk`: are you on the beta?", "USERNAME", "tomk`"),
    ("j_okafor : try the backports", "USERNAME", "j_okafor"),
    ("git clone git@github.com:kwame42/dotfiles.git", "USERNAME", "kwame42"),
    ("remote: git@gitlab.example.org:ana.souza/notes", "USERNAME", "ana.souza"),
    ("Author: Ana Souza <ana@example.com>", "PERSON", "Ana Souza"),
    ("Co-authored-by: Kwame Mensah <kwame@users.noreply.github.com>", "PERSON", "Kwame Mensah"),
    # credentials outside key shapes
    ("your temporary password is Tr0ub4dor&3.", "SECRET", "Tr0ub4dor&3"),
    # one plain word after a strong password cue, in English or another language
    ("the password is sunflower", "SECRET", "sunflower"),
    ("pw: correcthorsebatterystaple", "SECRET", "correcthorsebatterystaple"),
    ("my pin is 4821", "SECRET", "4821"),
    ("passcode 'tulip22'", "SECRET", "tulip22"),
    ("the guest wifi password is marigold.", "SECRET", "marigold"),
    ("das Passwort ist sonnenblume", "SECRET", "sonnenblume"),
    ("the staging pw is blu3fish!", "SECRET", "blu3fish"),
    ("the temporary password is )TSvJ3Ho_UB3DTQf , change it", "SECRET", ")TSvJ3Ho_UB3DTQf"),
    ("set the pin to 4821 please", "SECRET", "4821"),
    ('the vault passphrase is "orange tractor 57"', "SECRET", "orange tractor 57"),
    ('the wifi password for guests is "correcthorse"', "SECRET", "correcthorse"),
    ("postgres://app_user:S3cr3tPass@db.internal:5432/orders", "SECRET", "S3cr3tPass"),
    ("postgres://app_user:S3cr3tPass@db.internal:5432/orders", "USERNAME", "app_user"),
    ("db url postgres://svc:Feeling-toward39?@worker-stg-3:5432/main", "SECRET", "Feeling-toward39?"),
    ("psql postgres://ana.souza:Deep-river12?@db-stg-1:5432/x", "USERNAME", "ana.souza"),
    ("mysql://kmensah:pa#ss@w0rd@10.0.0.5/app", "USERNAME", "kmensah"),
    ("DB_PASSWORD=Tr0ub4dor&3", "SECRET", "Tr0ub4dor&3"),
    ('export AWS_SECRET_ACCESS_KEY="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', "SECRET",
     "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl jdoe@laptop", "SECRET",
     "AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl jdoe@laptop"),
    ("SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s", "SECRET", "uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s"),
    ("MD5:16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48", "SECRET", "16:27:ac:a5:76:28:2d:36:63:1b:56:4d:eb:df:a6:48"),
    # identifying parts of URLs
    ("book me at https://calendly.com/ana-souza/30min", "USERNAME", "ana-souza"),
    ("https://www.linkedin.com/in/kwame-mensah-12ab/", "USERNAME", "kwame-mensah-12ab"),
    ("https://github.com/jdoe42/dotfiles", "USERNAME", "jdoe42"),
    ("https://app.example.com/u/dmitri_k/settings", "USERNAME", "dmitri_k"),
    ("https://mastodon.example/@jdoe", "USERNAME", "jdoe"),
    ("https://app.example.com/invite/Ab3xK9qZ", "SECRET", "Ab3xK9qZ"),
    ("https://example.com/login?token=eyJhbGciOi123&next=/home", "SECRET", "eyJhbGciOi123"),
    ("https://docs.google.com/spreadsheets/d/ttjXDyVOcTYnrPPf/edit", "SECRET", "ttjXDyVOcTYnrPPf"),
    ("join https://discord.gg/flwOd4vW", "SECRET", "flwOd4vW"),
    ("call link https://meet.google.com/qwe-rtyu-iop", "SECRET", "qwe-rtyu-iop"),
    ("https://chatgpt.com/c/Hq2LmWpa", "SECRET", "Hq2LmWpa"),
    ("https://gemini.google.com/app/ZKDPQRa7", "SECRET", "ZKDPQRa7"),
    ("https://us06web.zoom.us/j/81234567890?pwd=x", "SECRET", "81234567890"),
    # phone numbers that libphonenumber does not validate: after a cue, or in a phone's layout
    ("his number is 612.408.7731 if you need it", "PHONE_NUMBER", "612.408.7731"),
    ("you can call me on 512 0937 tomorrow", "PHONE_NUMBER", "512 0937"),
    ("Tel:\n604 118 223", "PHONE_NUMBER", "604 118 223"),
    ("text me at 44-19-83-05", "PHONE_NUMBER", "44-19-83-05"),
    ("reach me at (+421) 903118455", "PHONE_NUMBER", "(+421) 903118455"),
    ("Kwame Mensah,kwame@example.org,+1-598-612-4410x201", "PHONE_NUMBER", "+1-598-612-4410x201"),
    ("office 001-476-210-1687x118", "PHONE_NUMBER", "001-476-210-1687x118"),
    ("Ana Souza,ana@example.org,+42 017 5530117", "PHONE_NUMBER", "+42 017 5530117"),
    ("teléfono 612 34 56 78", "PHONE_NUMBER", "612 34 56 78"),
    ("numer telefonu 601 234 567", "PHONE_NUMBER", "601 234 567"),
    ("телефон 8 (912) 345-67-89", "PHONE_NUMBER", "8 (912) 345-67-89"),
    ("电话 138 0013 8000", "PHONE_NUMBER", "138 0013 8000"),
    # national identity numbers after their names, and the SSN layout with no cue
    ("SSN 666-41-2290 on file", "NATIONAL_ID", "666-41-2290"),
    ("her social is 912 40 1187", "NATIONAL_ID", "912 40 1187"),
    ("National ID: 7702154432081", "NATIONAL_ID", "7702154432081"),
    ("passport no. K7720193", "NATIONAL_ID", "K7720193"),
    ("my NI number is JT 40 81 22 B", "NATIONAL_ID", "JT 40 81 22 B"),
    ("PESEL 90121304417", "NATIONAL_ID", "90121304417"),
    ("CPF 418.220.117-35", "NATIONAL_ID", "418.220.117-35"),
    ("DNI 40718823K", "NATIONAL_ID", "40718823K"),
    ("ref 000-41-2290 attached", "US_SSN", "000-41-2290"),
    # customer and account numbers after cues
    ("order for customer 48213", "CUSTOMER_ID", "48213"),
    ("cust #A-22817 called", "CUSTOMER_ID", "A-22817"),
    ("member no. 5512093", "CUSTOMER_ID", "5512093"),
    ("policy number: PL-009321", "CUSTOMER_ID", "PL-009321"),
    ("acct 004417823 overdrawn", "ACCOUNT_NUMBER", "004417823"),
    ("account no. 12-3344-55", "ACCOUNT_NUMBER", "12-3344-55"),
    ("Account AC6762-1304 - Zendesk", "ACCOUNT_NUMBER", "AC6762-1304"),
    ("customer BX2210-8841 asked for a refund", "CUSTOMER_ID", "BX2210-8841"),
    ("Souza, Ana;Lisboa;QK4410-2093", "ACCOUNT_NUMBER", "QK4410-2093"),
    # logins in commands, their output and file-share paths
    ("\\\\nas02\\home$\\qadeyemi\\Desktop", "USERNAME", "qadeyemi"),
    ("sudo -u tbergmann ./deploy.sh", "USERNAME", "tbergmann"),
    ("pg_dump -U wkrol analytics > a.sql", "USERNAME", "wkrol"),
    ("mysql --user=ochieng -p shop", "USERNAME", "ochieng"),
    ("ssh -l hsaito build.example.org", "USERNAME", "hsaito"),
    ("docker login -u rmukherjee ghcr.io", "USERNAME", "rmukherjee"),
    ("runas /user:CORP\\lnovak cmd.exe", "USERNAME", "lnovak"),
    ("curl -u pvieira:Xk82-pq https://api.example.com", "USERNAME", "pvieira"),
    ("$ sudo usermod -aG docker jkariuki", "USERNAME", "jkariuki"),
    ("useradd -m -s /bin/bash zhao.li", "USERNAME", "zhao.li"),
    ("chown -R mbeaulieu:staff ./site", "USERNAME", "mbeaulieu"),
    ("uid=1002(akowalski) gid=1002(akowalski) groups=1002(akowalski)", "USERNAME", "akowalski"),
    ("-rw-r--r--  1 sdlamini  staff  2048 May 2 09:14 notes.md", "USERNAME", "sdlamini"),
    ("PS C:\\> whoami\ncorp\\efernandes", "USERNAME", "efernandes"),
    ('git config --global user.name "rtanaka"', "USERNAME", "rtanaka"),
    ("ngozi@devbox ~/src> make", "USERNAME", "ngozi@devbox"),
    ("Kowalski@Kowalski-PC:~$ ls", "USERNAME", "Kowalski@Kowalski-PC"),
    ("Tomasz@DESKTOP-4F2K MINGW64 ~/projects (main)", "USERNAME", "Tomasz@DESKTOP-4F2K"),
    ("mkarimi commented 2 days ago", "USERNAME", "mkarimi"),
    ("• lucas-ferreira opened this issue on Mar 3", "USERNAME", "lucas-ferreira"),
    ("see #412 - nhan_tran2 approved these changes", "USERNAME", "nhan_tran2"),
    ("tiago_r joined #deploys", "USERNAME", "tiago_r"),
    ("pmenon pushed 3 commits", "USERNAME", "pmenon"),
    ("Requested a review from @ibeke", "USERNAME", "ibeke"),
    ("Assignee: vdubois", "USERNAME", "vdubois"),
    ("Reviewed by: Chidi Okeke", "USERNAME", "Chidi Okeke"),
    ("shared by j.okafor", "USERNAME", "j.okafor"),
    # secrets in options, headers, cookies, provider shapes and other languages
    ("backup.sh --password Gl4cier-Bay --host db1", "SECRET", "Gl4cier-Bay"),
    ("vault login --token=hvs1a2b3c4d5e6", "SECRET", "hvs1a2b3c4d5e6"),
    ("mysql -u app -pW1nterW0nder shop", "SECRET", "W1nterW0nder"),
    ("sshpass -p 'Qz8!fence' ssh app@10.0.0.9", "SECRET", "Qz8!fence"),
    ("curl -u pvieira:Xk82-pq https://api.example.com", "SECRET", "Xk82-pq"),
    ("-H 'Authorization: Basic cHZpZWlyYTpYazgyLXBx'", "SECRET", "cHZpZWlyYTpYazgyLXBx"),
    ("Authorization: Bearer 7c1e9a44b2d04e8f", "SECRET", "7c1e9a44b2d04e8f"),
    ("Cookie: lang=en; PHPSESSID=k3j2h1g0f9e8d7c6", "SECRET", "k3j2h1g0f9e8d7c6"),
    ("AccountName=acme;AccountKey=q9Zx8Yw7Vu6Ts5Rr4Qp3==;EndpointSuffix=core.windows.net", "SECRET",
     "q9Zx8Yw7Vu6Ts5Rr4Qp3=="),
    ("pushed glpat-Ab3De6Gh9Jk2Mn5Pq8St by mistake", "SECRET", "glpat-Ab3De6Gh9Jk2Mn5Pq8St"),
    ("npm_Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa leaked", "SECRET", "npm_Zy9Xw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBa"),
    ("recovery codes: 7hq2-k9dx 3mz8-p1wa", "SECRET", "7hq2-k9dx 3mz8-p1wa"),
    ("Passwort: Fahrrad#2026", "SECRET", "Fahrrad#2026"),
    ("mot de passe : Lune-Bleue77", "SECRET", "Lune-Bleue77"),
    ("senha: Praia@2023", "SECRET", "Praia@2023"),
    ("the vpn pw is $Qm7rTx_k2", "SECRET", "$Qm7rTx_k2"),  # a "$" that starts no $UPPER_CASE reference
    ("backup.sh --password $ecr3tValue", "SECRET", "$ecr3tValue"),
    ('{"password": "$x9Kp2"}', "SECRET", "$x9Kp2"),
    ('{"user":"app","password":"hunter2x"}', "SECRET", "hunter2x"),
    ("db_password = 'Rainy-Day-77'", "SECRET", "Rainy-Day-77"),
    ("spring.datasource.password=Spr1ngPass", "SECRET", "Spr1ngPass"),
    ("PGPASSWORD=pgpass99 psql -h db", "SECRET", "pgpass99"),
    ('apiToken = "tok_9c8b7a6f5e4d"', "SECRET", "tok_9c8b7a6f5e4d"),
    ("<ApiKey>3b9f1c2d7e8a</ApiKey>", "SECRET", "3b9f1c2d7e8a"),
    # national ids with no cue whose check digits pass, and account numbers after cues in other languages
    ("cliente 714.602.385-08 cadastrado", "NATIONAL_ID", "714.602.385-08"),
    ("VRDGNN78E52L219Z - Giovanna Verdi", "NATIONAL_ID", "VRDGNN78E52L219Z"),
    ("HEMA010923HNLRRL07", "NATIONAL_ID", "HEMA010923HNLRRL07"),
    ("henkilö 230796-146Y", "NATIONAL_ID", "230796-146Y"),
    ("010923-3184225", "NATIONAL_ID", "010923-3184225"),
    ("nombre;X6039218Q;Sevilla", "NATIONAL_ID", "X6039218Q"),
    ("id 02210735189 verified", "NATIONAL_ID", "02210735189"),
    ("61928304700", "NATIONAL_ID", "61928304700"),
    ("5010923400171", "NATIONAL_ID", "5010923400171"),
    ("uid 5298 3017 6627", "NATIONAL_ID", "5298 3017 6627"),
    ("2 91 03 69 123 457 52", "NATIONAL_ID", "2 91 03 69 123 457 52"),
    ("93.05.18-223.61", "NATIONAL_ID", "93.05.18-223.61"),
    ("T.C. kimlik no: 61928304700", "NATIONAL_ID", "61928304700"),
    ("NI: AB 12 34 56 C", "NATIONAL_ID", "AB 12 34 56 C"),
    ("Kontonummer 0532013000", "ACCOUNT_NUMBER", "0532013000"),
    ("número de cuenta: 0049 1500 05 1234567892", "ACCOUNT_NUMBER", "0049 1500 05 1234567892"),
    ("PayPal account ID: 7XK4P9QJ2LM3N", "ACCOUNT_NUMBER", "7XK4P9QJ2LM3N"),
    ("IT28S54291843714157775171456", "ACCOUNT_NUMBER", "IT28S54291843714157775171456"),  # an IBAN as OCR misread it
    ("pay BE68 5390 0754 7034 EUR 40", "ACCOUNT_NUMBER", "BE68 5390 0754 7034"),
    # addresses, whole
    ("ship it to Musterstraße 12, 10115 Berlin today", "STREET_ADDRESS", "Musterstraße 12, 10115 Berlin"),
    ("Berliner Straße 5, 10115 Berlin", "STREET_ADDRESS", "Berliner Straße 5, 10115 Berlin"),
    ("12 rue de la Paix, 75002 Paris", "STREET_ADDRESS", "12 rue de la Paix, 75002 Paris"),
    ("221B Baker Street, London NW1 6XE", "STREET_ADDRESS", "221B Baker Street, London NW1 6XE"),
    ("〒100-0001 東京都千代田区千代田1-1", "STREET_ADDRESS", "〒100-0001 東京都千代田区千代田1-1"),
    ("1200 Harbor Crest Dr, Apt 5B, Springfield, IL 62704", "STREET_ADDRESS",
     "1200 Harbor Crest Dr, Apt 5B, Springfield, IL 62704"),
    ("9791 Regina Mountains\nAndreaborough, VT 62139", "STREET_ADDRESS", "9791 Regina Mountains\nAndreaborough, VT 62139"),
    ("ul. Kołłątaja 79/19\n02-931 Kwidzyn", "STREET_ADDRESS", "ul. Kołłątaja 79/19\n02-931 Kwidzyn"),
    ("Via Roma 12, 00184 Roma", "STREET_ADDRESS", "Via Roma 12, 00184 Roma"),
    ("서울특별시 강남구 테헤란로 123", "STREET_ADDRESS", "서울특별시 강남구 테헤란로 123"),
])
def test_when_an_identifier_of_computer_work_is_written_then_it_is_found_whole(text, entity, value):
    assert (entity, value) in found(text)


@pytest.mark.parametrize("text", [
    # a password cue followed by a state, a function word or a phrase about the password, not by it
    "the password is wrong", "the password is incorrect", "your password is expired", "a password is required",
    "the password is too short", "password is the same as before", "the pin is on the wall",
    "the password is reset every 90 days", "open the password manager", "see the password policy",
    # a config key at the start of a line is no addressed chat handle
    "password_min_length: 12", "max_conn: 50\nuse_ssl: true",
    "/home/build/artifacts2024/output and /Users/Shared/x",
    "username is required",
    "dm me when done",
    "social event on 2024-05-06",  # a date after a national id's name
    "the SIN 2024 05 06 build",
    "Settings | Direct message | Slack",
    "here is the message from Vmware server",
    "mail ana@example.com or ana@example.co.uk",
    "npm i react@latest and pip install foo@bar",
    "Note: this is fine",
    "| Name | Role |\n|------|------|",
    "Update: [done], see {below}",
    "see the docs, section_2\nWe met at 10:30, v2_final.",
    "values: 1, 2, x86_64",
    "the password is wrong.",
    "password reset flow ticket",
    "API_TOKEN: ${API_TOKEN}",
    "KEYBOARD_LAYOUT=us",
    "https://example.com/docs/getting-started?lang=en",
    "https://github.com/settings/tokens",
    "https://developer.mozilla.org/en-US/docs/Web/API/Document/getElementById",
    "/Users/Shared/MyDocuments/ReadMe.txt and /api/v2/OAuthCallback",
    "the account has 500000 users",
    "released in 2024, customer 2024",
    "account opened 2024-06-09",
    "added 2 SSH Keys and 3 Feature Branch builds",
    "merged 5 Story Points into the sprint",
    "sent via Email 3 times",
    "Deployment Ring 2 rollout",
    "MAC 00:1a:2b:3c:4d:5e and build 2.14.0",
    "git@github.com:git/tools.git and git@github.com:repo.git",
    "https://meet.google.com/landing and https://discord.gg/ and https://zoom.us/j/",
    "released 2024-06-09 at 10:30, call me on Monday, phone me at 5 or 6",
    "db url postgres://app:@db-host/main and redis://svc@cache-host:6379",
    "the phone cost 1,299,000; my phone was bought 2024-06-09",
    "tel 10.0.0.12 and 192.168.100.200, UTC+05:30, diff +12 -4, up +15%, dated +20240101",
    "build 359.387.2289, ticket number is 5512 0934, order 612-408-7731",
    "ISO 9001:2015, JIRA-1234, SKU-123-45, customer 2024-06-09",
    "RFC 2616, sin(30), passport photo 2x2, social media 2024, id number is required, SSN: n/a",
    "dates 2024-06-09 and 12-34-5678 and v1.22.333-44-5555",
    # commands without a person's login, and secrets' names without a secret
    "git push -u origin main; sort -u names.txt; python -u train.py; docker run -u 1000:1000 alpine",
    "sudo -u postgres psql; mysql -u root -p; chown -R www-data:www-data /var/www; id -u",
    "I chown the mount point first, then chown manually",
    "useradd: user already exists\npasswd: password updated successfully",
    "echo $PASSWORD; docker login --password-stdin; curl -u $USER:$TOKEN https://x; --token ${TOKEN}",
    "Bearer token expired; Authorization: Bearer ${TOKEN}; Cookie: theme=dark; lang=en; session started",
    "recovery codes are in the vault",
    "password: $DB_PASSWORD; --password $PGPASS_FILE; Authorization: Bearer $TOKEN",
    "Tests commented out; i just commented on this bug; the build opened this issue; It has joined the two tables",
    "Assignee: Unassigned; reviewer: required; owner: root; Reviewers: none; created by the script; closed by default",
    "Small rooms, a small desk shared by three people",
    "Write to Support@Example: the MINGW64 build is in ~/dist; run it as Admin @ Host ~ 5$",
    'set password_min_length: 12, token_url: "https://auth.example.com/token", secretName: db-creds, token_type=bearer',
    '{"password": ""} password: ${DB_PASSWORD} <password>${PASS}</password> if you hate your password: tell sudo',
    # numbers that are no one's: orders, builds, barcodes, purchase orders and invoices
    "order 88031412379 shipped, invoice 02210735189 paid, build 61928304700 green",
    "ean 5901234123457, isbn 9780306406157, run 1717171717171, tracking 1Z999AA10123456784",
    "PO1234-5678 received, INV2024-0193 overdue, SO2210-8841 booked",
    "my account is locked; account 12 of 40 migrated; Konto gesperrt; la cuenta de Google",
    "commit 3f9a2c1e8b7d6f5a4c3b2a1908f7e6d5c4b3a291, request_id=5f0c6e2a-1b7d-4c8e-9a3f-2d6b8e1c0f47",
    "card 4539 1488 0343 6467",
    "charset GB2312 or GB18030, DE1234 build, SE12ABCDEFGHIJKLMNOP",
    "Telefon gesperrt seit 2024-05-06, téléphone à 12h30, teléfono 3 veces, celular 2023",
])
def test_when_text_is_ordinary_work_then_no_identifier_is_found(text):
    assert found(text) == set()


def test_a_street_address_with_a_unit_is_one_span_covering_the_street():
    text = "2328 Figueroa Skyway Apt. 290"
    assert found(text) == {("STREET_ADDRESS", text)}


@pytest.mark.parametrize("segment, random", [
    ("ttjXDyVOcTYnrPPf", True), ("UYYtkaNX", True), ("inrmZdScO8", True), ("Pvs3hfu4", True), ("zt7Osxaqzw", True),
    ("XvcFETDwda", True), ("BUFpuzu3", True), ("9akxfivrztU3", True), ("QRLMPIa7", True),
    ("getElementById", False), ("JSONParser", False), ("XMLHttpRequest", False), ("customer-stories", False),
    ("Fail2ban", False), ("S3Bucket", False), ("OAuthCallback", False), ("MacBookPro", False),
    ("Albert_Einstein", False), ("README_FIRST", False), ("Documents", False),
])
def test_a_path_segment_counts_as_random_by_its_camel_case_pieces(segment, random):
    recognizer = UrlPathTokenRecognizer(DATA, WORDS.__contains__)
    assert (recognizer.validate_result(segment) is None) == random
    assert "".join(camel_pieces(segment)) == "".join(char for char in segment if char.isalpha())


@pytest.mark.parametrize("span, expected", [
    ("Settings", None), ("Contacts - Slack", None), ("Google Drive Settings", None),
    ("Pedro - Northwind - Slack", "Pedro - Northwind"), ("Svanlaug - Google Docs", "Svanlaug"),
    ("Ana Page", "Ana Page"), ("Grace", "Grace"),
])
def test_ui_words_are_cut_from_a_span_only_as_whole_title_parts(span, expected):
    bounds = without_ui_parts(span, load_ui_terms(DATA))
    assert (None if bounds is None else span[bounds[0]:bounds[1]]) == expected


def test_ui_terms_hold_no_given_name_and_only_ui_words_clear_a_span():
    assert not set(load_ui_terms(DATA)) & set(term_list(recognizer_data().first_names.terms))
    assert only_ui_terms("Visual Studio Code", load_ui_terms(DATA))
    assert not only_ui_terms("Priya Settings", load_ui_terms(DATA))
    assert not only_ui_terms("", load_ui_terms(DATA))


def test_a_sign_off_that_is_an_app_name_is_not_a_person_but_a_name_is():
    recognizer = next(r for r in pattern_set_recognizers(DATA, load_ui_terms(DATA)) if r.supported_entities == ["PERSON"])
    assert recognizer.analyze("Book time with Adesua - Calendly", ["PERSON"]) == []
    assert [r.entity_type for r in recognizer.analyze("see you then - Omar", ["PERSON"])] == ["PERSON"]


ADVERSARIAL = {
    "letters": "a" * 100_000, "digit-blank": "1 " * 50_000, "capital-words": "Aa " * 33_333,
    "number-words": "12 Main " * 12_500, "at": "a@" * 50_000, "colon-slash": "a:/" * 33_333, "slash": "/" * 100_000,
    "password-is": "password is " * 8_333, "snake": "A_" * 50_000, "url": "http://a/" * 11_111,
    "query": "?token=" * 14_285, "ssh": "ssh a " * 16_666, "hex-pairs": "ab:" * 33_333, "han": "東京都" * 33_333,
    "users": "/Users/" * 14_285, "blanks": " \n" * 50_000, "strasse": "Aaastraße " * 10_000, "dm": "DM: " * 25_000,
    "user-at-host": "user@host " * 10_000, "rue": "12 rue " * 14_285, "camel": "aB" * 50_000,
    "plus-digits": "+1 " * 33_334, "dotted-digits": "1." * 50_000, "phone-cue": "call me on 1 " * 7_693,
    "git-remote": "a@b.c:" * 16_667, "sudo-u": "sudo -u " * 12_500, "useradd": "useradd -m " * 10_000,
    "chown": "chown -R " * 11_112, "uid": "uid=1(" * 16_667, "whoami": "whoami\n" * 14_286, "bearer": "Bearer " * 14_286,
    "curl-u": "curl -u a:" * 10_000, "codes": "recovery codes: ab12 " * 5_000, "digits": "1" * 100_000,
    "digit-groups": "1234 " * 20_000, "password-option": "--password " * 9_091, "cookie": "sid=1" * 20_000,
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_each_new_recognizer_scans_100k_hostile_characters_within_the_regex_timeout(name):
    text = ADVERSARIAL[name]
    assert len(text) >= 99_990
    try:
        for recognizer in NEW_RECOGNIZERS:
            recognizer.analyze(text, recognizer.supported_entities)
    except RegexTimedOut:
        pytest.fail(f"a recognizer's regular expression timed out on the {name} input")


def test_when_a_pattern_names_an_unknown_word_list_then_loading_fails_naming_it(tmp_path):
    path = tmp_path / "recognizers.yaml"
    text = RECOGNIZERS_FILE.read_text(encoding="utf-8")
    assert "(?:{{profile_hosts}})" in text
    path.write_text(text.replace("(?:{{profile_hosts}})", "(?:{{profile_hostz}})"), encoding="utf-8")
    with pytest.raises(ConfigFileError, match="url_parts.*personal page on a profile host.*profile_hostz"):
        load_recognizer_data(path)


def test_when_a_filled_pattern_is_not_a_valid_regex_then_loading_fails_naming_it(tmp_path):
    path = tmp_path / "recognizers.yaml"
    text = RECOGNIZERS_FILE.read_text(encoding="utf-8")
    original = "[?&;#](?:{{token_params}})=\\K"
    assert original in text
    path.write_text(text.replace(original, "[?&;#](?:{{token_params}}=\\K"), encoding="utf-8")
    with pytest.raises(ConfigFileError, match="url_parts.*token in a query"):
        load_recognizer_data(path)


def test_the_policy_masks_or_hashes_every_new_entity_type():
    entities = load_policy(DEFAULT_POLICY).entities
    assert entities["CUSTOMER_ID"].action == "hash"
    assert entities["ACCOUNT_NUMBER"].action == "mask" and entities["STREET_ADDRESS"].action == "mask"
    # NATIONAL_ID is not listed: the policy's default for unlisted types masks it
    assert load_policy(DEFAULT_POLICY).entity_rule("NATIONAL_ID").action == "mask"


def test_the_real_analyzer_finds_work_identifiers_and_keeps_app_and_page_names(analyzer, analyzer_settings):
    def spans(text: str) -> set[tuple[str, str]]:
        return {(r.entity_type, text[r.start:r.end])
                for r in analyzer.analyze(text=text, language="en", score_threshold=analyzer_settings.score_threshold)}

    text = ("ana@web01:~/src$ psql postgres://svc:S3cr3tPass@db.internal/x  # customer 48213, "
            "ship to Musterstraße 12, 10115 Berlin")
    assert {("USERNAME", "ana@web01"), ("SECRET", "S3cr3tPass"), ("CUSTOMER_ID", "48213"),
            ("STREET_ADDRESS", "Musterstraße 12, 10115 Berlin")} <= spans(text)
    for title in ["Settings - Contacts", "#incidents - Northwind - Slack", "Inbox - Mozilla Thunderbird"]:
        assert not {entity for entity, _ in spans(title)} & {"PERSON", "LOCATION"}
    assert ("PERSON", "Пров Петухова") in spans("Пров Петухова | Contact | Salesforce")
    # a random path segment on any host; words written in camel case stay
    assert ("SECRET", "QRLMPIa7") in spans("https://chat.example.net/room/QRLMPIa7")
    assert not spans("https://example.com/docs/PowerShell/GetChildItem")
    assert ("NATIONAL_ID", "90121304417") in spans("PESEL 90121304417")
    assert ("PHONE_NUMBER", "612.408.7731") in spans("his number is 612.408.7731")
    # logins and secrets in commands; a purchase order is no account
    command = "sudo -u tbergmann ./backup.sh --password Gl4cier-Bay && curl -H 'Cookie: sid=k3j2h1g0f9e8d7c6' x"
    assert {("USERNAME", "tbergmann"), ("SECRET", "Gl4cier-Bay"), ("SECRET", "k3j2h1g0f9e8d7c6")} <= spans(command)
    assert not {entity for entity, _ in spans("PO1234-5678 received")} & {"ACCOUNT_NUMBER", "CUSTOMER_ID"}
    assert ("SECRET", "sunflower") in spans("the wifi password is sunflower")
    assert not any(entity == "SECRET" for entity, _ in spans("the password is wrong, it was reset"))
    assert not any(entity == "USERNAME" for entity, _ in spans("password_min_length: 12\nuse_ssl: true"))
    assert not any(entity == "PHONE_NUMBER" for entity, _ in spans("ISBN 978 0 306 40615 7"))
