/**
 * Prepares one message of an email or chat thread for tone scoring. Only what the author wrote in
 * prose is scored: quoted replies are someone else's tone, a signature says nothing, and a pasted
 * log shouts "ERROR" and "FATAL" without anyone being angry.
 *
 * Pure and line-based, so it runs in the service worker and in Node; every regex is anchored or
 * linear, because message text comes from other people and can be any size.
 */

export interface CleanedMessage {
  /** The author's own prose with paragraph breaks kept; '' when nothing of it is left. */
  text: string;
  /** The message opened with a greeting ("Hi Sam,", "Good morning", "Bonjour"). */
  hasGreeting: boolean;
  /** The message closed with a sign-off ("Thanks,", "Cheers", a name under a comma-ended line). */
  hasSignOff: boolean;
  /** A quoted reply or forwarded history was removed. */
  hasQuote: boolean;
  /** Code, a log or a stack trace was removed (fenced, indented, inline or pasted as is). */
  hasCode: boolean;
  /** The text was UTF-8 read as Windows-1252 or Latin-1 ("JÃ¼rgen") and was repaired. */
  isRepaired: boolean;
}

// ---------------------------------------------------------------------------------------------
// Encoding repair

/**
 * Windows-1252 bytes 0x80–0x9F. The five undefined bytes (0x81, 0x8D, 0x8F, 0x90, 0x9D) decode to
 * the C1 control of the same number in browsers (https://encoding.spec.whatwg.org/index-windows-1252.txt),
 * so they are listed as themselves.
 */
const CP1252_80_9F = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const CP1252_BYTE = new Map<number, number>();
for (let i = 0; i < CP1252_80_9F.length; i++) CP1252_BYTE.set(CP1252_80_9F.charCodeAt(i), 0x80 + i);

/** The byte a character came from if the text was decoded as Windows-1252 (or Latin-1); -1 if none. */
function cp1252Byte(code: number): number {
  if (code < 0x80) return code;
  if (code < 0xa0) return code; // C1 controls: the Latin-1 reading, or a hole in Windows-1252
  if (code < 0x100) return code;
  return CP1252_BYTE.get(code) ?? -1;
}

/** A UTF-8 lead byte read as a character, then a continuation byte read as a character. */
const MOJIBAKE =
  /[\u00C2-\u00F4][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201A\u201C-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]/;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Whether a code point that a run decodes to is one people write. A two-byte run can be correct
 * Latin-1 text by chance: German "Gruß“" is the bytes DF 93, which decode to the NKo letter U+07D3.
 * Mojibake of real text lands in Latin, Greek, Cyrillic, Hebrew and Arabic letters, punctuation,
 * CJK or emoji, so the rare blocks in between are refused.
 */
function isPlausible(cp: number): boolean {
  if (cp < 0xa0) return false;
  if (cp < 0x800) return cp < 0x530 || (cp >= 0x5d0 && cp < 0x700);
  return cp < 0xe000 || cp > 0xf8ff; // not the private use area
}

/** Decodes each damaged run on its own, so correct non-ASCII text around it is never touched. */
function repairMojibake(text: string): string {
  let out = '';
  let copiedTo = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const lead = cp1252Byte(text.charCodeAt(i));
    if (lead < 0xc2 || lead > 0xf4) continue;
    const size = lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
    const bytes = new Uint8Array(size);
    bytes[0] = lead;
    let valid = 1;
    while (valid < size) {
      const b = cp1252Byte(text.charCodeAt(i + valid));
      if (b < 0x80 || b > 0xbf) break;
      bytes[valid++] = b;
    }
    if (valid < size) {
      // ” is E2 80 9D, and 0x9D is a hole in Windows-1252 that many systems drop on the way, which
      // leaves "â€" with no third character. No correct text has "â€", so it is read as ”.
      if (lead === 0xe2 && valid === 2 && bytes[1] === 0x80) {
        out += `${text.slice(copiedTo, i)}”`;
        copiedTo = i + 2;
        i += 1;
      }
      continue;
    }
    let decoded: string;
    try {
      decoded = UTF8.decode(bytes);
    } catch {
      continue; // overlong or surrogate: not UTF-8, so not damage this can undo
    }
    if (!isPlausible(decoded.codePointAt(0) ?? 0)) continue;
    out += text.slice(copiedTo, i) + decoded;
    copiedTo = i + size;
    i += size - 1;
  }
  return copiedTo === 0 ? text : out + text.slice(copiedTo);
}

// ---------------------------------------------------------------------------------------------
// Line kinds

const PROSE = 0;
const BLANK = 1;
const QUOTE = 2;
const CODE = 3;
const SIGNATURE = 4;
type Kind = typeof PROSE | typeof BLANK | typeof QUOTE | typeof CODE | typeof SIGNATURE;

const NEWLINE = /\r\n?|\n/;
const JUNK = /[\0\uFFFD]/g;
const IS_BLANK = /^\s*$/;

/** Index of the first character that is not a space or a tab; the line's length if there is none. */
function firstInk(line: string): number {
  let i = 0;
  while (i < line.length && line.charCodeAt(i) <= 32) i++;
  return i;
}

const QUOTED = /^\s*>/;
const INLINE_REPLY = /\d{1,4}[./-]\d{1,2}[./-]\d{1,4},?[ \t\u00a0]+\d{1,2}:\d{2}(?::\d{2})?,?[ \t\u00a0]+"?[^"<\n]{1,80}"?[ \t\u00a0]*<[^>\s]{1,120}@[^>\s]{1,120}>[ \t\u00a0]*:/;
const NOTIFICATION_FOOTER = /[—-]?[ \t]*You are receiving this because you (?:authored|commented|were mentioned|are subscribed)/;
const TILDE_FENCE = /^ {0,3}~{3,}/;
const TILDE_FENCE_END = /^ {0,3}~{3,}\s*$/;

/** RFC 3676 §4.3 signature separator; "--" without the space is how many clients send it. */
const SIGNATURE_SEPARATOR = /^-- ?$/;

/** "Sent from my iPhone" and its translations, alone on a line. */
const SENT_FROM =
  /^\s*(?:sent from my [\w' -]{2,30}|sent from (?:outlook|mail|yahoo mail|gmail|proton ?mail)(?: for \w+)?|sent with [\w ]{2,20}|get outlook for \w+|von meinem [\w' -]{2,30} gesendet|gesendet von [\w' -]{2,30}|envoyé (?:de|depuis) mon [\w' -]{2,30}|enviado desde mi [\w' -]{2,30}|enviado do meu [\w' -]{2,30}|inviato da[\w' -]{2,30}|(?:verzonden|verstuurd) (?:vanaf|met) mijn [\w' -]{2,30}|wysłane z [\w' -]{2,30}|skickat från min [\w' -]{2,30})[.!]?\s*$/i;

/** Introduces a reply header: "On …", "Am …", "Le …", "El …", "Il …", "Em …", "Op …", "W dniu …", "Den …". */
const REPLY_INTRO = /^\s*(?:on|am|le|el|il giorno|il|em|op|w dniu|den)\s/i;
const REPLY_VERB = /(?:wrote|schrieb|a écrit|a ecrit|escribió|escribio|ha scritto|escreveu|schreef|napisał|pisze|skrev)/i;
const WROTE_END = /(?:wrote|schrieb|écrit|escribió|scritto|escreveu|schreef|napisał|skrev)\s*:\s*$/i;

const ORIGINAL_MESSAGE =
  /^\s*-{3,}\s*(?:original message|ursprüngliche nachricht|originalnachricht|message d'origine|mensaje original|messaggio originale|mensagem original|oorspronkelijk bericht|originalmeddelande|wiadomość oryginalna|forwarded message|weitergeleitete nachricht|message transféré|mensaje reenviado|messaggio inoltrato|mensagem encaminhada|doorgestuurd bericht)\s*-{3,}\s*$|^\s*begin forwarded message:\s*$/i;
const UNDERSCORE_RULE = /^\s*_{10,}\s*$/;
const HAS_DIGIT = /\d/;
/** Outlook bolds the labels when it converts HTML ("*From:* …"). */
const HEADER_FROM = /^\s*\*{0,2}(?:from|von|de|da|van|od|från|fra)\s*:/i;
const HEADER_OTHER =
  /^\s*\*{0,2}(?:sent|date|to|cc|bcc|subject|reply-to|gesendet|datum|an|kopie|betreff|envoyé|à|a|objet|enviado|enviada|fecha|para|asunto|inviato|data|oggetto|assunto|verzonden|aan|onderwerp|wysłano|do|temat|skickat|till|ämne)\s*\*{0,2}\s*:/i;

interface ReplyHeader {
  /** 'cut': everything from here on is history; 'header': only the header and the '>' lines are. */
  kind: 'cut' | 'header';
  /** How many lines the header takes (Gmail wraps a long one). */
  lines: number;
}

function endsWithColon(line: string): boolean {
  let end = line.length - 1;
  while (end >= 0 && line.charCodeAt(end) <= 32) end--;
  return line.charCodeAt(end) === 58;
}

/** Whether quoted history starts at line i. */
function replyHeaderAt(lines: readonly string[], i: number, first: number): ReplyHeader | null {
  const line = lines[i] ?? '';
  if (line.length > 400) return null;
  const c = line.charCodeAt(first);
  if (c === 45 /* - */ || c === 66 || c === 98 /* Begin forwarded */) {
    if (ORIGINAL_MESSAGE.test(line)) return { kind: 'cut', lines: 1 };
  }
  if (c === 95 /* _ */ && UNDERSCORE_RULE.test(line)) return HEADER_FROM.test(nextNonBlank(lines, i + 1)) ? { kind: 'cut', lines: 1 } : null;
  if (HEADER_FROM.test(line)) {
    for (let k = i + 1; k < Math.min(lines.length, i + 5); k++) {
      if (HEADER_OTHER.test(lines[k] ?? '')) return { kind: 'cut', lines: 1 };
    }
    return null;
  }
  let span = 1;
  if (REPLY_INTRO.test(line)) {
    // Every client puts the date in the header, so "On second thought, …" is never taken for one.
    if (!HAS_DIGIT.test(line)) return null;
    let joined = line;
    while (!endsWithColon(joined) && span < 3 && i + span < lines.length && joined.length < 400) {
      joined += ` ${lines[i + span] ?? ''}`;
      span++;
    }
    if (!endsWithColon(joined) || !REPLY_VERB.test(joined)) return null;
  } else if (!endsWithColon(line) || !WROTE_END.test(line) || !QUOTED.test(nextNonBlank(lines, i + 1))) {
    return null;
  }
  // Answers written between or under '>' lines are the author's: then only the header and the quotes go.
  return { kind: QUOTED.test(nextNonBlank(lines, i + span)) ? 'header' : 'cut', lines: span };
}

function nextNonBlank(lines: readonly string[], from: number): string {
  for (let k = from; k < lines.length && k < from + 4; k++) {
    const line = lines[k] ?? '';
    if (!IS_BLANK.test(line)) return line;
  }
  return '';
}

/** The number of runs of three or more backticks on a line; an odd count leaves a fence open. */
function backtickFences(line: string): { count: number; last: number; firstEnd: number } {
  let count = 0;
  let last = -1;
  let firstEnd = -1;
  let from = 0;
  for (;;) {
    const at = line.indexOf('```', from);
    if (at < 0) break;
    let end = at + 3;
    while (line.charCodeAt(end) === 96) end++;
    if (count === 0) firstEnd = end;
    count++;
    last = at;
    from = end;
  }
  return { count, last, firstEnd };
}

// ---------------------------------------------------------------------------------------------
// Greetings and sign-offs

const GREETING =
  /^\s*(hi|hiya|hey|heya|hello|howdy|greetings|good (?:morning|afternoon|evening|day)|hallo|moin(?: moin)?|servus|guten (?:morgen|tag|abend)|grüß gott|bonjour|bonsoir|salut|coucou|hola|buenos días|buenas(?: tardes| noches)?|ciao|buongiorno|buonasera|olá|bom dia|boa tarde|hoi|goedemorgen|cześć|dzień dobry|witam|hej|hejsan|dear|morning|liebe[rs]?|sehr geehrte[rs]?|cher|chère|chers|estimad[oa]s?|querid[oa]s?|gentile|beste)(?![\p{L}\p{N}-])/iu;
/** Words that open prose as often as they greet ("Morning standup moved", "Beste Lösung"). */
const NEEDS_ADDRESSEE = new Set(['dear', 'morning', 'liebe', 'lieber', 'liebes', 'cher', 'chère', 'chers', 'gentile', 'beste']);
const ADDRESSEE =
  /^(?:\s+(?:\p{Lu}[\p{L}.'’-]*|all|team|everyone|folks|both|colleagues|sir|madam|kollegen|tous|todos|tutti))*\s*(?:[,!:]|$)/u;

const SIGN_OFF_HEAD =
  /^\s*(?:(?:many|big|huge) thanks|thanks|thank you|thx|ty|tia|cheers|all the best|best wishes|(?:best|kind|warm|warmest|many|with kind) regards|best|regards|sincerely|yours(?: truly| sincerely)?|talk soon|speak soon|take care|(?:viele|liebe|beste|herzliche|schöne) grüße|(?:mit )?(?:freundlichen|besten) grüßen|grüße|gruß|vg|lg|danke(?: schön| sehr)?|vielen dank|bien cordialement|cordialement|bien à vous|merci(?: beaucoup)?|à bientôt|bonne journée|saludos(?: cordiales)?|un saludo|atentamente|muchas gracias|gracias|un abrazo|grazie(?: mille)?|cordiali saluti|distinti saluti|saluti|obrigad[oa]|atenciosamente|abraços|(?:met )?vriendelijke groet(?:en)?|groeten|groetjes|pozdrawiam|dziękuję|(?:med )?vänliga hälsningar|hälsningar|mvh|tack)(?:\s+(?:again|so much|a lot|in advance|very much|all|everyone|both|for now))?/i;
/** After the phrase: punctuation, maybe a name ("Thanks, Sam"), maybe an emoji or a smiley. */
const SIGN_OFF_REST =
  // eslint-disable-next-line no-misleading-character-class -- the class takes an emoji sequence one code point at a time (pictograph, skin tone, VS16, ZWJ), as meant.
  /^\s*[,.!]*\s*(?:[-–—]\s*)?(?:\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})?\s*[.!]*\s*(?:[:;]-?[)D]\s*)?[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F\u200D\s!]*$/u;
const NAME_ONLY = /^\s*(?:[-–—~]\s*)?\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}\s*$/u;
const DASH_NAME = /^\s*[-–—~]\s*\p{L}[\p{L}'’.-]*(?:\s+\p{L}[\p{L}'’.-]*){0,2}\s*$/u;
const SENTENCE_BREAK = /[.!?]\s+(?=\S)/g;
const ENDS_WITH_COMMA = /,\s*$/;
const POSTSCRIPT = /^\s*p\.?\s?s\b/i;
const STARTS_UPPER = /^\p{Lu}/u;
const ONLY_PUNCTUATION = /^[^\p{L}\p{N}]+$/u;
const ONE_WORD = /^\s*\p{L}{1,20}\s*$/u;
const SIGNATURE_GLUE = new Set(['of', 'and', '&', 'at', 'for', 'the', 'de', 'von', 'van', 'der', 'y', 'e', 'et', 'und', 'la', 'le', 'du', 'di', 'da']);

function isSignOffLine(line: string): boolean {
  if (line.length > 60) return false;
  const head = SIGN_OFF_HEAD.exec(line);
  return head !== null && SIGN_OFF_REST.test(line.slice(head[0].length));
}

/** A line of a signature block: a name, a title, a company, a phone number or an address. */
function isSignatureLine(line: string): boolean {
  if (line.length > 80 || POSTSCRIPT.test(line)) return false;
  const words = line.trim().split(/\s+/);
  if (words.length > 8) return false;
  return words.every(
    (w) =>
      STARTS_UPPER.test(w) ||
      /[\d@/.:|]/.test(w) ||
      SIGNATURE_GLUE.has(w.toLowerCase()) ||
      ONLY_PUNCTUATION.test(w),
  );
}

function endsWithSignOffSentence(line: string): boolean {
  const tail = line.length > 80 ? line.slice(-80) : line;
  let start = 0;
  for (const m of tail.matchAll(SENTENCE_BREAK)) start = m.index + m[0].length;
  return start > 0 && isSignOffLine(tail.slice(start));
}

/**
 * Finds the closing sign-off among the last lines and marks the signature block under it (name,
 * title, phone) for removal. The sign-off line itself stays: "Thanks," is the author's tone.
 */
function signOff(texts: readonly string[], kinds: Kind[]): boolean {
  // Newest line first, up a block of name, title and phone lines to the sign-off above it.
  let count = 0;
  let isLoneWordLast = false;
  for (let i = kinds.length - 1; i >= 0 && count < 9; i--) {
    if (kinds[i] === CODE) break;
    if (kinds[i] !== PROSE) continue;
    count++;
    const line = texts[i] ?? '';
    if (isSignOffLine(line)) {
      // A lower-case word under "Thanks," is a name in chat ("sam"); under "Thanks!" it may be prose.
      if (isLoneWordLast && !(count === 2 && ENDS_WITH_COMMA.test(line))) break;
      for (let k = i + 1; k < kinds.length; k++) if (kinds[k] !== QUOTE) kinds[k] = SIGNATURE;
      return true;
    }
    if (isSignatureLine(line)) continue;
    if (count === 1 && ONE_WORD.test(line)) {
      isLoneWordLast = true;
      continue;
    }
    break;
  }
  let last = -1;
  let previous = -1;
  for (let i = kinds.length - 1; i >= 0 && previous < 0; i--) {
    if (kinds[i] === CODE) break;
    if (kinds[i] !== PROSE) continue;
    if (last < 0) last = i;
    else previous = i;
  }
  if (last < 0) return false;
  const lastLine = texts[last] ?? '';
  if (endsWithSignOffSentence(lastLine) || (lastLine.length <= 40 && DASH_NAME.test(lastLine))) return true;
  if (previous >= 0 && lastLine.length <= 40 && NAME_ONLY.test(lastLine) && ENDS_WITH_COMMA.test(texts[previous] ?? '')) {
    kinds[last] = SIGNATURE;
    return true;
  }
  return false;
}

function hasGreetingAt(line: string): boolean {
  const m = GREETING.exec(line.length > 200 ? line.slice(0, 200) : line);
  if (!m) return false;
  const word = (m[1] ?? '').toLowerCase();
  if (!NEEDS_ADDRESSEE.has(word)) return true;
  return ADDRESSEE.test(line.slice(m[0].length, m[0].length + 80));
}

// ---------------------------------------------------------------------------------------------
// Code, logs and stack traces

const INDENTED = /^(?: {4}|\t)\s*\S/;
const LIST_ITEM = /^\s*(?:[-*+•]|\d{1,3}[.)])\s+\S/;

/**
 * The start of a line of machine output, tested on the line without its indentation. One regex, so
 * a prose line costs one failed match at its first characters.
 */
const LOG_START = new RegExp(
  [
    // Timestamps: 2024-01-05 10:00, [2024/01/05T10:00, 10:00:01, Jan  5 10:00:01, 05/Jan/2024:10
    /[[(]?\d{4}[-/.]\d{2}[-/.]\d{2}[T ]\d{1,2}:\d{2}/.source,
    /[[(]?\d{1,2}:\d{2}:\d{2}\b/.source,
    /[[(]?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]?\d \d{2}:\d{2}:\d{2}/.source,
    /[[(]?\d{2}\/\w{3}\/\d{4}:\d{2}/.source,
    // Level tags, after up to four bracketed fields: "[main] ERROR", "WARN:", "[ERROR]", "ERROR:root:"
    /(?:\[[^\]\n]{0,40}\]\s*){0,4}[[(<]?(?:ERROR|ERR|WARN|WARNING|INFO|DEBUG|TRACE|FATAL|CRITICAL|SEVERE|NOTICE|VERBOSE)[\])>]?(?=[\s:|\]-]|$)/.source,
    // Android logcat: E/ActivityManager(123):
    /[VDIWEF]\/[\w.]+(?:\(\s*\d+\))?:/.source,
    // npm, tsc, Python, Java, Go, Rust
    /npm (?:ERR!|WARN|error|warn|notice|verb|info|http|timing)(?=\s|$)/.source,
    /(?:\S+\s)?(?:error|warning) TS\d{3,5}\b/.source,
    /Traceback \(most recent call last\)/.source,
    /File "[^"\n]*", line \d+/.source,
    /Exception in thread /.source,
    /(?:Caused by|Suppressed): /.source,
    /\.\.\. \d+ (?:more|common frames omitted)/.source,
    /(?:[a-z_$][\w$]*\.)+[A-Z][\w$]*(?:Exception|Error|Throwable)\b/.source,
    /(?:Uncaught |Unhandled )?(?:[A-Z][A-Za-z]*)?(?:Error|Exception)(?: \[\w+\])?: /.source,
    /(?:panic: |fatal error: |goroutine \d+ \[)/.source,
    /thread '[^'\n]*' panicked at /.source,
    // A file position at the start of a line: src/app.ts(12,3) or app.js:12
    /[\w./\\-]+\.[A-Za-z]{1,5}[:(]\d+/.source,
    // JSON log lines and shell commands
    /\{"/.source,
    /\$ [\w./~-]/.source,
  ]
    .map((source) => `(?:${source})`)
    .join('|')
    .replace(/^/, '^(?:')
    .concat(')'),
);
const TRACEBACK = /^Traceback \(most recent call last\)/;
const TRACEBACK_LINK = /^(?:During handling of the above exception|The above exception was the direct cause)/;
const LEVEL_FIELD = /\b(?:level|lvl|severity)=["']?(?:error|err|warn|warning|info|debug|trace|fatal)\b/i;
const STACK_AT = /^at\s+\S/;
/** The location in a JavaScript, Java or .NET frame: "(file.js:12:3)", "(Native Method)", "in X.cs:line 9". */
const FRAME_LOCATION =
  /\((?:[^()\n]*:\d+(?::\d+)?|Native Method|Unknown Source|native|<anonymous>|index \d+)\)\s*$|\sin \S+:line \d+\s*$/;
const LINE_COLUMN_END = /:\d+(?::\d+)?\)?\s*$/;

function isLogLine(line: string, trimmed: string): boolean {
  if (trimmed.length > 2000) return false;
  if (LOG_START.test(trimmed)) return true;
  if (trimmed.charCodeAt(0) === 97 /* a */ && STACK_AT.test(trimmed)) {
    // "at 10:30" is prose; a frame has a location in parentheses or is indented under its error.
    return FRAME_LOCATION.test(trimmed) || (trimmed.length < line.length && LINE_COLUMN_END.test(trimmed));
  }
  return trimmed.includes('=') && LEVEL_FIELD.test(trimmed);
}

/** A Python traceback's last line: the exception and its message. */
const PYTHON_EXCEPTION = /^[A-Za-z_][\w.]*(?:Error|Exception|Warning|Exit|Interrupt|Iteration)\b|^[A-Za-z_][\w.]*: /;

const INLINE_CODE = /``[^\n]*?``|`[^`\n]+`/g;
/** A character every URL, path, address, file position or hash has; the tokens around it are checked. */
const MACHINE_HINT = /[/\\@\d]|[wW]{3}\./g;
const EMAIL = /^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/;
/** Two segments at least: a lone "/s" closes a sarcastic line and is tone, not a path. */
const PATH_START = /^(?:~?\/[\w.-]+\/|\.{1,2}[/\\]|[A-Za-z]:\\)/;
const PATH_EXTENSION = /\.[A-Za-z][A-Za-z0-9]{0,5}(?::\d+)*$/;
const FILE_POSITION = /^[\w.-]+\.[A-Za-z]{1,5}:\d+/;
const HEX = /^(?:0x[0-9a-fA-F]+|[0-9a-fA-F]{7,64}|[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12})$/;
const HAS_HEX_LETTER = /[a-fA-F]/;
const LEADING_PUNCTUATION = /^[("'[<«“‘]+/;
const TRAILING_PUNCTUATION = /[)"'\]>»”’.,;:!?]+$/;

/** Replaces a URL, an email address, a file path or a hash by a space: their letters are not words. */
function cleanToken(token: string): string {
  if (token.length > 300) return /[/\\@]/.test(token) ? ' ' : token;
  const trailing = TRAILING_PUNCTUATION.exec(token)?.[0] ?? '';
  const core = token.slice((LEADING_PUNCTUATION.exec(token)?.[0] ?? '').length, token.length - trailing.length);
  const isMachine =
    core.includes('://') ||
    /^www\./i.test(core) ||
    (core.includes('@') && EMAIL.test(core)) ||
    PATH_START.test(core) ||
    core.includes('\\') ||
    (core.includes('/') && PATH_EXTENSION.test(core)) ||
    FILE_POSITION.test(core) ||
    (HEX.test(core) && HAS_DIGIT.test(core) && (core.length > 40 || HAS_HEX_LETTER.test(core)));
  if (!isMachine) return token;
  // A markdown link keeps its label ("[the docs](https://…)"); an image's alt text goes with it.
  const link = token.indexOf('](');
  if (link > 0 && token.charCodeAt(0) !== 33 /* ! */) return token.slice(token.charCodeAt(0) === 91 ? 1 : 0, link);
  const end = trailing.replace(/^[)"'\]>»”’]+/, '');
  return end ? ` ${end}` : ' ';
}

/** Runs cleanToken on each token with a machine hint in it; other tokens are not looked at. */
function cleanTokens(line: string): string {
  let out = '';
  let copied = 0;
  let previousEnd = 0;
  MACHINE_HINT.lastIndex = 0;
  for (let m = MACHINE_HINT.exec(line); m; m = MACHINE_HINT.exec(line)) {
    let start = m.index;
    while (start > previousEnd && line.charCodeAt(start - 1) > 32) start--;
    let end = m.index + 1;
    while (end < line.length && line.charCodeAt(end) > 32) end++;
    const token = line.slice(start, end);
    const cleaned = cleanToken(token);
    if (cleaned !== token) {
      out += line.slice(copied, start) + cleaned;
      copied = end;
    }
    previousEnd = end;
    MACHINE_HINT.lastIndex = end;
  }
  return copied === 0 ? line : out + line.slice(copied);
}

/** Mostly punctuation: separators, tables of dashes, JSON, a hex dump with the hex already gone. */
function isMostlyPunctuation(line: string): boolean {
  let punctuation = 0;
  let letters = 0;
  const n = line.length;
  for (let i = 0; i < n; i++) {
    if (letters > punctuation + n - i) return false; // prose: the rest cannot tip it
    const c = line.charCodeAt(i);
    if (c <= 32) continue;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c >= 48 && c <= 57) continue;
    else if (c < 128 || (c >= 0x2500 && c <= 0x259f)) punctuation++;
    else letters++; // accented letters, other scripts and emoji all carry meaning
  }
  return punctuation >= 6 && punctuation > letters;
}

// ---------------------------------------------------------------------------------------------

export function cleanMessage(input: string): CleanedMessage {
  let raw = input;
  let isRepaired = false;
  if (MOJIBAKE.test(raw)) {
    // Twice, for text that was damaged twice ("ÃƒÂ©").
    const once = repairMojibake(raw);
    const fixed = once !== raw && MOJIBAKE.test(once) ? repairMojibake(once) : once;
    isRepaired = fixed !== raw;
    raw = fixed;
  }
  if (raw.includes('\0') || raw.includes('\uFFFD')) raw = raw.replace(JUNK, '');
  // A reply sent by mail into an issue tracker keeps the quoted history on the same line as the answer
  // ("Unacceptable. 11.04.2020, 07:29, "Name" <notifications@github.com>:"), and GitHub appends its footer.
  let hasInlineQuote = false;
  const inline = INLINE_REPLY.exec(raw) ?? NOTIFICATION_FOOTER.exec(raw);
  if (inline) {
    raw = raw.slice(0, inline.index);
    hasInlineQuote = true;
  }

  const lines = raw.includes('\r') ? raw.split(NEWLINE) : raw.split('\n');
  const texts = lines.slice();
  const kinds: Kind[] = new Array<Kind>(lines.length).fill(PROSE);
  let hasQuote = hasInlineQuote;
  let hasCode = false;

  // Structure: fences, quotes, reply headers, signature separators.
  let fence: '`' | '~' | null = null;
  let cutAt = lines.length;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (fence === '~') {
      kinds[i] = CODE;
      if (TILDE_FENCE_END.test(line)) fence = null;
      continue;
    }
    if (fence === '`') {
      kinds[i] = CODE;
      if (line.includes('```')) {
        fence = null;
        // Chat apps close a block mid-line too ("npm run build``` and it fails").
        const after = line.slice(backtickFences(line).firstEnd);
        if (!IS_BLANK.test(after)) {
          texts[i] = after;
          kinds[i] = PROSE;
        }
      }
      continue;
    }
    const first = firstInk(line);
    if (first === line.length) {
      kinds[i] = BLANK;
      continue;
    }
    const c = line.charCodeAt(first);
    if (c === 126 /* ~ */ && TILDE_FENCE.test(line)) {
      fence = '~';
      kinds[i] = CODE;
      hasCode = true;
      continue;
    }
    if (line.includes('```')) {
      const { count, last } = backtickFences(line);
      if (count % 2 === 1) {
        // Chat apps open a block mid-line ("here: ```npm run build"); what comes before it is prose.
        fence = '`';
        hasCode = true;
        const before = line.slice(0, last);
        if (IS_BLANK.test(before)) kinds[i] = CODE;
        else texts[i] = before;
        continue;
      }
    }
    if (c === 62 /* > */) {
      kinds[i] = QUOTE;
      hasQuote = true;
      continue;
    }
    if (c === 45 && line.length <= 3 && SIGNATURE_SEPARATOR.test(line)) {
      cutAt = i;
      break;
    }
    if (line.length < 80 && SENT_FROM.test(line)) {
      kinds[i] = SIGNATURE;
      continue;
    }
    const header = replyHeaderAt(lines, i, first);
    if (header) {
      hasQuote = true;
      if (header.kind === 'cut') {
        cutAt = i;
        break;
      }
      for (let k = i; k < i + header.lines; k++) kinds[k] = QUOTE;
      i += header.lines - 1;
    }
  }
  for (let i = cutAt; i < lines.length; i++) kinds[i] = SIGNATURE;

  // Greeting and sign-off are read before anything else is removed from the author's part.
  let hasGreeting = false;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] === PROSE) {
      hasGreeting = hasGreetingAt(texts[i] ?? '');
      break;
    }
    if (kinds[i] === CODE) break;
  }
  const hasSignOff = signOff(texts, kinds);

  // Code, logs and stack traces pasted without a fence; inline code; URLs and paths.
  let isInTraceback = false;
  const indented = new Uint8Array(kinds.length);
  for (let i = 0; i < kinds.length; i++) {
    const line = texts[i] ?? '';
    const c = line.charCodeAt(0);
    if (kinds[i] === PROSE && (c === 32 || c === 9) && INDENTED.test(line) && !LIST_ITEM.test(line)) indented[i] = 1;
  }
  const isIndented = (i: number): boolean => indented[i] === 1;
  for (let i = 0; i < kinds.length; i++) {
    if (kinds[i] !== PROSE) continue;
    let line = texts[i] ?? '';
    const trimmed = line.charCodeAt(0) > 32 ? line : line.trimStart();
    if (isInTraceback) {
      if (trimmed.length < line.length || TRACEBACK_LINK.test(trimmed)) {
        kinds[i] = CODE;
        continue;
      }
      isInTraceback = false;
      if (PYTHON_EXCEPTION.test(trimmed)) {
        kinds[i] = CODE;
        continue;
      }
    }
    if (isIndented(i) && (isIndented(i - 1) || isIndented(i + 1) || kinds[i - 1] === CODE)) {
      kinds[i] = CODE;
      hasCode = true;
      continue;
    }
    if (isLogLine(line, trimmed)) {
      kinds[i] = CODE;
      hasCode = true;
      if (TRACEBACK.test(trimmed)) isInTraceback = true;
      continue;
    }
    if (line.includes('`')) {
      line = line.replace(INLINE_CODE, () => {
        hasCode = true;
        return ' ';
      });
    }
    line = cleanTokens(line);
    if (isMostlyPunctuation(line)) {
      kinds[i] = CODE;
      if (/[\p{L}\p{N}]/u.test(line)) hasCode = true;
      continue;
    }
    texts[i] = line;
    if (firstInk(line) === line.length) kinds[i] = BLANK;
  }

  let text = '';
  let isBreakPending = false;
  for (let i = 0; i < kinds.length; i++) {
    const kind = kinds[i];
    if (kind === BLANK) {
      isBreakPending = text.length > 0;
      continue;
    }
    if (kind !== PROSE) continue;
    const line = (texts[i] ?? '').trimEnd();
    if (text.length > 0) text += isBreakPending ? '\n\n' : '\n';
    text += line;
    isBreakPending = false;
  }
  return { text: IS_BLANK.test(text) ? '' : text, hasGreeting, hasSignOff, hasQuote, hasCode, isRepaired };
}
