/**
 * The same call through the older Unified Messaging web service (UM2007Legacy.asmx):
 * PlayOnPhone answers with the call id, GetCallInfo with its state, Disconnect hangs up.
 */
import type { UmClient } from '../generated/um/index.js';

export async function readItemOnPhoneUm(
  um: UmClient,
  entryId: string,
  dialString: string,
  { pollMs = 1000, maxPolls = 60 } = {},
): Promise<{ callId: string; states: string[] }> {
  const callId = await um.playOnPhone({ entryId, dialString });
  const states: string[] = [];
  for (let poll = 0; poll < maxPolls; poll++) {
    const state = (await um.getCallInfo({ CallId: callId })).CallState;
    states.push(state);
    if (state === 'Connected' || state === 'Disconnected') break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  if (states[states.length - 1] !== 'Disconnected') await um.disconnect({ CallId: callId });
  return { callId, states };
}
