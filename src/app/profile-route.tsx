import { ClvThermometer } from '../features/forecast/clv/clv-thermometer.tsx';
import { ProfilePage } from '../features/profiles/profile-view/profile-page.tsx';

/** A profile with its expected lifetime value, fitted on its set's purchase history. */
export function ProfileRoute() {
  return (
    <ProfilePage
      renderExtras={({ setId, setVersion, profile }) => (
        <ClvThermometer setId={setId} setVersion={setVersion} profile={profile} />
      )}
    />
  );
}
