import { IConstruct } from 'constructs';
import { Where } from './model/errors';

/** The {@link Where} of a construct's property, for model validators and errors (either layer). */
export function whereOf(construct: IConstruct, field: string): Where {
  return { path: construct.node.path, field };
}
