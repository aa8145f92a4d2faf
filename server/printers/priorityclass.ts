import type { KubeObject } from '../../schemas/meta.js';
import type { PriorityClass } from '../../schemas/scheduling/priorityclass.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { definePrinter } from './printer.js';

type PriorityClassObject = PriorityClass & KubeObject;

export const priorityClassPrinter = definePrinter<PriorityClassObject>({
  columns: [
    NAME_COLUMN,
    column('Value', 'integer', 'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.'),
    column('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class. Only one PriorityClass can be marked as `globalDefault`. However, if more than one PriorityClasses exists with their `globalDefault` field set to true, the smallest value of such global default PriorityClasses will be used as the default priority.'),
    AGE_COLUMN,
    column('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.'),
  ],
  cells(pc, now) {
    return [
      pc.metadata.name ?? '',
      pc.value ?? 0,
      pc.globalDefault ?? false,
      translateTimestampSince(pc.metadata.creationTimestamp, now),
      pc.preemptionPolicy ?? '',
    ];
  },
});
