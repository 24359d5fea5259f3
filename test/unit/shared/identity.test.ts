import { describe, expect, it } from 'vitest';
import { foldName, identityKey, initialKey, isEmail, isGroupAddress, isInitialName, nameMatchKeys, normalizeEmail, normalizeName, siteKey, strongKey } from '../../../src/shared/identity';
import { queryWords, wordsOf } from '../../../src/shared/words';

describe('isEmail / normalizeEmail', () => {
  it('accepts ordinary addresses, with surrounding spaces', () => {
    for (const good of ['dana@example.com', 'Dana.Scully+work@fbi.example.gov', ' dana@example.com ', 'o\'brien@example.ie']) {
      expect(isEmail(good), good).toBe(true);
    }
  });

  it('refuses things that are not one address', () => {
    for (const bad of ['', 'dana', 'dana@example', '@example.com', 'dana@', 'da na@example.com', 'Dana <dana@example.com>', 'a@b.com, c@d.com', 'a@@b.com', 'a@b@c.com']) {
      expect(isEmail(bad), bad).toBe(false);
    }
  });

  it('normalizeEmail trims and lower-cases', () => {
    expect(normalizeEmail('  Dana@Example.COM ')).toBe('dana@example.com');
  });
});

describe('names', () => {
  it('normalizeName collapses whitespace and composes accents', () => {
    expect(normalizeName('  José \t  Álvarez\n')).toBe('José Álvarez');
    expect(normalizeName('Jose\u0301')).toBe('José');
  });

  it('foldName ignores case, accents and spacing', () => {
    expect(foldName('José')).toBe('jose');
    expect(foldName('JOSÉ')).toBe('jose');
    expect(foldName('Jose\u0301')).toBe('jose');
    expect(foldName('  Zoë   Ångström ')).toBe('zoe angstrom');
    expect(foldName('Ørjan')).toBe(foldName('ØRJAN'));
    expect(foldName('Ørjan')).toBe('orjan');
    expect(foldName('Łukasz')).toBe(foldName('ŁUKASZ'));
    expect(foldName('Łukasz')).toBe('lukasz');
    // Not Turkish-dotless rules: a plain English lower-case.
    expect(foldName('IVAN')).toBe('ivan');
  });

  it('foldName treats ø and ł like o and l', () => {
    expect(foldName('Łukasz')).toBe(foldName('Lukasz'));
    expect(foldName('Ørjan')).toBe(foldName('Orjan'));
  });
});

describe('strongKey / identityKey', () => {
  it('an email is the strongest key, then a site id, else none', () => {
    expect(strongKey({ email: ' Dana@Example.com', name: 'Dana', siteId: { site: 'slack', id: 'U1' } })).toBe('email:dana@example.com');
    expect(strongKey({ siteId: { site: 'slack', id: 'U1' }, name: 'Dana' })).toBe('slack:U1');
    expect(strongKey({ email: 'not an address', siteId: { site: 'teams', id: 'aad' } })).toBe('teams:aad');
    expect(strongKey({ name: 'Dana' })).toBeNull();
    expect(strongKey({ email: 'Dana', name: 'Dana' })).toBeNull();
    expect(strongKey({})).toBeNull();
  });

  it('identityKey falls back to a marked, folded name key', () => {
    expect(identityKey({ name: 'José  Álvarez' })).toBe('name:jose alvarez');
    expect(identityKey({ email: 'a@b.co', name: 'José' })).toBe('email:a@b.co');
    expect(identityKey({})).toBe('name:');
    expect(siteKey({ site: 'google-chat', id: 'users/1' })).toBe('google-chat:users/1');
  });
});

describe('wordsOf', () => {
  it('folds and splits on anything that is not a letter or digit', () => {
    expect(wordsOf('Kubernetes, KUBERNETES and kubernetes!')).toEqual(['kubernetes', 'and']);
    expect(wordsOf('José Álvarez — crème brûlée')).toEqual(['jose', 'alvarez', 'creme', 'brulee']);
    expect(wordsOf('Ørjan Łukasz')).toEqual(['orjan', 'lukasz']);
    expect(wordsOf('東京 チーム')).toEqual(['東京', 'チーム']);
  });

  it('keeps addresses and hyphenated words whole and also by their parts', () => {
    expect(wordsOf('Dana@Example.com')).toEqual(['dana@example.com', 'dana', 'example', 'com']);
    expect(wordsOf('k8s-operator')).toEqual(['k8s-operator', 'k8s', 'operator']);
    expect(wordsOf('node.js')).toEqual(['node.js', 'node', 'js']);
    // Parts of one letter are not worth indexing.
    expect(wordsOf('a-team')).toEqual(['a-team', 'team']);
  });

  it('drops punctuation at word edges, empty texts and repeats, across texts', () => {
    expect(wordsOf('...hello...', '', '-world-', 'hello')).toEqual(['hello', 'world']);
    expect(wordsOf()).toEqual([]);
    expect(wordsOf('   ', '!!!')).toEqual([]);
  });
});

describe('queryWords', () => {
  it('drops question filler', () => {
    expect(queryWords('who knows about Kubernetes?')).toEqual(['kubernetes']);
    expect(queryWords('Does anyone know about the Postgres and Kafka?')).toEqual(['postgres', 'kafka']);
    expect(queryWords('who can help me with Terraform')).toEqual(['terraform']);
  });

  it('keeps filler when nothing else is left', () => {
    expect(queryWords('who')).toEqual(['who']);
    expect(queryWords('about')).toEqual(['about']);
  });

  it('keeps an address whole and drops the dotted compound for its parts', () => {
    expect(queryWords('dana@example.com')).toEqual(['dana@example.com', 'dana', 'example', 'com']);
    expect(queryWords('node.js experts')).toEqual(['node', 'js']);
    expect(queryWords('k8s-operator')).toEqual(['k8s', 'operator']);
  });

  it('folds case and accents', () => {
    expect(queryWords('JOSÉ')).toEqual(['jose']);
    expect(queryWords('')).toEqual([]);
  });
});

describe('nameMatchKeys: the spellings a known colleague is offered under', () => {
  it('folds case and diacritics, and reads "Last, First" as First Last', () => {
    expect(nameMatchKeys('Łukasz Żółć')).toEqual(['lukasz zolc']);
    expect(nameMatchKeys('LUKASZ  ZOLC')).toEqual(['lukasz zolc']);
    expect(nameMatchKeys('Hopper, Grace')).toEqual(['grace hopper']);
    expect(nameMatchKeys('Ødegård, Ørjan')).toEqual(['orjan odegard']);
  });

  it('drops a bracketed or dashed tail and middle initials', () => {
    expect(nameMatchKeys('Grace Hopper (Platform)')).toEqual(['grace hopper']);
    expect(nameMatchKeys('Grace Hopper - Acme Corp')).toEqual(['grace hopper']);
    expect(nameMatchKeys('Grace M. Hopper')).toEqual(['grace m hopper', 'grace hopper']);
  });

  it('gives no key for one word, and an initial key only for a full name', () => {
    expect(nameMatchKeys('Grace')).toEqual([]);
    expect(initialKey('Grace Hopper')).toBe('g hopper');
    expect(initialKey('Grace')).toBeNull();
    expect(isInitialName('G. Hopper')).toBe(true);
    expect(isInitialName('Grace Hopper')).toBe(false);
  });
});

describe('isGroupAddress: lists, groups and machines are not colleagues', () => {
  it('knows role mailboxes, list plumbing and list hosts', () => {
    for (const email of [
      'team@example.com',
      'noreply@example.com',
      'no-reply@github.com',
      'eng-team+unsubscribe@googlegroups.com',
      'dev@googlegroups.com',
      'kernel-owner@vger.example.org',
      'announce@lists.example.org',
      'platform-all@example.com',
    ]) {
      expect(isGroupAddress(email), email).toBe(true);
    }
  });

  it('leaves people alone, hyphens and plus tags included', () => {
    for (const email of ['grace@example.com', 'grace.hopper@example.com', 'jean-luc@example.com', 'grace+work@example.com', 'allison@example.com', 'teamlead.kim@example.com']) {
      expect(isGroupAddress(email), email).toBe(false);
    }
  });
});
