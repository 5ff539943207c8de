// Real addresses for every registered route: each parameter filled with one of NORTH's ids from
// security-fixtures.ts (saveNorthSecrets), so a test that goes through every route reaches real
// records, and a 404 means what it says.
import { paramsOf, type Route } from './routes.js';
import { north } from './security-fixtures.js';

/** The ids made while seeding that are not fixed words: the calendar feed's and the checked import's. */
export interface SeededIds {
  readonly feedId: number;
  readonly jobId: string;
}

const key = (route: Route) => `${route.method} ${route.url}`;

/** NORTH's real id for each parameter of a route; a parameter not known here fails the test, naming itself. */
export function northValue(route: Route, param: string, ids: SeededIds): string {
  const after = (segment: string) => route.url.includes(`/${segment}/:${param}`);
  switch (param) {
    case 'code':
      return 'NORTH';
    case 'childId':
      return north.childId;
    case 'placementId':
      return north.placementId;
    case 'eventId':
      return north.eventId;
    case 'aimId':
      return north.aimId;
    case 'jobId':
      return ids.jobId;
    case 'ruleId':
      return 'planning-meeting';
    case 'aim':
      return 'aim-2';
    case 'id':
      if (after('placements')) return north.placementId;
      if (after('events')) return north.eventId;
      if (after('calendar')) return String(ids.feedId);
      // Improvement work (security-fixtures.ts): driver 1; the library's first idea.
      if (after('drivers') || after('library')) return '1';
      break;
    // Test T1 and its cycle 1; action A1 of the meeting on 2021-03-10 (security-fixtures.ts).
    case 'n':
    case 'c':
      return '1';
    case 'part':
      return 'do';
    case 'date':
      return '2021-03-10';
    case 'file':
      if (route.url.startsWith('/a/:code/packs/')) return '2021-03-10';
      if (route.url.startsWith('/a/:code/balancing/')) return 'placement-moves.csv';
      if (route.url === '/a/:code/aims/:aimId/breakdown/:file') return 'team.svg';
      if (route.url.startsWith('/a/:code/aims/') || route.url === '/a/:code/poster/:aimId/:file') return 'run-chart.svg';
      if (route.url.startsWith('/a/:code/exports/')) return 'clas-2021.csv';
      if (route.url.startsWith('/national/')) return 'table.csv';
      break;
  }
  throw new Error(`no NORTH value for :${param} in ${key(route)}: add one to northValue in test/web/route-addresses.ts`);
}

/** The route's address with every parameter one of NORTH's real ids. */
export function addressOf(route: Route, ids: SeededIds): string {
  let url = route.url;
  for (const param of paramsOf(route.url)) url = url.replace(`:${param}`, encodeURIComponent(northValue(route, param, ids)));
  return url;
}
