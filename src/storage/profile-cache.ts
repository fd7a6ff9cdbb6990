import { type ProfileSort, queryProfiles } from '../domain/profiles/query';
import type { Profile } from '../domain/profiles/profile';

const MAX_VIEWS = 4;

/**
 * The profiles of the set read last, keyed by the set's revision, with the sorted and filtered
 * views a virtualised table pages through: paging reads memory, not IndexedDB.
 */
export class ProfileSetCache {
  private entry:
    | {
        setId: string;
        revision: number;
        profiles: Profile[];
        byId?: Map<string, Profile>;
        views: Map<string, Profile[]>;
      }
    | undefined;

  get(setId: string, revision: number): Profile[] | undefined {
    const e = this.entry;
    return e && e.setId === setId && e.revision === revision ? e.profiles : undefined;
  }

  set(setId: string, revision: number, profiles: Profile[]): void {
    this.entry = { setId, revision, profiles, views: new Map() };
  }

  forget(setId: string): void {
    if (this.entry?.setId === setId) this.entry = undefined;
  }

  byId(setId: string, revision: number, id: string): Profile | undefined {
    const e = this.entry;
    if (!e || e.setId !== setId || e.revision !== revision) return undefined;
    e.byId ??= new Map(e.profiles.map((p) => [p.id, p]));
    return e.byId.get(id);
  }

  view(
    setId: string,
    revision: number,
    sort: ProfileSort | undefined,
    search: string | undefined,
  ): Profile[] | undefined {
    const e = this.entry;
    if (!e || e.setId !== setId || e.revision !== revision) return undefined;
    const key = JSON.stringify([sort?.key, sort?.direction, search?.trim().toLowerCase() ?? '']);
    let view = e.views.get(key);
    if (!view) {
      view = sort || search ? queryProfiles(e.profiles, sort, search) : e.profiles;
      if (e.views.size >= MAX_VIEWS) {
        const oldest = e.views.keys().next().value;
        if (oldest !== undefined) e.views.delete(oldest);
      }
      e.views.set(key, view);
    }
    return view;
  }
}
