// @vitest-environment jsdom
import '../../setup/dom-setup';
import { render, screen } from '@testing-library/react';
import { useEffect } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DrawnOnceOpened, onDemand } from '../../../src/ui/on-demand.tsx';

interface PartProps {
  open: boolean;
  onUnmount?: () => void;
}

/** A part that says whether it is open, and reports when it is taken off the page. */
function Part({ open, onUnmount }: PartProps) {
  useEffect(() => onUnmount, [onUnmount]);
  return <p role="note">{open ? 'part open' : 'part closed'}</p>;
}

function Host({
  part,
  open,
  onUnmount,
}: { part: ReturnType<typeof onDemandPart>['part'] } & PartProps) {
  return (
    <DrawnOnceOpened open={open}>
      <part.Component open={open} {...(onUnmount ? { onUnmount } : {})} />
    </DrawnOnceOpened>
  );
}

function onDemandPart(load: () => Promise<typeof Part> = () => Promise.resolve(Part)) {
  const loader = vi.fn(load);
  return { part: onDemand<PartProps>(loader), loader };
}

describe('parts loaded on demand', () => {
  it('fetches nothing and draws nothing until first opened', async () => {
    const { part, loader } = onDemandPart();
    const view = render(<Host part={part} open={false} />);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(loader).not.toHaveBeenCalled();
    expect(screen.queryByRole('note')).toBeNull();

    view.rerender(<Host part={part} open />);
    expect(await screen.findByRole('note')).toHaveTextContent('part open');
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('stays on the page once opened, so it closes as it would had it always been there', async () => {
    const { part } = onDemandPart();
    const unmounted = vi.fn();
    const view = render(<Host part={part} open onUnmount={unmounted} />);
    await screen.findByRole('note');
    view.rerender(<Host part={part} open={false} onUnmount={unmounted} />);
    expect(screen.getByRole('note')).toHaveTextContent('part closed');
    view.rerender(<Host part={part} open onUnmount={unmounted} />);
    expect(screen.getByRole('note')).toHaveTextContent('part open');
    expect(unmounted).not.toHaveBeenCalled();
  });

  it('draws a prefetched part in the same render as the change that opens it', async () => {
    const { part, loader } = onDemandPart();
    await part.prefetch();
    const view = render(<Host part={part} open={false} />);
    view.rerender(<Host part={part} open />);
    // No waiting: the code is there, so there is no empty frame between the click and the part.
    expect(screen.getByRole('note')).toHaveTextContent('part open');
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('fetches once however often it is prefetched and drawn', async () => {
    const { part, loader } = onDemandPart();
    await Promise.all([part.prefetch(), part.prefetch()]);
    render(<Host part={part} open />);
    render(<Host part={part} open />);
    expect(screen.getAllByRole('note')).toHaveLength(2);
    expect(loader).toHaveBeenCalledTimes(1);
  });

  it('tries a failed prefetch again when the part is drawn', async () => {
    let attempts = 0;
    const { part, loader } = onDemandPart(() => {
      attempts += 1;
      return attempts === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(Part);
    });
    await expect(part.prefetch()).resolves.toBeUndefined();
    render(<Host part={part} open />);
    expect(await screen.findByRole('note')).toHaveTextContent('part open');
    expect(loader).toHaveBeenCalledTimes(2);
  });
});
