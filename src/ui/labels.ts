/** The words the pages show for Hallway's own kinds of things. */
import type { Favour, InteractionKind } from '../shared/model';

/** In the order the people page offers them: face time first, as that is what keeping in touch counts. */
export const INTERACTION_KIND_LABELS: Record<InteractionKind, string> = {
  'in-person': 'In person',
  call: 'Call',
  chat: 'Chat',
  email: 'Email',
  other: 'Other',
};

export const EFFORT_LABELS: Record<Favour['effort'], string> = { small: 'Small', medium: 'Medium', large: 'Large' };
