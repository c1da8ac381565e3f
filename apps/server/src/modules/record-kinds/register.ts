import { registerKind } from '../applications/kinds';
import { cancellationKind } from './cancellation';
import { changeKind } from './change';
import { establishmentKind } from './establishment';

/** The record kinds the engine serves (called at composition, deps.ts; registering twice is harmless). */
export function registerRecordKinds(): void {
  registerKind(establishmentKind);
  registerKind(changeKind);
  registerKind(cancellationKind);
}
