import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import type { Profile } from '../../../src/domain/profiles/profile.ts';
import { inProcessJobs } from '../../../src/features/profiles/in-process-jobs.ts';
import {
  type ProfilesServices,
  ProfilesServicesProvider,
} from '../../../src/features/profiles/profiles-services.tsx';
import { openWayfinderDb } from '../../../src/storage/db.ts';
import { createProfileRepo } from '../../../src/storage/profile-repo.ts';

let n = 0;

/** Services on a fresh fake-indexeddb database, with jobs run in-process. */
export function testServices(): ProfilesServices {
  const db = openWayfinderDb(`profiles-ui-${Date.now()}-${n++}`);
  const repo = createProfileRepo(db);
  return { db, repo, jobs: inProcessJobs(repo) };
}

/** Renders routes under the services, starting at `path`. */
export function withServices(
  services: ProfilesServices,
  routes: Array<{ path: string; element: ReactNode }>,
  path: string,
) {
  return (
    <ProfilesServicesProvider services={services}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          {routes.map((r) => (
            <Route key={r.path} path={r.path} element={r.element} />
          ))}
        </Routes>
      </MemoryRouter>
    </ProfilesServicesProvider>
  );
}

/** A small profile for table tests. */
export function person(id: string, name: string, email: string, plan: string, orders = 0): Profile {
  return {
    id,
    attributes: { name, email, plan, consent: { email: true }, tags: [], custom: { orders } },
    events: Array.from({ length: orders }, (_, i) => ({
      name: 'order_placed',
      at: Date.UTC(2025, 0, 1 + i),
      props: { amount: 10 },
    })),
  };
}
