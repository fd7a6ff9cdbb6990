export function JourneyListPage() {
  return (
    <section className="page">
      <div className="page-header">
        <div>
          <h1>Journeys</h1>
          <p className="page-subtitle">
            Design, check and simulate customer journeys before launch.
          </p>
        </div>
      </div>
    </section>
  );
}
