import { useEffect, useLayoutEffect } from 'preact/hooks';
import type { CardView } from '../shared/views';
import { KnownPerson } from './known-person';
import { UncertainPerson } from './uncertain-person';
import { UnknownPerson } from './unknown-person';
import { useCardView, type UpdateCard } from './use-card-view';
import { useReportedHeight } from './use-reported-height';

export function HoverCard() {
  const { view, update, close } = useCardView();
  const measure = useReportedHeight();
  const theme = view?.theme;

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
    <main ref={measure} class="card" data-testid="card" data-state={view.state}>
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
