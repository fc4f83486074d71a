/** Active verbs with a named subject and object: one row per relation type, read "subject <verb> object". */
import type { RelationTypeId } from '../../model/index.js';
import type { Frame } from './frame.js';
import { object, subject } from './clause.js';

/** A verb group that yields one relation type from subject to object. */
interface VerbRow {
  type: RelationTypeId;
  /** Verb forms with their particles, as regex source. */
  verbs: string;
  /** Entity types allowed as object. */
  objects: string;
  confidence: number;
}

const ROWS: VerbRow[] = [
  {
    // "Each of these agencies controls dozens of Iraqi armed factions", "Iran dominates the politics of Iraq",
    // "Hejazi became directly responsible for the most prominent Iraqi armed factions, including Kataeb Hezbollah and Asaib Ahl al-Haq"
    type: 'controls',
    verbs: String.raw`(?:controls?|controlled|controlling|directs|directed|directing|commands|commanded|commanding|runs|ran|oversees|oversaw|overseeing|sponsors|sponsored|sponsoring|backs|backed|backing|founded|co-founded|established|formed|created|(?:helped|helps) (?:to )?(?:found|establish|create|set up|form|run|lead)|leads|led|leading|heads|headed|heading|manages|managed|supervises|supervised|handles|handled|dominates|dominated|dominating|took control of|taking control of|seized control of|(?:has |have |had |claims? |claimed |retains? |retained |regained |maintains? )?(?:full |effective |total )?control of|took charge of|became responsible for|(?:is|was|are|were|became|become|becomes|remained|remains) (?:directly |also |now )?responsible for|(?:is|was|are|were|) ?in charge of|set up|organi[sz]ed)`,
    objects: 'POLM',
    confidence: 0.8,
  },
  {
    // "the IRGC trained and armed Kataeb Hezbollah" (a group; "the U.S. trained him" makes no one its creature)
    type: 'controls',
    verbs: String.raw`(?:arms|armed|arming|trains|trained|training|equips|equipped|equipping)(?: and (?:armed|trained|equipped|funded))?`,
    objects: 'OM',
    confidence: 0.75,
  },
  {
    // "The last three answer directly to Khamenei", "the Quds Force is part of the IRGC"
    type: 'part_of',
    verbs: String.raw`(?:(?:is|was|are|were|became|remains|remained) (?:also )?)?(?:part of|a part of|a unit of|a branch of|a wing of|an arm of|a faction of|a division of|a subsidiary of|a member of|members of|attached to|affiliated (?:to|with)|subordinate to|answers? (?:directly )?to|answered (?:directly )?to|answering (?:directly )?to|reports? directly to|reported directly to|belongs? to|belonged to|integrated into|merged into|falls? under|fell under|came under|(?:was |were |is |are )?assigned to|(?:is |are |was |were )?(?:working |operating |serving |fighting )?as (?:a )?part of|serves? (?:in|with)|served (?:in|with)|serving (?:in|with))`,
    objects: 'POLM',
    confidence: 0.8,
  },
  {
    // "the source secretly reported to the MOIS", "he spied for Iran", "X worked as an asset for the CIA"
    type: 'informant_for',
    verbs: String.raw`(?:spied|spies|spying|spy) (?:for|on behalf of)|(?:informed|informs|informing) (?:for|on behalf of)|worked as an? (?:[a-z]+ )?(?:asset|agent|spy|informant|source|mole) (?:for|of)|secretly (?:reports?|reported|reporting|passed information|passes information) to|(?:is|was|became|were|are|had been) (?:an? |the )?(?:[a-z]+ ){0,2}(?:asset|informant|informer|spy|mole|source|double agent)s? (?:for|of|to|working for)|(?:recruited|was recruited) by|passed (?:information|intelligence|secrets|details) to|(?:working|worked|works) (?:secretly )?on behalf of|(?:secretly|covertly|clandestinely) (?:working|worked|works|work) for`,
    objects: 'OLMP',
    confidence: 0.75,
  },
  {
    // "Nechervan Barzani met with Hejazi", "Araji met with the Nato delegation" (a phone call is `contacted`, below)
    type: 'met',
    verbs: String.raw`(?:met|meets|meet|meeting|held talks with|holds talks with|hold talks with|had talks with|held a meeting with|had a meeting with|hosted|hosts|spoke with|spoke to|talked with|talked to|conferred with|negotiated with|sat down with|(?:held|had|during|in) (?:an? |the |several |two |three |a series of )?(?:[a-z]+ )?(?:meetings?|conversations?|talks|discussions) with)(?: (?:secretly|in secret|privately|in private|publicly|twice|again|repeatedly|regularly|often))?(?: with)?`,
    objects: 'PO',
    confidence: 0.8,
  },
  {
    // "Hejazi phoned Abu Fadak", "Tehran warned the factions' leaders", "the source briefed his Iranian handler"
    type: 'contacted',
    verbs: String.raw`(?:phoned|telephoned|(?:held|had|made) (?:an? |the |several |two |three )?(?:phone |telephone )?calls? (?:with|to)|contacted|messaged|emailed|e-mailed|briefed|wrote to|sent (?:a |an )?(?:[a-z]+ )?(?:message|letter|note|envoy|emissary) to|urged|pressed|warned|asked)`,
    objects: 'PO',
    confidence: 0.7,
  },
  {
    // "the U.S. paid him $3,000 a month", "Iran bribed Iraqi officials"
    type: 'paid',
    verbs: String.raw`(?:paid|pays|pay|paying|bribed|bribes|bribing|funded|funds|funding|financed|finances|financing|bankrolled|bankrolls)`,
    objects: 'POLM',
    confidence: 0.8,
  },
  {
    // "the Americans killed him and also killed Muhandis", "US forces conducted two strikes against Kataeb Hezbollah"
    type: 'attacked',
    verbs: String.raw`(?:killed|kills|kill|killing|assassinated|assassinates|assassinating|attacked|attacks|attacking|attack|struck|strikes|striking|targeted|targets|targeting|bombed|bombs|bombing|shelled|shelling|raided|raids|raiding|invaded|invades|invading|executed|murdered|ambushed|shot down|shot|(?:opened )?(?:fired|firing|fires|fire) (?:rockets |missiles |shells |mortars |drones )?(?:at|on|upon)|(?:used|uses|using|deployed) (?:[\w-]+ ){0,3}?(?:weapons|force|gas|bombs|barrel bombs|missiles|rockets|drones|artillery|airstrikes) (?:against|on)|(?:launched|launches|launch|conducted|conducts|conduct|carried out|carries out|carry out|waged) (?:[\w,-]+ ){0,4}?(?:attacks?|strikes?|airstrikes?|air strikes?|raids?|offensives?|assaults?|operations?) (?:on|against|targeting)|wounded|abducted|kidnapped|captured|seized|overran|wiped out|wiping out|wipe out|routed|crushed)`,
    objects: 'POLM',
    confidence: 0.8,
  },
  {
    // "Soleimani ... fought ISIS", "Protesters are strongly critical of Iran", "Tehran accused Washington"
    type: 'opposed',
    verbs: String.raw`(?:opposes|opposed|opposing|oppose|criticised|criticized|criticises|criticizes|criticising|criticizing|condemned|condemns|condemn|denounced|denounces|accused|accuses|accuse|blamed|blames|fought|fights|fighting|fight|battled|battles|battling|sanctioned|confronted|confronts|resisted|resists|clashed with|clashes with|clashing with|(?:is|are|was|were) (?:at odds|at war) with|(?:wage[sd]?|waging) war (?:on|against)|(?:is|are|was|were) (?:strongly |very |highly )?critical of|turned against|defeated|defeats|defeat|to defeat|ousted|expelled|(?:is|are|was|were) (?:committed to )?(?:defeating|fighting|countering|confronting) |(?:fight|battle|war|campaign|struggle|efforts?) (?:against|to defeat)|(?:fought|waged|wages|waging|fighting|fights|fight|led|leads|leading) (?:an? |the )?(?:[\w-]+ ){0,2}?(?:wars?|battles?|campaigns?|insurgency|conflict|operations?|offensive) (?:with|against|on|to defeat)|(?:operations?|offensives?|campaigns?) (?:against|to (?:defeat|destroy|retake))|(?:focused|focusing|focuses|focus|intent|bent) on (?:defeating|fighting|destroying|countering|confronting))`,
    objects: 'POLM',
    confidence: 0.75,
  },
  {
    // "Soleimani pounced ... in cooperation with his Iraqi partners", "the Hashd coordinated with the Iraqi army"
    type: 'allied_with',
    verbs: String.raw`(?:allied with|allies with|allied to|cooperates with|cooperated with|cooperating with|cooperate with|coordinates with|coordinated with|coordinating with|coordinate with|fought alongside|fights alongside|fighting alongside|fight alongside|sided with|sides with|partnered with|partners with|worked together with|collaborated with|collaborates with|collaborating with|joined forces with|(?:in|to) (?:close )?(?:cooperation|coordination|partnership|alliance) with|(?:in|to) support of|supports|supported|supporting|support|assisted|assists|assisting|aided|aids|aiding|(?:helped|helps|helping)(?! (?:to )?(?:run|found|create|set up|build|establish|form|organi[sz]e|lead|launch|start|fund|finance|plan|make|design|develop)\b)|(?:conducted|carried out|launched) [^.;"]{0,40}?(?:coordinated with|in (?:support|coordination) of|in cooperation with)|[a-z]+ (?:[a-z]+ )?in (?:its|their|his|her) (?:continued |strong |full |unwavering )?support (?:of|for)|(?:is|are|was|were) (?:loyal|close|allied|aligned) (?:to|with)|(?:is|are|was|were) (?:an? )?(?:close )?(?:ally|allies|partner|partners) (?:of|to))`,
    objects: 'POLM',
    confidence: 0.7,
  },
];

/** Subject-verb-object frames built from the rows above. */
export const VERB_FRAMES: Frame[] = ROWS.map((row) => ({
  rule: `verb:${row.type}`,
  pattern: `${subject('a', 'POLM')}(?:${row.verbs}) ${object('b', row.objects)}`,
  emit: [{ type: row.type, source: 'a', target: 'b' }],
  confidence: row.confidence,
}));

/** Frames around a verb that need more than subject-verb-object: summons, recruitment, reporting to a handler, aims. */
export const CLAUSE_FRAMES: Frame[] = [
  {
    // "The SDF ... took Raqqa", "IS retook the town of Hit" (only a place right after the verb: "took part", "took the decision" are not)
    rule: 'took-place',
    pattern: `${subject('a', 'POLM')}(?:took|takes|retook|retakes|retaking|taking) (?:the (?:city|town|village|district|province) of )?{b:L}`,
    emit: [{ type: 'controls', source: 'a', target: 'b' }],
    confidence: 0.7,
  },
  {
    // "Iran recruited Hatem al-Maksusi as a source": the recruit informs for the recruiter
    rule: 'recruited',
    pattern: `${subject('a', 'OLM')}(?:recruited|recruits|recruit|recruiting|enlisted|turned) ${object('b', 'P')}`,
    emit: [{ type: 'informant_for', source: 'b', target: 'a' }],
    confidence: 0.65,
  },
  {
    // "Hejazi called Hashd leader Abu Fadak and a number of prominent Iraqi faction commanders to 'an urgent' meeting in Tehran"
    rule: 'summoned-to-meeting',
    pattern: `${subject('a', 'PO')}(?:called|invited|summoned|brought|hosted) ${object('b', 'PO')}[^.;]{0,90}? to (?:an? |the |another )?[^.;]{0,24}?(?:meeting|talks|summit|gathering)`,
    emit: [{ type: 'met', source: 'a', target: 'b' }],
    confidence: 0.7,
  },
  {
    // "Nechervan Barzani ... met with top American and British officials in Dec 2014 before immediately reporting the details of the meeting to an Iranian official"
    rule: 'informant:reported-to',
    pattern: String.raw`${subject('a', 'P')}[^.;"]{0,90}? (?:before|after|then|and) (?:immediately |later |secretly |quietly )?(?:reporting|reported|passing|passed|relaying|relayed|handing over|handed over|divulging|divulged|leaking|leaked) [^.;"]{0,60}?to (?:an? |the |his |her |their )?(?:[a-z]+ )?{b:OLMolm}(?: (?:intelligence )?(?:official|officials|handler|handlers|contact|contacts|agent|agents|officer|officers|operatives?|spies))?`,
    emit: [{ type: 'informant_for', source: 'a', target: 'b' }],
    confidence: 0.6,
  },
  {
    // "Nasrallah and Hejazi met in Beirut"
    rule: 'met:coordinated-subject',
    pattern: String.raw`{a:PO} and (?:the )?{b:PO} (?:also |later |secretly |then )?(?:met|have met|had met|held talks|meet)`,
    emit: [{ type: 'met', source: 'a', target: 'b' }],
    confidence: 0.8,
  },
  {
    // "Iran has supported the Hashd in its efforts to defeat IS"
    rule: 'effort-to-defeat',
    pattern: `${subject('a', 'POLM')}[^.;"]{0,60}? (?:in|as part of) (?:its|their|his|her|the) (?:[a-z-]+ ){0,2}(?:efforts?|campaign|fight|operations?|struggle|war|determination|mission|offensive) (?:to (?:help )?(?:degrade and (?:ultimately )?)?(?:defeat|destroy|counter|eliminate|fight)|against) ${object('b', 'POLM')}`,
    emit: [{ type: 'opposed', source: 'a', target: 'b' }],
    confidence: 0.6,
  },
  {
    // "Baghdad vowed to degrade and ultimately destroy IS", "Iran stands by Damascus to defeat the rebels"
    rule: 'to-defeat',
    pattern: `${subject('a', 'POLM')}[^.;"]{0,50}? (?:in order )?to (?:help )?(?:(?:degrade|dismantle|weaken) and (?:ultimately )?)?(?:defeat|destroy|eliminate|counter|fight|confront|oust|expel) ${object('b', 'POLM')}`,
    emit: [{ type: 'opposed', source: 'a', target: 'b' }],
    confidence: 0.55,
  },
  {
    // "a Hashd commander fighting IS alongside the Iraqi army"
    rule: 'alongside',
    pattern: `${subject('a', 'POLM')}(?:fighting|fought|fights|fight|battling|battled|operating|operated|operates|deployed|stood|stands|standing) [^.;"]{0,50}?alongside ${object('b', 'POLM')}`,
    emit: [{ type: 'allied_with', source: 'a', target: 'b' }],
    confidence: 0.7,
  },
];
