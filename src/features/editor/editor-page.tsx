import { useParams } from 'react-router';

export function EditorPage() {
  const { journeyId } = useParams();
  return (
    <section className="page">
      <h1>Journey</h1>
      <p className="page-subtitle">{journeyId}</p>
    </section>
  );
}
