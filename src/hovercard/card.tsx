import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { CardView } from '../shared/views';
import { KnownPerson } from './known-person';
import { UncertainPerson } from './uncertain-person';
import { UnknownPerson } from './unknown-person';
import { useCardGuard } from './use-card-guard';
import { useCardView, type UpdateCard } from './use-card-view';

export function HoverCard() {
  const { view, update, close } = useCardView();
  const theme = view?.theme;
  const guard = useCardGuard(view?.openId);

  // The card takes the host page's theme, not the system's: a dark Slack on a light desktop should
  // get a dark card (hovercard.css turns the attribute into color-scheme). Set before paint so the card
  // never flashes in the other theme.
  useLayoutEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
  }, [theme]);

  const isShown = view !== null;
  useEffect(() => {
    if (!isShown) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Tab') keepTabInside(event);
      // Escape while composing (IME) cancels the composition, not the card.
      if (event.key !== 'Escape' || event.isComposing) return;
      event.preventDefault();
      void close().catch(() => undefined);
    };
    // Capture, so an input that handles Escape itself cannot keep the card open.
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [isShown, close]);

  if (!view) return null;
  return (
    <main class="card" data-testid="card" data-state={view.state} data-seen={guard.isSeen}>
      {guard.isTypingPaused && (
        <p class="guard-notice" role="alert" data-testid="card-typing-paused">
          Typing paused: the page took the keyboard. What you typed is kept here, and nothing more reached the page. Click the card to go on.
        </p>
      )}
      {guard.isClickRefused && (
        <p class="guard-notice" role="alert" data-testid="card-click-refused">
          That click did nothing: the card had only just appeared, or something on the page covered it.
        </p>
      )}
      {/* Keyed by the open: hovering someone else starts with closed forms and no old errors. */}
      <CardBody key={view.openId} view={view} update={update} />
    </main>
  );
}

function CardBody({ view, update }: { view: CardView; update: UpdateCard }) {
  if (view.person) return <KnownPerson view={view} detail={view.person} update={update} />;
  if (view.state === 'uncertain') return <UncertainPerson view={view} update={update} />;
  // Known or noted without a record means it was deleted since the marker was drawn: offer to add.
  return <UnknownPerson view={view} update={update} />;
}

/**
 * Tab stays inside the open card. Focus that left the card for the page would otherwise look to the
 * content script like the page taking it (src/content/key-guard.ts); Escape is the way out.
 */
function keepTabInside(event: KeyboardEvent): void {
  const focusable = [...document.querySelectorAll<HTMLElement>('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')].filter(
    (element) => !element.hasAttribute('disabled') && element.getClientRects().length > 0,
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = document.activeElement;
  if (event.shiftKey && (active === first || active === document.body)) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && active === last) {
    event.preventDefault();
    first.focus();
  }
}
