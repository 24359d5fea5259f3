/**
 * The network as a picture: one row per team, strongest first, with a bar for how strong the user's
 * ties into the team are and a dot per person (bigger and darker for a stronger tie, hollow for
 * someone never met in person). Plain SVG; the colours come from the theme's variables through
 * network.css, so it reads in light and dark. A screen reader gets the same facts as a table.
 */
import { useState } from 'preact/hooks';
import type { NetworkView } from '../shared/views';
import { count } from '../ui/format';

type Team = NetworkView['teams'][number];
type Tie = Team['people'][number];

const WIDTH = 720;
const ROW_HEIGHT = 40;
const LABEL_WIDTH = 190;
const BAR_X = LABEL_WIDTH + 10;
const BAR_WIDTH = 170;
const BAR_HEIGHT = 10;
const DOTS_X = BAR_X + BAR_WIDTH + 24;
const DOT_STEP = 16;
/** Room at the end of a row for "+12". */
const MORE_WIDTH = 44;
const DOTS_PER_ROW = Math.floor((WIDTH - DOTS_X - MORE_WIDTH) / DOT_STEP);
/** Enough teams to see the shape at a glance; the rest are one click away. */
const TEAMS_SHOWN = 20;
/** Characters of a team name that fit beside the bar; the full name is in the tooltip. */
const LABEL_CHARS = 22;

/** The same lines the background draws its thin spots with: below 0.2 a tie is weak. */
export function tieWords(strength: number): string {
  if (strength >= 0.6) return 'strong ties';
  if (strength >= 0.2) return 'moderate ties';
  if (strength > 0) return 'weak ties';
  return 'no contact in six months';
}

function personTieWords(strength: number): string {
  return tieWords(strength).replace('ties', 'tie');
}

const percent = (strength: number) => `${Math.round(strength * 100)}%`;

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}


function Dot({ tie, x, y }: { tie: Tie; x: number; y: number }) {
  const radius = 3 + 4 * tie.strength;
  // Even a tie with no recent contact stays visible, as a faint dot.
  const opacity = 0.35 + 0.65 * tie.strength;
  const met = tie.hasMetInPerson ? 'met in person' : 'never met in person';
  return (
    <circle
      class={tie.hasMetInPerson ? 'network-chart__dot' : 'network-chart__dot network-chart__dot--never-met'}
      cx={x}
      cy={y}
      r={radius}
      style={{ opacity }}
    >
      <title>{`${tie.displayName}: ${personTieWords(tie.strength)}, ${met}`}</title>
    </circle>
  );
}

function TeamRow({ team, index }: { team: Team; index: number }) {
  const top = index * ROW_HEIGHT;
  const middle = top + ROW_HEIGHT / 2;
  const shown = team.people.slice(0, DOTS_PER_ROW);
  const hidden = team.size - shown.length;
  const met = team.metCount;
  return (
    <g class="network-chart__row" data-testid="network-team">
      <title>{`${team.team}: ${tieWords(team.strength)} (${percent(team.strength)}), ${count(team.size, 'person', 'people')}, ${met} met in person`}</title>
      {index % 2 === 1 && <rect class="network-chart__stripe" x={0} y={top} width={WIDTH} height={ROW_HEIGHT} />}
      <text class="network-chart__team" x={8} y={middle - 3}>
        {clip(team.team, LABEL_CHARS)}
      </text>
      <text class="network-chart__sub" x={8} y={middle + 12}>
        {`${count(team.size, 'person', 'people')} · ${met} met`}
      </text>
      <rect class="network-chart__track" x={BAR_X} y={middle - BAR_HEIGHT / 2} width={BAR_WIDTH} height={BAR_HEIGHT} rx={BAR_HEIGHT / 2} />
      {team.strength > 0 && (
        <rect
          class="network-chart__bar"
          x={BAR_X}
          y={middle - BAR_HEIGHT / 2}
          // At least as wide as it is tall, so a faint tie still shows as a rounded stub.
          width={Math.max(BAR_HEIGHT, team.strength * BAR_WIDTH)}
          height={BAR_HEIGHT}
          rx={BAR_HEIGHT / 2}
        />
      )}
      {shown.map((tie, i) => (
        <Dot key={tie.id} tie={tie} x={DOTS_X + i * DOT_STEP + DOT_STEP / 2} y={middle} />
      ))}
      {hidden > 0 && (
        <text class="network-chart__sub" x={DOTS_X + shown.length * DOT_STEP + 6} y={middle + 4}>
          {`+${hidden.toLocaleString('en')}`}
        </text>
      )}
    </g>
  );
}

/** One sentence for the picture as a whole, for the `aria-label` of the image. */
function summary(teams: Team[], total: number): string {
  const people = teams.reduce((n, t) => n + t.size, 0);
  const named = teams.filter((t) => t.team && t.size);
  const strongest = named[0];
  const head = `Your ties into ${count(teams.length, 'group', 'groups')} of ${count(people, 'person', 'people')}`;
  const shown = teams.length < total ? `, the ${teams.length} strongest of ${total} shown` : '';
  return strongest ? `${head}${shown}. Strongest: ${strongest.team}, ${tieWords(strongest.strength)}. The table below has the details.` : `${head}.`;
}

export function NetworkChart({ teams }: { teams: Team[] }) {
  const [isShowingAll, setIsShowingAll] = useState(false);
  const shown = isShowingAll ? teams : teams.slice(0, TEAMS_SHOWN);
  const height = shown.length * ROW_HEIGHT;

  return (
    <div class="network-chart">
      <ul class="network-legend muted" aria-hidden="true">
        <li>
          <svg width="44" height="12" viewBox="0 0 44 12">
            <rect class="network-chart__track" x={0} y={1} width={44} height={BAR_HEIGHT} rx={BAR_HEIGHT / 2} />
            <rect class="network-chart__bar" x={0} y={1} width={28} height={BAR_HEIGHT} rx={BAR_HEIGHT / 2} />
          </svg>
          Team tie strength
        </li>
        <li>
          <svg width="16" height="16" viewBox="0 0 16 16">
            <circle class="network-chart__dot" cx={8} cy={8} r={6} />
          </svg>
          Met in person
        </li>
        <li>
          <svg width="16" height="16" viewBox="0 0 16 16">
            <circle class="network-chart__dot network-chart__dot--never-met" cx={8} cy={8} r={6} />
          </svg>
          Never met in person
        </li>
        <li>Bigger, darker dots are stronger ties.</li>
      </ul>

      {/* role=img makes the drawing one image with one description; the table beside it is the text version. */}
      <svg
        class="network-chart__svg"
        data-testid="network-chart"
        role="img"
        aria-label={summary(shown, teams.length)}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
      >
        {/* Keyed by place too: a team really named "No team" may sit beside the people without one. */}
        {shown.map((team, index) => (
          <TeamRow key={`${index}:${team.team}`} team={team} index={index} />
        ))}
      </svg>

      {teams.length > TEAMS_SHOWN && (
        <button type="button" class="secondary network-chart__more" aria-expanded={isShowingAll} onClick={() => setIsShowingAll(!isShowingAll)}>
          {isShowingAll ? `Show the ${TEAMS_SHOWN} strongest teams` : `Show all ${teams.length.toLocaleString('en')} teams`}
        </button>
      )}

      <table class="visually-hidden">
        <caption>Ties by team, strongest first</caption>
        <thead>
          <tr>
            <th scope="col">Team</th>
            <th scope="col">Tie strength</th>
            <th scope="col">People</th>
            <th scope="col">Met in person</th>
            <th scope="col">Strongest ties</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((team, index) => (
            <tr key={`${index}:${team.team}`}>
              <th scope="row">{team.team}</th>
              <td>{`${tieWords(team.strength)} (${percent(team.strength)})`}</td>
              <td>{team.size.toLocaleString('en')}</td>
              <td>{team.metCount.toLocaleString('en')}</td>
              <td>
                {team.people
                  .slice(0, 3)
                  .map((p) => `${p.displayName} (${personTieWords(p.strength)})`)
                  .join(', ')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
