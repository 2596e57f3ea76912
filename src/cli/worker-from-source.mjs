// The worker-pool's thread entry when the CLI runs from the TypeScript (development, tests):
// registers tsx in this thread, then runs the .ts task module on the batch. The built CLI never needs it.
import { register } from 'tsx/esm/api';

register();
export default async function runFromSource({ module, inputs }) {
  return (await import(module)).default(inputs);
}
