// @vitest-environment jsdom
import '../../setup/dom-setup';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { GenerateDialog } from '../../../src/features/profiles/generate/generate-dialog.tsx';
import type { ProfilesServices } from '../../../src/features/profiles/profiles-services.tsx';
import type {
  GenerateOutcome,
  GenerateRequest,
  JobProgress,
} from '../../../src/workers/profiles/profiles-protocol.ts';
import { testServices, withServices } from './services.tsx';
import { inFrench } from '../../support/in-french.tsx';

const NOW = Date.UTC(2026, 0, 15);

/** Renders the dialog open and waits for it: its frame's code loads on demand. */
async function renderDialog(services: ProfilesServices) {
  render(
    withServices(
      services,
      [
        {
          path: '/',
          element: (
            <GenerateDialog
              open
              now={NOW}
              onOpenChange={() => undefined}
              onOpenSet={() => undefined}
            />
          ),
        },
      ],
      '/',
    ),
  );
  await screen.findByRole('dialog');
}

/** A generate job the test drives by hand. */
function manualJob() {
  let report: (p: JobProgress) => void = () => undefined;
  let settle: { resolve: (o: GenerateOutcome) => void; reject: (e: unknown) => void } | undefined;
  const cancel = vi.fn(() => settle?.reject(new DOMException('Cancelled', 'AbortError')));
  const requests: GenerateRequest[] = [];
  const generate = (request: GenerateRequest, onProgress: (p: JobProgress) => void) => {
    requests.push(request);
    report = onProgress;
    return {
      result: new Promise<GenerateOutcome>((resolve, reject) => (settle = { resolve, reject })),
      cancel,
    };
  };
  return {
    generate,
    cancel,
    requests,
    fail: (error: unknown) => settle?.reject(error),
    progress: (done: number, total: number) => report({ phase: 'writing', done, total }),
  };
}

describe('generate dialog', () => {
  it('checks the count before starting', async () => {
    const user = userEvent.setup();
    await renderDialog(testServices());
    await user.clear(screen.getByLabelText('Number of profiles'));
    await user.type(screen.getByLabelText('Number of profiles'), '50');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(screen.getByLabelText('Number of profiles')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Enter a whole number from 100 to 200,000.')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
  });

  it('shows progress as batches are stored, and cancel stops the job', async () => {
    const user = userEvent.setup();
    const services = testServices();
    const job = manualJob();
    await renderDialog({ ...services, jobs: { ...services.jobs, generate: job.generate } });
    await user.clear(screen.getByLabelText('Number of profiles'));
    await user.type(screen.getByLabelText('Number of profiles'), '5000');
    await user.type(screen.getByLabelText('Seed'), '{Backspace}9');
    await user.click(screen.getByRole('button', { name: 'Generate' }));

    expect(job.requests[0]).toMatchObject({ count: 5000, seed: 9, name: 'Synthetic 5k' });
    const bar = screen.getByRole('progressbar', { name: 'Generating profiles' });
    expect(bar).toHaveAttribute('aria-valuenow', '0');
    expect(bar).toHaveAttribute('aria-valuemax', '5000');
    job.progress(2000, 5000);
    expect(await screen.findByText('2,000 of 5,000 profiles')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Generating profiles' })).toHaveAttribute(
      'aria-valuenow',
      '2000',
    );

    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(job.cancel).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Generation cancelled. No profiles were kept.',
    );
  });

  it('generates and stores a small set for real, with the bar at 100%', async () => {
    const user = userEvent.setup();
    const services = testServices();
    await renderDialog(services);
    await user.clear(screen.getByLabelText('Number of profiles'));
    await user.type(screen.getByLabelText('Number of profiles'), '300');
    await user.click(screen.getByRole('button', { name: 'Generate' }));
    expect(await screen.findByRole('status')).toHaveTextContent(
      '300 profiles generated and saved.',
    );
    expect(screen.getByRole('progressbar', { name: 'Generating profiles' })).toHaveAttribute(
      'aria-valuenow',
      '300',
    );
    const [set] = await services.repo.listProfileSets();
    expect(set).toMatchObject({ name: 'Synthetic 300', source: 'generated', count: 300 });
  });

  it('a cancelled real job leaves no set behind', async () => {
    const services = testServices();
    const controller = services.jobs.generate(
      { name: 'x', count: 20_000, seed: 1, start: NOW - 86_400_000 * 365, end: NOW },
      () => undefined,
    );
    controller.cancel();
    await expect(controller.result).rejects.toThrow('Cancelled');
    expect(await services.repo.listProfileSets()).toEqual([]);
  });

  it('speaks French: fields, hints, problems and a failure, with no English', async () => {
    const job = manualJob();
    const services = testServices();
    inFrench(
      withServices(
        { ...services, jobs: { ...services.jobs, generate: job.generate } },
        [
          {
            path: '/',
            element: (
              <GenerateDialog
                open
                now={NOW}
                onOpenChange={() => undefined}
                onOpenSet={() => undefined}
              />
            ),
          },
        ],
        '/',
      ),
    );
    const dialog = await screen.findByRole('dialog');
    const user = userEvent.setup();
    expect(screen.getByLabelText('Nombre de profils')).toBeVisible();
    expect(dialog).toHaveTextContent('La même graine donne les mêmes profils.');
    await user.clear(screen.getByLabelText('Graine'));
    await user.click(screen.getByRole('button', { name: 'Générer' }));
    expect(dialog).toHaveTextContent(
      'Saisissez une graine : la même graine donne les mêmes profils.',
    );
    await user.type(screen.getByLabelText('Graine'), '7');
    await user.click(screen.getByRole('button', { name: 'Générer' }));
    await act(async () => job.fail(new DOMException('plein', 'QuotaExceededError')));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'La génération a échoué, et aucun profil n’a été conservé. Le stockage du navigateur pour ce site est plein',
    );
    expect(dialog).not.toHaveTextContent(/Seed|Number of|Signups|Generation|Enter a/);
  });
});
