// Builds the dashboard (web/ → web/dist) when its sources changed since the last build; `npm start` runs it first,
// and the test suite's global setup too, so the browser journeys always test the current source.
import { buildWebIfStale } from '../src/http/build-web.ts';

const built = await buildWebIfStale();
if (built) console.log('dashboard built into web/dist');
