import { useEffect, useRef, useState } from 'react';
import type { AskInput, AskPreview } from '../../../shared/contract';
import { ami } from '../../api/ami-api';

const DEBOUNCE_MS = 400;

/**
 * The estimate and budget for the request as it would be sent now, asked of main (which builds the exact
 * messages) a moment after what the request depends on stops changing.
 */
export function useCostEstimate(buildInput: () => AskInput | string, key: string): Pick<AskPreview, 'estimate' | 'budget' | 'refusal'> | null {
  const [value, setValue] = useState<Pick<AskPreview, 'estimate' | 'budget' | 'refusal'> | null>(null);
  const build = useRef(buildInput);
  build.current = buildInput;
  useEffect(() => {
    let stale = false;
    const timer = setTimeout(() => {
      const input = build.current();
      if (typeof input === 'string') return setValue(null);
      void ami['consultations:preview'](input).then((result) => {
        if (stale) return;
        setValue(result.ok ? { estimate: result.value.estimate, budget: result.value.budget, refusal: result.value.refusal } : null);
      });
    }, DEBOUNCE_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [key]);
  return value;
}
