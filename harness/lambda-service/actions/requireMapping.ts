import { ResourceNotFoundException } from '../errors.ts';
import { MappingState, type MappingRecord } from '../mappings/EventSourceMappingStore.ts';
import type { ActionContext } from './ActionContext.ts';

/**
 * The event source mapping an action names by UUID, or Lambda's ResourceNotFoundException.
 * One being deleted is still there for the reads (`visibleWhileDeleting`: Get and List show it
 * Deleting) but not found by a write: a second delete or an update of it is refused as LocalStack
 * answers (AWS's answer is not recorded).
 */
export function requireMapping(ctx: ActionContext<'mappings'>, uuid: string, options: { visibleWhileDeleting?: boolean } = {}): MappingRecord {
  const mapping = ctx.mappings.get(uuid);
  if (!mapping || (mapping.state === MappingState.Deleting && options.visibleWhileDeleting !== true)) {
    throw ResourceNotFoundException.forMapping();
  }
  return mapping;
}
