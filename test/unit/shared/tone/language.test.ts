import { describe, expect, it } from 'vitest';
import { detectLanguage, threadLanguage } from '../../../../src/shared/tone/language';

const code = (text: string): string => detectLanguage(text).code;

describe('detectLanguage: Latin script', () => {
  it.each([
    ['de', 'Hallo zusammen, ich habe die neue Version gestern installiert und es funktioniert leider noch nicht. Könnt ihr euch das bitte anschauen?'],
    ['fr', "Bonjour à tous, je n'ai pas encore reçu le rapport. Est-ce que quelqu'un peut me l'envoyer avant vendredi ? Merci beaucoup."],
    ['es', '¿Podemos mover la reunión al jueves? Mañana no tengo tiempo y el informe todavía no está listo. Gracias.'],
    ['pl', 'Cześć, przesyłam poprawioną wersję dokumentu. Daj znać, czy wszystko jest w porządku, bo jutro muszę to wysłać.'],
    ['it', 'Ciao a tutti, domani la riunione è alle dieci. Ho già preparato le slide per il cliente.'],
    ['pt', 'Olá pessoal, não consegui terminar o relatório hoje. Vou enviar amanhã de manhã, tudo bem?'],
    ['nl', 'Hoi allemaal, ik heb de nieuwe versie gisteren geïnstalleerd maar het werkt nog niet. Kunnen jullie even kijken?'],
    ['sv', 'Hej alla, jag har installerat den nya versionen men det fungerar inte än. Kan ni titta på det?'],
    ['en', 'Hi all, I pushed the fix to the release branch. Can someone review it before we ship on Thursday?'],
  ])('reads %s', (expected, text) => {
    const guess = detectLanguage(text);
    expect(guess.code).toBe(expected);
    expect(guess.confidence).toBeGreaterThan(0.5);
    expect(guess.confidence).toBeLessThanOrEqual(1);
  });

  it('counts words with accented letters whatever their case', () => {
    // Ł and Ż are odd code points, Ą and Ś even: case cannot be told from parity.
    expect(code('Był, była, było.')).toBe('pl');
    expect(code('ŁÓDŹ JEST ŻÓŁTA, ALE NIE DLA MNIE')).toBe('pl');
  });

  it('reads elided articles with straight or curly apostrophes', () => {
    expect(code("J'ai vu l'équipe, c'est bon")).toBe('fr');
    expect(code('J’ai vu l’équipe, c’est bon')).toBe('fr');
  });

  it('takes ¿ and ¡ as Spanish', () => {
    expect(code('¿Nada? ¡Nunca! ¿Nadie?')).toBe('es');
    expect(code('Nada? Nunca! Nadie?')).toBe('und');
  });

  it('keeps English with foreign names and words English', () => {
    expect(code('Thanks for the update. The Zürich team will send the café receipts per the Schedule by Friday.')).toBe('en');
    expect(code('Łukasz Żółć and Jürgen Groß will join the call with the São Paulo office.')).toBe('en');
    expect(code('Can you ask François whether the señor at the front desk has the keys?')).toBe('en');
  });

  it('does not read code, URLs and numbers as words', () => {
    // The German words live in the URL and identifiers only.
    expect(code('see https://example.de/die/der/das/und/ist/nicht and die_der_das() for the details')).toBe('en');
    expect(code('https://example.de/die/der/das/und/ist/nicht/auch/noch')).toBe('und');
    expect(code('12 345 6789 0x1f v2.3.1 1e9')).toBe('und');
    expect(code('dieDerDas undIstNicht aberAuch')).toBe('und');
    // Identifiers neither add words nor letter hints: the guess is the one for the prose alone.
    expect(detectLanguage('Please check the straßeÄnderung and größeÜbersicht handlers')).toEqual(
      detectLanguage('Please check the and handlers'),
    );
    expect(detectLanguage('Please check the straße_alt and größe.neu handlers v2ß')).toEqual(detectLanguage('Please check the and handlers'));
    expect(detectLanguage('Please check the getDer and setDas handlers')).toEqual(detectLanguage('Please check the and handlers'));
  });

  it('gives less confidence to a short or mixed text than to a clear paragraph', () => {
    const short = detectLanguage('ich bin da');
    const long = detectLanguage('Ich bin heute im Büro, aber morgen arbeite ich von zu Hause. Wir können uns gerne am Nachmittag sehen.');
    expect(short.code).toBe('de');
    expect(long.code).toBe('de');
    expect(short.confidence).toBeLessThan(long.confidence);
  });

  it("is 'und' when there is too little text or no function word", () => {
    for (const text of ['ok', '👍', 'lgtm 👍', '', '   ', '+1', 'Sam Jo Kim Lee']) {
      expect(detectLanguage(text), text).toEqual({ code: 'und', confidence: 0 });
    }
  });
});

describe('detectLanguage: other scripts', () => {
  it.each([
    ['ja', 'お疲れ様です。明日の会議の資料を共有しますので、確認をお願いします。'],
    ['zh', '我们明天开会讨论这个问题，请大家提前准备好材料。'],
    ['ko', '안녕하세요, 내일 회의는 10시에 시작합니다. 자료를 미리 확인해 주세요.'],
    ['th', 'สวัสดีครับ ขอบคุณสำหรับรายงานนะครับ พรุ่งนี้เราจะประชุมกันตอนสิบโมง'],
    ['ru', 'Привет всем, завтра встреча в десять, не забудьте отчёт.'],
    ['ar', 'مرحبا بالجميع، الاجتماع غدا في العاشرة صباحا.'],
    ['he', 'שלום לכולם, הפגישה מחר בעשר בבוקר.'],
    ['el', 'Γεια σας, η συνάντηση είναι αύριο στις δέκα.'],
  ])('reads %s from its script', (expected, text) => {
    const guess = detectLanguage(text);
    expect(guess.code).toBe(expected);
    expect(guess.confidence).toBeGreaterThan(0.5);
  });

  it('is less sure of Han without kana, which short Japanese can be too', () => {
    const chinese = detectLanguage('我们明天开会讨论这个问题，请大家提前准备好材料。');
    const japanese = detectLanguage('お疲れ様です。明日の会議の資料を共有しますので、確認をお願いします。');
    expect(chinese.confidence).toBeLessThan(japanese.confidence);
  });

  it('reads Japanese with English terms in it as Japanese', () => {
    expect(code('このPRをreviewしてください。CIのlogも確認お願いします。')).toBe('ja');
  });

  it('reads English with one Japanese word as English', () => {
    expect(code('We should celebrate the launch with the 乾杯 tradition from the Tokyo office, it would be fun.')).toBe('en');
  });

  it("is 'und' for one short word in a script", () => {
    expect(code('はい')).toBe('und');
    expect(code('Да')).toBe('und');
  });
});

describe('threadLanguage', () => {
  it('pools short messages that alone are too short to tell', () => {
    const messages = ['ok', 'danke dir', 'ja das passt', 'bis morgen dann'];
    expect(messages.map(code)).toContain('und');
    expect(threadLanguage(messages).code).toBe('de');
  });

  it('goes with the language most of the text is in', () => {
    const thread = [
      'Hi both, the vendor confirmed the delivery for next week, and the invoice will follow by the end of the month.',
      'Merci !',
      'Great, thanks. I will tell the team and update the plan in the tracker today.',
    ];
    expect(threadLanguage(thread).code).toBe('en');
    expect(threadLanguage(['Merci !', "C'est parfait, je m'en occupe demain matin.", 'ok']).code).toBe('fr');
  });

  it("is 'und' with almost no text", () => {
    expect(threadLanguage([])).toEqual({ code: 'und', confidence: 0 });
    expect(threadLanguage(['ok', '👍', '+1'])).toEqual({ code: 'und', confidence: 0 });
  });
});

describe('performance', () => {
  it('reads 200 messages of about 500 characters in under 3 ms', () => {
    const paragraph =
      'Hi all, I pushed the fix to the release branch this morning. Can someone review it before we ship on Thursday? ' +
      'The Zürich team also asked whether the café budget per the Schedule covers the offsite, see https://wiki.example.com/x. ' +
      'Ich bin heute im Büro, aber morgen arbeite ich von zu Hause. お疲れ様です、確認をお願いします。 ' +
      'Let me know if anything is unclear, I am happy to walk through the changes on a call.';
    const messages = Array.from({ length: 200 }, (_, i) => `${paragraph.slice(0, 500)} ${i}`);
    // Long enough for the optimising compiler to have taken over, as it has in a running extension.
    for (let warm = 0; warm < 150; warm++) for (const m of messages) detectLanguage(m);
    let best = Infinity;
    for (let run = 0; run < 20; run++) {
      const start = performance.now();
      for (const m of messages) detectLanguage(m);
      best = Math.min(best, performance.now() - start);
    }
    expect(best).toBeLessThan(3);
  });
});
