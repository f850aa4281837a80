import type { Feature } from '../core/feature.ts';
import { helpFeature } from './help/index.ts';
import { onboarding } from './onboarding/index.ts';
import { privacyFeature } from './privacy/index.ts';
import { settingsFeature } from './settings/index.ts';
import { staffFeature } from './staff/index.ts';
import { tipsFeature } from './tips/index.ts';
import { abuseFeature } from './abuse/index.ts';
import { broadcastsFeature } from './broadcasts/index.ts';
import { festivalsFeature } from './festivals/index.ts';
import { modelsFeature } from './models/index.ts';
import { consoleFeature } from './console/index.ts';
import { statsFeature } from './stats/index.ts';

/** Every capability, in main-menu order (the abuse guard first: it runs before any route). */
export const features: Feature[] = [
  abuseFeature,
  onboarding,
  tipsFeature,
  modelsFeature,
  festivalsFeature,
  broadcastsFeature,
  staffFeature,
  consoleFeature,
  statsFeature,
  settingsFeature,
  privacyFeature,
  helpFeature,
];

export { beginOnboarding } from './onboarding/index.ts';
