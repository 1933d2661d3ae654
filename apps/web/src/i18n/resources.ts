import { CAMPAIGN_TEXTS } from '../campaigns/texts';
import { PROCESS_TEXTS } from '../processes/texts';
import { en } from './en';
import { vi } from './vi';

type Language = 'vi' | 'en';

/** Each process module's texts under `processes.<processType>` (`processes.<processType>.name`, …). */
const processTexts = (lang: Language) => Object.fromEntries(Object.entries(PROCESS_TEXTS).map(([type, texts]) => [type, texts[lang]]));

/**
 * Every string the app shows, by language: the generic pages' (vi.ts, en.ts), the process
 * modules' and the campaigns section's (campaigns/texts.ts). Pure data: the browser tests read it
 * too, to know what English looks like.
 */
export const resources = {
  vi: { translation: { ...vi, processes: processTexts('vi'), campaigns: CAMPAIGN_TEXTS.vi } },
  en: { translation: { ...en, processes: processTexts('en'), campaigns: CAMPAIGN_TEXTS.en } },
};
