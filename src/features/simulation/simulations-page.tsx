export function SimulationsPage() {
  return (
    <section className="page">
      <h1>Simulations</h1>
      <p className="page-subtitle">Runs of your journeys over sample profiles.</p>
    </section>
  );
}
