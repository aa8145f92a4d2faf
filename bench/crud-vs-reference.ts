import { startPodApi, type CrudResult } from './api-crud.js';
import type { Profile } from './profile.js';
import { startReference, type ReferenceResult } from './reference.js';

/**
 * Scenarios 1 and 2 (single objects): each mimikube figure is measured right after the reference figure it is
 * compared with, so a change in the shared machine's load hits both sides of a ratio alike.
 */
export async function crudVersusReference(profile: Profile): Promise<{ reference: ReferenceResult; crud: CrudResult }> {
  const reference = await startReference(profile, 'normal');
  try {
    const mimikube = await startPodApi(profile);
    try {
      const result = { reference: { post: [], get: [] } as ReferenceResult, crud: { create: [], get: [], update: [] } as CrudResult };
      for (const concurrency of profile.concurrencies) {
        result.reference.post.push(await reference.post(concurrency));
        result.crud.create.push(await mimikube.create(concurrency));
      }
      for (const concurrency of profile.concurrencies) {
        result.reference.get.push(await reference.get(concurrency));
        result.crud.get.push(await mimikube.get(concurrency));
      }
      for (const concurrency of profile.concurrencies) result.crud.update.push(await mimikube.update(concurrency));
      return result;
    } finally {
      await mimikube.stop();
    }
  } finally {
    await reference.stop();
  }
}
