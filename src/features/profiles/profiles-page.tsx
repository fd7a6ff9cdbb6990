export function ProfilesPage() {
  return (
    <section className="page">
      <h1>Profiles</h1>
      <p className="page-subtitle">Sample customer profiles kept in this browser.</p>
    </section>
  );
}
