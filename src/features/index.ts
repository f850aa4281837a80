import type { Feature } from '../core/feature.ts';
import { helpFeature } from './help/index.ts';
import { onboarding } from './onboarding/index.ts';
import { privacyFeature } from './privacy/index.ts';
import { settingsFeature } from './settings/index.ts';

/** Every capability, in main-menu order. */
export const features: Feature[] = [onboarding, settingsFeature, privacyFeature, helpFeature];

export { beginOnboarding } from './onboarding/index.ts';
