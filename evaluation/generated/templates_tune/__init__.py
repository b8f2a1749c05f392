"""Tuning family for the category decision, in three batches written apart from each other and from
the train, dev and test families. `notices_hr` (categories.py): a person's own tax and performance
matters of kinds the train and dev families do not hold (estimated payments, notices, audits, non-US
tax authorities; probation, capability and disciplinary processes, denied promotions, notes on a
named employee), and work about the same subjects. `registers` (registers.py): own medical, tax, HR
and private matters in the registers of work tools (terse chat, speech, mail, assistant prompts,
form fields, searches, portal titles), other countries' systems, named colleagues and indirect
wording, and the work of people who build software about them. `desk` (desk.py): the shortest
records people make of their own tax, HR and medical matters at a computer (a portal page's title and
URL, a typed search, one chat or spoken line, one assistant prompt, a few form fields), with the same
registers' hard negatives; its own seed. `typed` (typed.py): own medical and HR matters as typed
(key events with fixed and left typos) and own tax and HR matters as talked (calls, chats, assistant
prompts), with code, SQL, tickets, commits, test fixtures, planning calls and generic reminders about
the same subjects as hard negatives; its own seed. `people` (people.py): performance matters of a named
person or oneself and medical matters with few or no terms, typed and talked, with system performance,
HR-software and health-app engineering as hard negatives; its own seed. `talked` (talked.py) and
`elsewhere` (elsewhere.py): performance talked in turns, tax on screens as OCR reads them, and the
work of people who build software about the categories; `elsewhere` in plain words, with other tools'
speaker labels, written by a different hand before reading the rules; own seeds. Scored by
`python -m evaluation.tune_categories`; never trained on."""
from evaluation.generated.templates_tune import categories, desk, elsewhere, people, registers, talked, typed

SEED = 20261206
BATCHES = {"notices_hr": categories.CATEGORY_RECIPES, "registers": registers.CATEGORY_RECIPES,
           "desk": desk.CATEGORY_RECIPES, "typed": typed.CATEGORY_RECIPES,
           "people": people.CATEGORY_RECIPES, "talked": talked.CATEGORY_RECIPES,
           "elsewhere": elsewhere.CATEGORY_RECIPES}
# Records a TextRecipe cannot describe: dialogues whose turns follow each other, and screens as OCR reads them.
SCRIPTED = {"talked": talked.SCRIPTS + talked.SCREENS, "elsewhere": elsewhere.SCRIPTS + elsewhere.SCREENS}
# A batch with a seed of its own draws its values apart from the others.
SEEDS = {"desk": desk.SEED, "typed": typed.SEED, "people": people.SEED, "talked": talked.SEED,
         "elsewhere": elsewhere.SEED}
CATEGORY_RECIPES = tuple(recipe for recipes in BATCHES.values() for recipe in recipes)

__all__ = ["BATCHES", "CATEGORY_RECIPES", "SCRIPTED", "SEED", "SEEDS"]
