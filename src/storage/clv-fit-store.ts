/**
 * The CLV-fit table's declaration, apart from the cache's code: the database schema needs only
 * this, and importing the cache would pull the CLV models into every screen's first load.
 */

/** The CLV-fit table added in schema version 5: one fit per set version and calibration choice. */
export const CLV_FITS_STORE = { clvFits: 'key, setId' } as const;

/** A cached CLV fit; `report` is checked against its schema when read back. */
export interface ClvFitRecord {
  /** `setId|setVersion|calibration`. */
  key: string;
  setId: string;
  /** The set's version when fitted (its `updatedAt`): a changed set never matches again. */
  setVersion: string;
  /** The calibration choice: a `YYYY-MM-DD` day, `all` or `default`. */
  calibration: string;
  savedAt: number;
  report: unknown;
}
