/** Calendar-day clocks around liquidation (domain.md §6); the CAPE window itself is in cape-window.ts. */

/** End of CBP's voluntary reliquidation power, days after liquidation (domain.md §6, 19 U.S.C. 1501). */
export const VOLUNTARY_RELIQUIDATION_DAYS = 90;

/** Protest deadline, days after liquidation; after it, without a protest, liquidation is final (domain.md §6, 19 U.S.C. 1514). */
export const PROTEST_PERIOD_DAYS = 180;

/** Usual scheduled liquidation, days after the entry summary date, unless extended or suspended (domain.md §6). */
export const USUAL_LIQUIDATION_DAYS = 314;

/** Post Summary Correction window: days after the entry date (domain.md §6). */
export const PSC_DAYS_AFTER_ENTRY = 300;

/** Post Summary Correction window: days before scheduled liquidation (domain.md §6). */
export const PSC_DAYS_BEFORE_LIQUIDATION = 15;
