import { registerKind } from '../applications/kinds';
import { creditKind } from './credit.kind';

/** The 诚信示范 kind the engine serves (called at composition, deps.ts; registering twice is harmless). */
export function registerCreditKind(): void {
  registerKind(creditKind);
}
