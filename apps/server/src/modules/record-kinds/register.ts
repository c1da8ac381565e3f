import { registerKind } from '../applications/kinds';
import { cancellationKind } from './cancellation';
import { changeKind } from './change';
import { establishmentKind } from './establishment';
import { reissueKind } from './reissue';
import { renewalKind } from './renewal';

/** The record kinds the engine serves (called at composition, deps.ts; registering twice is harmless). */
export function registerRecordKinds(): void {
  registerKind(establishmentKind);
  registerKind(changeKind);
  registerKind(cancellationKind);
  registerKind(reissueKind);
  registerKind(renewalKind);
}
