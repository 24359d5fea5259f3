import { describe, expect, it } from 'vitest';
import { findEmailsInText, genericAdapter, parseMailto } from '../../../../src/content/adapters/generic';
import { loadFixture, parseHtml, people } from './fixtures';

describe('generic adapter on mailto-skeleton.html', () => {
  const { doc, url } = loadFixture('generic/mailto-skeleton.html', 'https://intranet.example.com/people');

  it('finds every mailto address and plain-text address, and nothing in the editable area', () => {
    expect(people(genericAdapter.findPeople(doc))).toEqual([
      'mailto: Grace Hopper <grace@example.com>',
      'mailto: Ada <ada.lovelace@example.com>',
      'mailto: <team@example.com>',
      'mailto: <a@example.com>',
      'mailto: <b@example.com>',
      'mailto: Alan Turing <alan@example.com>',
      'text: <support@example.org>',
      'text: Jane Doe <jane.doe@example.net>',
    ]);
  });

  it('reports the link or the element holding the text', () => {
    const tags = genericAdapter.findPeople(doc).map((person) => person.element.tagName);
    expect(tags).toEqual(['A', 'A', 'A', 'A', 'A', 'A', 'P', 'P']);
  });

  it('has no thread and no compose boxes; the body is the text root', () => {
    expect(genericAdapter.readThread(doc, url)).toBeNull();
    expect(genericAdapter.findComposeBoxes(doc)).toEqual([]);
    expect(genericAdapter.textRoots(doc)).toEqual([doc.body]);
    const editable = doc.querySelector('[contenteditable]');
    expect(editable && genericAdapter.textRoots(editable)).toEqual([]);
    expect(editable && genericAdapter.findPeople(editable)).toEqual([]);
  });
});

describe('parseMailto', () => {
  it('reads path, to, cc and bcc, in any case, de-duplicated', () => {
    expect(parseMailto('MailTo:a@example.com?CC=b@example.com&bcc=c@example.com&to=d@example.com,a@example.com&subject=x@y.com')).toEqual([
      { email: 'a@example.com', isPrimary: true },
      { email: 'b@example.com', isPrimary: false },
      { email: 'c@example.com', isPrimary: false },
      { email: 'd@example.com', isPrimary: true },
    ]);
  });

  it('decodes percent-encoding and keeps quoted names with commas', () => {
    expect(parseMailto('mailto:%22Doe%2C%20Jane%22%20%3Cjane@example.com%3E;bob@example.com')).toEqual([
      { email: 'jane@example.com', name: 'Doe, Jane', isPrimary: true },
      { email: 'bob@example.com', isPrimary: true },
    ]);
  });

  it('survives malformed input', () => {
    expect(parseMailto('mailto:%E0%A4%A')).toEqual([]);
    expect(parseMailto('mailto:?subject=hi')).toEqual([]);
    expect(parseMailto('https://example.com/?to=a@example.com')).toEqual([]);
    expect(parseMailto('mailto:not-an-address')).toEqual([]);
  });

  it('names the address from the link text only when the link has one primary address', () => {
    const doc = parseHtml(
      '<a href="mailto:x@example.com?cc=y@example.com">Xavier</a><a href="mailto:p@example.com">p@example.com</a>',
    );
    expect(people(genericAdapter.findPeople(doc))).toEqual([
      'mailto: Xavier <x@example.com>',
      'mailto: <y@example.com>',
      'mailto: <p@example.com>',
    ]);
  });
});

describe('findEmailsInText', () => {
  it('finds addresses with offsets, leaving sentence punctuation out', () => {
    const text = 'Write to Ops@Example.com. Or <dev+ci@sub.example.co.uk>, not to @handle or a@b.';
    expect(findEmailsInText(text)).toEqual([
      { email: 'ops@example.com', index: 9, length: 15 },
      { email: 'dev+ci@sub.example.co.uk', index: 30, length: 24 },
    ]);
    expect(text.slice(9, 24)).toBe('Ops@Example.com');
  });

  it('handles non-ASCII local parts and domains', () => {
    expect(findEmailsInText('Kontakt: jürgen@bücher.de!')).toEqual([{ email: 'jürgen@bücher.de', index: 9, length: 16 }]);
  });

  it('finds nothing in ordinary text', () => {
    expect(findEmailsInText('Meet at 10:00 @ the café.')).toEqual([]);
  });
});

describe('generic adapter skips editors, inputs and code', () => {
  it('ignores addresses in contenteditable (any value but false), textarea, input, pre and code', () => {
    const doc = parseHtml(`<body>
      <div contenteditable="">a@example.com</div>
      <div contenteditable="plaintext-only"><span>b@example.com</span></div>
      <div contenteditable="TRUE"><a href="mailto:c@example.com">c</a></div>
      <textarea>d@example.com</textarea><input value="e@example.com">
      <pre>f@example.com</pre><code>g@example.com</code>
      <script>var x = "h@example.com"</script>
      <div contenteditable="false">ok@example.com</div>
    </body>`);
    expect(people(genericAdapter.findPeople(doc))).toEqual(['text: <ok@example.com>']);
  });
});
