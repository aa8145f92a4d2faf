/** Stable labels whose deprecated beta twins the controller keeps in step, the stable one being the truth. */
const BETA_TWINS: ReadonlyArray<[stable: string, beta: string]> = [
  ['kubernetes.io/os', 'beta.kubernetes.io/os'],
  ['kubernetes.io/arch', 'beta.kubernetes.io/arch'],
];

/** The beta labels to set so they exist and agree with their stable counterparts (reconcileNodeLabels). */
export function betaLabelsToReconcile(labels: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [stable, beta] of BETA_TWINS) {
    const value = labels?.[stable];
    if (value !== undefined && labels?.[beta] !== value) out[beta] = value;
  }
  return out;
}
