/** Word lists the relation rules share, as regular-expression source (non-capturing) or sets. */

/** Builds an alternation that tries longer phrases first ("prime minister" before "minister"). */
function alt(words: string[]): string {
  const flex = (w: string): string => w.replace(/\b([a-z])/g, (c) => `[${c}${c.toUpperCase()}]`);
  return `(?:${[...words].sort((a, b) => b.length - a.length).map(flex).join('|')})`;
}

/** Posts that put the holder in charge: "Hezbollah leader Hassan Nasrallah". */
export const LEADING_ROLES = [
  'leader', 'supreme leader', 'commander', 'commander-in-chief', 'field commander', 'chief', 'head', 'president',
  'prime minister', 'premier', 'director', 'director-general', 'director general', 'chairman', 'chairwoman', 'governor',
  'mayor', 'king', 'emir', 'secretary-general', 'secretary general', 'founder', 'co-founder', 'chief of staff',
  'speaker', 'minister', 'foreign minister', 'defence minister', 'defense minister', 'interior minister',
  'intelligence minister', 'oil minister', 'finance minister', 'godfather', 'boss', 'ruler',
];

/** Posts held inside or for an organisation without running it: "Khamenei's security adviser". */
export const MEMBER_ROLES = [
  'adviser', 'advisor', 'aide', 'member', 'deputy', 'vice president', 'spokesman', 'spokeswoman', 'spokesperson',
  'envoy', 'ambassador', 'official', 'officer', 'secretary', 'lawmaker', 'MP', 'representative', 'negotiator',
  'soldier', 'fighter', 'militant', 'cleric', 'judge',
  'diplomat', 'consul', 'attache', 'analyst', 'researcher', 'employee', 'staffer', 'operative',
];

/** Covert roles, read as informant_for rather than role_in: "an Iranian intelligence asset". */
export const INFORMANT_ROLES = ['asset', 'informant', 'informer', 'spy', 'mole', 'agent', 'source', 'double agent'];

/** Any post word, with a regex-safe alternation. */
export const ROLE = alt([...LEADING_ROLES, ...MEMBER_ROLES, ...INFORMANT_ROLES]);

/** Words that may qualify a post: "former", "then-", "top political", "security". */
export const ROLE_QUALIFIER = String.raw`(?:[Tt]hen-|(?:[Ff]ormer|then|current|acting|deputy|top|senior|chief|late|interim|elite|military|security|political|intelligence|foreign|defen[cs]e|national|regional|field|de facto|powerful|veteran|longtime|long-time|new|first|second|third|main|overall|paramilitary|religious|spiritual|key|close|trusted|personal|special|assistant|operations|operational|so-called|self-declared|self-styled|notorious|elected|current|outgoing|incoming|provincial|local|military intelligence)\s+)`;

/** Military and civil titles written before a name: "Lt. Gen. Hatem al-Maksusi". */
export const TITLE = String.raw`(?:(?:Gen\.|General|Lt\.|Lieut\.|Lieutenant|Col\.|Colonel|Maj\.|Major|Brig\.|Brigadier|Adm\.|Admiral|Capt\.|Captain|Cmdr\.|Commander|Sgt\.|Sheikh|Sheik|Ayatollah|Grand Ayatollah|Hojatoleslam|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|President|Minister|Prime Minister|Judge|Mullah|Imam|Sayyed|Sayyid|Haji|Hajji)\s+)`;

/** Auxiliaries, adverbs and negations that may sit between a subject and its verb: "has steadily", "vehemently denied". */
export const AUX = String.raw`(?:(?:is|was|are|were|be|been|being|has|have|had|will|would|can|could|may|might|must|shall|should|did|does|do|not|n't|never|also|reportedly|allegedly|then|later|soon|once|still|already|even|just|directly|personally|secretly|publicly|openly|quickly|repeatedly|first|again|ultimately|finally|eventually|previously|formerly|recently|long|subsequently|denied|denies|deny|refused to|tried to|sought to|went on to|began|begun|continued to|continues to|helped|helps|today|yesterday|tomorrow|tonight|earlier|now|on (?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|last (?:week|month|year|night)|this (?:week|month|year)|(?:reported|said|believed|thought|alleged|understood|known|claimed) to(?: have)?|[a-z]+ly)\s+)`;

/** Negation and denial cues inside a matched stretch. */
export const NEGATION = /\b(?:not|n't|never|no longer|denied|denies|deny|denying|refused to|rejected claims)\b/i;

// Prepositions, conjunctions and verbs end a noun phrase: "killed on the front line" has no object.
const FUNCTION_WORDS_LIST = ('and or but nor of in on at to for with by from into onto over under about against between after before during ' +
  'since until as than that which who whom whose when where while because if is was are were has have had will would ' +
  'can could may might must shall should do does did not also said says told added wrote reported claimed the a an ' +
  'its his her their this these those then there here through across near inside outside toward towards within without via').split(' ');

/** One lower-case word that is not a preposition, conjunction or auxiliary: "drone" in "US drone strike". */
export const CONTENT_WORD = String.raw`(?:(?!(?:${FUNCTION_WORDS_LIST.join('|')})\b)[a-z][\w-]*)`;

/** What one can attack or criticise without attacking its owner: "Israel's decision", "Iran's influence". */
export const STANCE_NOUN = String.raw`(?:decision|decisions|policy|policies|plan|plans|stance|position|claims?|statement|remarks|comments|role|influence|approach|move|record|conduct|handling|rhetoric)`;

/** Cues that the relation is attempted, possible or hearsay rather than done: lowers confidence. */
export const HEDGE = /\b(?:tried|trying|sought|seeking|attempted|attempting|offered|wanted|wants|plans?|planned|planning|would|could|may|might|should|threatened|threatens|intends?|intended|allegedly|possibly|likely|apparently|believed to|suspected|urged|urges|asked|asks|calls? on|called on|reported to|said to|thought to|will|to be|set to|expected to)\b/i;

/** A short noun-phrase lead-in before an argument: "the most prominent Iraqi armed factions, including" (a capitalised adjective the NER left untagged counts as a word). */
export const NP_GAP = String.raw`(?:(?:the|a|an|its|his|her|their|some|several|many|two|three|other|both|all)\s+)?(?:(?:(?!(?:${FUNCTION_WORDS_LIST.join('|')})\b)[a-z0-9][\w'-]*|[A-Z][a-z]+(?= [a-z])|⟦[a-zM]\d+⟧)\s+){0,4}?(?:(?!${ROLE}\b)[a-z]+ of (?:the )?)?`;

/** Generic nouns that name an organisation or place together with the name before them ("the Beit Rahbari agency"). */
export const CLASS_NOUNS = new Set(
  ('agency agencies group movement organisation organization party ministry unit brigade brigades battalion division ' +
    'corps militia council committee network office department front alliance coalition regime government administration ' +
    'force forces army militias faction factions city town province village region area district camp base airport ' +
    'company bank foundation university channel newspaper').split(' '),
);

/** CLASS_NOUNS as an alternation, for patterns. */
export const CLASS_NOUN = `(?:${[...CLASS_NOUNS].join('|')})`;

/** Nouns after which a name is only a modifier ("US drone strike", "Iranian officials"), unless a CLASS_NOUN. */
export const HEAD_NOUNS = new Set(
  ('leader leaders commander commanders chief head officials official agents agent officers officer troops fighters ' +
    'soldiers spies spy assets asset proxies proxy allies ally intelligence drone strike strikes airstrike air missile ' +
    'attack attacks raid operation operations influence interests embassy consulate envoy ambassador minister ministers ' +
    'president spokesman adviser advisor member members citizens nationals people residents contractor contractors ' +
    'elements interference policy policies sanctions presence territory soil border side capital mission missions ' +
    'delegation delegations talks visit trip file files desk').split(' '),
);

/** Words that never start a noun-phrase continuation (so a name before them is a full argument). */
export const FUNCTION_WORDS = new Set(FUNCTION_WORDS_LIST);

export { alt };
