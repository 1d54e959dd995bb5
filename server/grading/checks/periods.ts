/**
 * Days in each period word a figure is given per ("$6 a day", "3 GB/month", "hourly"): one table for the figure
 * reader (figures.ts) and the equation reader (arithmetic.ts), so a period one of them knows converts the same in both.
 */
export const PERIOD_DAYS: Readonly<Record<string, number>> = {
  day: 1,
  d: 1,
  daily: 1,
  week: 7,
  wk: 7,
  weekly: 7,
  month: 30,
  mo: 30,
  monthly: 30,
  year: 365,
  yr: 365,
  yearly: 365,
  annually: 365,
  hour: 1 / 24,
  hr: 1 / 24,
  hourly: 1 / 24,
};
