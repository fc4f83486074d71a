/**
 * Trigger lemmas: general English words that state each relation type, as a feature the model weighs ("the trigger
 * on the path between the two names is a payment word"). Written from the type definitions in
 * src/model/relation-types.ts, not from any document; the model learns from data how much each class counts.
 */
import type { RelationTypeId } from '../../model/index.js';

const LISTS: Record<RelationTypeId, string> = {
  role_in: 'leader head chief president minister premier member spokesman spokeswoman spokesperson official commander ' +
    'director chairman chairwoman chair secretary envoy ambassador adviser advisor aide deputy officer employee staff ' +
    'work serve join appoint elect name governor mayor king emir general colonel representative lawmaker delegate ' +
    'executive ceo founder boss manager editor correspondent analyst lawyer judge prosecutor captain coach player',
  part_of: 'part unit branch wing division subsidiary arm affiliate belong department section faction component ' +
    'brigade battalion cell chapter member',
  controls: 'control command lead run direct own operate found establish sponsor back head manage govern rule oversee ' +
    'create form set hold seize capture occupy dominate take acquire buy',
  informant_for: 'spy inform informant informer agent asset recruit source mole collaborate collaborator espionage ' +
    'handler report double',
  met: 'meet meeting talk talks host receive visit summit confer negotiate negotiation encounter sit',
  contacted: 'call phone telephone write letter message email mail brief urge warn tell ask appeal invite contact ' +
    'send cable telegram notify inform request',
  paid: 'pay payment fund funding finance bribe donate donation grant loan give transfer aid compensate compensation ' +
    'salary reward bankroll subsidize subsidise money cash dollar allocate provide',
  attacked: 'attack kill strike bomb bombing shell shelling shoot raid invade invasion assault target assassinate ' +
    'assassination capture seize ambush murder execute fire hit destroy airstrike wound kidnap abduct',
  succeeded: 'succeed successor replace replacement predecessor take over step resign',
  allied_with: 'ally alliance support cooperate cooperation coordinate partner partnership coalition agreement pact ' +
    'treaty back join alongside align friend unite',
  opposed: 'oppose opposition criticize criticise criticism condemn accuse rival fight war conflict sanction protest ' +
    'denounce blame clash enemy reject against dispute tension hostile threaten',
  located_in: 'in at near base headquarter headquarters locate station capital city province live reside home town ' +
    'village region district from outside inside within',
};

/** Lemma -> the types it can state (a word may state several: "head" is a post and control). */
export const TRIGGER_TYPES: ReadonlyMap<string, readonly RelationTypeId[]> = (() => {
  const map = new Map<string, RelationTypeId[]>();
  for (const [type, words] of Object.entries(LISTS) as [RelationTypeId, string][]) {
    for (const w of words.split(/\s+/)) map.set(w, [...(map.get(w) ?? []), type]);
  }
  return map;
})();

/** Cheap lemma for words without a tagger: strips common inflections ("meetings" -> "meeting", "paid" -> "pay"). */
export function roughLemma(word: string): string {
  const w = word.toLowerCase();
  const irregular = IRREGULAR.get(w);
  if (irregular !== undefined) return irregular;
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 4 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (w.length > 5 && w.endsWith('ing')) return w.slice(0, -3);
  if (w.length > 4 && w.endsWith('ed')) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

const IRREGULAR = new Map(
  ('met:meet paid:pay led:lead ran:run took:take taken:take held:hold gave:give given:give told:tell sent:send ' +
    'fought:fight shot:shoot struck:strike hit:hit wrote:write written:write seized:seize bought:buy sought:seek ' +
    'was:be were:be is:be are:be been:be had:have has:have did:do done:do said:say made:make')
    .split(' ').map((p) => p.split(':') as [string, string]),
);
