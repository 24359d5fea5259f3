/**
 * A Gmail-like page: an inbox list and an open 40-message thread, with the hooks the Gmail adapter
 * reads (test/fixtures/gmail/thread-skeleton.html): `span[email][name]` senders and recipients,
 * `.hb` recipient lines, `div.a3s` bodies.
 */
import type { BenchPerson } from './people';
import { escapeHtml, messageSegments, type Cast, type Segment } from './prose';
import { seeded } from './prng';

export const GMAIL_URL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzBenchThread000000000001';
export const GMAIL_PATTERN = 'https://mail.google.com/**';

function address(person: BenchPerson, className: string, label = person.full): string {
  return `<span email="${person.email}" name="${escapeHtml(person.full)}" data-hovercard-id="${person.email}" class="${className}">${escapeHtml(label)}</span>`;
}

function plain(segments: readonly Segment[]): string {
  return segments.map((s) => escapeHtml('text' in s ? s.text : `@${s.mention.full}`)).join('');
}

export function gmailPage(options: { universe: readonly BenchPerson[]; known: number; inboxRows?: number; threadMessages?: number; seed?: number }): string {
  const random = seeded(options.seed ?? 23);
  const { universe, known } = options;
  const cast: Cast = { known: universe.slice(0, known), unknown: universe.slice(known, known + 1000) };
  const senders = universe.slice(0, 300);
  const inbox: string[] = [];
  for (let i = 0; i < (options.inboxRows ?? 50); i++) {
    const from = random.pick(senders);
    inbox.push(
      `<tr class="zA" role="row"><td class="yX xY"><div class="yW">${address(from, 'zF')}</div></td>` +
        `<td class="xY"><span class="bog">Weekly sync ${i + 1}</span> <span class="y2">- ${escapeHtml(random.pick(['see notes', 'agenda inside', 'moved to Friday']))}</span></td></tr>`,
    );
  }
  const thread: string[] = [];
  for (let i = 0; i < (options.threadMessages ?? 40); i++) {
    const from = random.pick(senders);
    const to = [random.pick(cast.known), random.pick(senders)];
    thread.push(
      `<div class="h7" role="listitem"><div class="adn ads" data-message-id="#msg-f:18000000000000${String(i).padStart(5, '0')}" data-legacy-message-id="18fa00000000${String(i).padStart(4, '0')}">` +
        `<h3 class="iw">${address(from, 'gD')} <span class="go">&lt;${from.email}&gt;</span></h3>` +
        `<span class="g3" title="${i + 1} Nov 2025, 09:12">${i + 1} Nov</span>` +
        `<div class="iw ajw"><span class="hb">to ${to.map((p) => address(p, 'g2', p.first)).join(', ')}</span></div>` +
        `<div class="ii gt"><div class="a3s aiL"><div dir="ltr">${plain(messageSegments(random, cast))}</div></div></div>` +
        `</div></div>\n`,
    );
  }
  return (
    `<!doctype html><html><head><meta charset="utf-8"><title>Inbox - Gmail</title><style>body{font:14px/1.4 Arial,sans-serif;margin:0}.hb span{color:#555}</style></head><body>\n` +
    `<div class="nH"><div class="aeF"><table class="F cf zt" role="grid"><tbody>${inbox.join('')}</tbody></table></div>\n` +
    `<div role="main" class="nH bkK"><div class="ha"><h2 class="hP" data-thread-perm-id="thread-f:1800000000000bench" data-legacy-thread-id="18fabench0000001">Rollout plan</h2></div>\n` +
    `<div role="list">\n${thread.join('')}</div></div></div>\n</body></html>`
  );
}
