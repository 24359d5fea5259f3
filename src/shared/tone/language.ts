/**
 * A small, deterministic language guess for the tone analysis, which reads English only and has to
 * know when a thread is in something else. Non-Latin scripts are told apart by their Unicode blocks;
 * Latin-script languages by the function words they use most and a few letters only they use.
 *
 * The extension may prefer `browser.i18n.detectLanguage` where it exists; this is the fallback that
 * gives the same answer in Node, in tests and in every browser.
 */

export interface LanguageGuess {
  /** ISO 639-1 code, or 'und' when there is too little text to tell. */
  code: string;
  /** 0..1: how much the evidence agrees, lowered for short text. */
  confidence: number;
}

const LATIN = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv'] as const;
type LatinCode = (typeof LATIN)[number];

/**
 * The most frequent function words of each language, lower-cased, plus the thanks and greetings of
 * workplace chat. Elided French and Italian articles are listed with their apostrophe ("l'", "dell'").
 * Words another list also has count for each of them in part (see WORD_WEIGHTS). The English "I" is
 * not listed: in lower case it is Italian, Polish and Swedish, so the upper-case token is counted on its own.
 */
const FUNCTION_WORDS: Record<LatinCode, string> = {
  en: `the a an and or but if of to in on at by for with from about as then so that this these there here it
    it's is are was were be been have has had do does did don't doesn't didn't can can't could would should will
    won't we you your they them their our us he she her my me what which who when how not no just also some all
    please thanks i'm i've i'll`,
  de: `der die das den dem des ein eine einen einem einer und oder aber doch nicht kein keine ist sind bin wird werden
    wurde kann können muss soll sollte würde wäre habe haben ich du er sie es wir ihr mir mich dir uns euch sich mein
    zu zum mit auf für von bei nach aus über im auch noch schon nur mal sehr wie wenn dass ob weil hier jetzt heute
    bitte danke gerne ja nein also`,
  fr: `le la les l' un une des du de d' et ou mais donc est sont suis été être avoir ai avez a ont fait je j' tu il
    elle on nous vous ils elles ce c' ça cette ces qui que qu' ne n' pas plus dans pour sur avec sans par au aux en y
    mon ma mes votre vos notre nos son sa ses très bien aussi merci bonjour si comme tout tous peut oui s'il`,
  es: `el la los las lo un una unos de del al a y o pero que qué es son está están estoy ser era fue hay ha han tengo
    tiene no sí si se le les me te nos mi mis tu su sus yo usted en con por para sin sobre entre hasta desde como cómo
    más muy también ya este esta esto ese esa eso todo porque cuando donde gracias hola bueno aquí ahora`,
  it: `il lo la i gli le l' un uno una un' di del della dei delle dell' da dal in nel nella con su per tra e è ed o ma
    che non se come anche più già sono sei siamo ho hai ha abbiamo hanno essere stato fare questo questa quello mi
    ti ci si io tu lui lei noi voi loro mio suo molto tutto tutti qui dove quando perché cosa grazie ciao bene allora`,
  pt: `o os a as um uma de do da dos das em no na nos nas ao à e ou mas que não sim se é são está estou estão foi ser
    ter tem tenho há com por para pelo pela sem sobre como mais muito também já ainda só eu você vocês ele ela eles
    nós meu minha seu sua isso isto este esta esse essa aqui quando onde porque obrigado obrigada olá bom pode`,
  nl: `de het een en of maar van in op te met voor aan bij naar om uit door tot is zijn was ben heb hebt heeft hebben
    wordt worden kan kunnen moet zou wil dat die dit deze wat wie waar hoe niet geen ook nog al wel dan als er hier nu
    ik je jij jouw we wij ze zij hij u uw mijn ons onze graag bedankt dank even misschien ja nee`,
  pl: `i w we z ze na się nie że jest są być był była było to jak ale czy co tak już tylko dla przez od po przy o a bo
    też jeszcze bardzo może mam ma mamy ten ta te tego tej tym który która które jego jej ich mnie mi ci nas ja ty
    ona wy oni tu tam gdzie kiedy dlaczego dzięki dziękuję proszę cześć dobrze teraz jutro`,
  sv: `och att det som en ett är var på i för med av till från om men eller så när där här vad hur den de dem denna
    detta dessa jag du vi ni han hon mig dig oss sig sin min din vår inte har hade kan ska skulle vill måste blir bli
    finns får också bara nu redan mycket efter under över tack hej ja nej kanske bra idag`,
};

/** word → weight per language; a word in k lists is worth 1/k to each, so shared words decide little. */
const WORD_WEIGHTS = new Map<string, Float64Array>();
{
  const owners = new Map<string, number[]>();
  LATIN.forEach((code, index) => {
    for (const word of FUNCTION_WORDS[code].split(/\s+/)) {
      if (!word) continue;
      const list = owners.get(word) ?? [];
      if (!list.includes(index)) list.push(index);
      owners.set(word, list);
    }
  });
  for (const [word, list] of owners) {
    const weights = new Float64Array(LATIN.length);
    for (const index of list) weights[index] = 1 / list.length;
    WORD_WEIGHTS.set(word, weights);
  }
}
const EN = LATIN.indexOf('en');

/**
 * Letters that point to a language, with how strongly. A word counts its strongest letter per
 * language once, so a name such as "Żółć" is one hint, not four.
 */
const LETTER_CUES: ReadonlyArray<readonly [string, Partial<Record<LatinCode, number>>]> = [
  ['ß', { de: 1 }],
  ['ü', { de: 0.7 }],
  ['äö', { de: 0.5, sv: 0.5 }],
  ['å', { sv: 1 }],
  ['é', { fr: 0.5, es: 0.2, pt: 0.2, it: 0.1 }],
  ['è', { fr: 0.5, it: 0.3 }],
  ['ê', { fr: 0.5, pt: 0.3 }],
  ['ç', { fr: 0.5, pt: 0.5 }],
  ['à', { fr: 0.5, it: 0.3, pt: 0.3 }],
  ['âîûëïœ', { fr: 0.5 }],
  ['ô', { fr: 0.4, pt: 0.4 }],
  ['ñ¿¡', { es: 1 }],
  ['áíú', { es: 0.4, pt: 0.4 }],
  ['ó', { es: 0.3, pt: 0.3, pl: 0.3 }],
  ['ãõ', { pt: 1 }],
  ['òìù', { it: 0.7 }],
  ['łąęśźżćń', { pl: 1 }],
];
const CUE_WEIGHTS = new Map<number, Float64Array>();
for (const [letters, weights] of LETTER_CUES) {
  const row = new Float64Array(LATIN.length);
  for (const [code, weight] of Object.entries(weights)) row[LATIN.indexOf(code as LatinCode)] = weight;
  for (const letter of letters) {
    CUE_WEIGHTS.set(letter.charCodeAt(0), row);
    CUE_WEIGHTS.set(letter.toUpperCase().charCodeAt(0), row);
  }
}
/** Function words decide; letter hints only tip a close call ("the Zürich team" stays English). */
const CUE_SCALE = 0.5;

// Scripts, in the order of SCRIPT_CODES.
const KANA = 0;
const HAN = 1;
const HANGUL = 2;
const THAI = 3;
const CYRILLIC = 4;
const ARABIC = 5;
const HEBREW = 6;
const GREEK = 7;
const SCRIPT_CODES = ['ja', 'zh', 'ko', 'th', 'ru', 'ar', 'he', 'el'] as const;
/**
 * What one character of a script is worth against one Latin letter: a Han character or a kana is a
 * syllable or a word, a Hangul block a syllable.
 */
const SCRIPT_WEIGHT = [3, 3, 2.5, 1, 1, 1, 1, 1];

/** The script of a non-Latin letter, -1 for anything else (punctuation, emoji, Latin). */
function scriptOf(c: number): number {
  if (c < 0x370) return -1;
  if (c < 0x400) return c === 0x37e || c === 0x387 ? -1 : GREEK;
  if (c < 0x530) return CYRILLIC;
  if (c >= 0x591 && c < 0x600) return HEBREW;
  if (c >= 0x620 && c < 0x700) return c >= 0x660 && c <= 0x66d ? -1 : ARABIC; // not Arabic-Indic digits
  if (c >= 0x750 && c < 0x780) return ARABIC;
  if (c >= 0xe01 && c < 0xe5b) return c >= 0xe50 && c <= 0xe59 ? -1 : THAI; // not Thai digits
  if (c >= 0x1100 && c < 0x1200) return HANGUL;
  if (c >= 0x1f00 && c < 0x2000) return GREEK;
  if (c >= 0x3041 && c < 0x3100) return c === 0x30fb ? -1 : KANA; // ・ is punctuation
  if (c >= 0x3130 && c < 0x3190) return HANGUL;
  if (c >= 0x31f0 && c < 0x3200) return KANA;
  if (c >= 0x3400 && c < 0x4dc0) return HAN;
  if (c >= 0x4e00 && c < 0xa000) return HAN;
  if (c >= 0xac00 && c < 0xd7b0) return HANGUL;
  if (c >= 0xf900 && c < 0xfb00) return HAN;
  if (c >= 0xfb1d && c < 0xfb50) return HEBREW;
  if (c >= 0xfb50 && c < 0xfe00) return ARABIC;
  if (c >= 0xfe70 && c < 0xff00) return ARABIC;
  if (c >= 0xff66 && c < 0xffa0) return KANA; // half-width katakana
  return -1;
}

function isLatinLetter(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

/** Upper-case letters among the accented Latin ones, where case does not follow a simple pattern (Ł is odd, Ą even). */
const IS_UPPER_ACCENTED = new Uint8Array(0x1f00);
for (let c = 0xc0; c < 0x1f00; c++) {
  const ch = String.fromCharCode(c);
  if (ch !== ch.toLowerCase()) IS_UPPER_ACCENTED[c] = 1;
}

function isSpace(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0xfeff;
}

/**
 * Characters that join the parts of a URL, a path, an address or an identifier. A token with one of
 * them inside is not a word ("foo_bar", "a/ERROR/b", "x.y", "user@host").
 */
function isJoiner(c: number): boolean {
  return (
    c === 0x2f || c === 0x5c || c === 0x40 || c === 0x5f || c === 0x3d || c === 0x23 || c === 0x24 || c === 0x25 ||
    c === 0x26 || c === 0x2b || c === 0x7e || c === 0x60 || c === 0x7c || c === 0x3c || c === 0x3e || c === 0x7b ||
    c === 0x7d || c === 0x5b || c === 0x5d || c === 0x2a || c === 0x5e || c === 0x3a || c === 0x2e
  );
}

interface Tally {
  /** Latin-script words that are not code, URLs or numbers. */
  words: number;
  /** Of those, how many are function words of some language. */
  functionWords: number;
  latinLetters: number;
  scores: Float64Array;
  /** Letters per script. */
  scripts: Float64Array;
  /** Runs of letters in scripts written with spaces (Cyrillic, Greek, Arabic, Hebrew, Hangul). */
  scriptWords: number;
}

function newTally(): Tally {
  return {
    words: 0,
    functionWords: 0,
    latinLetters: 0,
    scores: new Float64Array(LATIN.length),
    scripts: new Float64Array(SCRIPT_CODES.length),
    scriptWords: 0,
  };
}

const APOSTROPHE = /’/g;
/** The longest function word listed; longer words are not looked up. */
const LONGEST_FUNCTION_WORD = Math.max(...[...WORD_WEIGHTS.keys()].map((w) => w.length));
const cueScratch = new Float64Array(LATIN.length);

/** What the scan learnt about a word on the way, so the word is not read twice. */
const HAS_UPPER = 1;
const HAS_NON_ASCII = 2;
const AFTER_INVERTED_MARK = 4;

function addWord(tally: Tally, word: string, flags: number): void {
  tally.words++;
  tally.latinLetters += word.length;
  const scores = tally.scores;
  if (flags & HAS_UPPER && word.charCodeAt(0) === 73 && (word.length === 1 || word.charCodeAt(1) === 0x27 || word.charCodeAt(1) === 0x2019)) {
    scores[EN] = (scores[EN] ?? 0) + 1; // I, I'm, I've
    tally.functionWords++;
    return;
  }
  if (word.length <= LONGEST_FUNCTION_WORD) {
    let lower = flags & HAS_UPPER ? word.toLowerCase() : word;
    if (flags & HAS_NON_ASCII && lower.includes('’')) lower = lower.replace(APOSTROPHE, "'");
    let weights = WORD_WEIGHTS.get(lower);
    if (!weights) {
      // "l'équipe", "j'ai", "dell'anno": the elided article is the function word.
      const apostrophe = lower.indexOf("'");
      if (apostrophe > 0) weights = WORD_WEIGHTS.get(lower.slice(0, apostrophe + 1));
    }
    if (weights) {
      tally.functionWords++;
      for (let k = 0; k < weights.length; k++) scores[k] = (scores[k] ?? 0) + (weights[k] ?? 0);
    }
  }
  if (!(flags & (HAS_NON_ASCII | AFTER_INVERTED_MARK))) return;
  const best = cueScratch.fill(0);
  let hasCue = false;
  if (flags & AFTER_INVERTED_MARK) {
    best.set(CUE_WEIGHTS.get(0xbf) ?? best);
    hasCue = true;
  }
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c < 0xa1) continue;
    const cue = CUE_WEIGHTS.get(c);
    if (!cue) continue;
    hasCue = true;
    for (let k = 0; k < cue.length; k++) if ((cue[k] ?? 0) > (best[k] ?? 0)) best[k] = cue[k] ?? 0;
  }
  if (hasCue) for (let k = 0; k < best.length; k++) scores[k] = (scores[k] ?? 0) + (best[k] ?? 0) * CUE_SCALE;
}

/**
 * One pass over the text. Non-Latin letters are counted by script. Latin tokens are runs of letters,
 * digits, apostrophes, hyphens and joiners; a token with a digit, a joiner between its letters or a
 * camelCase hump is code, a URL or a number and is skipped, otherwise its letters make one word.
 */
function addText(tally: Tally, text: string): void {
  const n = text.length;
  let runScript = -1;
  // The Latin token being read.
  let first = -1;
  let last = -1;
  let isCode = false;
  let isJoinerPending = false;
  let isPreviousLower = false;
  let flags = 0;
  const flush = (): void => {
    if (first >= 0 && !isCode) {
      const before = text.charCodeAt(first - 1);
      addWord(tally, text.slice(first, last + 1), before === 0xbf || before === 0xa1 ? flags | AFTER_INVERTED_MARK : flags);
    }
    first = -1;
    isCode = false;
    isJoinerPending = false;
    isPreviousLower = false;
    flags = 0;
  };
  let isInToken = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const isLower = c >= 97 && c <= 122;
      if (isLower || (c >= 65 && c <= 90)) {
        if (first < 0) first = i;
        else if (isJoinerPending) isCode = true;
        if (!isLower) {
          if (isPreviousLower) isCode = true;
          flags |= HAS_UPPER;
        }
        isPreviousLower = isLower;
        isJoinerPending = false;
        last = i;
        isInToken = true;
        runScript = -1;
      } else if (c >= 48 && c <= 57) {
        isCode = true;
        isInToken = true;
      } else if (c === 0x27 || c === 0x2d) {
        isPreviousLower = false;
        isInToken = true;
      } else if (isJoiner(c)) {
        if (first >= 0) isJoinerPending = true;
        isPreviousLower = false;
        isInToken = true;
      } else {
        if (isInToken) flush();
        isInToken = false;
        runScript = -1;
      }
      continue;
    }
    if (isLatinLetter(c)) {
      if (first < 0) first = i;
      else if (isJoinerPending) isCode = true;
      const isUpper = IS_UPPER_ACCENTED[c] === 1;
      if (isUpper) {
        if (isPreviousLower) isCode = true;
        flags |= HAS_UPPER;
      }
      isPreviousLower = !isUpper;
      isJoinerPending = false;
      flags |= HAS_NON_ASCII;
      last = i;
      isInToken = true;
      runScript = -1;
      continue;
    }
    if (c === 0x2019) {
      isPreviousLower = false;
      flags |= HAS_NON_ASCII;
      isInToken = true;
      continue;
    }
    if (isInToken) flush();
    isInToken = false;
    let script = scriptOf(c);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      // Han extensions B–G; everything else up there (emoji) is neither a letter nor a word.
      const cp = text.codePointAt(i) ?? 0;
      script = cp >= 0x20000 && cp < 0x32000 ? HAN : -1;
      i++;
    }
    if (script < 0) {
      if (isSpace(c)) runScript = -1;
      continue;
    }
    tally.scripts[script] = (tally.scripts[script] ?? 0) + 1;
    if (script !== runScript && script >= HANGUL && script !== THAI) tally.scriptWords++;
    runScript = script;
  }
  if (isInToken) flush();
}

/** Fewer words than this and the text is too short to tell. */
const MIN_WORDS = 3;

const round = (x: number): number => Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;

function decide(tally: Tally): LanguageGuess {
  const s = tally.scripts;
  const cjk = (s[KANA] ?? 0) + (s[HAN] ?? 0);
  // Words in scripts without spaces, roughly: a Chinese or Japanese word is about two characters, a Thai one about three.
  const words = tally.words + tally.scriptWords + cjk / 2 + (s[THAI] ?? 0) / 3;
  if (words < MIN_WORDS) return { code: 'und', confidence: 0 };

  const weighted = SCRIPT_CODES.map((_, k) => (s[k] ?? 0) * (SCRIPT_WEIGHT[k] ?? 1));
  // Kana and Han are one writing system; Japanese mixes them, Chinese has no kana.
  const cjkWeight = (weighted[KANA] ?? 0) + (weighted[HAN] ?? 0);
  const total = tally.latinLetters + weighted.reduce((a, b) => a + b, 0);
  let top = -1;
  let topWeight = tally.latinLetters;
  for (let k = HANGUL; k < weighted.length; k++) {
    if ((weighted[k] ?? 0) > topWeight) {
      top = k;
      topWeight = weighted[k] ?? 0;
    }
  }
  if (cjkWeight > topWeight) {
    top = (s[KANA] ?? 0) > 0 && (s[KANA] ?? 0) >= 0.1 * cjk ? KANA : HAN;
    topWeight = cjkWeight;
  }
  const lengthFactor = Math.min(1, 0.5 + words / 20);
  if (top >= 0) {
    // Japanese written in kanji alone ("了解") looks like Chinese, so Han without kana is less certain.
    const certainty = top === HAN ? 0.8 : 1;
    return { code: SCRIPT_CODES[top] as string, confidence: round((topWeight / total) * lengthFactor * certainty) };
  }

  if (tally.words < MIN_WORDS) return { code: 'und', confidence: 0 };
  let best = 0;
  let sum = 0;
  for (let k = 0; k < LATIN.length; k++) {
    const score = tally.scores[k] ?? 0;
    sum += score;
    if (score > (tally.scores[best] ?? 0)) best = k;
  }
  const bestScore = tally.scores[best] ?? 0;
  // Not one distinctive function word: names, a list of terms, words several languages share
  // ("on", "no", "a"), or a language this does not know.
  if (bestScore < 1) return { code: 'und', confidence: 0 };
  const coverage = Math.min(1, tally.functionWords / tally.words / 0.25);
  const latinShare = tally.latinLetters / total;
  return { code: LATIN[best] as string, confidence: round((bestScore / sum) * coverage * lengthFactor * latinShare) };
}

export function detectLanguage(text: string): LanguageGuess {
  const tally = newTally();
  addText(tally, text);
  return decide(tally);
}

/** The language of a whole thread: every message's words pooled, so longer messages weigh more. */
export function threadLanguage(texts: readonly string[]): LanguageGuess {
  const tally = newTally();
  for (const text of texts) addText(tally, text);
  return decide(tally);
}
